/**
 * One generic lifecycle that turns a cloud module into Pulumi's check, diff, create, read, update
 * and delete. It knows Pulumi's contract; it never builds an HTTP request.
 *
 * State records what the cloud holds: every create, update and adoption ends by reading the object
 * and recording what the cloud reports, and every update starts from the cloud, not from state.
 * So after a failed or partial run the next `up` sees the difference and finishes the work: it
 * waits for an object still pending and re-applies what the cloud does not hold.
 */
import { CLOUD_NAMES, cloudModule, type CloudModule, type ResourceSpec } from "../clouds/index.js";
import { systemClock, type Clock } from "../core/clock.js";
import { formatElapsed, parseDuration } from "../core/duration.js";
import { DEFAULT_TIMEOUTS } from "../core/timeouts.js";
import { isBusy, isNotFound, ProviderError, ResourceFailedError, ValidationError } from "../core/errors.js";
import { withDeadline } from "../core/http.js";
import { tuning } from "../core/settings.js";
import { containsUnknown } from "../core/unknown.js";
import type { ProvisioningWindow } from "../core/poll-schedule.js";
import { waitFor, type Observation } from "../core/wait.js";
import { checkInputs, type CheckFailure } from "../schema/check.js";
import { normalise } from "../schema/input-schema.js";
import { kindLabel, type ResourceKind } from "../schema/kinds.js";
import { noteReplacement, takeReplacement } from "./adoptions.js";
import type { ErasedBackend, LifecycleInputs, LookupDepth } from "./backend.js";
import { claim, isClaimed } from "./claims.js";
import { createOnce } from "./create-once.js";
import { canonicalJson, diffFields, sameValue } from "./diff.js";

/** Bumped when the shape of outputs changes, so newer code can read older state. */
export const SCHEMA_VERSION = 1;

export { DEFAULT_TIMEOUTS };

/** How many not-found answers a wait for `ready` tolerates right after a create. */
const NOT_VISIBLE_YET_BUDGET = 3;

/** Normalised states of an object that is not where an `up` leaves it. */
const UNSETTLED_STATES = new Set(["creating", "updating", "deleting", "failed", "rejected", "unknown"]);

type Props = Record<string, unknown>;

