/**
 * Drives the engine-protocol runner from jest: each call spawns `dist/tests/engine/cli.js` in a
 * plain Node process (closure serialization must not run inside jest's module sandbox), against
 * the fixture program whose resources come from config.
 */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import {
  EMULATOR_CREDENTIALS,
  providerConfig,
  PROVIDER_SECRET_KEYS,
  startEmulator,
  type RunningEmulator,
} from "../../emulator/index.js";
import type { OperationReport } from "../engine/cli.js";
import { loadState, type StackState } from "../engine/state.js";
import { controlClient } from "../emulator/helpers.js";

const TWO_UP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The repository, whether this runs from source (jest) or compiled under dist/ (the benchmarks). */
export const ROOT = path.basename(TWO_UP) === "dist" ? path.dirname(TWO_UP) : TWO_UP;
const CLI = path.join(ROOT, "dist/tests/engine/cli.js");
const PROGRAM = path.join(ROOT, "dist/tests/fixtures/programs/declared.js");
export const PROJECT = "fixture";
const STACK = "test";

export type Op = "preview" | "up" | "refresh" | "destroy";

export interface Declared {
  kind: "VpcEndpoint" | "VpcEndpointService" | "VpcEndpointConnection";
  name: string;
  args?: Record<string, unknown>;
  get?: { id: string; cloud: string; region: string };
}

export const HW = EMULATOR_CREDENTIALS.huaweicloud.primary;
export const HW2 = EMULATOR_CREDENTIALS.huaweicloud.secondary;
export const OTC = EMULATOR_CREDENTIALS.opentelekomcloud.primary;
export const TC = EMULATOR_CREDENTIALS.tencentcloud.primary;
export const TC2 = EMULATOR_CREDENTIALS.tencentcloud.secondary;

/** Fast polling so waits cost milliseconds; the emulator's manual progression sets the pace. */
export const FAST = {
  "vpcep:pollInterval": "20ms",
  "vpcep:pollMaxInterval": "100ms",
  "vpcep:progressInterval": "50ms",
  "vpcep:retryBaseDelay": "20ms",
};

/** Spawns the compiled runner with these arguments; resolves with one report per operation. */
export function runEngineCli(args: string[]): Promise<OperationReport[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`engine runner failed: ${error.message}\n${stderr}`));
          return;
        }
        resolve(
          stdout
            .split("\n")
            .filter((line) => line.startsWith("{"))
            .map((line) => JSON.parse(line) as OperationReport),
        );
      },
    );
  });
}

/** A stack: a state file and the emulator it talks to. */
export class TestStack {
  readonly stateFile: string;
  constructor(
    readonly emulator: RunningEmulator,
    readonly options: { account?: "primary" | "secondary"; env?: Record<string, string> } = {},
  ) {
    this.stateFile = path.join(mkdtempSync(path.join(tmpdir(), "vpcep-stack-")), "state.json");
  }

  /** Runs the ops with these resources declared; resolves with one report per op. */
  run(
    resources: Declared[],
    ops: Op[],
    extraConfig: Record<string, string> = {},
  ): Promise<OperationReport[]> {
    const config: Record<string, string> = {
      ...providerConfig(this.emulator.urls, this.options.account),
      ...FAST,
      "fixture:resources": JSON.stringify(resources),
      ...extraConfig,
    };
    const args = [
      "--program",
      PROGRAM,
      "--cwd",
      ROOT,
      "--state",
      this.stateFile,
      "--project",
      PROJECT,
      "--stack",
      STACK,
    ];
    for (const [key, value] of Object.entries(config)) {
      args.push(PROVIDER_SECRET_KEYS.includes(key) ? "--secret-config" : "--config", `${key}=${value}`);
    }
    for (const [key, value] of Object.entries(this.options.env ?? {})) args.push("--env", `${key}=${value}`);
    for (const op of ops) args.push("--op", op);
    return runEngineCli(args);
  }

  state(): StackState {
    return loadState(this.stateFile, PROJECT, STACK);
  }

  /** The live (not pending-delete) resource of that name in state. */
  resource(name: string) {
    return this.state().resources.find((r) => r.name === name && !r.delete);
  }
}

/** The first step per resource name, as `{ name: op }` (a replacement's trailing delete is left out). */
export function stepsOf(report: OperationReport | undefined): Record<string, string> {
  const steps: Record<string, string> = {};
  for (const step of report?.steps ?? []) steps[step.name] ??= step.op;
  return steps;
}

/** Polls until `probe` is true; every read also advances the emulator's manual progression. */
export async function eventually(
  probe: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  // A deadline, not a count: the runner is a separate process, slow to start on a loaded machine.
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`never happened: ${what}`);
}

/** An emulator per test file, reset before each test, with the given default progression. */
export function useEmulator(progression = "manual:2") {
  const context = {} as { emulator: RunningEmulator; control: ReturnType<typeof controlClient> };
  beforeAll(async () => {
    context.emulator = await startEmulator({ defaultProgression: progression, auth: "strict" });
    context.control = controlClient(context.emulator.controlUrl);
  });
  afterAll(async () => {
    await context.emulator.close();
  });
  beforeEach(async () => {
    await context.control.post("/reset");
  });
  return context;
}

/** Emulator requests, optionally of one operation (Huawei name or Tencent Action). */
export async function requests(control: ReturnType<typeof controlClient>, operation?: string) {
  const response = await control.get(`/requests${operation ? `?operation=${operation}` : ""}`);
  return response.body.requests as {
    operation: string;
    status: number;
    method: string;
    path: string;
    errorCode?: string;
    injected?: string;
  }[];
}

/**
 * The idempotency gate: a preview that makes no cloud call, then up creates every resource once,
 * and a second preview, a refresh and a preview after it find nothing to change. Returns up's report.
 */
export async function createIdempotently(
  stack: TestStack,
  control: ReturnType<typeof controlClient>,
  resources: Declared[],
  createOperations: string[],
): Promise<OperationReport> {
  const names = resources.map((r) => r.name);
  const all = (op: string) => Object.fromEntries(names.map((name) => [name, op]));
  await control.delete("/requests");
  const [preview] = await stack.run(resources, ["preview"]);
  expect(stepsOf(preview)).toEqual(all("create"));
  expect(await requests(control)).toEqual([]);

  const [up, again, refresh, afterRefresh] = await stack.run(resources, [
    "up",
    "preview",
    "refresh",
    "preview",
  ]);
  expect(up!.ok).toBe(true);
  expect(stepsOf(up)).toEqual(all("create"));
  expect(stepsOf(again)).toEqual(all("same"));
  // A service's `connections` is what the cloud lists when it is recorded: its endpoints, created
  // after it in the same up, first appear on this refresh.
  const refreshed = refresh!.steps.map((s) => [
    s.name,
    s.op,
    (s.changedKeys ?? []).filter((key) => key !== "connections"),
  ]);
  expect(refreshed).toEqual(expect.arrayContaining(names.map((name) => [name, "refresh", []])));
  expect(stepsOf(afterRefresh)).toEqual(all("same"));
  // One create per object: nothing resent.
  const creates = (await requests(control)).filter((c) => c.operation.startsWith("Create"));
  expect(creates.map((c) => c.operation)).toEqual(createOperations);
  return up!;
}
