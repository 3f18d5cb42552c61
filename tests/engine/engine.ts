/**
 * A small stand-in for the Pulumi engine: runs a program under the SDK's mocks and turns each
 * resource registration into the calls the real engine makes on the real dynamic-provider host,
 * with state in a JSON file between runs. See README.md for what it reproduces and what it does not.
 */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import type {
  AnalyzerResourceOptions,
  AnalyzerStackResource,
  Diagnostic,
  PolicyAnalyzer,
} from "./analyzer.js";
import { HostCallError, type CheckFailure, type ProviderHost } from "./host.js";
import { loadState, saveState, type ResourceState, type StackState } from "./state.js";
import { UNKNOWN, changedKeys, deepEqual, markSecrets, propsToWire, toWire, type Props } from "./values.js";

/** The four CLI operations the harness reproduces. */
export type Operation = "preview" | "up" | "refresh" | "destroy";

/**
 * What happened to one resource. `same`, `create`, `update`, `replace`, `delete` as in the CLI;
 * `read` for a `get()` (Read of a resource the stack does not manage); `refresh` for a Read that
 * kept the resource; `drop` for a resource removed from state without a Delete (refresh found it
 * gone, or it was only read); `failed` for a step that did not complete.
 */
export type StepOp =
  "create" | "update" | "replace" | "delete" | "same" | "read" | "refresh" | "drop" | "failed";

/** One step of an operation. During preview the steps are planned, not performed. */
export interface Step {
  op: StepOp;
  urn: string;
  type: string;
  name: string;
  /** The resource's id after the step (the new id after a replacement; the old id in preview). */
  id?: string;
  /** Top-level input keys that differ from state (update, replace), or output keys a refresh changed. */
  changedKeys?: string[];
  /** The keys the provider's `diff` gave as the reason for a replacement. */
  replaceKeys?: string[];
  /** A replacement that deletes the old resource before creating the new one. */
  deleteBeforeReplace?: boolean;
  /**
   * On a `delete`: the old half of a create-before-delete replacement (`id` is the old id), deleted
   * after the program finished, so it comes after the `replace` step. A delete-before-replace has
   * no separate step: its `replace` step says `deleteBeforeReplace`.
   */
  replaced?: boolean;
  /** The provider's check failures, when Check failed the step. */
  failures?: CheckFailure[];
  /** Why the step failed, in the engine's words. */
  error?: string;
}

/** The outcome of one operation. */
export interface OperationResult {
  op: Operation;
  /** False when any step failed, the program threw, or the host could not be configured. */
  ok: boolean;
  steps: Step[];
  errors: string[];
  /** The program's stack outputs (preview and up); unknown values are the sentinel string. */
  outputs?: Props;
  /**
   * Every diagnostic of the attached policy packs (preview and up), advisory ones included: those
   * of `Analyze` (`urn` = the resource) and of `AnalyzeStack` (`urn` = the reported resource, else
   * the root stack's URN, as the engine does).
   */
  policyViolations: Diagnostic[];
}

/** A Pulumi program: a module's default export. */
export type Program = () => unknown;

/** Everything one operation needs. */
export interface OperationOptions {
  op: Operation;
  /** Required for preview and up; refresh and destroy do not run the program (as the CLI). */
  program?: Program;
  stateFile: string;
  project: string;
  stack: string;
  /** Stack config, keys `"<project>:<key>"`, plaintext values (secrets too). */
  config: Record<string, string>;
  /** Config keys the program should see as secrets. */
  secretKeys?: string[];
  /** A started host; configured here (once per config) before any other call. */
  host: ProviderHost;
  /**
   * Started, configured (`configure`) and stack-configured (`configureStack`) policy packs, used
   * by preview and up. With at least one, custom resources of other providers are recorded
   * without provider calls (README: "Foreign resources").
   */
  policyPacks?: PolicyAnalyzer[];
}

/** Runs one operation against the host and the state file. Never throws for a failed step. */
export async function runOperation(options: OperationOptions): Promise<OperationResult> {
  const state = loadState(options.stateFile, options.project, options.stack);
  const result: OperationResult = { op: options.op, ok: true, steps: [], errors: [], policyViolations: [] };
  try {
    if (
      options.host.configuredWith === undefined ||
      !deepEqual(options.host.configuredWith, options.config)
    ) {
      await options.host.configure(options.config);
    }
  } catch (error) {
    return { ...result, ok: false, errors: [`configuring the dynamic-provider host: ${messageOf(error)}`] };
  }
  switch (options.op) {
    case "preview":
    case "up":
      await new Deployment(options, state, result).run();
      break;
    case "refresh":
      await refresh(options, state, result);
      break;
    case "destroy":
      await destroy(options, state, result);
      break;
  }
  result.ok = result.errors.length === 0;
  return result;
}

