/**
 * The read path every handler uses (moto: "every read path calls advance()"): apply a pending
 * notVisibleYet fault, then advance the lifecycle with a counted read.
 */
import type { CallContext } from "./cloud-module.js";
import { settle } from "./state.js";
import type { ResourceRecord } from "./store.js";

/**
 * Observes a record on a read path. Returns undefined when the record is gone or still hidden by a
 * notVisibleYet fault; hidden reads count down monotonically and do not advance the lifecycle.
 */
export function observe<A extends object>(
  ctx: CallContext,
  record: ResourceRecord<A> | undefined,
): ResourceRecord<A> | undefined {
  if (!record) return undefined;
  if (record.hidden && record.hidden.reads > 0) {
    record.hidden.reads -= 1;
    ctx.injected = record.hidden.ruleId;
    if (record.hidden.reads === 0) delete record.hidden;
    return undefined;
  }
  return settle(ctx.state, record, true);
}

/** Brings a record up to date on a write path (no read counted, hidden records stay addressable). */
export function current<A extends object>(
  ctx: CallContext,
  record: ResourceRecord<A> | undefined,
): ResourceRecord<A> | undefined {
  return settle(ctx.state, record, false);
}

/**
 * The caller's own record of a model in a region, brought up to date (`read` counts as a read),
 * or undefined: another tenant's, region's or model's record is as good as absent.
 */
export function ownRecord<A extends object>(
  ctx: CallContext,
  id: string,
  model: string,
  region: string | undefined,
  read: boolean,
): ResourceRecord<A> | undefined {
  const found = ctx.state.store.get<A>(id);
  const mine =
    found && found.model === model && found.tenant === ctx.tenant && found.region === region
      ? found
      : undefined;
  return read ? observe(ctx, mine) : current(ctx, mine);
}
