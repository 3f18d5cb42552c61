/**
 * Drives the real dynamic-provider host (tests/engine/host.ts) the way the engine does for `up`
 * (check, then create) and `preview` of an unchanged stack (check against the old inputs, then
 * diff against the old outputs), for the host figures of bench/sections/host.ts.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import * as pulumi from "@pulumi/pulumi";
import { ProviderHost } from "../../tests/engine/host.js";
import type { Props } from "../../tests/engine/values.js";

/** The repository root (bench runs from dist/bench): the program directory the host resolves from. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

const PROJECT = "bench";

/** One resource as the engine holds it: its URN, its program inputs, and after `up` its state. */
export interface BenchResource {
  urn: string;
  news: Props;
  id?: string;
  inputs?: Props;
  outputs?: Props;
}

/** The `__provider` text the SDK would store for this provider object (plain Node, no sandbox). */
export async function serializeProvider(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
  const { text } = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return text;
}

export function urnOf(type: string, name: string): string {
  return `urn:pulumi:bench::${PROJECT}::pulumi-nodejs:dynamic/vpcep:${type}::${name}`;
}

/** A configured host, as the engine starts one per run. */
export async function startHost(config: Record<string, string>): Promise<ProviderHost> {
  const host = await ProviderHost.start({ cwd: ROOT, project: PROJECT });
  await host.configure(config);
  return host;
}

/** Runs `work` over `items` with at most `concurrency` in flight, as the engine's parallelism does. */
export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** `up` of resources not yet in state: check against no olds, then create; records id and state. */
export async function createAll(host: ProviderHost, resources: BenchResource[], concurrency: number) {
  await pool(resources, concurrency, async (resource) => {
    const checked = await host.check(resource.urn, {}, resource.news);
    if (checked.failures.length > 0) {
      throw new Error(`check of ${resource.urn} failed: ${JSON.stringify(checked.failures)}`);
    }
    const created = await host.create(resource.urn, checked.inputs);
    resource.id = created.id;
    resource.inputs = checked.inputs;
    resource.outputs = created.properties;
  });
}

/**
 * A preview of an unchanged stack: check against the old inputs and diff against the old outputs,
 * per resource; fails if a diff reports a change. Returns the wall time in milliseconds.
 */
export async function checkAndDiffAll(
  host: ProviderHost,
  resources: readonly BenchResource[],
  concurrency: number,
): Promise<number> {
  const start = process.hrtime.bigint();
  await pool(resources, concurrency, async (resource) => {
    const checked = await host.check(resource.urn, resource.inputs!, resource.news);
    const diff = await host.diff(resource.id!, resource.urn, resource.outputs!, checked.inputs);
    if (diff.changes !== "none") throw new Error(`${resource.urn} shows a diff (${diff.changes})`);
  });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * CPU time a process has used so far (user + system, `/proc/<pid>/stat`), in milliseconds: on a
 * shared machine the host's own work per resource, apart from the time it waits for a core.
 */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** `getconf CLK_TCK`: 100 on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

/** The peak resident set size of a process (`VmHWM` in /proc/<pid>/status), in bytes. */
export function peakRss(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match) throw new Error(`no VmHWM for process ${pid}`);
  return Number(match[1]) * 1024;
}
