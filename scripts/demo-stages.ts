/** What the demo (and the CLI test) runs: stack config pointing at the emulator, and the stages. */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { providerConfig, PROVIDER_SECRET_KEYS, type RunningEmulator } from "../emulator/index.js";
import type { CliStage } from "./demo-cli.js";

/** The repository root: the directory holding the quickstart's Pulumi.yaml (from src or dist). */
function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no Pulumi.yaml above ${start}`);
  }
}

export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const PROJECT = "vpcep-quickstart";
export const STACK = "dev";

/** Stack config for the demo: the emulator's endpoints and keys, and brisk polling. */
export function emulatorConfig(emulator: RunningEmulator): Record<string, string> {
  return {
    ...providerConfig(emulator.urls),
    "vpcep:pollInterval": "250ms",
    "vpcep:pollMaxInterval": "1s",
    "vpcep:progressInterval": "1s",
  };
}

export const SECRET_KEYS = PROVIDER_SECRET_KEYS;

const IN_PLACE = {
  allowedCidr: "10.1.0.0/24",
  otcDescription: "orders API v2",
  endpointName: "orders-consumer-v2",
  veEndpointName: "orders-consumer-v2",
};

/** The demo's stages: what to run, with which program config, and what must happen. */
export const STAGES: CliStage[] = [
  { title: "preview of a new stack", op: "preview", config: {}, expect: { create: 8 } },
  { title: "up", op: "up", config: {}, expect: { create: 8 } },
  { title: "second preview: no changes", op: "preview", config: {}, expect: { same: 8 } },
  {
    title:
      "in-place change: Huawei whitelist, OTC service description, Tencent and Volcengine endpoint names",
    op: "up",
    config: IN_PLACE,
    expect: { update: 4, same: 4 },
  },
  {
    title: "replacing change: Huawei private DNS, OTC whitelist, Tencent endpoint tag, Volcengine project",
    op: "up",
    config: {
      ...IN_PLACE,
      enableDns: "true",
      otcAllowedCidr: "10.2.0.0/24",
      tier: "premium",
      veProject: "orders",
    },
    expect: { replace: 4, same: 4 },
  },
  { title: "refresh", op: "refresh", config: {}, expect: { refresh: 8 } },
  { title: "destroy", op: "destroy", config: {}, expect: { delete: 8 } },
];
