/**
 * A create that never leaks and never doubles where the cloud takes no client token: the objects
 * matching every identifying field are listed before the create; when its answer is lost, the
 * listing is repeated (within the create timeout) and the one new, unclaimed match is the object.
 */
import backoffDelay from "../core/backoff.js";
import type { Clock } from "../core/clock.js";
import { mayHaveActed, ProviderError } from "../core/errors.js";
import type { ErasedBackend, LifecycleInputs } from "./backend.js";
import { claim, isClaimed, serialised } from "./claims.js";

/** Empty listings after a lost answer before concluding the create did not act... */
const EMPTY_LISTINGS = 3;
/** ...and how many of the longest poll delays they span at least, for a list that lags a create. */
const VISIBILITY_WINDOW_POLLS = 10;

export interface CreateOnceOptions {
  backend: ErasedBackend;
  inputs: LifecycleInputs;
  /** True when a listed object carries every identifying field of the inputs. */
  matches(state: unknown): boolean;
  /** The identifying fields and values, in words, for errors. */
  identity: string;
  /** Claims and locks are per cloud and region. */
  scope: string;
  deadline: number;
  clock: Clock;
  pollMinMs: number;
  pollMaxMs: number;
  log(line: string): void;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Sends the create once and returns the id of the object it made; claims it for this process. */
export async function createOnce(options: CreateOnceOptions): Promise<string> {
  const { backend, inputs, scope } = options;
  if (!backend.listCandidates) {
    const id = await backend.create(inputs);
    claim(scope, id);
    return id;
  }
  const list = async () =>
    (await backend.listCandidates!(inputs)).filter((state) => options.matches(state)).map(backend.idOf);
  // Creates that could show up in each other's listings take turns: a looser identity's listing
  // would otherwise match a sibling's object before that sibling had claimed it.
  const turn = `${scope}|${backend.label}|${backend.candidateScope?.(inputs) ?? ""}`;
  return serialised(turn, async () => {
    const before = new Set(await list());
    const existing = [...before].filter((id) => !isClaimed(scope, id));
    if (existing.length > 0) {
      options.log(
        `${backend.label}: ${existing.length} existing object(s) already match ${options.identity} (${existing.join(", ")}); creating another (to take one over instead, set adoptId)`,
      );
    }
    let id: string;
    try {
      id = await backend.create(inputs);
    } catch (err) {
      if (!mayHaveActed(err)) throw err;
      id = await recover(options, list, before, err);
      options.log(
        `${backend.label} (${id}): the create call's answer was lost (${messageOf(err)}); found the object it made`,
      );
    }
    claim(scope, id);
    return id;
  });
}

async function recover(
  options: CreateOnceOptions,
  list: () => Promise<string[]>,
  before: Set<string>,
  cause: unknown,
): Promise<string> {
  const { clock } = options;
  const window = clock.now() + VISIBILITY_WINDOW_POLLS * options.pollMaxMs;
  let empty = 0;
  let listError: unknown;
  for (let attempt = 1; ; attempt++) {
    try {
      const fresh = (await list()).filter((id) => !before.has(id) && !isClaimed(options.scope, id));
      if (fresh.length === 1) return fresh[0]!;
      if (fresh.length > 1) {
        throw new ProviderError(
          `the create call's answer was lost (${messageOf(cause)}) and ${fresh.length} new objects match ${options.identity} (${fresh.join(", ")}): set adoptId to the right one and delete the others`,
          "CreateAmbiguous",
          options.inputs.cloud,
          undefined,
          { cause },
        );
      }
      listError = undefined;
      if (++empty >= EMPTY_LISTINGS && clock.now() >= Math.min(window, options.deadline)) {
        throw new ProviderError(
          `${messageOf(cause)}; no new object matching ${options.identity} appeared in ${empty} listings, so the create most likely did not act (if one appears later, take it over with adoptId)`,
          "CreateFailed",
          options.inputs.cloud,
          undefined,
          { cause },
        );
      }
    } catch (err) {
      if (err instanceof ProviderError && (err.code === "CreateAmbiguous" || err.code === "CreateFailed"))
        throw err;
      listError = err;
    }
    const now = clock.now();
    if (now >= options.deadline) {
      throw new ProviderError(
        `the create call's answer was lost (${messageOf(cause)}) and ${
          listError === undefined
            ? "no matching object appeared"
            : `the objects could not be listed (${messageOf(listError)})`
        } before the create timeout: an object may exist with ${options.identity}; if it does, set adoptId to its id to take it over, or delete it`,
        "CreateMayExist",
        options.inputs.cloud,
        undefined,
        { cause },
      );
    }
    const delay = backoffDelay(attempt, { baseMs: options.pollMinMs, maxMs: options.pollMaxMs });
    await clock.sleep(Math.max(0, Math.min(delay, options.deadline - now)));
  }
}