/** `urn:pulumi:<stack>::<project>::<qualified type>::<name>`, the child's type qualified by its parent's. */
function makeUrn(stack: string, project: string, parent: string, type: string, name: string): string {
  const qualified = parent ? `${(parent.split("::")[2] ?? "").split("$").pop()}$${type}` : type;
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** The root stack resource's URN: where the engine files stack diagnostics without a known URN. */
function rootStackUrn(stack: string, project: string): string {
  return `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
}

/** The stand-in id of a foreign resource: stable across runs, different per URN. */
function foreignId(name: string, urn: string): string {
  return `${name}-${createHash("sha256").update(urn).digest("hex").slice(0, 8)}`;
}

/** How a mandatory policy violation is reported in `errors` and on a failed step. */
function violationMessage(urn: string, diagnostic: Diagnostic): string {
  return `${urn}: mandatory policy violation: [${diagnostic.policyName}] ${diagnostic.message}`;
}

/** A Go duration (`"1h30m"`, `"90s"`, `"500ms"`), as custom timeouts are written, in seconds. */
function durationSeconds(text: string): number {
  const units: Record<string, number> = {
    ns: 1e-9,
    us: 1e-6,
    µs: 1e-6,
    μs: 1e-6,
    ms: 1e-3,
    s: 1,
    m: 60,
    h: 3600,
  };
  let total = 0;
  let consumed = 0;
  for (const match of text.matchAll(/(\d*\.?\d+)(ns|us|µs|μs|ms|h|m|s)/g)) {
    total += Number(match[1]) * (units[match[2]!] ?? 0);
    consumed += match[0].length;
  }
  return consumed === text.length ? total : 0;
}

/**
 * A property bag without internal (`__`-prefixed) keys at any depth: the engine marshals
 * properties for Analyze and AnalyzeStack with `SkipInternalKeys`, so policies never see
 * `__provider`. Remediate gets them all.
 */
function withoutInternalKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutInternalKeys);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !key.startsWith("__"))
        .map(([key, item]) => [key, withoutInternalKeys(item)]),
    );
  }
  return value;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** How the engine prints a check failure (diagnostics 2002 and 2003). */
function checkFailureMessage(type: string, name: string, inputs: Props, failure: CheckFailure): string {
  if (failure.property === "") {
    return `${type} resource '${name}' has a problem: ${failure.reason}`;
  }
  const value = inputs[failure.property];
  const shown =
    value === undefined ? "<nil>" : typeof value === "object" ? JSON.stringify(value) : String(value);
  return `${type} resource '${name}': property ${failure.property} value {${shown}} has a problem: ${failure.reason}`;
}

/** Thrown from the mock to fail a registration; already reported as a step. */
class StepFailed extends Error {}

/** `pulumirpc.Alias`: a URN or a spec relative to the resource. */
interface AliasMessage {
  getUrn(): string;
  getSpec():
    | {
        getName(): string;
        getType(): string;
        getStack(): string;
        getProject(): string;
        getParenturn(): string;
        getNoparent(): boolean;
      }
    | undefined;
}

/** The request fields of `RegisterResource`/`ReadResource` the harness reads (generated classes). */
interface ResourceRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getDependenciesList(): string[];
  getDeletebeforereplace?(): boolean;
  getDeletebeforereplacedefined?(): boolean;
  getCustom?(): boolean;
  getProtect?(): boolean | undefined;
  getIgnorechangesList?(): string[];
  getAdditionalsecretoutputsList?(): string[];
  getAliasurnsList?(): string[];
  getAliasesList?(): AliasMessage[];
  getCustomtimeouts?(): { getCreate(): string; getUpdate(): string; getDelete(): string } | undefined;
  getPropertydependenciesMap?():
    { forEach(callback: (deps: { getUrnsList(): string[] }, key: string) => void): void } | undefined;
}

type MonitorMethod = (request: ResourceRequest, callback: unknown) => unknown;

/** The SDK's mock monitor, as far as the harness wraps it. */
interface MockMonitorLike {
  registerResource: MonitorMethod;
  readResource: MonitorMethod;
}

/** The internal members of an SDK `Output` the harness reads to resolve stack outputs. */
interface InternalOutput {
  isKnown: Promise<boolean>;
  promise(withUnknowns: boolean): Promise<unknown>;
}

/** The SDK's internal `waitForRPCs` (runtime/settings): resolves when every registration settled. */
function waitForRegistrations(): Promise<void> {
  const settings = pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> };
  if (typeof settings.waitForRPCs !== "function") {
    throw new Error(
      "this @pulumi/pulumi has no runtime.waitForRPCs: the harness cannot tell when the program ends",
    );
  }
  return settings.waitForRPCs();
}

/** One preview or up: the program under mocks, each registration turned into host calls. */
class Deployment {
  private readonly preview: boolean;
  private readonly host: ProviderHost;
  /** Old resources still live in state, by URN. */
  private readonly olds = new Map<string, ResourceState>();
  /** Position of each old resource in the old state (deletes run in reverse). */
  private readonly oldIndex = new Map<string, number>();
  /** URNs in registration order: the order of the new state. */
  private readonly order: string[] = [];
  /** The new state of each registered resource whose step completed (or kept its old state). */
  private readonly news = new Map<string, ResourceState>();
  /** Resources waiting for their delete: old halves of replacements and earlier pending deletes. */
  private readonly pendingDeletes: ResourceState[] = [];
  /** Messages of failures already reported as steps, to recognise their echoes from the SDK. */
  private readonly reported: string[] = [];
  private readonly packs: PolicyAnalyzer[];
  /** What AnalyzeStack gets for each resource registered (or read) in this run, by URN. */
  private readonly analyzed = new Map<string, AnalyzerStackResource>();
  /** Mandatory violations found during preview: they fail the preview once it is complete. */
  private readonly heldErrors: string[] = [];
  private current: { kind: "register" | "read"; request: ResourceRequest } | undefined;

  constructor(
    private readonly options: OperationOptions,
    private readonly state: StackState,
    private readonly result: OperationResult,
  ) {
    this.preview = options.op === "preview";
    this.host = options.host;
    this.packs = options.policyPacks ?? [];
    state.resources.forEach((resource, index) => {
      this.oldIndex.set(resource.urn, index);
      if (resource.delete) {
        this.pendingDeletes.push(resource);
      } else {
        this.olds.set(resource.urn, resource);
      }
    });
  }

  async run(): Promise<void> {
    const { program } = this.options;
    if (!program) {
      this.result.errors.push(`${this.options.op} needs a program`);
      return;
    }
    // Resources left pending by an earlier failed run are deleted first, as the engine does.
    if (!(await this.deleteAll([...this.pendingDeletes].reverse()))) {
      this.persist();
      return;
    }

    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on("unhandledRejection", onUnhandled);
    let returned: unknown;
    let programError: unknown;
    try {
      await this.installMocks();
      try {
        returned = await program();
      } catch (error) {
        programError = error;
      }
      await waitForRegistrations();
      // As the engine: a failed run does not change the stack outputs.
      if (programError === undefined && this.result.errors.length === 0) {
        this.result.outputs = await this.stackOutputs(returned);
      }
      // Let the SDK's last rejections reach the handler before it goes.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    if (programError !== undefined) {
      this.programError(programError);
    }
    for (const reason of unhandled) {
      this.programError(reason);
    }

    if (this.result.errors.length === 0) {
      // The program finished cleanly: what it no longer declares goes, with the replaced olds.
      const registered = new Set(this.order);
      const gone = [...this.olds.values()].filter((old) => !registered.has(old.urn));
      const byOldPosition = (a: ResourceState, b: ResourceState): number =>
        (this.oldIndex.get(b.urn) ?? -1) - (this.oldIndex.get(a.urn) ?? -1);
      await this.deleteAll([...gone, ...this.pendingDeletes].sort(byOldPosition));
    }
    // As the engine: stack policies run only after a run without failed steps, and what `up` did
    // stays done whatever they find.
    if (this.packs.length > 0 && this.result.errors.length === 0) {
      await this.analyzeStack();
    }
    this.result.errors.push(...this.heldErrors);
    if (!this.preview) {
      this.persist();
    }
  }

  /** The state as it stands: registered resources, then untouched olds, then pending deletes. */
  private snapshot(): StackState {
    const untouched = [...this.olds.values()].filter((old) => !this.news.has(old.urn));
    const registered = this.order.flatMap((urn) => this.news.get(urn) ?? []);
    const pending = this.pendingDeletes.map((resource) => ({ ...resource, delete: true }));
    const resources = [...registered, ...untouched, ...pending];
    const snapshot: StackState = { ...this.state, resources };
    if (this.result.outputs !== undefined) {
      snapshot.outputs = this.result.outputs;
    }
    return snapshot;
  }

  /** Checkpoints the state file (never during preview). */
  private persist(): void {
    if (!this.preview) {
      saveState(this.options.stateFile, this.snapshot());
    }
  }

  private async installMocks(): Promise<void> {
    const { project, stack, config, secretKeys } = this.options;
    pulumi.runtime.setAllConfig(config, secretKeys ?? []);
    const mocks: pulumi.runtime.Mocks = {
      newResource: (args) => {
        const current = this.current;
        this.current = undefined;
        if (current === undefined) {
          throw new Error(`newResource for ${args.name} came from an unexpected monitor call`);
        }
        return current.kind === "read"
          ? this.read(current.request, args)
          : this.register(current.request, args);
      },
      call: (args) => {
        throw new Error(`the engine harness does not implement invokes (${args.token})`);
      },
    };
    await pulumi.runtime.setMocks(mocks, project, stack, this.preview);
    // The mock monitor hands `newResource` neither the parent, the dependencies nor the options.
    // It calls `newResource` synchronously from `registerResource`/`readResource`, so the wrapper
    // passes the request along through `this.current`.
    const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitorLike;
    for (const kind of ["register", "read"] as const) {
      const method = kind === "register" ? "registerResource" : "readResource";
      const original = monitor[method].bind(monitor);
      monitor[method] = (request, callback) => {
        this.current = { kind, request };
        try {
          return original(request, callback);
        } finally {
          this.current = undefined;
        }
      };
    }
  }

  /** Records a program-level error unless it is the SDK's echo of a step already reported. */
  private programError(error: unknown): void {
    const message = messageOf(error);
    if (!this.reported.some((reported) => message.includes(reported))) {
      this.result.errors.push(`program: ${message}`);
    }
  }

  /** Records a failed step and returns the error that fails the registration in the SDK. */
  private fail(step: Omit<Step, "op">, error: string): StepFailed {
    this.result.steps.push({ ...step, op: "failed", error });
    this.result.errors.push(error);
    this.reported.push(error);
    return new StepFailed(error);
  }

  private step(step: Step): void {
    this.result.steps.push(step);
  }

  /** The return value of the program, each top-level member resolved; unknowns become the sentinel. */
  private async stackOutputs(returned: unknown): Promise<Props | undefined> {
    if (returned === undefined || returned === null || typeof returned !== "object") {
      return undefined;
    }
    const outputs: Props = {};
    for (const [key, value] of Object.entries(returned)) {
      try {
        // `isKnown` and `promise(withUnknowns)` are internal members of every Output.
        const output = pulumi.output(value) as unknown as InternalOutput;
        const known = await output.isKnown;
        const resolved = await output.promise(true);
        outputs[key] = !known && resolved === undefined ? UNKNOWN : toWire(resolved);
      } catch (error) {
        this.programError(error);
      }
    }
    return outputs;
  }

  /** A `RegisterResource`: component, create, same, update or replace. */
  private async register(
    request: ResourceRequest,
    args: pulumi.runtime.MockResourceArgs,
  ): Promise<pulumi.runtime.MockResourceResult> {
    const result = await this.registerSteps(request, args);
    if (this.packs.length > 0) {
      const urn = makeUrn(
        this.options.stack,
        this.options.project,
        request.getParent(),
        args.type,
        args.name,
      );
      // A component's outputs are what the harness records for it: its inputs.
      const outputs = args.custom === false ? (this.news.get(urn)?.outputs ?? {}) : result.state;
      this.remember({ urn, type: args.type, name: args.name }, request, outputs);
    }
    return result;
  }

  private async registerSteps(
    request: ResourceRequest,
    args: pulumi.runtime.MockResourceArgs,
  ): Promise<pulumi.runtime.MockResourceResult> {
    const { type, name } = args;
    const { project, stack } = this.options;
    const urn = makeUrn(stack, project, request.getParent(), type, name);
    const base = { urn, type, name };
    if (this.order.includes(urn)) {
      throw this.fail(base, `Duplicate resource URN '${urn}'; try giving it a unique name`);
    }
    this.order.push(urn);
    const { props: inputs, secretKeys } = propsToWire(args.inputs);
    const record: ResourceState = {
      urn,
      type,
      name,
      custom: args.custom !== false,
      id: "",
      inputs,
      outputs: {},
      ...(request.getParent() ? { parent: request.getParent() } : {}),
      ...(request.getDependenciesList().length > 0 ? { dependencies: request.getDependenciesList() } : {}),
    };
    const old = this.olds.get(urn);

    if (args.custom === false) {
      // The engine analyzes every registration, components included (with what the SDK sends).
      await this.policy(base, request, inputs, secretKeys);
      this.news.set(urn, { ...record, outputs: inputs });
      this.step({
        ...base,
        op: old === undefined ? "create" : deepEqual(old.inputs, inputs) ? "same" : "update",
      });
      this.persist();
      return { id: undefined, state: {} };
    }
    if (typeof inputs.__provider !== "string") {
      if (this.packs.length === 0) {
        throw this.fail(
          base,
          `${type} resource '${name}' is not a dynamic resource: the harness only runs those`,
        );
      }
      if (args.id) {
        throw this.fail(base, `importing ${urn} (${args.id}): the engine harness does not implement imports`);
      }
      return this.foreign(base, request, record, inputs, secretKeys, old);
    }
    if (args.id) {
      return this.importResource(base, args.id);
    }
    const checked = await this.policy(
      base,
      request,
      await this.check(base, old && !old.external ? old.inputs : {}, inputs),
      secretKeys,
    );
    if (old === undefined || old.external) {
      return this.create(base, record, checked, secretKeys);
    }

    let diff;
    try {
      diff = await this.host.diff(old.id, urn, old.outputs, checked, old.inputs);
    } catch (error) {
      throw this.fail({ ...base, id: old.id }, `diffing ${urn}: ${messageOf(error)}`);
    }
    const keys = changedKeys(old.inputs, checked);
    // DIFF_UNKNOWN: the engine compares old and new inputs itself, `__provider` included.
    const changes = diff.changes === "unknown" ? (keys.length > 0 ? "some" : "none") : diff.changes;

    if (changes === "some" && diff.replaces.length > 0) {
      // The `deleteBeforeReplace` resource option, when set, overrides the provider's choice.
      const deleteFirst =
        request.getDeletebeforereplacedefined?.() === true
          ? request.getDeletebeforereplace?.() === true
          : diff.deleteBeforeReplace;
      return this.replace(base, old, record, inputs, secretKeys, {
        keys,
        replaces: diff.replaces,
        deleteFirst,
      });
    }
    if (changes === "some" || (old.initErrors?.length ?? 0) > 0) {
      return this.update(base, old, record, checked, secretKeys, keys);
    }
    this.news.set(urn, { ...record, id: old.id, inputs: checked, outputs: old.outputs });
    this.step({ ...base, op: "same", id: old.id });
    this.persist();
    return { id: old.id, state: markSecrets(old.outputs, secretKeys) };
  }

  /**
   * The engine's policy pass after Check: Remediate on every pack (a remediation replaces the whole
   * inputs, unchecked), then Analyze on the result. A mandatory violation fails the step during
   * `up`; during preview the step is still planned and the preview fails once complete, as in the
   * engine's step generator. Returns the inputs to go on with.
   */
  private async policy(
    base: { urn: string; type: string; name: string },
    request: ResourceRequest,
    inputs: Props,
    secretKeys: string[],
  ): Promise<Props> {
    if (this.packs.length === 0) {
      return inputs;
    }
    const options = this.analyzerOptions(base, request);
    const diagnostics: Diagnostic[] = [];
    let current = inputs;
    try {
      for (const pack of this.packs) {
        const { remediations } = await pack.remediate({
          ...base,
          properties: markSecrets(current, secretKeys),
          options,
        });
        for (const remediation of remediations) {
          const { properties, diagnostic, ...policy } = remediation;
          if (diagnostic) {
            diagnostics.push({
              ...policy,
              message: diagnostic,
              enforcementLevel: "advisory",
              urn: base.urn,
              severity: "",
            });
          } else if (properties) {
            const remediated = propsToWire(properties);
            current = remediated.props;
            secretKeys.push(...remediated.secretKeys.filter((key) => !secretKeys.includes(key)));
          }
        }
      }
      for (const pack of this.packs) {
        const properties = withoutInternalKeys(markSecrets(current, secretKeys)) as Props;
        const analyzed = await pack.analyze({ ...base, properties, options });
        for (const diagnostic of analyzed.diagnostics) {
          const level =
            diagnostic.enforcementLevel === "remediate" ? "mandatory" : diagnostic.enforcementLevel;
          // As the engine: the resource's URN, whatever the policy reported.
          diagnostics.push({ ...diagnostic, enforcementLevel: level, urn: base.urn });
        }
      }
    } catch (error) {
      this.result.policyViolations.push(...diagnostics);
      throw this.fail(base, `failed to run policy: ${messageOf(error)}`);
    }
    this.result.policyViolations.push(...diagnostics);
    const mandatory = diagnostics
      .filter((diagnostic) => diagnostic.enforcementLevel === "mandatory")
      .map((diagnostic) => violationMessage(base.urn, diagnostic));
    if (mandatory.length > 0) {
      if (this.preview) {
        this.heldErrors.push(...mandatory);
      } else {
        this.result.steps.push({ ...base, op: "failed", error: mandatory.join("\n") });
        this.result.errors.push(...mandatory);
        this.reported.push(...mandatory);
        throw new StepFailed(mandatory.join("\n"));
      }
    }
    return current;
  }

  /** `AnalyzerResourceOptions` from the registration, as the engine fills them from the goal state. */
  private analyzerOptions(
    base: { urn: string; type: string; name: string },
    request: ResourceRequest,
  ): AnalyzerResourceOptions {
    const { stack, project } = this.options;
    const parent = request.getParent();
    const aliases = [...(request.getAliasurnsList?.() ?? [])];
    for (const alias of request.getAliasesList?.() ?? []) {
      const spec = alias.getSpec();
      if (alias.getUrn()) {
        aliases.push(alias.getUrn());
      } else if (spec) {
        const aliasParent = spec.getParenturn() || (spec.getNoparent() ? "" : parent);
        aliases.push(
          makeUrn(
            spec.getStack() || stack,
            spec.getProject() || project,
            aliasParent,
            spec.getType() || base.type,
            spec.getName() || base.name,
          ),
        );
      }
    }
    const timeouts = request.getCustomtimeouts?.();
    return {
      protect: request.getProtect?.() === true,
      ignoreChanges: request.getIgnorechangesList?.() ?? [],
      ...(request.getDeletebeforereplacedefined?.() === true
        ? { deleteBeforeReplace: request.getDeletebeforereplace?.() === true }
        : {}),
      additionalSecretOutputs: request.getAdditionalsecretoutputsList?.() ?? [],
      aliases,
      ...(timeouts
        ? {
            customTimeouts: {
              create: durationSeconds(timeouts.getCreate()),
              update: durationSeconds(timeouts.getUpdate()),
              delete: durationSeconds(timeouts.getDelete()),
            },
          }
        : {}),
      ...(parent ? { parent } : {}),
    };
  }

  /** Keeps what AnalyzeStack will get for a resource: its outputs (planned ones in preview). */
  private remember(
    base: { urn: string; type: string; name: string },
    request: ResourceRequest,
    outputs: Props,
  ): void {
    const propertyDependencies: Record<string, string[]> = {};
    request.getPropertydependenciesMap?.()?.forEach((deps, key) => {
      propertyDependencies[key] = deps.getUrnsList();
    });
    this.analyzed.set(base.urn, {
      ...base,
      properties: withoutInternalKeys(outputs) as Props,
      options: this.analyzerOptions(base, request),
      ...(request.getParent() ? { parent: request.getParent() } : {}),
      dependencies: request.getDependenciesList(),
      propertyDependencies,
    });
  }

  /** AnalyzeStack on every pack with every resource of this run; mandatory diagnostics fail the op. */
  private async analyzeStack(): Promise<void> {
    const { stack, project } = this.options;
    const resources = this.order.flatMap((urn) => this.analyzed.get(urn) ?? []);
    for (const pack of this.packs) {
      let analyzed;
      try {
        analyzed = await pack.analyzeStack(resources);
      } catch (error) {
        this.result.errors.push(`failed to analyze resources: ${messageOf(error)}`);
        return;
      }
      for (const diagnostic of analyzed.diagnostics) {
        const level = diagnostic.enforcementLevel === "remediate" ? "mandatory" : diagnostic.enforcementLevel;
        const urn = this.analyzed.has(diagnostic.urn) ? diagnostic.urn : rootStackUrn(stack, project);
        const filed = { ...diagnostic, enforcementLevel: level, urn };
        this.result.policyViolations.push(filed);
        if (level === "mandatory") {
          this.result.errors.push(violationMessage(urn, filed));
        }
      }
    }
  }

  /**
   * A custom resource of another provider, recorded only so that policy packs see it (a stand-in,
   * not a provider): Check is the identity, no provider is called, the outputs are the inputs plus
   * `id` (unknown in preview, `<name>-<8 hex of sha256(urn)>` after `up`).
   */
  private async foreign(
    base: { urn: string; type: string; name: string },
    request: ResourceRequest,
    record: ResourceState,
    inputs: Props,
    secretKeys: string[],
    old: ResourceState | undefined,
  ): Promise<pulumi.runtime.MockResourceResult> {
    const checked = await this.policy(base, request, inputs, secretKeys);
    const previous = old && !old.external ? old : undefined;
    const op: StepOp =
      previous === undefined ? "create" : deepEqual(previous.inputs, checked) ? "same" : "update";
    const changed = previous && op === "update" ? { changedKeys: changedKeys(previous.inputs, checked) } : {};
    if (this.preview && op !== "same") {
      this.step({ ...base, op, ...(previous ? { id: previous.id } : {}), ...changed });
      const state = markSecrets({ ...checked, id: previous?.id ?? UNKNOWN }, secretKeys);
      return { id: previous?.id, state };
    }
    const id = previous?.id ?? foreignId(base.name, base.urn);
    const outputs = op === "same" && previous ? previous.outputs : { ...checked, id };
    this.news.set(base.urn, { ...record, id, inputs: checked, outputs, foreign: true });
    this.step({ ...base, op, id, ...changed });
    this.persist();
    return { id, state: markSecrets(outputs, secretKeys) };
  }

  /** `Check`; failures fail the step, with the engine's message for each. */
  private async check(
    base: { urn: string; type: string; name: string },
    olds: Props,
    news: Props,
  ): Promise<Props> {
    let checked;
    try {
      checked = await this.host.check(base.urn, olds, news);
    } catch (error) {
      throw this.fail(base, `checking ${base.urn}: ${messageOf(error)}`);
    }
    if (checked.failures.length > 0) {
      const messages = checked.failures.map((f) =>
        checkFailureMessage(base.type, base.name, checked.inputs, f),
      );
      this.result.steps.push({
        ...base,
        op: "failed",
        failures: checked.failures,
        error: messages.join("\n"),
      });
      this.result.errors.push(...messages);
      this.reported.push(...messages);
      throw new StepFailed(messages.join("\n"));
    }
    return checked.inputs;
  }

  private async create(
    base: { urn: string; type: string; name: string },
    record: ResourceState,
    checked: Props,
    secretKeys: string[],
  ): Promise<pulumi.runtime.MockResourceResult> {
    if (this.preview) {
      // The host has supportsPreview=false: the engine plans the create and hands the checked
      // inputs back as outputs; the id and output-only properties stay unknown.
      this.step({ ...base, op: "create" });
      return { id: undefined, state: markSecrets(checked, secretKeys) };
    }
    try {
      const created = await this.host.create(base.urn, checked);
      this.news.set(base.urn, { ...record, id: created.id, inputs: checked, outputs: created.properties });
      this.step({ ...base, op: "create", id: created.id });
      this.persist();
      return { id: created.id, state: markSecrets(created.properties, secretKeys) };
    } catch (error) {
      throw this.failWrite(base, record, checked, error, `creating ${base.urn}`);
    }
  }

  private async update(
    base: { urn: string; type: string; name: string },
    old: ResourceState,
    record: ResourceState,
    checked: Props,
    secretKeys: string[],
    keys: string[],
  ): Promise<pulumi.runtime.MockResourceResult> {
    if (this.preview) {
      this.step({ ...base, op: "update", id: old.id, changedKeys: keys });
      return { id: old.id, state: markSecrets(checked, secretKeys) };
    }
    try {
      const updated = await this.host.update(old.id, base.urn, old.outputs, checked, old.inputs);
      this.news.set(base.urn, { ...record, id: old.id, inputs: checked, outputs: updated.properties });
      this.step({ ...base, op: "update", id: old.id, changedKeys: keys });
      this.persist();
      return { id: old.id, state: markSecrets(updated.properties, secretKeys) };
    } catch (error) {
      if (!(error instanceof HostCallError && error.initFailed)) {
        this.news.set(base.urn, old);
      }
      throw this.failWrite(base, record, checked, error, `updating ${base.urn}`, old.id);
    }
  }

  private async replace(
    base: { urn: string; type: string; name: string },
    old: ResourceState,
    record: ResourceState,
    inputs: Props,
    secretKeys: string[],
    plan: { keys: string[]; replaces: string[]; deleteFirst: boolean },
  ): Promise<pulumi.runtime.MockResourceResult> {
    const stepInfo = {
      changedKeys: plan.keys,
      replaceKeys: plan.replaces,
      deleteBeforeReplace: plan.deleteFirst,
    };
    // A replacement is checked again without olds, so that defaults are generated afresh.
    const checked = await this.check(base, {}, inputs);
    if (this.preview) {
      this.step({ ...base, op: "replace", id: old.id, ...stepInfo });
      return { id: undefined, state: markSecrets(checked, secretKeys) };
    }
    if (plan.deleteFirst) {
      try {
        await this.host.delete(old.id, base.urn, old.outputs, old.inputs);
      } catch (error) {
        throw this.fail(
          { ...base, id: old.id },
          `deleting ${base.urn} (${old.id}) before replacing it: ${messageOf(error)}`,
        );
      }
      this.olds.delete(base.urn);
      this.persist();
    }
    try {
      const created = await this.host.create(base.urn, checked);
      this.news.set(base.urn, { ...record, id: created.id, inputs: checked, outputs: created.properties });
      if (!plan.deleteFirst) {
        this.olds.delete(base.urn);
        this.pendingDeletes.push(old);
      }
      this.step({ ...base, op: "replace", id: created.id, ...stepInfo });
      this.persist();
      return { id: created.id, state: markSecrets(created.properties, secretKeys) };
    } catch (error) {
      if (error instanceof HostCallError && error.initFailed && !plan.deleteFirst) {
        this.olds.delete(base.urn);
        this.pendingDeletes.push(old);
      } else if (!plan.deleteFirst) {
        this.news.set(base.urn, old);
      }
      throw this.failWrite(base, record, checked, error, `creating the replacement of ${base.urn}`);
    }
  }

  /**
   * A failed Create/Update. With `ErrorResourceInitFailed` the object exists: it is recorded with
   * its id, the properties from the error and `initErrors`, so that the next `up` updates it and
   * `destroy` deletes it. Otherwise nothing new is recorded.
   */
  private failWrite(
    base: { urn: string; type: string; name: string },
    record: ResourceState,
    checked: Props,
    error: unknown,
    what: string,
    oldId?: string,
  ): StepFailed {
    const initFailed = error instanceof HostCallError ? error.initFailed : undefined;
    if (initFailed) {
      const { id, properties, reasons } = initFailed;
      this.news.set(base.urn, { ...record, id, inputs: checked, outputs: properties, initErrors: reasons });
      const failure = this.fail({ ...base, id }, `${what}: ${messageOf(error)}`);
      this.persist();
      return failure;
    }
    return this.fail(oldId === undefined ? base : { ...base, id: oldId }, `${what}: ${messageOf(error)}`);
  }

  /** The `import` option: the engine's Read with no properties, which the dynamic host cannot serve. */
  private async importResource(
    base: { urn: string; type: string; name: string },
    id: string,
  ): Promise<pulumi.runtime.MockResourceResult> {
    try {
      await this.host.read(id, base.urn, {});
    } catch (error) {
      throw this.fail(base, `importing ${base.urn} (${id}): ${messageOf(error)}`);
    }
    throw this.fail(base, `importing ${base.urn} (${id}): the engine harness does not implement imports`);
  }

  /** A `ReadResource` (`get()` / `opts.id`): Read runs in preview too; the resource is never managed. */
  private async read(
    request: ResourceRequest,
    args: pulumi.runtime.MockResourceArgs,
  ): Promise<pulumi.runtime.MockResourceResult> {
    const { type, name } = args;
    const urn = makeUrn(this.options.stack, this.options.project, request.getParent(), type, name);
    const base = { urn, type, name };
    const { props: inputs, secretKeys } = propsToWire(args.inputs);
    const id = args.id ?? "";
    if (id === "" || id === UNKNOWN) {
      // The engine cannot read what it cannot name yet: empty outputs, all unknown.
      this.step({ ...base, op: "read" });
      return { id: undefined, state: {} };
    }
    if (this.order.includes(urn)) {
      throw this.fail(base, `Duplicate resource URN '${urn}'; try giving it a unique name`);
    }
    this.order.push(urn);
    const record: ResourceState = {
      urn,
      type,
      name,
      custom: true,
      id,
      inputs,
      outputs: {},
      external: true,
      ...(request.getParent() ? { parent: request.getParent() } : {}),
    };
    let read;
    try {
      // The engine sends the program's inputs as both state and inputs.
      read = await this.host.read(id, urn, inputs, inputs);
    } catch (error) {
      throw this.fail({ ...base, id }, `reading ${urn} (${id}): ${messageOf(error)}`);
    }
    if (read.id === "") {
      throw this.fail({ ...base, id }, `reading ${urn}: resource '${id}' does not exist`);
    }
    this.news.set(urn, { ...record, id: read.id, outputs: read.properties });
    this.step({ ...base, op: "read", id: read.id });
    this.persist();
    if (this.packs.length > 0) {
      // Not analyzed on its own (the engine's read steps skip policies), but part of the stack.
      this.remember(base, request, read.properties);
    }
    return { id: read.id, state: markSecrets(read.properties, secretKeys) };
  }

  /**
   * Deletes `resources` in the given order (or plans it, in preview), taking each out of the state
   * once done. Stops at the first failure and returns false.
   */
  private async deleteAll(resources: ResourceState[]): Promise<boolean> {
    for (const resource of resources) {
      const base = { urn: resource.urn, type: resource.type, name: resource.name };
      const replaced = this.news.has(resource.urn) ? { replaced: true } : {};
      const remove = (): void => {
        if (this.olds.get(resource.urn) === resource) {
          this.olds.delete(resource.urn);
        }
        const index = this.pendingDeletes.indexOf(resource);
        if (index >= 0) {
          this.pendingDeletes.splice(index, 1);
        }
      };
      if (resource.external || resource.foreign) {
        this.step({ ...base, op: "drop", id: resource.id });
        remove();
        continue;
      }
      if (this.preview) {
        this.step({ ...base, op: "delete", ...(resource.custom ? { id: resource.id } : {}) });
        remove();
        continue;
      }
      if (resource.custom) {
        try {
          await this.host.delete(resource.id, resource.urn, resource.outputs, resource.inputs);
        } catch (error) {
          this.fail(
            { ...base, id: resource.id },
            `deleting ${resource.urn} (${resource.id}): ${messageOf(error)}`,
          );
          return false;
        }
      }
      this.step({ ...base, op: "delete", ...(resource.custom ? { id: resource.id } : {}), ...replaced });
      remove();
      this.persist();
    }
    return true;
  }
}

/** Refresh: Read(id, outputs, inputs) for every resource in state; an empty id drops it. */
async function refresh(options: OperationOptions, state: StackState, result: OperationResult): Promise<void> {
  const resources: ResourceState[] = [];
  for (const [index, resource] of state.resources.entries()) {
    const base = { urn: resource.urn, type: resource.type, name: resource.name };
    if (!resource.custom) {
      resources.push(resource);
      continue;
    }
    if (resource.foreign) {
      // No provider to read it from: kept as it is.
      result.steps.push({ ...base, op: "same", id: resource.id });
      resources.push(resource);
      continue;
    }
    try {
      const read = await options.host.read(resource.id, resource.urn, resource.outputs, resource.inputs);
      if (read.id === "") {
        result.steps.push({ ...base, op: "drop", id: resource.id });
      } else {
        // As the engine's refresh step: a successful Read leaves no init errors behind.
        const { initErrors: _cleared, ...kept } = resource;
        resources.push({
          ...kept,
          id: read.id,
          outputs: read.properties,
          inputs: read.inputs ?? resource.inputs,
        });
        result.steps.push({
          ...base,
          op: "refresh",
          id: read.id,
          changedKeys: changedKeys(resource.outputs, read.properties),
        });
      }
    } catch (error) {
      const message = `refreshing ${resource.urn} (${resource.id}): ${messageOf(error)}`;
      result.steps.push({ ...base, op: "failed", id: resource.id, error: message });
      result.errors.push(message);
      resources.push(resource);
    }
    saveState(options.stateFile, {
      ...state,
      resources: [...resources, ...state.resources.slice(index + 1)],
    });
  }
  saveState(options.stateFile, { ...state, resources });
}

/** Destroy: Delete(id, outputs) for every resource, in reverse order; stops at the first failure. */
async function destroy(options: OperationOptions, state: StackState, result: OperationResult): Promise<void> {
  const remaining = [...state.resources];
  for (const resource of [...state.resources].reverse()) {
    const base = { urn: resource.urn, type: resource.type, name: resource.name };
    if (resource.external || resource.foreign) {
      result.steps.push({ ...base, op: "drop", id: resource.id });
    } else {
      if (resource.custom) {
        try {
          await options.host.delete(resource.id, resource.urn, resource.outputs, resource.inputs);
        } catch (error) {
          const message = `deleting ${resource.urn} (${resource.id}): ${messageOf(error)}`;
          result.steps.push({ ...base, op: "failed", id: resource.id, error: message });
          result.errors.push(message);
          break;
        }
      }
      result.steps.push({ ...base, op: "delete", ...(resource.custom ? { id: resource.id } : {}) });
    }
    remaining.splice(remaining.indexOf(resource), 1);
    saveState(options.stateFile, { ...state, resources: remaining });
  }
  const final: StackState = { ...state, resources: remaining };
  if (remaining.length === 0) {
    delete final.outputs;
  }
  saveState(options.stateFile, final);
}
