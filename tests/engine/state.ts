/**
 * The harness's state file: the resources of one stack as the engine would checkpoint them, kept
 * as plain JSON between runs. Not the Pulumi checkpoint format: secrets are stored in plaintext.
 *
 * Writes are linear in the number of steps: during an operation every completed step appends one
 * line to a journal next to the state file (`<state>.journal`), and the operation ends by
 * compacting base and journal into a new state file (temp file, then rename) and removing the
 * journal. A run that dies mid-way leaves the last compacted state plus the journal of the steps
 * it completed; {@link loadState} replays it, so what is on disk is always true.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Props } from "./values.js";

/** One resource in state. */
export interface ResourceState {
  urn: string;
  type: string;
  name: string;
  /** False for component resources: recorded, never sent to a provider. */
  custom: boolean;
  /** Empty for components. */
  id: string;
  /** Checked inputs, `__provider` included. */
  inputs: Props;
  /** Outputs as the provider returned them, `__provider` included. */
  outputs: Props;
  parent?: string;
  dependencies?: string[];
  /** Read with `get()` / `opts.id`: not managed, never deleted. */
  external?: boolean;
  /**
   * A custom resource of another provider, recorded without provider calls while policy packs
   * are attached: never read, updated or deleted, only dropped.
   */
  foreign?: boolean;
  /** Set by a partial failure (`ErrorResourceInitFailed`): the next `up` updates the resource. */
  initErrors?: string[];
  /** The old half of a replacement (or a resource the program dropped) still waiting for its delete. */
  delete?: boolean;
}

/** The whole file. */
export interface StackState {
  version: 1;
  project: string;
  stack: string;
  /**
   * Counts compactions. A journal names the serial of the state it extends, so a journal left
   * behind by a run that died after its compaction (already folded in) is recognised and dropped.
   */
  serial?: number;
  /** In dependency order: a resource comes after everything it depends on. */
  resources: ResourceState[];
  /** The program's stack outputs from the last `up`. */
  outputs?: Props;
}

/** One journal line. The first line of a journal is always `begin`. */
type JournalEntry =
  | { t: "begin"; serial: number; project: string; stack: string }
  /**
   * One completed step, in one line so that it lands whole or not at all: `put` adds resources
   * (or replaces those with the same key, in place), then `del` removes resources by key.
   */
  | { t: "step"; put?: ResourceState[]; del?: string[] }
  /** Sets (or, without `v`, removes) the stack outputs. */
  | { t: "outputs"; v?: Props };

/** The journal of a state file. */
export function journalFile(file: string): string {
  return `${file}.journal`;
}

/**
 * What identifies a resource in state: its URN, or for a pending delete (which may share its URN
 * with the live resource that replaced it) the URN with its id.
 */
export function stateKey(resource: ResourceState): string {
  return resource.delete ? `${resource.urn}\u0000delete\u0000${resource.id}` : resource.urn;
}

function readBase(file: string, project: string, stack: string): StackState {
  if (!fs.existsSync(file)) {
    return { version: 1, project, stack, resources: [] };
  }
  const state = JSON.parse(fs.readFileSync(file, "utf8")) as StackState;
  if (state.version !== 1 || !Array.isArray(state.resources)) {
    throw new Error(`${file} is not an engine-harness state file (version 1)`);
  }
  if (state.project !== project || state.stack !== stack) {
    throw new Error(`${file} holds stack ${state.project}/${state.stack}, not ${project}/${stack}`);
  }
  return state;
}

/**
 * The journal's entries after its `begin` line, or undefined when there is no journal or it
 * extends another serial. A torn last line (the run died while appending it) is ignored: that
 * step is not recorded, as if the run had died just before it.
 */
function readJournal(file: string, serial: number): JournalEntry[] | undefined {
  const journal = journalFile(file);
  if (!fs.existsSync(journal)) {
    return undefined;
  }
  const lines = fs.readFileSync(journal, "utf8").split("\n");
  const entries: JournalEntry[] = [];
  for (const [index, line] of lines.entries()) {
    if (line === "") continue;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch (error) {
      if (index >= lines.length - 2) break;
      throw new Error(`${journal}: line ${index + 1} is not JSON: ${(error as Error).message}`);
    }
  }
  const [begin, ...rest] = entries;
  return begin?.t === "begin" && begin.serial === serial ? rest : undefined;
}

/**
 * Orders resources so that each comes after what it depends on (dependencies and parent), keeping
 * the given order otherwise: a journal appends new resources in completion order, and an update
 * can make an old resource depend on a new one.
 */
function dependencyOrder(resources: ResourceState[]): ResourceState[] {
  const byUrn = new Map<string, ResourceState[]>();
  for (const resource of resources) {
    const same = byUrn.get(resource.urn);
    if (same) same.push(resource);
    else byUrn.set(resource.urn, [resource]);
  }
  const placed = new Set<ResourceState>();
  const visiting = new Set<ResourceState>();
  const ordered: ResourceState[] = [];
  const visit = (resource: ResourceState): void => {
    if (placed.has(resource) || visiting.has(resource)) return;
    visiting.add(resource);
    // A pending delete depends on nothing that must move: it is deleted before what it used.
    if (!resource.delete) {
      for (const urn of [...(resource.parent ? [resource.parent] : []), ...(resource.dependencies ?? [])]) {
        for (const dependency of byUrn.get(urn) ?? []) {
          if (!dependency.delete) visit(dependency);
        }
      }
    }
    visiting.delete(resource);
    placed.add(resource);
    ordered.push(resource);
  };
  resources.forEach(visit);
  return ordered;
}

