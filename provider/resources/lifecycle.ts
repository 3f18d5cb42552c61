/**
 * One generic lifecycle that turns a cloud backend into Pulumi's check, diff, create, read, update and
 * delete. It knows Pulumi's contract; it never builds an HTTP request.
 */
import type { z } from "zod";
import { systemClock, type Clock } from "../core/clock.js";
import { formatElapsed, parseDuration } from "../core/duration.js";
import {
  isNotFound,
  mayHaveActed,
  ProviderError,
  ResourceFailedError,
  ValidationError,
  type CloudName,
} from "../core/errors.js";
import { tuning } from "../core/settings.js";
import { containsUnknown } from "../core/unknown.js";
import { waitFor, type Observation } from "../core/wait.js";
import { checkInputs, type CheckFailure } from "../schema/check.js";
import type { ResourceKind } from "../schema/limits.js";
import type { Backend, FieldRule } from "./backend.js";
import { canonicalJson, diffFields } from "./diff.js";

/** Bumped when the shape of outputs changes, so newer code can read older state. */
export const SCHEMA_VERSION = 1;

export const DEFAULT_TIMEOUTS = { create: "10m", update: "10m", delete: "10m" } as const;

type Inputs = {
  cloud: CloudName;
  region: string;
  timeouts?: { create?: string; update?: string; delete?: string } | undefined;
  adoptId?: string | undefined;
};
type AnyBackend = Backend<Inputs, unknown>;

export interface ResourceDefinition {
  kind: ResourceKind;
  /** "VPC endpoint", for check messages. */
  kindLabel: string;
  schema: z.ZodType;
  /** Each cloud's field rules; diff reads only these, so preview needs no credentials. */
  fields: Record<CloudName, Record<string, FieldRule>>;
  backend: (cloud: CloudName, region: string) => AnyBackend;
}

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

type Props = Record<string, unknown>;

function withoutEngineKeys(props: Props): Props {
  const { __provider: _provider, ...rest } = props;
  return rest;
}

