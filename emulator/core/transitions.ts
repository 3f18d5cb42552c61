/**
 * Lifecycles as data, after moto's ManagedState: each model names its state chains, and a
 * per-model progression says how fast a record walks them. Progress is computed lazily whenever a
 * record is observed (every read path, and writes that need the current state); there are no timers.
 */
import type { ResourceRecord } from "./store.js";

/** The pseudo-state at the end of a delete chain: reaching it removes the record. */
export const GONE = "<gone>";

/** How a model moves along its chains. */
export type Progression =
  | { progression: "immediate" }
  /** One step every `ms` milliseconds of emulator time. */
  | { progression: "time"; ms: number }
  /** One step after every `times` reads. */
  | { progression: "manual"; times: number };

/** One chain: the state entered at once (omitted: keep the current one), then the states to come. */
export interface Chain {
  enter?: string;
  steps: string[];
}

/** A model's declared lifecycle. */
export interface ModelSpec {
  /** `<cloud>::<type>`. */
  model: string;
  /** Named chains, e.g. `create`, `createWithApproval`, `delete`. */
  chains: Record<string, Chain>;
  /** Every state the model knows, for validating forced states. */
  states: string[];
  /** Cloud-neutral names accepted by `POST /_emulator/resources/{id}/state`, e.g. `failed` -> `FAILED`. */
  aliases?: Record<string, string>;
}

/** How one observation should count. */
export interface Observation {
  /** Reads advance `manual` progressions; writes only settle `immediate` and `time`. */
  read: boolean;
}

/** A progression as the control API reports it. */
export interface TransitionView {
  model: string;
  progression: Progression;
  /** True when no override is set and the registered default applies. */
  isDefault: boolean;
}

/** Parses the control API's and the CLI's progression spellings; throws on anything else. */
export function parseProgression(input: unknown): Progression {
  if (typeof input === "string") {
    const [kind, arg] = input.split(":");
    if (kind === "immediate" && arg === undefined) return { progression: "immediate" };
    if (kind === "time") return parseProgression({ progression: "time", ms: Number(arg) });
    if (kind === "manual")
      return parseProgression({ progression: "manual", times: arg === undefined ? 1 : Number(arg) });
    throw new RangeError(`unknown progression "${input}" (use immediate, time:<ms> or manual:<reads>)`);
  }
  const value = (input ?? {}) as Record<string, unknown>;
  switch (value.progression) {
    case "immediate":
      return { progression: "immediate" };
    case "time": {
      const ms = Number(value.ms ?? (typeof value.seconds === "number" ? value.seconds * 1000 : NaN));
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError("time progression needs ms >= 0");
      return { progression: "time", ms };
    }
    case "manual": {
      const times = Number(value.times ?? 1);
      if (!Number.isInteger(times) || times < 1)
        throw new RangeError("manual progression needs an integer times >= 1");
      return { progression: "manual", times };
    }
    default:
      throw new RangeError('progression must be "immediate", "time" or "manual"');
  }
}

/** The registry of models, their default progressions and the overrides set at runtime. */
export class Transitions {
  private readonly models = new Map<string, ModelSpec>();
  private readonly defaults = new Map<string, Progression>();
  private readonly overrides = new Map<string, Progression>();

  /** Declares a model (its chains and states). */
  registerModel(spec: ModelSpec): void {
    this.models.set(spec.model, spec);
  }

  /** Sets the progression a model falls back to (moto's `register_default_transition`). */
  registerDefault(model: string, progression: Progression): void {
    this.defaults.set(model, progression);
  }

  /** The declared model, or undefined. */
  model(name: string): ModelSpec | undefined {
    return this.models.get(name);
  }

  /** Every registered model name. */
  modelNames(): string[] {
    return [...this.models.keys()];
  }

  /** Overrides a model's progression until `unset` or reset. */
  set(model: string, progression: Progression): void {
    if (!this.models.has(model)) throw new RangeError(`unknown model "${model}"`);
    this.overrides.set(model, progression);
  }

  /** Removes an override (all of them when no model is given). */
  unset(model?: string): void {
    if (model === undefined) this.overrides.clear();
    else this.overrides.delete(model);
  }

  /** The progression in force for a model. */
  get(model: string): Progression {
    return this.overrides.get(model) ?? this.defaults.get(model) ?? { progression: "immediate" };
  }

  /** Every model with its progression in force. */
  list(): TransitionView[] {
    return this.modelNames().map((model) => ({
      model,
      progression: this.get(model),
      isDefault: !this.overrides.has(model),
    }));
  }

  /** The overrides, for snapshots. */
  overridesSnapshot(): Record<string, Progression> {
    return Object.fromEntries(this.overrides);
  }

  /** Starts a named chain on a record at emulator time `now`. */
  begin(record: ResourceRecord<object>, chainName: string, now: number): void {
    const chain = this.models.get(record.model)?.chains[chainName];
    if (!chain) throw new Error(`model ${record.model} has no chain "${chainName}"`);
    if (chain.enter !== undefined) record.status = chain.enter;
    record.pending = [...chain.steps];
    record.since = now;
    record.reads = 0;
    record.updatedAt = now;
  }

  /** Forces a state and ends any chain in progress (control API). */
  force(record: ResourceRecord<object>, status: string, now: number): void {
    record.status = status;
    record.pending = [];
    record.since = now;
    record.reads = 0;
    record.updatedAt = now;
  }

  /**
   * Brings a record up to date and returns false once it has reached GONE (the caller removes it).
   * A time step lands at `since + ms`, so records reached after a clock jump carry the right times.
   */
  advance(record: ResourceRecord<object>, now: number, observation: Observation): boolean {
    if (record.pending.length > 0) {
      const progression = this.get(record.model);
      switch (progression.progression) {
        case "immediate":
          this.step(record, record.pending.length, now);
          break;
        case "time": {
          const due =
            progression.ms <= 0 ? record.pending.length : Math.floor((now - record.since) / progression.ms);
          const steps = Math.min(due, record.pending.length);
          if (steps > 0)
            this.step(record, steps, progression.ms <= 0 ? now : record.since + steps * progression.ms);
          break;
        }
        case "manual":
          if (observation.read) {
            record.reads += 1;
            if (record.reads >= progression.times) this.step(record, 1, now);
          }
          break;
      }
    }
    return record.status !== GONE;
  }

  private step(record: ResourceRecord<object>, count: number, at: number): void {
    for (let i = 0; i < count; i += 1) {
      const next = record.pending.shift();
      if (next === undefined) break;
      record.status = next;
    }
    record.since = at;
    record.reads = 0;
    if (record.status !== GONE) record.updatedAt = at;
  }
}
