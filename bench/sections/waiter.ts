/**
 * The waiter against a cloud that takes T seconds: how many status calls it makes and how late it
 * notices the object is ready, for T from 1 s to 180 s. It runs the real `waitFor` on a fake clock
 * (no real time passes), with the default poll settings and the VPCEP v1 window (the documented
 * "1 to 2 minutes"), many times per T because the delays are jittered. Baselines, from the same
 * run: the waiter this project had before (exponential backoff from 2 s, full jitter, cap 15 s, a
 * poll at once) and the Terraform-style waiter (a 5 s delay, then a poll every 3 s).
 */
import backoffDelay from "../../provider/core/backoff.js";
import { FakeClock } from "../../provider/core/clock.js";
import type { ProvisioningWindow } from "../../provider/core/poll-schedule.js";
import { parseDuration } from "../../provider/core/duration.js";
import { TUNING_SETTINGS } from "../../provider/core/settings.js";
import { waitFor, type Observation } from "../../provider/core/wait.js";
import { CLOUD_MODULES } from "../../provider/clouds/index.js";
import { median, percentile, type Figure, type Section } from "../figures.js";

const RUNS = 400;
const TIMES_S = [1, 2, 3, 5, 8, 10, 15, 20, 30, 45, 60, 75, 90, 105, 120, 150, 180];
const MIN_MS = parseDuration(TUNING_SETTINGS.pollMinMs.default);
const MAX_MS = parseDuration(TUNING_SETTINGS.pollMaxMs.default);

interface Outcome {
  calls: number;
  lateMs: number;
}

const WINDOW = CLOUD_MODULES.find((m) => m.resources.endpoint.provisioning)?.resources.endpoint.provisioning
  ?.create;

/** The current waiter: `waitFor` as the lifecycle runs it after an asynchronous create. */
async function ours(readyAtMs: number, window: ProvisioningWindow | null = WINDOW ?? null): Promise<Outcome> {
  const clock = new FakeClock();
  let calls = 0;
  await waitFor({
    subject: "bench",
    target: "ready",
    timeoutMs: 3_600_000,
    clock,
    minDelayMs: MIN_MS,
    maxDelayMs: MAX_MS,
    window: window ?? undefined,
    delayFirstPoll: true,
    refresh: async (): Promise<Observation<string>> => {
      calls++;
      return clock.now() >= readyAtMs
        ? { phase: "ready", status: "accepted", value: "ready" }
        : { phase: "pending", status: "creating" };
    },
  });
  return { calls, lateMs: clock.now() - readyAtMs };
}

/** A waiter given as poll delays; polls at once when `first` is 0. */
function scheduled(readyAtMs: number, first: number, next: (attempt: number) => number): Outcome {
  let t = first;
  let calls = 1;
  for (let attempt = 1; t < readyAtMs; attempt++) {
    t += next(attempt);
    calls++;
  }
  return { calls, lateMs: t - readyAtMs };
}

const before = (readyAtMs: number) =>
  scheduled(readyAtMs, 0, (attempt) => backoffDelay(attempt, { baseMs: MIN_MS, maxMs: MAX_MS }));
const terraform = (readyAtMs: number) => scheduled(readyAtMs, 5000, () => 3000);

interface Summary {
  calls: number;
  p90Ms: number;
}

async function summarise(run: (readyAtMs: number) => Outcome | Promise<Outcome>, readyAtMs: number) {
  const outcomes: Outcome[] = [];
  for (let i = 0; i < RUNS; i++) outcomes.push(await run(readyAtMs));
  return {
    calls: median(outcomes.map((o) => o.calls)),
    p90Ms: percentile(
      outcomes.map((o) => o.lateMs),
      0.9,
    ),
  } satisfies Summary;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export const waiterSection: Section = {
  name: "waiter",
  title: "Waiter: status calls while the cloud takes T, and how late ready is noticed (p90)",
  async run() {
    const figures: Figure[] = [];
    for (const seconds of TIMES_S) {
      const readyAt = seconds * 1000;
      const now = await summarise(ours, readyAt);
      const old = await summarise(before, readyAt);
      const tf = await summarise(terraform, readyAt);
      const bound = Math.max(2000, 0.25 * readyAt);
      const headline = seconds === 90;
      figures.push({
        figure: `T = ${seconds} s${headline ? " (the documented 1–2 minutes)" : ""}`,
        value: `${now.calls} calls, p90 ${s(now.p90Ms)}`,
        baseline: `before ${old.calls} calls, p90 ${s(old.p90Ms)}; Terraform ${tf.calls} calls, p90 ${s(tf.p90Ms)}`,
        goal: headline
          ? "≤ 12 calls, p90 ≤ 6 s"
          : `≤ ${old.calls} calls (before), p90 ≤ ${s(bound)} (max(2 s, 25% of T))`,
        met: headline ? now.calls <= 12 && now.p90Ms <= 6000 : now.calls <= old.calls && now.p90Ms <= bound,
      });
    }
    // Kinds whose time the cloud does not document (Tencent endpoints, Volcengine).
    for (const seconds of [5, 15, 30, 60, 90, 180]) {
      const readyAt = seconds * 1000;
      const now = await summarise((t) => ours(t, null), readyAt);
      const old = await summarise(before, readyAt);
      figures.push({
        figure: `no documented time, T = ${seconds} s`,
        value: `${now.calls} calls, p90 ${s(now.p90Ms)}`,
        baseline: `before ${old.calls} calls, p90 ${s(old.p90Ms)}`,
        goal: `≤ ${old.calls} calls (before)`,
        met: now.calls <= old.calls,
      });
    }
    return figures;
  },
};
