/**
 * A small stand-in for the Pulumi engine: runs a program under the SDK's mocks and turns each
 * resource registration into the calls the real engine makes on the real dynamic-provider host,
 * with state in a JSON file between runs. See README.md for what it reproduces and what it does not.
 */
import { createHash } from "node:crypto";
import * as os from "node:os";
import * as pulumi from "@pulumi/pulumi";
import type {
  AnalyzerResourceOptions,
  AnalyzerStackResource,
  Diagnostic,
  PolicyAnalyzer,
} from "./analyzer.js";
import { HostCallError, type CheckFailure, type ProviderHost } from "./host.js";
import {
  loadState,
  recoverState,
  stateKey,
  StateJournal,
  type ResourceState,
  type StackState,
} from "./state.js";
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
  /**
   * How many resource operations run at once, as the CLI's `--parallel` (1 = one at a time).
   * Default: {@link defaultParallel}.
   */
  parallel?: number;
  /**
   * The CLI's `--continue-on-error`: a failed step no longer stops the operation; only what
   * depends on the failed resource is left out. Failures of Check, Diff or a policy still do.
   */
  continueOnError?: boolean;
  /** Filled with what the runner spent on itself, for the benchmarks. */
  profile?: RunnerProfile;
}

/** What one operation cost the runner itself. */
export interface RunnerProfile {
  /** Time spent writing state (journal lines and the final compaction), in milliseconds. */
  stateWriteMs: number;
  /** The CPU time of those writes, in milliseconds (not inflated by waiting for a CPU). */
  stateWriteCpuMs: number;
  /** Journal lines written. */
  journalLines: number;
}

/**
 * The CLI's default `--parallel`: `PULUMI_PARALLEL` when set to a positive number, else four per
 * CPU (`runtime.GOMAXPROCS(0) * 4` in pulumi/pulumi `pkg/cmd/pulumi/operations/up.go`, the same
 * default for `destroy` and `refresh`; see pulumi/pulumi#14989).
 */
export function defaultParallel(): number {
  const fromEnv = Number(process.env.PULUMI_PARALLEL);
  if (Number.isInteger(fromEnv) && fromEnv > 0) {
    return fromEnv;
  }
  return os.availableParallelism() * 4;
}

/**
 * A FIFO of `size` slots: the engine's step-executor workers (size = parallelism) and its step
 * generator (size 1: Check, policies and Diff run one registration at a time, in arrival order).
 */
class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private head = 0;

  constructor(private readonly size: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.size) {
      this.active += 1;
    } else {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      return await work();
    } finally {
      if (this.head < this.waiting.length) {
        const next = this.waiting[this.head]!;
        this.head += 1;
        if (this.head > 1024 && this.head * 2 > this.waiting.length) {
          this.waiting.splice(0, this.head);
          this.head = 0;
        }
        next();
      } else {
        this.active -= 1;
      }
    }
  }
}

/**
 * The engine's `ScheduleDeletes`: waves of resources, each wave deletable in parallel once the
 * waves before it are done. A resource's wave comes before those of everything it depends on
 * (dependencies and parent) among the condemned, so dependents go first.
 */
export function deleteWaves(condemned: readonly ResourceState[]): ResourceState[][] {
  const byUrn = new Map<string, ResourceState[]>();
  for (const resource of condemned) {
    const same = byUrn.get(resource.urn);
    if (same) same.push(resource);
    else byUrn.set(resource.urn, [resource]);
  }
  // Depth = the longest chain of condemned dependencies below a resource: what the engine peels
  // off round after round (those with no condemned dependency first), then reverses.
  const depth = new Map<ResourceState, number>();
  const visiting = new Set<ResourceState>();
  const depthOf = (resource: ResourceState): number => {
    const known = depth.get(resource);
    if (known !== undefined) return known;
    if (visiting.has(resource)) return 0;
    visiting.add(resource);
    let deepest = -1;
    for (const urn of dependencyUrns(resource)) {
      for (const dependency of byUrn.get(urn) ?? []) {
        if (dependency !== resource) deepest = Math.max(deepest, depthOf(dependency));
      }
    }
    visiting.delete(resource);
    depth.set(resource, deepest + 1);
    return deepest + 1;
  };
  const waves: ResourceState[][] = [];
  for (const resource of condemned) {
    const d = depthOf(resource);
    (waves[d] ??= []).push(resource);
  }
  return waves.filter((wave) => wave !== undefined).reverse();
}

