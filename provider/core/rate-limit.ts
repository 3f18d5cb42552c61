/**
 * Client-side token buckets, one per cloud, region and account in the host process. The provider
 * module is required (not serialized) by every resource's thin stub, so this map is shared.
 */
import type { Clock } from "./clock.js";

export class TokenBucket {
  private tokens: number;
  private updated: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly clock: Clock,
  ) {
    this.tokens = burst;
    this.updated = clock.now();
  }

  /** Resolves when a token is available; callers are served in arrival order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.acquire());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async acquire(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.updated) / 1000) * this.ratePerSecond);
      this.updated = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000));
    }
  }
}

const buckets = new Map<string, TokenBucket>();

/** The shared bucket for a key such as `tencentcloud/ap-guangzhou/AKID…` (the key never leaves the process). */
export function sharedBucket(key: string, ratePerSecond: number, clock: Clock): TokenBucket {
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = new TokenBucket(ratePerSecond, Math.max(1, Math.ceil(ratePerSecond)), clock);
    buckets.set(key, bucket);
  }
  return bucket;
}

/** How many buckets exist; tests use it to prove sharing. */
export function bucketCount(): number {
  return buckets.size;
}
