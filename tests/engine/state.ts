/**
 * The harness's state file: the resources of one stack as the engine would checkpoint them, kept
 * as plain JSON between runs. Not the Pulumi checkpoint format: secrets are stored in plaintext.
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
  /** In dependency order: a resource comes after everything it depends on. */
  resources: ResourceState[];
  /** The program's stack outputs from the last `up`. */
  outputs?: Props;
}

/** Reads a state file; a missing file is an empty stack. */
export function loadState(file: string, project: string, stack: string): StackState {
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

/** Writes a state file atomically (temp file, then rename), creating its directory. */
export function saveState(file: string, state: StackState): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(temp, file);
}