export interface DiffResult {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/** An error the engine records with the id, so a created object is never leaked. */
export class PartialCreateError extends ProviderError {
  override name = "PartialCreateError";
  constructor(
    message: string,
    readonly id: string,
    readonly properties: Record<string, unknown>,
    readonly reasons: string[],
    cause: unknown,
  ) {
    super(message, "PartialCreate", undefined, undefined, { cause });
  }
}

function withoutEngineKeys(props: Props): Props {
  const { __provider: _provider, ...rest } = props;
  return rest;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function pick(props: Props, fields: Iterable<string>): Props {
  return Object.fromEntries([...fields].filter((f) => props[f] !== undefined).map((f) => [f, props[f]]));
}

/** Which input fields the steps of an update have brought to their new value so far. */
class AppliedFields {
  readonly fields = new Set<string>();
  private readonly remaining = new Map<string, number>();
  constructor(steps: { fields: readonly string[] }[] = []) {
    this.expect(steps);
  }
  expect(steps: { fields: readonly string[] }[]): void {
    for (const step of steps)
      for (const f of step.fields) this.remaining.set(f, (this.remaining.get(f) ?? 0) + 1);
  }
  done(step: { fields: readonly string[] }): void {
    for (const f of step.fields) {
      const left = (this.remaining.get(f) ?? 1) - 1;
      this.remaining.set(f, left);
      if (left === 0) this.fields.add(f);
    }
  }
}

/** One resource kind, on whichever cloud its `cloud` input names. */
export class Lifecycle {
  constructor(
    private readonly kind: ResourceKind,
    private readonly clock: Clock = systemClock,
    private readonly log: (line: string) => void = (line) => console.log(line),
  ) {}

  private module(cloud: unknown, doing: string): CloudModule {
    const module = cloudModule(cloud);
    if (!module) {
      throw new ValidationError(
        `${doing} ${kindLabel(this.kind)}: "cloud" must be one of ${CLOUD_NAMES.join(", ")} (got ${JSON.stringify(cloud)})`,
      );
    }
    return module;
  }

  private parse(props: Props): { inputs: LifecycleInputs; spec: ResourceSpec } {
    const outcome = checkInputs(this.kind, props);
    if (outcome.failures.length > 0) {
      const detail = outcome.failures.map((f) => `${f.property}: ${f.reason}`).join("; ");
      throw new ValidationError(`invalid ${kindLabel(this.kind)} inputs: ${detail}`);
    }
    const inputs = withoutEngineKeys(outcome.inputs) as LifecycleInputs;
    return { inputs, spec: this.module(inputs.cloud, "checking").resources[this.kind] };
  }

  private subject(backend: ErasedBackend, id: string): string {
    return `${backend.label} (${id})`;
  }

  private timeout(timeouts: unknown, operation: keyof typeof DEFAULT_TIMEOUTS): number {
    const given = (timeouts as Partial<Record<string, string>> | undefined)?.[operation];
    return parseDuration(given ?? DEFAULT_TIMEOUTS[operation]);
  }

  /**
   * The input fields the cloud reports, in the one normal form. Only those: a field the cloud does
   * not report (a provider-side setting, an address not assigned yet) is not filled with a default,
   * which would record a value nobody chose.
   */
  private observed(spec: ResourceSpec, backend: ErasedBackend, state: unknown, fresh?: Props): Props {
    const reported = { ...fresh, ...backend.observe(state) };
    return pick(normalise(spec.schema, reported), Object.keys(reported));
  }

  /**
   * What state records: what the cloud reports for every field it reports, provider-side settings
   * (timeouts, waitForAcceptance, adoptId) from the inputs, and the computed outputs.
   */
  private outputsOf(
    spec: ResourceSpec,
    backend: ErasedBackend,
    inputs: Props,
    state: unknown,
    fresh?: Props,
  ): Props {
    return {
      ...withoutEngineKeys(inputs),
      ...backend.outputs(state),
      ...this.observed(spec, backend, state, fresh),
      schemaVersion: SCHEMA_VERSION,
    };
  }

  /** The state to record, with what the backend reads only then (never on a poll). */
  private recorded(backend: ErasedBackend, id: string, state: unknown): Promise<unknown> {
    return backend.detail ? backend.detail(id, state) : Promise.resolve(state);
  }

  /** Polling settings both waits share, read at call time. */
  private pacing(backend: ErasedBackend, id: string, timeoutMs: number, window?: ProvisioningWindow) {
    const settings = tuning();
    return {
      subject: this.subject(backend, id),
      timeoutMs,
      clock: this.clock,
      minDelayMs: settings.pollMinMs,
      maxDelayMs: settings.pollMaxMs,
      window,
      progressEveryMs: settings.progressEveryMs,
      progress: this.log,
    };
  }

  /**
   * Waits until the object is ready and returns it read to `depth`: polls read only the status,
   * and the one ready read goes deeper when the caller needs more.
   */
  private waitReady(
    backend: ErasedBackend,
    id: string,
    inputs: LifecycleInputs,
    timeoutMs: number,
    how: {
      /** A state just read (at full depth), used before polling again. */
      initial?: unknown;
      depth?: LookupDepth;
      /** Right after an asynchronous create: the first poll waits a delay, inside the cloud's window. */
      created?: ProvisioningWindow | "no window";
    } = {},
  ): Promise<unknown> {
    let first = how.initial;
    const depth = how.depth ?? "full";
    const pollDepth: LookupDepth = backend.complete ? "status" : depth;
    const created = how.created !== undefined;
    return waitFor<unknown>({
      ...this.pacing(backend, id, timeoutMs, how.created === "no window" ? undefined : how.created),
      delayFirstPoll: created && !backend.createsReady,
      target: "ready",
      // Right after a create some clouds answer not found for a moment.
      notFoundBudget: created ? NOT_VISIBLE_YET_BUDGET : 0,
      refresh: async (): Promise<Observation<unknown>> => {
        let state = first ?? (await backend.find(id, pollDepth));
        const readDepth = first !== undefined ? "full" : pollDepth;
        first = undefined;
        if (state === undefined) return { phase: "gone", status: "not found" };
        let observation = backend.classify(state, inputs);
        if (observation.phase === "ready" && readDepth !== depth && depth === "full" && backend.complete) {
          state = await backend.complete(id, state);
          if (state === undefined) return { phase: "gone", status: "not found" };
          observation = backend.classify(state, inputs);
        }
        return { ...observation, value: state } as Observation<unknown>;
      },
    });
  }

  /**
   * Runs a call the cloud refuses while the object is changing (busy): waits until the object
   * settles (or is gone) and asks again, until the deadline. Clouds that lock an object between
   * mutations (Volcengine's `Pending`) answer so to a call made too early, e.g. a destroy right
   * after an `up` whose wait timed out.
   */
  private async whenSettled(
    backend: ErasedBackend,
    id: string,
    inputs: LifecycleInputs,
    deadline: number,
    call: () => Promise<unknown>,
  ): Promise<void> {
    // Settled is not "accepted": an endpoint waiting for approval takes calls.
    const settledInputs = { ...inputs, waitForAcceptance: false };
    for (;;) {
      try {
        await call();
        return;
      } catch (err) {
        if (!isBusy(err) || this.clock.now() >= deadline) throw err;
      }
      await waitFor({
        ...this.pacing(backend, id, Math.max(0, deadline - this.clock.now())),
        target: "ready",
        refresh: async (): Promise<Observation<unknown>> => {
          const state = await backend.find(id, "status");
          if (state === undefined) return { phase: "ready", status: "not found", value: undefined };
          const { phase, status } = backend.classify(state, settledInputs);
          // Failed or ready alike: the object no longer changes, so the call may be made.
          return phase === "pending" ? { phase, status } : { phase: "ready", status, value: state };
        },
      });
      // A busy answer right after the object looked settled: give it one poll delay.
      await this.clock.sleep(tuning().pollMinMs);
    }
  }

  /** Waits after a delete call: the object is still there at once, so the first poll waits a delay. */
  private async waitGone(
    backend: ErasedBackend,
    id: string,
    timeoutMs: number,
    window?: ProvisioningWindow,
  ): Promise<void> {
    await waitFor({
      ...this.pacing(backend, id, timeoutMs, window),
      delayFirstPoll: true,
      target: "gone",
      refresh: async (): Promise<Observation<unknown>> => {
        // Existence is all this needs.
        const state = await backend.find(id, "status");
        // While deleting, even a "failed" status is only a step towards not found (or revoked).
        return state === undefined || backend.revoked?.(state)
          ? { phase: "gone", status: "not found" }
          : { phase: "pending", status: backend.outputs(state).status };
      },
    });
  }

  /**
   * Brings a ready object to the inputs: the in-place fields where the cloud differs, step by step
   * in the backend's order, then waits until it is ready again. Fields that would need a new object
   * are left as the cloud has them; state records them, so the next preview shows the replacement.
   */
  private async converge(
    spec: ResourceSpec,
    backend: ErasedBackend,
    id: string,
    ready: unknown,
    inputs: LifecycleInputs,
    timeoutMs: number,
    applied: AppliedFields,
    fresh?: Props,
  ): Promise<{ final: unknown; fresh?: Props }> {
    // What the cloud does not report is taken as the inputs have it: there is nothing to compare.
    const observed = { ...inputs, ...this.observed(spec, backend, ready, fresh) };
    const { changed } = diffFields(spec.fields, observed, inputs);
    const inPlace = changed.filter((f) => spec.fields[f]?.change === "update");
    const steps = backend.plan(id, observed as LifecycleInputs, inputs, inPlace);
    // No call was made: what was read (and what a fresh object holds) is still what the cloud has.
    if (steps.length === 0) return fresh ? { final: ready, fresh } : { final: ready };
    applied.expect(steps);
    const subject = this.subject(backend, id);
    const deadline = this.clock.now() + timeoutMs;
    for (const [index, step] of steps.entries()) {
      await this.whenSettled(backend, id, inputs, deadline, () => step.apply());
      applied.done(step);
      if (step.settle && index < steps.length - 1)
        await this.waitReady(backend, id, inputs, timeoutMs, { depth: "status" });
    }
    this.log(`${subject}: updated ${[...new Set(steps.flatMap((s) => s.fields))].join(", ")}`);
    return { final: await this.waitReady(backend, id, inputs, timeoutMs) };
  }

  check(_olds: Props, news: Props): { inputs: Props; failures: CheckFailure[] } {
    return checkInputs(this.kind, news);
  }

  diff(_id: string, olds: Props, news: Props): DiffResult {
    if (containsUnknown(news.cloud) || olds.cloud !== news.cloud) {
      return { changes: true, replaces: ["cloud"], deleteBeforeReplace: false };
    }
    const spec = this.module(news.cloud, "diffing").resources[this.kind];
    const before = normalise(spec.schema, withoutEngineKeys(olds));
    const after = normalise(spec.schema, withoutEngineKeys(news));
    const { changed, replaces } = diffFields(spec.fields, before, after);
    // A different provider text must reach state, or delete and refresh keep running the old one.
    const providerChanged = news.__provider !== undefined && olds.__provider !== news.__provider;
    const keepsExclusive = Object.entries(spec.fields).some(
      ([field, rule]) =>
        rule.exclusive &&
        after[field] !== undefined &&
        !containsUnknown(after[field]) &&
        sameValue(after[field], before[field]),
    );
    if (replaces.length > 0) noteReplacement(olds, news);
    return {
      changes:
        changed.length > 0 ||
        providerChanged ||
        (spec.unsettled ? spec.unsettled(olds, after) : this.unsettled(olds, after)),
      replaces,
      deleteBeforeReplace: replaces.length > 0 && keepsExclusive,
    };
  }

  /**
   * State recorded an object that was not ready (a create whose wait timed out, an object found
   * failed): an update must look again, even once a refresh has cleared the engine's init errors.
   */
  private unsettled(olds: Props, news: Props): boolean {
    const state = olds.state;
    if (state === "pendingAcceptance") return news.waitForAcceptance === true;
    return typeof state === "string" && UNSETTLED_STATES.has(state);
  }

  create(props: Props): Promise<{ id: string; outs: Props }> {
    const { inputs, spec } = this.parse(props);
    const deadline = this.clock.now() + this.timeout(inputs.timeouts, "create");
    return withDeadline(deadline, () => this.createWithin(props, inputs, spec, deadline));
  }

  private async createWithin(
    props: Props,
    inputs: LifecycleInputs,
    spec: ResourceSpec,
    deadline: number,
  ): Promise<{ id: string; outs: Props }> {
    const backend = spec.backend(inputs);
    if (inputs.adoptId) {
      if (!takeReplacement(inputs)) return this.adopt(spec, backend, inputs, inputs.adoptId, props);
      this.log(
        `${backend.label}: ${inputs.adoptId} was adopted by an earlier up; its replacement is a new object`,
      );
    }
    for (const notice of backend.notices?.(inputs) ?? []) this.log(`${backend.label}: warning: ${notice}`);
    const started = this.clock.now();
    const settings = tuning();
    const identityFields = Object.entries(spec.fields)
      .filter(([f, rule]) => rule.change !== "ignore" && rule.atCreate !== false && inputs[f] !== undefined)
      .map(([f]) => f);
    let id: string;
    try {
      id = await createOnce({
        backend,
        inputs,
        matches: (state) => {
          const observed = this.observed(spec, backend, state);
          return identityFields.every((f) => !(f in observed) || sameValue(observed[f], inputs[f]));
        },
        identity: identityFields
          .filter((f) => !sameValue(inputs[f], undefined))
          .map((f) => `${f}=${canonicalJson(inputs[f])}`)
          .join(", "),
        scope: `${inputs.cloud}|${inputs.region}`,
        deadline,
        clock: this.clock,
        pollMinMs: settings.pollMinMs,
        pollMaxMs: settings.pollMaxMs,
        log: this.log,
      });
    } catch (err) {
      const code = err instanceof ProviderError && err.code.startsWith("Create") ? err.code : "CreateFailed";
      throw new ProviderError(`creating ${backend.label}: ${messageOf(err)}`, code, inputs.cloud, undefined, {
        cause: err,
      });
    }
    this.log(`${this.subject(backend, id)}: create requested`);
    // Until a read says otherwise, the object holds what the create call set.
    const fallback: Props = {
      ...withoutEngineKeys(inputs),
      status: "unknown",
      state: "unknown",
      schemaVersion: SCHEMA_VERSION,
    };
    for (const [f, rule] of Object.entries(spec.fields)) if (rule.atCreate === false) delete fallback[f];
    const fresh = backend.freshValues?.(inputs);
    try {
      const ready = await this.waitReady(backend, id, inputs, deadline - this.clock.now(), {
        depth: fresh ? "status" : "full",
        created: spec.provisioning?.create ?? "no window",
      });
      const { final, fresh: stillFresh } = await this.converge(
        spec,
        backend,
        id,
        ready,
        inputs,
        Math.max(0, deadline - this.clock.now()),
        new AppliedFields(),
        fresh,
      );
      this.log(
        `${this.subject(backend, id)}: ${backend.outputs(final).status} after ${formatElapsed(this.clock.now() - started)}`,
      );
      const outs = this.outputsOf(spec, backend, inputs, await this.recorded(backend, id, final), stillFresh);
      return { id, outs };
    } catch (err) {
      throw await this.partial(spec, backend, id, inputs, fallback, props.__provider, "creating", err);
    }
  }

  /** Takes over an existing object after checking that what cannot change in place matches. */
  private async adopt(
    spec: ResourceSpec,
    backend: ErasedBackend,
    inputs: LifecycleInputs,
    id: string,
    props: Props,
  ): Promise<{ id: string; outs: Props }> {
    const subject = this.subject(backend, id);
    const state = await backend.find(id);
    if (state === undefined) {
      throw new ValidationError(
        `adopting ${subject}: it does not exist in ${inputs.region} (if an earlier up replaced or deleted it, remove adoptId)`,
      );
    }
    const observed = this.observed(spec, backend, state);
    const { replaces } = diffFields(spec.fields, observed, inputs);
    if (replaces.length > 0) {
      const differences = replaces
        .map((f) => `${f}: cloud has ${canonicalJson(observed[f])}, program has ${canonicalJson(inputs[f])}`)
        .join("; ");
      throw new ValidationError(
        `adopting ${subject}: these fields differ and cannot change in place: ${differences}`,
      );
    }
    const scope = `${inputs.cloud}|${inputs.region}`;
    if (isClaimed(scope, id)) {
      throw new ValidationError(`adopting ${subject}: another resource of this stack already manages it`);
    }
    claim(scope, id);
    const timeoutMs = this.timeout(inputs.timeouts, "create");
    const fallback = {
      ...withoutEngineKeys(inputs),
      ...observed,
      ...backend.outputs(state),
      schemaVersion: SCHEMA_VERSION,
    };
    try {
      const ready = await this.waitReady(backend, id, inputs, timeoutMs, { initial: state });
      const { final } = await this.converge(spec, backend, id, ready, inputs, timeoutMs, new AppliedFields());
      this.log(`${subject}: adopted`);
      return { id, outs: this.outputsOf(spec, backend, inputs, await this.recorded(backend, id, final)) };
    } catch (err) {
      throw await this.partial(spec, backend, id, inputs, fallback, props.__provider, "adopting", err);
    }
  }

  /**
   * Wraps a failure after the object exists, carrying id and properties for the engine: what a
   * fresh read reports, or what is known without one.
   */
  private async partial(
    spec: ResourceSpec,
    backend: ErasedBackend,
    id: string,
    inputs: LifecycleInputs,
    fallback: Props,
    providerText: unknown,
    doing: string,
    err: unknown,
  ): Promise<PartialCreateError> {
    let properties = fallback;
    try {
      const state = await backend.find(id);
      if (state !== undefined) properties = this.outputsOf(spec, backend, inputs, state);
    } catch {
      // The error being reported matters more than a fresher snapshot.
    }
    // The host does not add the provider to these properties; without it the engine cannot run
    // delete or refresh on the recorded resource.
    if (providerText !== undefined) properties = { ...properties, __provider: providerText };
    const message = `${doing} ${this.subject(backend, id)}: ${messageOf(err)}`;
    return new PartialCreateError(message, id, properties, [message], err);
  }

  async read(id: string, props: Props): Promise<{ id?: string; props?: Props; inputs?: Props }> {
    const known = withoutEngineKeys(props);
    if (known.cloud === undefined || known.region === undefined) {
      throw new ValidationError(`reading ${kindLabel(this.kind)} ${id}: "cloud" and "region" are required`);
    }
    const spec = this.module(known.cloud, "reading").resources[this.kind];
    const backend = spec.backend({ ...known, region: String(known.region) });
    const found = await backend.find(id);
    if (found === undefined) return {};
    const state = await this.recorded(backend, id, found);
    // Provider-side settings (timeouts, waitForAcceptance) are not in the cloud; keep what state had.
    const inputs = normalise(spec.schema, {
      ...pick(known, Object.keys(spec.fields)),
      ...backend.observe(state),
    });
    return { id, props: { ...inputs, ...backend.outputs(state), schemaVersion: SCHEMA_VERSION }, inputs };
  }

  update(id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
    const { inputs, spec } = this.parse(news);
    const timeoutMs = this.timeout(inputs.timeouts, "update");
    return withDeadline(this.clock.now() + timeoutMs, () =>
      this.updateWithin(id, olds, news.__provider, inputs, spec, timeoutMs),
    );
  }

  private async updateWithin(
    id: string,
    olds: Props,
    providerText: unknown,
    inputs: LifecycleInputs,
    spec: ResourceSpec,
    timeoutMs: number,
  ): Promise<{ outs: Props }> {
    const backend = spec.backend(inputs);
    const subject = this.subject(backend, id);
    const applied = new AppliedFields();
    try {
      const current = await backend.find(id);
      if (current === undefined) throw new ResourceFailedError("it does not exist", "not found", "");
      // An object a failed run left pending is waited for; one found failed stops with the reason.
      const ready = await this.waitReady(backend, id, inputs, timeoutMs, { initial: current });
      const { final } = await this.converge(spec, backend, id, ready, inputs, timeoutMs, applied);
      return { outs: this.outputsOf(spec, backend, inputs, await this.recorded(backend, id, final)) };
    } catch (err) {
      if (isNotFound(err) || (err instanceof ResourceFailedError && err.state === "not found")) {
        throw new ProviderError(
          `updating ${subject}: it no longer exists in the cloud; run \`pulumi refresh\` to drop it from state, then \`pulumi up\` to create it again`,
          "UpdateGone",
          inputs.cloud,
          undefined,
          { cause: err },
        );
      }
      // Without a fresh read: what state had, with the fields whose calls went through.
      const fallback = {
        ...withoutEngineKeys(olds),
        ...pick(inputs, applied.fields),
        ...pick(
          inputs,
          Object.keys(spec.fields).filter((f) => spec.fields[f]?.change === "ignore"),
        ),
        schemaVersion: SCHEMA_VERSION,
      };
      throw await this.partial(spec, backend, id, inputs, fallback, providerText, "updating", err);
    }
  }

  async delete(id: string, props: Props): Promise<void> {
    const known = withoutEngineKeys(props);
    const spec = this.module(known.cloud, "deleting").resources[this.kind];
    const backend = spec.backend({ ...known, region: String(known.region) });
    const subject = this.subject(backend, id);
    const timeoutMs = this.timeout(known.timeouts, "delete");
    try {
      const deadline = this.clock.now() + timeoutMs;
      await withDeadline(deadline, async () => {
        await this.whenSettled(backend, id, known as LifecycleInputs, deadline, () => backend.delete(id));
        await this.waitGone(backend, id, timeoutMs, spec.provisioning?.delete);
      });
    } catch (err) {
      throw new ProviderError(
        `deleting ${subject}: ${messageOf(err)}`,
        "DeleteFailed",
        String(known.cloud),
        undefined,
        {
          cause: err,
        },
      );
    }
    this.log(`${subject}: deleted`);
  }
}
