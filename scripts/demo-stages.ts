/** What the demo (and the CLI test) runs: stack config pointing at the emulator, and the stages. */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { EMULATOR_CREDENTIALS, type RunningEmulator } from "../emulator/index.js";
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

/** Stack config that points the provider at the emulator, with the emulator's documented keys. */
export function emulatorConfig(emulator: RunningEmulator): Record<string, string> {
  const hw = EMULATOR_CREDENTIALS.huaweicloud.primary;
  const tc = EMULATOR_CREDENTIALS.tencentcloud.primary;
  return {
    "vpcep:huaweicloudEndpoint": emulator.urls.huaweicloud,
    "vpcep:huaweicloudAccessKey": hw.accessKey,
    "vpcep:huaweicloudSecretKey": hw.secretKey,
    "vpcep:huaweicloudProjectId": hw.projectId,
    "vpcep:tencentcloudEndpoint": emulator.urls.tencentcloud,
    "vpcep:tencentcloudSecretId": tc.secretId,
    "vpcep:tencentcloudSecretKey": tc.secretKey,
    "vpcep:pollInterval": "250ms",
    "vpcep:pollMaxInterval": "1s",
    "vpcep:progressInterval": "1s",
  };
}

export const SECRET_KEYS = ["vpcep:huaweicloudSecretKey", "vpcep:tencentcloudSecretKey"];

/** The demo's stages: what to run, with which program config, and what must happen. */
export const STAGES: CliStage[] = [
  { title: "preview of a new stack", op: "preview", config: {}, expect: { create: 4 } },
  { title: "up", op: "up", config: {}, expect: { create: 4 } },
  { title: "second preview: no changes", op: "preview", config: {}, expect: { same: 4 } },
  {
    title: "in-place change: Huawei whitelist, Tencent endpoint name",
    op: "up",
    config: { allowedCidr: "10.1.0.0/24", endpointName: "orders-consumer-v2" },
    expect: { update: 2, same: 2 },
  },
  {
    title: "replacing change: Huawei private DNS, Tencent endpoint tag",
    op: "up",
    config: {
      allowedCidr: "10.1.0.0/24",
      endpointName: "orders-consumer-v2",
      enableDns: "true",
      tier: "premium",
    },
    expect: { replace: 2, same: 2 },
  },
  { title: "refresh", op: "refresh", config: {}, expect: { refresh: 4 } },
  { title: "destroy", op: "destroy", config: {}, expect: { delete: 4 } },
];
