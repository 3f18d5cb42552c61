/**
 * The one waiter: polls a status function until the resource is ready or gone, stops at once on a
 * terminal failure, and reports progress while it waits. Error messages leave out the subject:
 * the caller's "creating <subject>: " prefix names it.
 */
import backoffDelay from "./backoff.js";
import type { Clock } from "./clock.js";
import { formatElapsed } from "./duration.js";
import { isNotFound, isTransient, ResourceFailedError, WaitTimeoutError } from "./errors.js";

/** What a status function reports. `gone` means the cloud answered not found. */
export type Observation<T> =
  | { phase: "pending"; status: string; value?: T }
  | { phase: "ready"; status: string; value: T }
  | { phase: "failed"; status: string; reason: string; value?: T }
  | { phase: "gone"; status: "not found" };

export interface WaitOptions<T> {
  /** Names the resource in progress lines and errors, e.g. `Tencent VPC Endpoint (vpce-…)`. */
  subject: string;
  /** `ready` waits for a ready observation, `gone` for not found. */
  target: "ready" | "gone";
  refresh: () => Promise<Observation<T>>;
  timeoutMs: number;
  clock: Clock;
  /** First poll delay; grows with backoff up to `maxDelayMs`. */
  minDelayMs: number;
  maxDelayMs: number;
  progress?: (line: string) => void;
  progressEveryMs?: number;
  /** How many not-found answers to tolerate while waiting for `ready` (eventual consistency after create). */
  notFoundBudget?: number;
}

/**
 * Polls until the target is reached; returns the last value seen. A poll that fails on a transient
 * error (the transport already retried it) counts as no news: the wait goes on to its deadline.
 */
export async function waitFor<T>(options: WaitOptions<T>): Promise<T | undefined> {
  const { clock } = options;
  const start = clock.now();
  const deadline = start + options.timeoutMs;
  const progressEvery = options.progressEveryMs ?? 5000;
  let lastProgress = start;
  let lastStatus = "unknown";
  let notFoundLeft = options.notFoundBudget ?? 0;
  for (let attempt = 1; ; attempt++) {
    let observation: Observation<T>;
    try {
      observation = await options.refresh();
    } catch (err) {
      if (isNotFound(err)) observation = { phase: "gone", status: "not found" };
      else if (isTransient(err)) observation = { phase: "pending", status: lastStatus };
      else throw err;
    }
    lastStatus = observation.status;
    if (observation.phase === "failed") {
      throw new ResourceFailedError(
        `reached state "${observation.status}": ${observation.reason}`,
        observation.status,
        observation.reason,
      );
    }
    if (options.target === "gone" && observation.phase === "gone") return undefined;
    if (options.target === "ready") {
      if (observation.phase === "ready") return observation.value;
      if (observation.phase === "gone" && notFoundLeft-- <= 0) {
        throw new ResourceFailedError("disappeared while waiting for it to be ready", "not found", "");
      }
    }
    const now = clock.now();
    if (now >= deadline) {
      throw new WaitTimeoutError(
        `timed out after ${formatElapsed(now - start)} waiting to be ${
          options.target === "ready" ? "ready" : "deleted"
        } (last state "${lastStatus}")`,
        lastStatus,
      );
    }
    if (options.progress && now - lastProgress >= progressEvery) {
      lastProgress = now;
      options.progress(`${options.subject}: ${lastStatus} (${formatElapsed(now - start)} elapsed)`);
    }
    const delay = backoffDelay(attempt, { baseMs: options.minDelayMs, maxMs: options.maxDelayMs });
    await clock.sleep(Math.max(0, Math.min(delay, deadline - now)));
  }
}