/** Base state plus its journal, in dependency order. */
function replay(file: string, project: string, stack: string): { state: StackState; replayed: boolean } {
  const base = readBase(file, project, stack);
  const entries = readJournal(file, base.serial ?? 0);
  if (entries === undefined) {
    return { state: base, replayed: false };
  }
  const resources = new Map(base.resources.map((resource) => [stateKey(resource), resource]));
  let outputs = base.outputs;
  for (const entry of entries) {
    if (entry.t === "step") {
      for (const resource of entry.put ?? []) resources.set(stateKey(resource), resource);
      for (const key of entry.del ?? []) resources.delete(key);
    } else if (entry.t === "outputs") {
      outputs = entry.v;
    }
  }
  const state: StackState = { ...base, resources: dependencyOrder([...resources.values()]) };
  if (outputs === undefined) delete state.outputs;
  else state.outputs = outputs;
  return { state, replayed: true };
}

/** Reads a state file and replays its journal, if any (without writing); a missing file is an empty stack. */
export function loadState(file: string, project: string, stack: string): StackState {
  return replay(file, project, stack).state;
}

/**
 * As {@link loadState}, and folds a journal left by a run that died into the state file, so that
 * the operation about to start extends a compacted state.
 */
export function recoverState(file: string, project: string, stack: string): StackState {
  const { state, replayed } = replay(file, project, stack);
  if (replayed || fs.existsSync(journalFile(file))) {
    return saveState(file, state);
  }
  return state;
}

/**
 * Writes a state file atomically (temp file, then rename), creating its directory, with the
 * next serial, and removes the journal it supersedes. Returns the state as written. Not indented:
 * the compaction is the one write that grows with the stack, so it is kept lean.
 */
export function saveState(file: string, state: StackState): StackState {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const written: StackState = { ...state, serial: (state.serial ?? 0) + 1 };
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(written)}\n`);
  fs.renameSync(temp, file);
  // After the rename: a run that dies in between leaves a journal of the old serial, dropped on load.
  fs.rmSync(journalFile(file), { force: true });
  return written;
}

/**
 * The journal of one operation on a compacted state: one appended line per completed step, then
 * {@link StateJournal.compact}. Appends are synchronous, so a line is on disk (in the page cache,
 * as the old whole-file rewrite was) before the step is reported to the program.
 */
export class StateJournal {
  private fd: number | undefined;
  /** Time spent writing, in nanoseconds (journal lines and compaction). */
  writeNs = 0n;
  /**
   * CPU time (user + system, of the process) spent writing, in microseconds: unlike `writeNs` it
   * does not count the time the process waited for a CPU on a busy machine.
   */
  writeCpuUs = 0;
  /** Journal lines written. */
  lines = 0;

  constructor(
    private readonly file: string,
    /** The state the journal extends, as last compacted (its `serial` names it). */
    private readonly base: StackState,
  ) {}

  /**
   * Records one completed step: the new state of each resource in `put` (added, or replacing the
   * one with the same key) and the keys ({@link stateKey}) of those that left the state.
   */
  step(put: readonly ResourceState[], removed: readonly string[] = []): void {
    this.append({
      t: "step",
      ...(put.length > 0 ? { put: [...put] } : {}),
      ...(removed.length > 0 ? { del: [...removed] } : {}),
    });
  }

  /** Records the stack outputs (undefined removes them). */
  outputs(outputs: Props | undefined): void {
    this.append(outputs === undefined ? { t: "outputs" } : { t: "outputs", v: outputs });
  }

  /** Writes the operation's final state over the file and removes the journal. */
  compact(state: StackState): StackState {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    this.close();
    const written = saveState(this.file, { ...state, serial: this.base.serial ?? 0 });
    this.account(start, cpu);
    return written;
  }

  /** Closes the journal without compacting (what a crash leaves behind). */
  close(): void {
    if (this.fd !== undefined) {
      fs.closeSync(this.fd);
      this.fd = undefined;
    }
  }

  private account(start: bigint, cpu: NodeJS.CpuUsage): void {
    this.writeNs += process.hrtime.bigint() - start;
    const used = process.cpuUsage(cpu);
    this.writeCpuUs += used.user + used.system;
  }

  private append(entry: JournalEntry): void {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    if (this.fd === undefined) {
      fs.mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
      // "w": a journal left over (of an older serial) is replaced, never extended.
      this.fd = fs.openSync(journalFile(this.file), "w");
      const { project, stack } = this.base;
      fs.writeSync(
        this.fd,
        `${JSON.stringify({ t: "begin", serial: this.base.serial ?? 0, project, stack })}\n`,
      );
    }
    fs.writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    this.lines += 1;
    this.account(start, cpu);
  }
}