/** Properties the engine stores for a resource: normalised inputs plus what the cloud reports. */
function outputsOf(backend: AnyBackend, inputs: Props, state: unknown): Props {
  return { ...withoutEngineKeys(inputs), ...backend.outputs(state), schemaVersion: SCHEMA_VERSION };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class Lifecycle {
  constructor(
    private readonly definition: ResourceDefinition,
    private readonly clock: Clock = systemClock,
    private readonly log: (line: string) => void = (line) => console.log(line),
  ) {}

  private parse(props: Props): Inputs {
    const outcome = checkInputs(this.definition.schema, props, this.definition.kindLabel);
    if (outcome.failures.length > 0) {
      const detail = outcome.failures.map((f) => `${f.property}: ${f.reason}`).join("; ");
      throw new ValidationError(`invalid ${this.definition.kindLabel} inputs: ${detail}`);
    }
    return withoutEngineKeys(outcome.inputs as Props) as Inputs;
  }

  private backendFor(inputs: Inputs): AnyBackend {
    return this.definition.backend(inputs.cloud, inputs.region);
  }

  private subject(backend: AnyBackend, id: string): string {
    return `${backend.label} (${id})`;
  }

  private timeout(inputs: Inputs, operation: keyof typeof DEFAULT_TIMEOUTS): number {
    return parseDuration(inputs.timeouts?.[operation] ?? DEFAULT_TIMEOUTS[operation]);
  }

  /** Polling settings shared by both waits, read at call time. */
  private pacing(backend: AnyBackend, id: string, timeoutMs: number) {
    const settings = tuning();
    return {
      subject: this.subject(backend, id),
      timeoutMs,
      clock: this.clock,
      minDelayMs: settings.pollMinMs,
      maxDelayMs: settings.pollMaxMs,
      progressEveryMs: settings.progressEveryMs,
      progress: this.log,
    };
  }

  private waitReady(backend: AnyBackend, id: string, inputs: Inputs, timeoutMs: number): Promise<unknown> {
    return waitFor<unknown>({
      ...this.pacing(backend, id, timeoutMs),
      target: "ready",
      // Right after a create some clouds answer not found for a moment.
      notFoundBudget: 3,
      refresh: async (): Promise<Observation<unknown>> => {
        const state = await backend.find(id);
        if (state === undefined) return { phase: "gone", status: "not found" };
        return { ...backend.classify(state, inputs), value: state } as Observation<unknown>;
      },
    });
  }

  private async waitGone(backend: AnyBackend, id: string, timeoutMs: number): Promise<void> {
    await waitFor({
      ...this.pacing(backend, id, timeoutMs),
      target: "gone",
      refresh: async (): Promise<Observation<unknown>> => {
        const state = await backend.find(id);
        // While deleting, even a "failed" status is only a step towards not found.
        return state === undefined
          ? { phase: "gone", status: "not found" }
          : { phase: "pending", status: backend.outputs(state).status };
      },
    });
  }

  check(_olds: Props, news: Props): { inputs: Props; failures: CheckFailure[] } {
    const outcome = checkInputs(this.definition.schema, news, this.definition.kindLabel);
    return { inputs: outcome.inputs as Props, failures: outcome.failures };
  }

  diff(_id: string, olds: Props, news: Props): DiffResult {
    const cloudChanged = !containsUnknown(news.cloud) && olds.cloud !== news.cloud;
    if (cloudChanged || containsUnknown(news.cloud)) {
      return { changes: true, replaces: ["cloud"], deleteBeforeReplace: false };
    }
    const fields = this.definition.fields[news.cloud as CloudName];
    const { changed, replaces } = diffFields(fields, olds, news);
    // A different provider text must reach state, or delete and refresh keep running the old one.
    const providerChanged = news.__provider !== undefined && olds.__provider !== news.__provider;
    const keepsExclusive = Object.entries(fields).some(
      ([field, rule]) =>
        rule.exclusive &&
        news[field] !== undefined &&
        canonicalJson(news[field]) === canonicalJson(olds[field]),
    );
    return {
      changes: changed.length > 0 || providerChanged,
      replaces,
      deleteBeforeReplace: replaces.length > 0 && keepsExclusive,
    };
  }

  async create(props: Props): Promise<{ id: string; outs: Props }> {
    const inputs = this.parse(props);
    const backend = this.backendFor(inputs);
    if (inputs.adoptId) return this.adopt(backend, inputs, inputs.adoptId, props);
    const started = this.clock.now();
    const timeoutMs = this.timeout(inputs, "create");
    const before = backend.listMatching ? await backend.listMatching(inputs) : [];
    let id: string;
    try {
      id = await backend.create(inputs);
    } catch (err) {
      const found = mayHaveActed(err) ? await this.findLostCreate(backend, inputs, before) : undefined;
      if (found === undefined) {
        throw new ProviderError(
          `creating ${backend.label}: ${messageOf(err)}`,
          "CreateFailed",
          inputs.cloud,
          undefined,
          {
            cause: err,
          },
        );
      }
      this.log(
        `${this.subject(backend, found)}: the create call's answer was lost (${messageOf(err)}); found the object it made`,
      );
      id = found;
    }
    this.log(`${this.subject(backend, id)}: create requested`);
    try {
      let state = await this.waitReady(backend, id, inputs, timeoutMs);
      if (backend.finishCreate) {
        await backend.finishCreate(id, inputs, state);
        state = (await backend.find(id)) ?? state;
      }
      this.log(
        `${this.subject(backend, id)}: ${backend.outputs(state).status} after ${formatElapsed(this.clock.now() - started)}`,
      );
      return { id, outs: outputsOf(backend, inputs, state) };
    } catch (err) {
      throw await this.partial(
        backend,
        id,
        inputs,
        props.__provider,
        `creating ${this.subject(backend, id)}`,
        err,
      );
    }
  }

  /** The one object that appeared since `before` and matches the inputs; several is an error. */
  private async findLostCreate(
    backend: AnyBackend,
    inputs: Inputs,
    before: string[],
  ): Promise<string | undefined> {
    if (!backend.listMatching) return undefined;
    const fresh = (await backend.listMatching(inputs)).filter((id) => !before.includes(id));
    if (fresh.length > 1) {
      throw new ProviderError(
        `creating ${backend.label}: the create call's answer was lost and ${fresh.length} new matching objects exist (${fresh.join(", ")}); adopt the right one with adoptId and delete the others`,
        "CreateAmbiguous",
        inputs.cloud,
      );
    }
    return fresh[0];
  }

  /** Takes over an existing object after checking that what cannot change in place matches. */
  private async adopt(
    backend: AnyBackend,
    inputs: Inputs,
    id: string,
    props: Props,
  ): Promise<{ id: string; outs: Props }> {
    const subject = this.subject(backend, id);
    const state = await backend.find(id);
    if (state === undefined)
      throw new ValidationError(`adopting ${subject}: it does not exist in ${inputs.region}`);
    const observed = backend.observedInputs(state) as Props;
    const { changed, replaces } = diffFields(backend.fields, observed, inputs as Props);
    if (replaces.length > 0) {
      const differences = replaces
        .map(
          (f) =>
            `${f}: cloud has ${canonicalJson(observed[f])}, program has ${canonicalJson((inputs as Props)[f])}`,
        )
        .join("; ");
      throw new ValidationError(
        `adopting ${subject}: these fields differ and cannot change in place: ${differences}`,
      );
    }
    const inPlace = changed.filter((f) => backend.fields[f]?.change === "update");
    if (inPlace.length > 0) {
      this.log(`${subject}: adopting and updating ${inPlace.join(", ")} to match the program`);
      try {
        await backend.update(id, { ...inputs, ...observed } as Inputs, inputs, inPlace);
        const settled = await this.waitReady(backend, id, inputs, this.timeout(inputs, "update"));
        return { id, outs: outputsOf(backend, inputs, settled) };
      } catch (err) {
        throw await this.partial(backend, id, inputs, props.__provider, `adopting ${subject}`, err);
      }
    }
    this.log(`${subject}: adopted`);
    return { id, outs: outputsOf(backend, inputs, state) };
  }

  /** Wraps a failure after the object exists, carrying id and properties for the engine. */
  private async partial(
    backend: AnyBackend,
    id: string,
    inputs: Inputs,
    providerText: unknown,
    action: string,
    err: unknown,
  ): Promise<PartialCreateError> {
    let properties: Props = { ...withoutEngineKeys(inputs as Props), schemaVersion: SCHEMA_VERSION };
    try {
      const state = await backend.find(id);
      if (state !== undefined) properties = outputsOf(backend, inputs, state);
    } catch {
      // The error being reported matters more than a fresher snapshot.
    }
    // The host does not add the provider to these properties; without it the engine cannot run
    // delete or refresh on the recorded resource.
    if (providerText !== undefined) properties.__provider = providerText;
    const message = `${action}: ${messageOf(err)}`;
    return new PartialCreateError(message, id, properties, [message], err);
  }

  async read(id: string, props: Props): Promise<{ id?: string; props?: Props; inputs?: Props }> {
    const known = withoutEngineKeys(props);
    if (known.cloud === undefined || known.region === undefined) {
      throw new ValidationError(
        `reading ${this.definition.kindLabel} ${id}: "cloud" and "region" are required`,
      );
    }
    const backend = this.definition.backend(known.cloud as CloudName, String(known.region));
    const state = await backend.find(id);
    if (state === undefined) return {};
    const observed = backend.observedInputs(state) as Props;
    // Provider-side settings (timeouts, waitForAcceptance) are not in the cloud; keep what state had.
    const inputs = { ...pickInputFields(backend, known), ...observed };
    return { id, props: { ...inputs, ...backend.outputs(state), schemaVersion: SCHEMA_VERSION }, inputs };
  }

  async update(id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
    const inputs = this.parse(news);
    const backend = this.backendFor(inputs);
    const { changed } = diffFields(backend.fields, olds, inputs as Props);
    const cloudChanges = changed.filter((f) => backend.fields[f]?.change === "update");
    if (cloudChanges.length === 0) {
      return {
        outs: {
          ...withoutEngineKeys(olds),
          ...withoutEngineKeys(inputs as Props),
          schemaVersion: SCHEMA_VERSION,
        },
      };
    }
    const subject = this.subject(backend, id);
    const from = { ...withoutEngineKeys(olds) } as Inputs;
    try {
      await backend.update(id, from, inputs, cloudChanges);
      this.log(`${subject}: updated ${cloudChanges.join(", ")}`);
      const state = await this.waitReady(backend, id, inputs, this.timeout(inputs, "update"));
      return { outs: outputsOf(backend, inputs, state) };
    } catch (err) {
      if (isNotFound(err) || (err instanceof ResourceFailedError && err.state === "not found")) {
        throw new ProviderError(
          `updating ${subject}: it no longer exists in the cloud; run \`pulumi refresh\` to drop it from state, then \`pulumi up\` to create it again`,
          "UpdateGone",
          backend.cloud,
          undefined,
          { cause: err },
        );
      }
      throw await this.partial(backend, id, inputs, news.__provider, `updating ${subject}`, err);
    }
  }

  async delete(id: string, props: Props): Promise<void> {
    const known = withoutEngineKeys(props);
    const backend = this.definition.backend(known.cloud as CloudName, String(known.region));
    const timeouts = (known.timeouts ?? undefined) as Inputs["timeouts"];
    const timeoutMs = parseDuration(timeouts?.delete ?? DEFAULT_TIMEOUTS.delete);
    const subject = this.subject(backend, id);
    try {
      await backend.delete(id);
      await this.waitGone(backend, id, timeoutMs);
    } catch (err) {
      throw new ProviderError(
        `deleting ${subject}: ${messageOf(err)}`,
        "DeleteFailed",
        backend.cloud,
        undefined,
        { cause: err },
      );
    }
    this.log(`${subject}: deleted`);
  }
}

/** The input fields (by the backend's rules) present in stored properties. */
function pickInputFields(backend: AnyBackend, props: Props): Props {
  return Object.fromEntries(
    Object.keys(backend.fields)
      .filter((f) => props[f] !== undefined)
      .map((f) => [f, props[f]]),
  );
}
