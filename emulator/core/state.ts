/**
 * Everything one emulator instance holds, shared by the cloud modules and the control API.
 * Per-cloud settings (such as a fallback region) live in the cloud's module, not here.
 */
import type { CredentialRegistry } from "../credentials.js";
import type { EmulatorClock } from "./clock.js";
import type { Faults } from "./faults.js";
import type { Journal } from "./journal.js";
import type { SeededRandom } from "./random.js";
import type { ResourceRecord, Store } from "./store.js";
import type { Transitions } from "./transitions.js";
import type { AuthMode } from "./types.js";

/** The shared state of one emulator. */
export interface EmulatorState {
  clock: EmulatorClock;
  store: Store;
  transitions: Transitions;
  faults: Faults;
  journal: Journal;
  credentials: CredentialRegistry;
  /** The generator behind every resource id. */
  random: SeededRandom;
  seed: number;
  authMode: AuthMode;
  /** Whether each cloud's signature time window is enforced. */
  checkSkew: boolean;
}

/**
 * Brings a record up to date. Returns the record, or undefined once it is gone (and then removes
 * it from the store), so callers can treat "gone" and "never existed" alike.
 */
export function settle<A extends object>(
  state: EmulatorState,
  record: ResourceRecord<A> | undefined,
  read: boolean,
): ResourceRecord<A> | undefined {
  if (!record) return undefined;
  if (state.transitions.advance(record, state.clock.now(), { read })) return record;
  state.store.remove(record.id);
  return undefined;
}
