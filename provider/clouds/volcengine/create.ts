/**
 * Creates with a `ClientToken`: one fresh token per create, sent on every attempt, so the call may
 * be resent after a lost answer and the cloud makes at most one object (same token and parameters →
 * the same id; `IdempotentProcessing`, HTTP 412, while the first attempt is still being handled).
 * This is why Volcengine backends need no listing around a create.
 * @link https://www.volcengine.com/docs/6980/155899
 */
import { randomUUID } from "node:crypto";
import backoffDelay from "../../core/backoff.js";
import type { Clock } from "../../core/clock.js";
import { parseDuration } from "../../core/duration.js";
import { CloudApiError, isTransient, mayHaveActed, ProviderError } from "../../core/errors.js";
import { currentDeadline } from "../../core/http.js";
import { tuning } from "../../core/settings.js";
import { DEFAULT_TIMEOUTS } from "../../core/timeouts.js";
import type { VolcengineClient } from "./client.js";
import { ErrorCodes } from "./errors.js";

/** ASCII, at most 64 characters (CreateVpcEndpoint): a UUID is 36. */
export function newClientToken(): string {
  return randomUUID();
}

export interface TokenCreate {
  client: VolcengineClient;
  clock: Clock;
  action: string;
  params: Record<string, unknown>;
  /** The create timeout of the resource (`timeouts.create`). */
  timeout: string | undefined;
  /** The identifying inputs, in words, for the error when the create cannot be confirmed. */
  identity: string;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Sends the create until it is answered, with the same token throughout; returns the result. A
 * refusal the cloud made before acting (a parameter error, throttling the transport already
 * retried, a connection refused before sending) is thrown as is; an attempt that may have acted is
 * asked again within the create timeout, and if none is confirmed the error says that an object
 * may exist and how to take it over.
 */
export async function createWithClientToken<T>(create: TokenCreate): Promise<T> {
  const { client, clock } = create;
  const token = newClientToken();
  const settings = tuning();
  // The lifecycle's deadline for this create when it runs one; else the resource's own timeout.
  const deadline =
    currentDeadline() ?? clock.now() + parseDuration(create.timeout ?? DEFAULT_TIMEOUTS.create);
  let last: unknown;
  let ended = "before the create timeout";
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.call<T>(create.action, { ...create.params, ClientToken: token }, true);
    } catch (err) {
      const processing = err instanceof CloudApiError && err.code === ErrorCodes.IdempotentProcessing;
      if (!processing && !mayHaveActed(err)) {
        if (last === undefined) throw err;
        // An earlier attempt may have acted: a throttle says nothing about it, so ask again;
        // another refusal ends the asking.
        if (!isTransient(err)) {
          ended = `and then the cloud refused (${messageOf(err)})`;
          break;
        }
      } else {
        last = err;
      }
    }
    const delay = backoffDelay(attempt, { baseMs: settings.pollMinMs, maxMs: settings.pollMaxMs });
    if (clock.now() + delay >= deadline) break;
    await clock.sleep(delay);
  }
  throw new ProviderError(
    `the create call could not be confirmed (${messageOf(last)}) ${ended}: an object may exist with ${create.identity} (ClientToken ${token}); if it does, set adoptId to its id to take it over, or delete it`,
    "CreateMayExist",
    "volcengine",
    undefined,
    { cause: last },
  );
}
