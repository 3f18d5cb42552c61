/**
 * The one waiter: polls a status function until the resource is ready or gone, stops at once on a
 * terminal failure, and reports progress while it waits. Error messages leave out the subject:
 * the caller's "creating <subject>: " prefix names it.
 */
import type { Clock } from "./clock.js";
import { formatElapsed } from "./duration.js";
import { isNotFound, isTransient, ResourceFailedError, WaitTimeoutError } from "./errors.js";
import { nextPollDelay, type ProvisioningWindow } from "./poll-schedule.js";

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
  /** First poll delay; later delays follow the poll schedule up to `maxDelayMs`. */
  minDelayMs: number;
  maxDelayMs: number;
  /** How long the cloud documents this change to take: polls gather inside it. */
  window?: ProvisioningWindow | undefined;
  /**
   * Wait one delay before the first poll: right after an asynchronous call the answer is known
   * (not ready yet), so a poll at once learns nothing.
   */
  delayFirstPoll?: boolean;
  /** Injectable jitter source, for exact tests. */
  random?: () => number;
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
  const schedule = {
    minMs: options.minDelayMs,
    maxMs: options.maxDelayMs,
    window: options.window,
    random: options.random,
  };
  let delay = 0;
  if (options.delayFirstPoll) {
    delay = nextPollDelay(0, 0, schedule);
    await clock.sleep(Math.min(delay, options.timeoutMs));
  }
  for (;;) {
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
    delay = nextPollDelay(now - start, delay, schedule);
    await clock.sleep(Math.max(0, Math.min(delay, deadline - now)));
  }
}
