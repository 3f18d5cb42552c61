import backoffDelay from "../../provider/core/backoff.js";
import { FakeClock } from "../../provider/core/clock.js";
import { CloudApiError, ResourceFailedError, WaitTimeoutError } from "../../provider/core/errors.js";
import { TokenBucket } from "../../provider/core/rate-limit.js";
import { nextPollDelay } from "../../provider/core/poll-schedule.js";
import { waitFor, type Observation } from "../../provider/core/wait.js";

const notFound = () =>
  new CloudApiError({
    cloud: "huaweicloud",
    code: "EndPoint.0005",
    httpStatus: 404,
    message: "The requested resource does not exist.",
    retryable: false,
    notFound: true,
    throttled: false,
    operation: "GetEndpoint",
  });

function sequence<T>(observations: Observation<T>[]) {
  let index = 0;
  return async () => observations[Math.min(index++, observations.length - 1)]!;
}

const base = { subject: "Huawei Cloud VPC Endpoint (ep-1)", minDelayMs: 1000, maxDelayMs: 8000 };

describe("waitFor", () => {
  test("polls through pending states and returns the ready value", async () => {
    const clock = new FakeClock();
    const value = await waitFor({
      ...base,
      clock,
      target: "ready",
      timeoutMs: 60_000,
      refresh: sequence<string>([
        { phase: "pending", status: "creating" },
        { phase: "pending", status: "creating" },
        { phase: "ready", status: "accepted", value: "done" },
      ]),
    });
    expect(value).toBe("done");
    expect(clock.sleeps).toHaveLength(2);
  });

  test("stops at once on a terminal failure and carries the cloud's reason", async () => {
    const clock = new FakeClock();
    const wait = waitFor({
      ...base,
      clock,
      target: "ready",
      timeoutMs: 600_000,
      refresh: sequence<string>([
        { phase: "pending", status: "creating" },
        { phase: "failed", status: "failed", reason: "EndPoint.3044: port conflict" },
      ]),
    });
    await expect(wait).rejects.toThrow(ResourceFailedError);
    await expect(wait).rejects.toThrow(/reached state "failed": EndPoint.3044: port conflict/);
    expect(clock.sleeps).toHaveLength(1);
  });

  test("times out with the last state and a typed error", async () => {
    const clock = new FakeClock();
    const wait = waitFor({
      ...base,
      clock,
      target: "ready",
      timeoutMs: 30_000,
      refresh: async () => ({ phase: "pending", status: "pendingAcceptance" }) as Observation<string>,
    });
    await expect(wait).rejects.toBeInstanceOf(WaitTimeoutError);
    await expect(wait).rejects.toMatchObject({ lastState: "pendingAcceptance" });
    expect(clock.now()).toBe(30_000);
  });

  test("waiting for gone treats a NotFound error and a gone observation alike", async () => {
    const clock = new FakeClock();
    let calls = 0;
    await waitFor({
      ...base,
      clock,
      target: "gone",
      timeoutMs: 60_000,
      refresh: async () => {
        calls++;
        if (calls < 3) return { phase: "pending", status: "accepted" } as Observation<unknown>;
        throw notFound();
      },
    });
    expect(calls).toBe(3);
  });

  test("tolerates a few not-found answers right after create, then gives up", async () => {
    const clock = new FakeClock();
    const ok = await waitFor({
      ...base,
      clock,
      target: "ready",
      timeoutMs: 60_000,
      notFoundBudget: 2,
      refresh: sequence<string>([
        { phase: "gone", status: "not found" },
        { phase: "gone", status: "not found" },
        { phase: "ready", status: "available", value: "x" },
      ]),
    });
    expect(ok).toBe("x");
    await expect(
      waitFor({
        ...base,
        clock,
        target: "ready",
        timeoutMs: 60_000,
        notFoundBudget: 1,
        refresh: async () => ({ phase: "gone", status: "not found" }) as Observation<string>,
      }),
    ).rejects.toThrow(/disappeared/);
  });

  test("reports progress naming the resource, its state and the elapsed time", async () => {
    const clock = new FakeClock();
    const lines: string[] = [];
    await waitFor({
      ...base,
      clock,
      target: "ready",
      timeoutMs: 600_000,
      progressEveryMs: 5000,
      progress: (line) => lines.push(line),
      refresh: sequence<string>([
        ...Array.from({ length: 8 }, () => ({ phase: "pending", status: "creating" }) as const),
        { phase: "ready", status: "accepted", value: "v" },
      ]),
    });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^Huawei Cloud VPC Endpoint \(ep-1\): creating \(\d+s elapsed\)$/);
  });
});