/** What a resource depends on, as the engine's dependency graph has it: its parent and dependencies. */
function dependencyUrns(resource: ResourceState): string[] {
  return resource.parent
    ? [resource.parent, ...(resource.dependencies ?? [])]
    : (resource.dependencies ?? []);
}

/** Everything `roots` depend on, transitively, by URN (the resources a failed delete protects). */
function transitiveDependencies(roots: Iterable<string>, resources: readonly ResourceState[]): Set<string> {
  const byUrn = new Map<string, ResourceState[]>();
  for (const resource of resources) {
    const same = byUrn.get(resource.urn);
    if (same) same.push(resource);
    else byUrn.set(resource.urn, [resource]);
  }
  const found = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const urn = stack.pop()!;
    for (const resource of byUrn.get(urn) ?? []) {
      for (const dependency of dependencyUrns(resource)) {
        if (!found.has(dependency)) {
          found.add(dependency);
          stack.push(dependency);
        }
      }
    }
  }
  return found;
}

/** Everything that depends on `roots`, transitively, by URN. */
function transitiveDependents(roots: Iterable<string>, resources: readonly ResourceState[]): Set<string> {
  const dependents = new Map<string, string[]>();
  for (const resource of resources) {
    for (const urn of dependencyUrns(resource)) {
      const list = dependents.get(urn);
      if (list) list.push(resource.urn);
      else dependents.set(urn, [resource.urn]);
    }
  }
  const found = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    for (const dependent of dependents.get(stack.pop()!) ?? []) {
      if (!found.has(dependent)) {
        found.add(dependent);
        stack.push(dependent);
      }
    }
  }
  return found;
}

