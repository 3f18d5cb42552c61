/**
 * When to look again while a cloud provisions or deletes an object. The delays follow the time the
 * cloud takes for that kind of object (its provisioning window), so a wait neither hammers the API
 * while nothing can have happened nor oversleeps once the object may be ready:
 *
 * - before the window, the delay doubles from the first delay and the last one lands on the window's
 *   start (an object that is faster than the cloud documents is still noticed, later);
 * - inside the window, one poll every ninth of the window, so the object is noticed within a small
 *   share of the time it took;
 * - after the window, the delay is a quarter of the time waited so far: the object is late, and
 *   is noticed within a quarter of the time it took;
 * - for a kind whose time the cloud does not document, the delay doubles up to the longest delay:
 *   exponential backoff, without the long random gaps of full jitter.
 *
 * Every delay is capped at the longest delay and jittered within [85%, 100%] of itself: the jitter
 * floor grows with the delay, so resources started together drift apart without polling early.
 * A pure function of the elapsed time so that tests and the benchmark can check it exactly.
 */

/** How long a cloud takes for one kind of object, from its documentation; either bound in ms. */
export interface ProvisioningWindow {
  fromMs: number;
  toMs: number;
}

export interface PollSchedule {
  /** The first delay, and the smallest. */
  minMs: number;
  /** The longest delay. */
  maxMs: number;
  window?: ProvisioningWindow | undefined;
  random?: () => number;
}

const JITTER_FLOOR = 0.85;
/** Polls inside the window. */
const WINDOW_POLLS = 9;
/** After the window, the delay as a share of the time waited. */
const LATE_SHARE = 0.25;

/**
 * The delay before the next poll, `elapsedMs` after the wait began; `previousMs` is the delay
 * before the poll just made (0 before the first one).
 */
export function nextPollDelay(elapsedMs: number, previousMs: number, schedule: PollSchedule): number {
  const random = schedule.random ?? Math.random;
  const jitter = JITTER_FLOOR + (1 - JITTER_FLOOR) * random();
  const cap = Math.max(schedule.minMs, schedule.maxMs);
  const window = schedule.window;
  const doubled = Math.min(cap, previousMs > 0 ? previousMs * 2 : schedule.minMs) * jitter;
  if (!window) return Math.round(doubled);
  const step = Math.max(1, (window.toMs - window.fromMs) / WINDOW_POLLS);
  // Within half a step of the start counts as inside: a capped delay may land just short of it.
  if (elapsedMs < window.fromMs - step / 2) {
    // Land on the window's start rather than just short of it or a whole doubling past it.
    const toStart = window.fromMs - elapsedMs;
    return doubled > toStart - step / 2 ? Math.max(1, Math.min(cap, toStart)) : Math.round(doubled);
  }
  if (elapsedMs < window.toMs) {
    return Math.round(Math.min(cap, Math.max(schedule.minMs, step)) * jitter);
  }
  return Math.round(Math.min(cap, Math.max(schedule.minMs, LATE_SHARE * elapsedMs)) * jitter);
}