describe("backoffDelay", () => {
  test("grows exponentially, is capped, and jitters within [base/2, ceiling]", () => {
    const low = (n: number) => backoffDelay(n, { baseMs: 1000, maxMs: 8000, random: () => 0 });
    const high = (n: number) => backoffDelay(n, { baseMs: 1000, maxMs: 8000, random: () => 1 });
    expect([1, 2, 3, 4, 5].map(high)).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect([1, 2, 5].map(low)).toEqual([500, 500, 500]);
  });
});

describe("TokenBucket", () => {
  test("allows a burst, then paces callers at the configured rate", async () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket(5, 5, clock);
    for (let i = 0; i < 5; i++) await bucket.take();
    expect(clock.now()).toBe(0);
    for (let i = 0; i < 5; i++) await bucket.take();
    expect(clock.now()).toBeGreaterThanOrEqual(1000);
    expect(clock.now()).toBeLessThanOrEqual(1100);
  });
});

describe("nextPollDelay", () => {
  const window = { fromMs: 60_000, toMs: 120_000 };
  const top = { minMs: 2000, maxMs: 15_000, random: () => 1 };
  const bottom = { ...top, random: () => 0 };
  /** Poll times of a schedule until `untilMs`. */
  function polls(schedule: Parameters<typeof nextPollDelay>[2], untilMs: number): number[] {
    const times: number[] = [];
    let t = 0;
    let delay = 0;
    while (t < untilMs) {
      delay = nextPollDelay(t, delay, schedule);
      t += delay;
      times.push(t);
    }
    return times;
  }

  test("doubles before the window and lands on its start (or as near as the longest delay allows)", () => {
    expect(polls({ ...top, window }, 59_000)).toEqual([2000, 6000, 14_000, 29_000, 44_000, 59_000]);
    expect(polls({ ...top, maxMs: 30_000, window }, 60_000)).toEqual([2000, 6000, 14_000, 30_000, 60_000]);
  });

  test("polls every ninth of the window inside it, then a quarter of the time waited", () => {
    const times = polls({ ...top, window }, 150_000);
    const inside = times.filter((t) => t > 59_000 && t <= 120_000);
    for (const [i, t] of inside.entries()) expect(t - (i === 0 ? 59_000 : inside[i - 1]!)).toBe(6667);
    expect(nextPollDelay(130_000, 6667, { ...top, window })).toBe(15_000);
    expect(nextPollDelay(40_000, 6667, { ...top, window: { fromMs: 0, toMs: 20_000 } })).toBe(10_000);
  });

  test("jitter stays within 85–100% of the delay: the floor grows with it", () => {
    expect(nextPollDelay(0, 8000, { ...bottom })).toBe(Math.round(15_000 * 0.85));
    expect(nextPollDelay(0, 8000, { ...top })).toBe(15_000);
    expect(nextPollDelay(0, 0, { ...bottom })).toBe(1700);
  });

  test("without a documented window the delay doubles up to the cap", () => {
    expect(polls(top, 60_000)).toEqual([2000, 6000, 14_000, 29_000, 44_000, 59_000, 74_000]);
  });
});

describe("waitFor after an asynchronous call", () => {
  test("waits one delay before the first poll", async () => {
    const clock = new FakeClock();
    const seen: number[] = [];
    await waitFor({
      ...base,
      clock,
      target: "ready",
      timeoutMs: 60_000,
      delayFirstPoll: true,
      random: () => 1,
      refresh: async () => {
        seen.push(clock.now());
        return { phase: "ready", status: "accepted", value: "v" } as Observation<string>;
      },
    });
    expect(seen).toEqual([1000]);
  });
});
