/**
 * Fault injection (LocalStack's chaos API shape): an ordered rule list, first match wins.
 * Counters (`next`) and seeded probabilities make every run reproducible.
 */
import { SeededRandom } from "./random.js";
import type { CloudName } from "./types.js";

/** What a matching rule does. */
export type FaultAction = "throttle" | "error" | "drop" | "lostReply" | "latency" | "notVisibleYet" | "auth";

/** The actions, for validation. */
export const FAULT_ACTIONS: readonly FaultAction[] = [
  "throttle",
  "error",
  "drop",
  "lostReply",
  "latency",
  "notVisibleYet",
  "auth",
];

/** A fault rule as the control API accepts it. */
export interface FaultRule {
  /** Marks injected answers (`X-Emulator-Injected`); generated when omitted. */
  id?: string;
  cloud?: CloudName;
  /** The operation name a cloud module reports for the request (an RPC action or a route name; see the README). */
  operation?: string;
  /** Matches a request naming this resource (path id, `EndPointId`, …). */
  resourceId?: string;
  region?: string;
  /** Let the first N matching requests through untouched before the rule starts firing. */
  skip?: number;
  /** Fire for the next N matching requests, then stay inert. */
  next?: number;
  /** Fire with this probability, drawn from a generator seeded by `seed` (or the emulator seed). */
  probability?: number;
  seed?: number;
  action: FaultAction;
  /**
   * `throttle`/`error`/`auth`: the HTTP status. Without it the answer carries the status the
   * cloud documents for `code` (or for its default code).
   */
  status?: number;
  /** `error`/`auth`/`throttle`: the cloud error code to answer; its documented message is used. */
  code?: string;
  /** Overrides the message of `code`. */
  message?: string;
  /** `throttle`/`error`: adds `Retry-After: <seconds>` to the answer. */
  retryAfter?: number;
  /** `latency`: delay before the normal answer. */
  latencyMs?: number;
  /** `notVisibleYet`: how many reads of the created resource answer not-found. */
  reads?: number;
}

/** A rule as GET /_emulator/faults shows it. */
export interface FaultRuleView extends FaultRule {
  id: string;
  /** Firings left for `next` rules. */
  remaining?: number;
  /** Matching requests still to let through for `skip` rules. */
  skipRemaining?: number;
  /** How often the rule has fired. */
  fired: number;
}

/** What the pipeline knows about a request when faults are evaluated (before auth). */
export interface FaultProbe {
  cloud: CloudName;
  operation: string;
  region: string;
  resourceIds: string[];
  /** True for calls that create a resource (the only ones a notVisibleYet rule applies to). */
  creates: boolean;
}

interface ArmedRule {
  rule: FaultRule & { id: string };
  remaining?: number;
  skipRemaining?: number;
  rng?: SeededRandom;
  fired: number;
}

function fail(message: string): never {
  throw new RangeError(message);
}

/** Longest `retryAfter` accepted: a day. */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

/**
 * Validates one rule from JSON against the clouds the emulator knows; throws RangeError with a
 * message naming the field.
 */
