/** Go-style durations as Terraform and Pulumi users write them: "90s", "10m", "1h30m". */
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;

/** True for a well-formed, positive duration. */
export function isDuration(value: string): boolean {
  return DURATION.test(value) && parseDuration(value) > 0;
}

/** Milliseconds in a duration string; throws on malformed input (check rejects it first). */
export function parseDuration(value: string): number {
  if (!DURATION.test(value)) throw new Error(`invalid duration "${value}"`);
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    total += Number(amount) * UNIT_MS[unit!]!;
  }
  return total;
}

/** "2m05s" style, for progress lines. */
export function formatElapsed(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}m${String(seconds % 60).padStart(2, "0")}s` : `${seconds}s`;
}
