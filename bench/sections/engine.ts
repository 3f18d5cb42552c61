/**
 * The engine runner (tests/engine) at scale: a destroy and a refresh of 20 Tencent services run in
 * parallel as the engine runs them (against the rate-limit bound, and against the same operation
 * one step at a time), and what the runner spends on itself during a 1,000-resource `up` of a
 * trivial dynamic provider: state writes per resource at 100 and 1,000 resources (linear), the
 * old whole-file rewrite after every step replayed on the same state as the before-figure, and
 * the runner's own CPU time as a share of the `up` (a CPU profile of this process, each sample
 * charged to the innermost frame of a known module).
 */
import * as fs from "node:fs";
import { Session } from "node:inspector/promises";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { PROVIDER_SECRET_KEYS, providerConfig, startEmulator } from "../../emulator/index.js";
import { loadProgram } from "../../tests/engine/cli.js";
import {
  defaultParallel,
  runOperation,
  type OperationResult,
  type RunnerProfile,
} from "../../tests/engine/engine.js";
import { ProviderHost } from "../../tests/engine/host.js";
import { loadState } from "../../tests/engine/state.js";
import type { Figure, Section } from "../figures.js";
import { trivialProgram } from "../support/trivial-provider.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const DECLARED = path.join(ROOT, "dist/tests/fixtures/programs/declared.js");
const SERVICES = 20;
const DELETION_MS = 1500;
/** Tencent's documented limit per action, and the provider's client-side limit in this run. */
const RATE = 20;
/** Latency the emulator adds to every Tencent describe call during the refresh figures. */
const READ_LATENCY_MS = 250;
const SMALL = 100;
const LARGE = 1000;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function tencentServices(): unknown[] {
  return Array.from({ length: SERVICES }, (_, i) => ({
    kind: "VpcEndpointService",
    name: `svc${i}`,
    args: {
      cloud: "tencentcloud",
      region: "ap-guangzhou",
      vpcId: "vpc-hj3he929",
      serviceInstanceId: `lb-${String(i).padStart(8, "0")}`,
      serviceName: `orders-${i}`,
      approvalRequired: false,
    },
  }));
}