export function parseFaultRule(input: unknown, clouds: readonly CloudName[]): FaultRule {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    fail("a fault rule must be an object");
  const raw = input as Record<string, unknown>;
  const known = new Set([
    "id",
    "cloud",
    "operation",
    "resourceId",
    "region",
    "next",
    "skip",
    "probability",
    "seed",
    "action",
    "status",
    "code",
    "message",
    "latencyMs",
    "reads",
    "retryAfter",
  ]);
  for (const key of Object.keys(raw)) if (!known.has(key)) fail(`unknown fault rule field "${key}"`);
  if (!FAULT_ACTIONS.includes(raw.action as FaultAction))
    fail(`action must be one of ${FAULT_ACTIONS.join(", ")}`);
  const rule: FaultRule = { action: raw.action as FaultAction };
  for (const key of ["id", "operation", "resourceId", "region", "code", "message"] as const) {
    if (raw[key] === undefined) continue;
    if (typeof raw[key] !== "string" || raw[key] === "") fail(`${key} must be a non-empty string`);
    rule[key] = raw[key];
  }
  if (raw.cloud !== undefined) {
    if (!clouds.includes(raw.cloud as CloudName)) fail(`cloud must be one of ${clouds.join(", ")}`);
    rule.cloud = raw.cloud as CloudName;
  }
  const integer = (
    key: "next" | "skip" | "seed" | "status" | "latencyMs" | "reads",
    min: number,
    max: number,
  ) => {
    if (raw[key] === undefined) return;
    const value = raw[key];
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      fail(`${key} must be an integer between ${min} and ${max}`);
    }
    rule[key] = value;
  };
  integer("next", 1, 1_000_000);
  integer("skip", 0, 1_000_000);
  integer("seed", 0, 0xffffffff);
  integer("status", 100, 599);
  integer("latencyMs", 0, 600_000);
  integer("reads", 1, 1_000_000);
  if (raw.probability !== undefined) {
    const p = raw.probability;
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) fail("probability must be a number between 0 and 1");
    rule.probability = p;
  }
  if (raw.retryAfter !== undefined) {
    const seconds = raw.retryAfter;
    if (rule.action !== "throttle" && rule.action !== "error")
      fail("retryAfter applies to throttle and error rules only");
    if (typeof seconds !== "number" || !(seconds >= 0 && seconds <= MAX_RETRY_AFTER_SECONDS))
      fail(`retryAfter must be a number of seconds between 0 and ${MAX_RETRY_AFTER_SECONDS}`);
    rule.retryAfter = seconds;
  }
  return rule;
}

/** The armed rule list. */
export class Faults {
  private rules: ArmedRule[] = [];
  private counter = 0;

  constructor(private readonly seed: () => number) {}

  private arm(rule: FaultRule): ArmedRule {
    const id = rule.id ?? `fault-${(this.counter += 1)}`;
    return {
      rule: { ...rule, id },
      ...(rule.next !== undefined ? { remaining: rule.next } : {}),
      ...(rule.skip !== undefined ? { skipRemaining: rule.skip } : {}),
      ...(rule.probability !== undefined ? { rng: new SeededRandom(rule.seed ?? this.seed()) } : {}),
      fired: 0,
    };
  }

  /** Replaces the list (PUT). */
  replace(rules: FaultRule[]): FaultRuleView[] {
    this.rules = rules.map((rule) => this.arm(rule));
    return this.list();
  }

  /** Appends to the list (PATCH). */
  append(rules: FaultRule[]): FaultRuleView[] {
    this.rules.push(...rules.map((rule) => this.arm(rule)));
    return this.list();
  }

  /** Removes one rule by id, or all of them. Returns how many were removed. */
  remove(id?: string): number {
    const before = this.rules.length;
    this.rules = id === undefined ? [] : this.rules.filter((armed) => armed.rule.id !== id);
    return before - this.rules.length;
  }

  /** Removes the rules aimed at one cloud (a per-cloud reset). */
  removeCloud(cloud: CloudName): void {
    this.rules = this.rules.filter((armed) => armed.rule.cloud !== cloud);
  }

  /** The rules with their counters. */
  list(): FaultRuleView[] {
    return this.rules.map((armed) => ({
      ...armed.rule,
      ...(armed.remaining !== undefined ? { remaining: armed.remaining } : {}),
      ...(armed.skipRemaining !== undefined ? { skipRemaining: armed.skipRemaining } : {}),
      fired: armed.fired,
    }));
  }

  /** The first rule that fires for this request, consuming one of its `next` firings. */
  match(probe: FaultProbe): (FaultRule & { id: string }) | undefined {
    for (const armed of this.rules) {
      const rule = armed.rule;
      if (rule.cloud !== undefined && rule.cloud !== probe.cloud) continue;
      if (rule.operation !== undefined && rule.operation !== probe.operation) continue;
      if (rule.region !== undefined && rule.region !== probe.region) continue;
      if (rule.resourceId !== undefined && !probe.resourceIds.includes(rule.resourceId)) continue;
      if (rule.action === "notVisibleYet" && !probe.creates) continue;
      if (armed.skipRemaining !== undefined && armed.skipRemaining > 0) {
        armed.skipRemaining -= 1;
        continue;
      }
      if (armed.remaining !== undefined && armed.remaining <= 0) continue;
      if (armed.rng && armed.rng.next() >= (rule.probability ?? 1)) continue;
      if (armed.remaining !== undefined) armed.remaining -= 1;
      armed.fired += 1;
      return rule;
    }
    return undefined;
  }
}