/** Runs one operation against the host and the state file. Never throws for a failed step. */
export async function runOperation(options: OperationOptions): Promise<OperationResult> {
  // Preview writes nothing, not even the recovery of a journal left behind.
  const state =
    options.op === "preview"
      ? loadState(options.stateFile, options.project, options.stack)
      : recoverState(options.stateFile, options.project, options.stack);
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
  const journal = options.op === "preview" ? undefined : new StateJournal(options.stateFile, state);
  const workers = new Slots(Math.max(1, Math.floor(options.parallel ?? defaultParallel())));
  try {
    switch (options.op) {
      case "preview":
      case "up":
        await new Deployment(options, state, result, workers, journal).run();
        break;
      case "refresh":
        await refresh(options, state, result, workers, journal!);
        break;
      case "destroy":
        await destroy(options, state, result, workers, journal!);
        break;
    }
  } finally {
    journal?.close();
    if (options.profile && journal) {
      options.profile.stateWriteMs = Number(journal.writeNs) / 1e6;
      options.profile.stateWriteCpuMs = journal.writeCpuUs / 1000;
      options.profile.journalLines = journal.lines;
    }
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

/** Why a registration was not stepped: the operation stopped after a failed step (the engine cancels). */
const NOT_STEPPED = "not stepped: the operation stopped after a failed step";

type Base = { urn: string; type: string; name: string };

/** A step the generator planned, to run on a worker. */
type PlannedStep = () => Promise<pulumi.runtime.MockResourceResult>;

/** One preview or up: the program under mocks, each registration turned into host calls. */
class Deployment {
  private readonly preview: boolean;
  private readonly host: ProviderHost;
  /** Old resources still live in state, by URN. */
  private readonly olds = new Map<string, ResourceState>();
  /** URNs in registration order: the order of the new state. */
  private readonly order: string[] = [];
  /** The same URNs, to find duplicates. */
  private readonly seen = new Set<string>();
  /** The new state of each registered resource whose step completed (or kept its old state). */
  private readonly news = new Map<string, ResourceState>();
  /** Resources waiting for their delete: old halves of replacements and earlier pending deletes. */
  private readonly pendingDeletes = new Set<ResourceState>();
  /** Messages of failures already reported as steps, to recognise their echoes from the SDK. */
  private readonly reported: string[] = [];
  private readonly packs: PolicyAnalyzer[];
  /** What AnalyzeStack gets for each resource registered (or read) in this run, by URN. */
  private readonly analyzed = new Map<string, AnalyzerStackResource>();
  /** Mandatory violations found during preview: they fail the preview once it is complete. */
  private readonly heldErrors: string[] = [];
  private current: { kind: "register" | "read"; request: ResourceRequest } | undefined;
  /**
   * The engine's step generator: Check, policies and Diff run for one registration at a time, in
   * the order the registrations arrive (only the steps themselves run in parallel).
   */
  private readonly generator = new Slots(1);
  /** Resources whose step failed or was left out because a dependency failed. */
  private readonly failedUrns = new Set<string>();
  /** Set by a failed step (a failed step generation, or any failure without continueOnError): nothing new starts. */
  private canceled = false;
  private programFailed = false;

  constructor(
    private readonly options: OperationOptions,
    private readonly state: StackState,
    private readonly result: OperationResult,
    /** The step executor's workers. */
    private readonly workers: Slots,
    /** Undefined in preview, which writes nothing. */
    private readonly journal: StateJournal | undefined,
  ) {
    this.preview = options.op === "preview";
    this.host = options.host;
    this.packs = options.policyPacks ?? [];
    for (const resource of state.resources) {
      if (resource.delete) {
        this.pendingDeletes.add(resource);
      } else {
        this.olds.set(resource.urn, resource);
      }
    }
  }

  async run(): Promise<void> {
    const { program } = this.options;
    if (!program) {
      this.result.errors.push(`${this.options.op} needs a program`);
      return;
    }
    // Resources left pending by an earlier failed run are deleted first, as the engine does.
    if (!(await this.deleteAll([...this.pendingDeletes]))) {
      this.finish();
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
        this.journal?.outputs(this.result.outputs);
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

    // As the engine: the deletes run once the program finished, unless it failed or a failed step
    // stopped the operation (with continueOnError they run, sparing what a failed resource uses).
    if (!this.canceled && !this.programFailed) {
      const registered = this.seen;
      // With continueOnError, what depends on a failed resource may never have registered (the SDK
      // does not register a resource whose inputs failed): it is kept, not deleted.
      const spared =
        this.failedUrns.size > 0 ? transitiveDependents(this.failedUrns, [...this.olds.values()]) : undefined;
      const gone = [...this.olds.values()].filter((old) => !registered.has(old.urn) && !spared?.has(old.urn));
      await this.deleteAll([...gone, ...this.pendingDeletes]);
    }
    // As the engine: stack policies run only after a run without failed steps, and what `up` did
    // stays done whatever they find.
    if (this.packs.length > 0 && this.result.errors.length === 0) {
      await this.analyzeStack();
    }
    this.result.errors.push(...this.heldErrors);
    this.finish();
  }

  /** The state as it stands: registered resources, then untouched olds, then pending deletes. */
  private snapshot(): StackState {
    const untouched = [...this.olds.values()].filter((old) => !this.news.has(old.urn));
    const registered = this.order.flatMap((urn) => this.news.get(urn) ?? []);
    const pending = [...this.pendingDeletes].map((resource) => ({ ...resource, delete: true }));
    const resources = [...registered, ...untouched, ...pending];
    const snapshot: StackState = { ...this.state, resources };
    if (this.result.outputs !== undefined) {
      snapshot.outputs = this.result.outputs;
    }
    return snapshot;
  }

  /** Compacts the journal into the state file (never during preview). */
  private finish(): void {
    this.journal?.compact(this.snapshot());
  }

  /** Journals one completed step (never during preview). */
  private commit(put: ResourceState[], removed: string[] = []): void {
    this.journal?.step(put, removed);
  }

  /**
   * Step generation for one registration, in the generator's order. A registration arriving after
   * the operation stopped, or depending on a failed resource, is not stepped; a failure here stops
   * the operation even with continueOnError (the engine bails out of step generation).
   */
  private generate<T>(base: Base, dependencies: readonly string[], work: () => Promise<T>): Promise<T> {
    return this.generator.run(async () => {
      if (this.canceled) {
        throw this.notStepped();
      }
      if (dependencies.some((urn) => this.failedUrns.has(urn))) {
        // Seen but skipped, as the engine skips the steps of a dependent: its old state stays.
        this.seen.add(base.urn);
        this.failedUrns.add(base.urn);
        throw this.notStepped();
      }
      try {
        return await work();
      } catch (error) {
        this.failedUrns.add(base.urn);
        this.canceled = true;
        throw error;
      }
    });
  }

  /** A step on a worker. A failure stops the operation unless continueOnError; running steps finish. */
  private execute<T>(base: Base, work: () => Promise<T>): Promise<T> {
    return this.workers.run(async () => {
      if (this.canceled) {
        throw this.notStepped();
      }
      try {
        return await work();
      } catch (error) {
        this.failedUrns.add(base.urn);
        if (!this.options.continueOnError) {
          this.canceled = true;
        }
        throw error;
      }
    });
  }

  private notStepped(): StepFailed {
    if (!this.reported.includes(NOT_STEPPED)) {
      this.reported.push(NOT_STEPPED);
    }
    return new StepFailed(NOT_STEPPED);
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
      this.programFailed = true;
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
    const planned = await this.generate(base, request.getDependenciesList(), () =>
      this.planRegistration(base, request, args),
    );
    return this.execute(base, planned);
  }

  /** The step generator's part of a registration: Check, policies, Diff; returns the step to run. */
  private async planRegistration(
    base: Base,
    request: ResourceRequest,
    args: pulumi.runtime.MockResourceArgs,
  ): Promise<PlannedStep> {
    const { urn, type, name } = base;
    if (this.seen.has(urn)) {
      throw this.fail(base, `Duplicate resource URN '${urn}'; try giving it a unique name`);
    }
    this.seen.add(urn);
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
      return async () => {
        const component = { ...record, outputs: inputs };
        this.news.set(urn, component);
        this.commit([component]);
        this.step({
          ...base,
          op: old === undefined ? "create" : deepEqual(old.inputs, inputs) ? "same" : "update",
        });
        return { id: undefined, state: {} };
      };
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
      const checked = await this.policy(base, request, inputs, secretKeys);
      return () => this.foreign(base, record, checked, secretKeys, old);
    }
    if (args.id) {
      const id = args.id;
      return () => this.importResource(base, id);
    }
    const checked = await this.policy(
      base,
      request,
      await this.check(base, old && !old.external ? old.inputs : {}, inputs),
      secretKeys,
    );
    if (old === undefined || old.external) {
      return () => this.create(base, record, checked, secretKeys);
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
      // A replacement is checked again without olds, so that defaults are generated afresh.
      const rechecked = await this.check(base, {}, inputs);
      const plan = { keys, replaces: diff.replaces, deleteFirst };
      return () => this.replace(base, old, record, rechecked, secretKeys, plan);
    }
    if (changes === "some" || (old.initErrors?.length ?? 0) > 0) {
      return () => this.update(base, old, record, checked, secretKeys, keys);
    }
    return async () => {
      const same = { ...record, id: old.id, inputs: checked, outputs: old.outputs };
      this.news.set(urn, same);
      this.commit([same]);
      this.step({ ...base, op: "same", id: old.id });
      return { id: old.id, state: markSecrets(old.outputs, secretKeys) };
    };
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
    base: Base,
    record: ResourceState,
    checked: Props,
    secretKeys: string[],
    old: ResourceState | undefined,
  ): Promise<pulumi.runtime.MockResourceResult> {
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
    const recorded = { ...record, id, inputs: checked, outputs, foreign: true };
    this.news.set(base.urn, recorded);
    this.commit([recorded]);
    this.step({ ...base, op, id, ...changed });
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
    base: Base,
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
    let created;
    try {
      created = await this.host.create(base.urn, checked);
    } catch (error) {
      throw this.failWrite(base, record, checked, error, `creating ${base.urn}`);
    }
    const recorded = { ...record, id: created.id, inputs: checked, outputs: created.properties };
    this.news.set(base.urn, recorded);
    this.commit([recorded]);
    this.step({ ...base, op: "create", id: created.id });
    return { id: created.id, state: markSecrets(created.properties, secretKeys) };
  }

  private async update(
    base: Base,
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
    let updated;
    try {
      updated = await this.host.update(old.id, base.urn, old.outputs, checked, old.inputs);
    } catch (error) {
      if (!(error instanceof HostCallError && error.initFailed)) {
        this.news.set(base.urn, old);
      }
      throw this.failWrite(base, record, checked, error, `updating ${base.urn}`, old.id);
    }
    const recorded = { ...record, id: old.id, inputs: checked, outputs: updated.properties };
    this.news.set(base.urn, recorded);
    this.commit([recorded]);
    this.step({ ...base, op: "update", id: old.id, changedKeys: keys });
    return { id: old.id, state: markSecrets(updated.properties, secretKeys) };
  }

  /** A replacement, already checked again (without olds) by the generator. */
  private async replace(
    base: Base,
    old: ResourceState,
    record: ResourceState,
    checked: Props,
    secretKeys: string[],
    plan: { keys: string[]; replaces: string[]; deleteFirst: boolean },
  ): Promise<pulumi.runtime.MockResourceResult> {
    const stepInfo = {
      changedKeys: plan.keys,
      replaceKeys: plan.replaces,
      deleteBeforeReplace: plan.deleteFirst,
    };
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
      this.commit([], [stateKey(old)]);
    }
    /** Create before delete: the old half waits for its delete, after the program. */
    const condemn = (): ResourceState[] => {
      if (plan.deleteFirst) {
        return [];
      }
      this.olds.delete(base.urn);
      this.pendingDeletes.add(old);
      return [{ ...old, delete: true }];
    };
    let created;
    try {
      created = await this.host.create(base.urn, checked);
    } catch (error) {
      const initFailed = error instanceof HostCallError && error.initFailed;
      const pending = initFailed ? condemn() : [];
      if (!initFailed && !plan.deleteFirst) {
        this.news.set(base.urn, old);
      }
      throw this.failWrite(
        base,
        record,
        checked,
        error,
        `creating the replacement of ${base.urn}`,
        undefined,
        pending,
      );
    }
    const recorded = { ...record, id: created.id, inputs: checked, outputs: created.properties };
    this.news.set(base.urn, recorded);
    // One journal line: the new resource and the old one's pending delete land together.
    this.commit([...condemn(), recorded]);
    this.step({ ...base, op: "replace", id: created.id, ...stepInfo });
    return { id: created.id, state: markSecrets(created.properties, secretKeys) };
  }

  /**
   * A failed Create/Update. With `ErrorResourceInitFailed` the object exists: it is recorded with
   * its id, the properties from the error and `initErrors`, so that the next `up` updates it and
   * `destroy` deletes it (journalled with `alsoPut`, a replaced old half waiting for its delete).
   * Otherwise nothing new is recorded.
   */
  private failWrite(
    base: Base,
    record: ResourceState,
    checked: Props,
    error: unknown,
    what: string,
    oldId?: string,
    alsoPut: ResourceState[] = [],
  ): StepFailed {
    const initFailed = error instanceof HostCallError ? error.initFailed : undefined;
    if (initFailed) {
      const { id, properties, reasons } = initFailed;
      const recorded = { ...record, id, inputs: checked, outputs: properties, initErrors: reasons };
      this.news.set(base.urn, recorded);
      this.commit([...alsoPut, recorded]);
      return this.fail({ ...base, id }, `${what}: ${messageOf(error)}`);
    }
    return this.fail(oldId === undefined ? base : { ...base, id: oldId }, `${what}: ${messageOf(error)}`);
  }

  /** The `import` option: the engine's Read with no properties, which the dynamic host cannot serve. */
  private async importResource(base: Base, id: string): Promise<pulumi.runtime.MockResourceResult> {
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
    await this.generate(base, request.getDependenciesList(), async () => {
      if (this.seen.has(urn)) {
        throw this.fail(base, `Duplicate resource URN '${urn}'; try giving it a unique name`);
      }
      this.seen.add(urn);
      this.order.push(urn);
    });
    return this.execute(base, async () => {
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
      const recorded = { ...record, id: read.id, outputs: read.properties };
      this.news.set(urn, recorded);
      this.commit([recorded]);
      this.step({ ...base, op: "read", id: read.id });
      if (this.packs.length > 0) {
        // Not analyzed on its own (the engine's read steps skip policies), but part of the stack.
        this.remember(base, request, read.properties);
      }
      return { id: read.id, state: markSecrets(read.properties, secretKeys) };
    });
  }

  /**
   * Deletes `resources` (or plans it, in preview) in the engine's waves ({@link deleteWaves}),
   * each wave on the workers, taking each resource out of the state once done. A failure stops
   * the deletes after the current wave; with continueOnError the later waves go on without what a
   * failed resource depends on. Returns false when a delete failed.
   */
  private async deleteAll(resources: ResourceState[]): Promise<boolean> {
    const failed = new Set<string>();
    const everything = [...this.olds.values(), ...this.news.values(), ...this.pendingDeletes];
    for (const wave of deleteWaves(resources)) {
      if (this.canceled) {
        break;
      }
      const spared = failed.size > 0 ? transitiveDependencies(failed, everything) : undefined;
      await Promise.all(
        wave
          .filter((resource) => !spared?.has(resource.urn))
          .map((resource) =>
            this.workers.run(async () => {
              // Not started before the failure: the engine starts nothing once cancelled.
              if (this.canceled) {
                return;
              }
              if (!(await this.deleteOne(resource))) {
                failed.add(resource.urn);
                if (!this.options.continueOnError) {
                  this.canceled = true;
                }
              }
            }),
          ),
      );
    }
    return failed.size === 0 && !this.canceled;
  }

  /** One delete step (a drop for what the stack does not manage); false when it failed. */
  private async deleteOne(resource: ResourceState): Promise<boolean> {
    const base = { urn: resource.urn, type: resource.type, name: resource.name };
    const replaced = this.news.has(resource.urn) ? { replaced: true } : {};
    const pending = this.pendingDeletes.has(resource);
    const remove = (): void => {
      if (this.olds.get(resource.urn) === resource) {
        this.olds.delete(resource.urn);
      }
      this.pendingDeletes.delete(resource);
      this.commit([], [pending ? stateKey({ ...resource, delete: true }) : stateKey(resource)]);
    };
    if (resource.external || resource.foreign) {
      this.step({ ...base, op: "drop", id: resource.id });
      remove();
      return true;
    }
    if (this.preview) {
      this.step({ ...base, op: "delete", ...(resource.custom ? { id: resource.id } : {}) });
      remove();
      return true;
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
    remove();
    this.step({ ...base, op: "delete", ...(resource.custom ? { id: resource.id } : {}), ...replaced });
    return true;
  }
}

/**
 * Refresh: Read(id, outputs, inputs) for every resource in state, all at once on the workers (the
 * engine refreshes in parallel and a failed read stops no other); an empty id drops it.
 */
async function refresh(
  options: OperationOptions,
  state: StackState,
  result: OperationResult,
  workers: Slots,
  journal: StateJournal,
): Promise<void> {
  /** Each resource's state after the refresh; undefined once dropped. */
  const after = new Map<ResourceState, ResourceState | undefined>();
  await Promise.all(
    state.resources.map(async (resource) => {
      const base = { urn: resource.urn, type: resource.type, name: resource.name };
      if (!resource.custom) {
        return;
      }
      if (resource.foreign) {
        // No provider to read it from: kept as it is.
        result.steps.push({ ...base, op: "same", id: resource.id });
        return;
      }
      await workers.run(async () => {
        let read;
        try {
          read = await options.host.read(resource.id, resource.urn, resource.outputs, resource.inputs);
        } catch (error) {
          const message = `refreshing ${resource.urn} (${resource.id}): ${messageOf(error)}`;
          result.steps.push({ ...base, op: "failed", id: resource.id, error: message });
          result.errors.push(message);
          return;
        }
        if (read.id === "") {
          after.set(resource, undefined);
          journal.step([], [stateKey(resource)]);
          result.steps.push({ ...base, op: "drop", id: resource.id });
          return;
        }
        // As the engine's refresh step: a successful Read leaves no init errors behind.
        const { initErrors: _cleared, ...kept } = resource;
        const refreshed = {
          ...kept,
          id: read.id,
          outputs: read.properties,
          inputs: read.inputs ?? resource.inputs,
        };
        after.set(resource, refreshed);
        journal.step([refreshed]);
        result.steps.push({
          ...base,
          op: "refresh",
          id: read.id,
          changedKeys: changedKeys(resource.outputs, read.properties),
        });
      });
    }),
  );
  const resources = state.resources.flatMap((resource) =>
    after.has(resource) ? (after.get(resource) ?? []) : [resource],
  );
  journal.compact({ ...state, resources });
}

/**
 * Destroy: Delete(id, outputs) for every resource, in the engine's waves ({@link deleteWaves}):
 * a resource goes once everything that depends on it is gone, independent ones in parallel. A
 * failure stops the destroy after the wave it is in (with continueOnError, what a failed resource
 * depends on is spared and the rest goes on).
 */
async function destroy(
  options: OperationOptions,
  state: StackState,
  result: OperationResult,
  workers: Slots,
  journal: StateJournal,
): Promise<void> {
  const gone = new Set<ResourceState>();
  const failed = new Set<string>();
  for (const wave of deleteWaves(state.resources)) {
    if (failed.size > 0 && !options.continueOnError) {
      break;
    }
    const spared = failed.size > 0 ? transitiveDependencies(failed, state.resources) : undefined;
    await Promise.all(
      wave
        .filter((resource) => !spared?.has(resource.urn))
        .map((resource) =>
          workers.run(async () => {
            // Not started before the failure: the engine starts nothing once cancelled.
            if (failed.size > 0 && !options.continueOnError) {
              return;
            }
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
                  failed.add(resource.urn);
                  return;
                }
              }
              result.steps.push({ ...base, op: "delete", ...(resource.custom ? { id: resource.id } : {}) });
            }
            gone.add(resource);
            journal.step([], [stateKey(resource)]);
          }),
        ),
    );
  }
  const final: StackState = {
    ...state,
    resources: state.resources.filter((resource) => !gone.has(resource)),
  };
  if (final.resources.length === 0) {
    delete final.outputs;
  }
  journal.compact(final);
}
