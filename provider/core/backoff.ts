/**
 * Exponential backoff with full jitter, as a pure function so tests can check it exactly.
 * `random` is injectable for the same reason.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random?: () => number;
}

/** Delay before attempt `attempt` (1-based): a random point in [base/2, min(max, base·2^(n-1))]. */
export default function backoffDelay(attempt: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const floor = Math.min(ceiling, options.baseMs / 2);
  const random = options.random ?? Math.random;
  return Math.round(floor + (ceiling - floor) * random());
}