/** The emulator-backed figures: destroy and refresh of 20 services. */
async function cloudFigures(): Promise<Figure[]> {
  const emulator = await startEmulator({ defaultProgression: "immediate", auth: "strict" });
  const control = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${emulator.controlUrl}${route}`, {
      method,
      ...(body !== undefined
        ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } }
        : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator ${method} ${route}: ${response.status} ${text}`);
    return text === "" ? undefined : JSON.parse(text);
  };
  const requestCount = async (): Promise<number> =>
    ((await control("GET", "/requests?cloud=tencentcloud")) as { requests: unknown[] }).requests.length;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-engine-"));
  const config: Record<string, string> = {
    ...providerConfig(emulator.urls),
    "vpcep:maxRequestsPerSecond": String(RATE),
    "fixture:resources": JSON.stringify(tencentServices()),
  };
  const secretKeys = Object.keys(config).filter((key) => PROVIDER_SECRET_KEYS.includes(key));
  const program = loadProgram(DECLARED);
  let stacks = 0;
  /**
   * A fresh stack and host: `up` with an immediate cloud, then `op` timed (the host is started and
   * the provider loaded before the clock starts), with the cloud calls it made.
   */
  const measure = async (
    op: "refresh" | "destroy",
    parallel: number,
  ): Promise<{ ms: number; calls: number; report: OperationResult }> => {
    await control("POST", "/reset");
    await control("DELETE", "/requests");
    const stateFile = path.join(dir, `stack-${stacks++}.json`);
    const host = await ProviderHost.start({ cwd: ROOT, project: "fixture" });
    try {
      const base = { program, stateFile, project: "fixture", stack: "bench", config, secretKeys, host };
      const up = await runOperation({ ...base, op: "up" });
      if (!up.ok) throw new Error(`bench up failed: ${JSON.stringify(up.errors)}`);
      // Deletion takes DELETION_MS from now on; reads carry latency for the refresh figures.
      await control("PUT", "/transitions", {
        model: "tencent::endpoint_service",
        progression: "time",
        ms: DELETION_MS,
      });
      if (op === "refresh") {
        await control("PUT", "/faults", [
          {
            cloud: "tencentcloud",
            operation: "DescribeVpcEndPointService",
            action: "latency",
            latencyMs: READ_LATENCY_MS,
          },
        ]);
      }
      const before = await requestCount();
      const start = performance.now();
      const report = await runOperation({ ...base, op, parallel });
      const ms = performance.now() - start;
      if (!report.ok) throw new Error(`bench ${op} failed: ${JSON.stringify(report.errors)}`);
      const left = loadState(stateFile, "fixture", "bench").resources.length;
      if (op === "destroy" ? left > 0 : left !== SERVICES) {
        throw new Error(`bench ${op} left ${left} resources in state`);
      }
      return { ms, calls: (await requestCount()) - before, report };
    } finally {
      await host.stop();
    }
  };
  try {
    const figures: Figure[] = [];
    const destroyAll = await measure("destroy", SERVICES);
    const destroyDefault = await measure("destroy", defaultParallel());
    const destroyOne = await measure("destroy", 1);
    const bound = Math.max(DELETION_MS, (destroyAll.calls / RATE) * 1000);
    figures.push({
      figure: `destroy of ${SERVICES} services (deletion ${seconds(DELETION_MS)}), --parallel ${SERVICES}`,
      value: `${seconds(destroyAll.ms)}, ${destroyAll.calls} calls`,
      baseline: `bound ${seconds(bound)}; parallel 1: ${seconds(destroyOne.ms)}`,
      goal: "≤ 1.5 × bound",
      met: destroyAll.ms <= 1.5 * bound,
    });
    // At the CLI's default parallelism the deletes go in ⌈n / P⌉ rounds of workers, each round as
    // long as one delete (the waiter's pace, measured by the sequential destroy).
    const P = defaultParallel();
    const rounds = Math.ceil(SERVICES / P);
    const oneDelete = destroyOne.ms / SERVICES;
    const defaultBound = Math.max(rounds * oneDelete, (destroyDefault.calls / RATE) * 1000);
    figures.push({
      figure: `the same destroy at the default --parallel ${P} (4 per CPU)`,
      value: `${seconds(destroyDefault.ms)}, ${destroyDefault.calls} calls`,
      baseline: `bound ${seconds(defaultBound)} (${rounds} rounds of one delete, ${seconds(oneDelete)})`,
      goal: "≤ 1.5 × bound",
      met: destroyDefault.ms <= 1.5 * defaultBound,
    });
    const refreshAll = await measure("refresh", SERVICES);
    const refreshOne = await measure("refresh", 1);
    const readBound = Math.max(READ_LATENCY_MS, (refreshAll.calls / RATE) * 1000);
    figures.push({
      figure: `refresh of ${SERVICES} services (reads +${READ_LATENCY_MS} ms), --parallel ${SERVICES}`,
      value: `${seconds(refreshAll.ms)}, ${refreshAll.calls} calls`,
      baseline: `bound ${seconds(readBound)}; parallel 1: ${seconds(refreshOne.ms)}`,
      goal: "≤ 1.5 × bound",
      met: refreshAll.ms <= 1.5 * readBound,
    });
    return figures;
  } finally {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Where a profile sample's time goes: the innermost frame of a known module decides. */
type Bucket = "runner" | "transport" | "sdk" | "other" | "idle";

function bucketOf(url: string): Bucket | undefined {
  if (url.includes("/dist/tests/engine/")) return "runner";
  if (url.includes("/@grpc/") || url.includes("/google-protobuf/")) return "transport";
  if (url.includes("/@pulumi/") || url.includes("/dist/bench/")) return "sdk";
  return undefined;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** CPU milliseconds per bucket of a V8 CPU profile. */
function charge(profile: {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}): Record<Bucket, number> {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const bucketOfNode = new Map<number, Bucket>();
  const resolve = (id: number): Bucket => {
    const known = bucketOfNode.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    let bucket = bucketOf(node.callFrame.url);
    if (bucket === undefined) {
      const up = parent.get(id);
      if (node.callFrame.functionName === "(idle)") bucket = "idle";
      else bucket = up === undefined ? "other" : resolve(up);
      if (bucket === "idle" && node.callFrame.functionName !== "(idle)" && up === undefined) bucket = "other";
    }
    bucketOfNode.set(id, bucket);
    return bucket;
  };
  const totals: Record<Bucket, number> = { runner: 0, transport: 0, sdk: 0, other: 0, idle: 0 };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    totals[resolve(samples[i]!)] += (deltas[i] ?? 0) / 1000;
  }
  return totals;
}

/** One `up` of `count` trivial resources in a fresh stack, with the runner's profile. */
async function trivialUp(
  count: number,
  cpuProfile: boolean,
): Promise<{
  ms: number;
  profile: RunnerProfile;
  cpu?: Record<Bucket, number>;
  stateFile: string;
  dir: string;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-trivial-"));
  const stateFile = path.join(dir, "state.json");
  const host = await ProviderHost.start({ cwd: ROOT, project: "bench" });
  const profile: RunnerProfile = { stateWriteMs: 0, stateWriteCpuMs: 0, journalLines: 0 };
  const session = cpuProfile ? new Session() : undefined;
  try {
    if (session) {
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.setSamplingInterval", { interval: 200 });
      await session.post("Profiler.start");
    }
    globalThis.gc?.();
    const start = performance.now();
    const result = await runOperation({
      op: "up",
      program: trivialProgram(count),
      stateFile,
      project: "bench",
      stack: "bench",
      config: {},
      host,
      profile,
    });
    const ms = performance.now() - start;
    if (!result.ok || result.steps.length !== count) {
      throw new Error(`trivial up of ${count}: ${JSON.stringify(result.errors.slice(0, 3))}`);
    }
    let cpu: Record<Bucket, number> | undefined;
    if (session) {
      const { profile: taken } = (await session.post("Profiler.stop")) as {
        profile: Parameters<typeof charge>[0];
      };
      cpu = charge(taken);
    }
    return { ms, profile, stateFile, dir, ...(cpu ? { cpu } : {}) };
  } finally {
    session?.disconnect();
    await host.stop();
  }
}

/**
 * The state writes of the runner before the journal: the whole state, indented, rewritten after
 * every step. Replayed on the final state of the large `up` at every `REWRITE_SAMPLE`th step and
 * scaled up (the cost of a rewrite grows with the step number, so the sample is representative).
 */
const REWRITE_SAMPLE = 10;
function rewriteEveryStep(stateFile: string): number {
  const state = loadState(stateFile, "bench", "bench");
  const file = path.join(path.dirname(stateFile), "rewrite.json");
  const start = performance.now();
  for (let i = REWRITE_SAMPLE; i <= state.resources.length; i += REWRITE_SAMPLE) {
    const temp = `${file}.tmp`;
    fs.writeFileSync(
      temp,
      `${JSON.stringify({ ...state, resources: state.resources.slice(0, i) }, null, 2)}\n`,
    );
    fs.renameSync(temp, file);
  }
  return (performance.now() - start) * REWRITE_SAMPLE;
}

async function runnerFigures(): Promise<Figure[]> {
  // The machine is shared: the cheapest of a few runs per size (the first small one also warms up
  // module loads); the last large run carries the CPU profile.
  const smalls = [];
  for (let i = 0; i < 3; i++) smalls.push(await trivialUp(SMALL, false));
  const larges = [await trivialUp(LARGE, false), await trivialUp(LARGE, true)];
  const large = larges[larges.length - 1]!;
  try {
    // CPU time of the writes: the wall time also counts waiting for a CPU on a busy machine.
    const perResource = (runs: { profile: RunnerProfile }[], count: number): number =>
      Math.min(...runs.map((run) => (run.profile.stateWriteCpuMs * 1000) / count));
    const perSmall = perResource(smalls, SMALL);
    const perLarge = perResource(larges, LARGE);
    const wallLarge = Math.min(...larges.map((run) => run.profile.stateWriteMs));
    const rewriteMs = rewriteEveryStep(large.stateFile);
    const cpu = large.cpu!;
    const share = cpu.runner / large.ms;
    return [
      {
        figure: `state writes during a ${LARGE.toLocaleString("en")}-resource up (${large.profile.journalLines} journal lines + 1 compaction)`,
        value: `${((perLarge * LARGE) / 1000).toFixed(0)} ms CPU (${wallLarge.toFixed(0)} ms wall), ${perLarge.toFixed(0)} µs/resource`,
        baseline: `${perSmall.toFixed(0)} µs/resource at ${SMALL}; before (whole file per step): ${(rewriteMs / 1000).toFixed(1)} s`,
        goal: "≤ 1.5 × per resource (linear)",
        met: perLarge <= 1.5 * perSmall,
      },
      {
        figure: `runner's own CPU during that up (${large.ms.toFixed(0)} ms wall)`,
        value: `${cpu.runner.toFixed(0)} ms = ${(share * 100).toFixed(1)}%`,
        baseline: `gRPC/protobuf ${cpu.transport.toFixed(0)} ms, SDK + program ${cpu.sdk.toFixed(0)} ms, other ${cpu.other.toFixed(0)} ms, idle ${cpu.idle.toFixed(0)} ms`,
        goal: "≤ 20% of the up",
        met: share <= 0.2,
      },
    ];
  } finally {
    for (const run of [...smalls, ...larges]) fs.rmSync(run.dir, { recursive: true, force: true });
  }
}

export const engineSection: Section = {
  name: "engine",
  title: "Engine runner: parallel steps, linear state writes, its own cost",
  async run() {
    return [...(await cloudFigures()), ...(await runnerFigures())];
  },
};
