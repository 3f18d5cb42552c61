/**
 * Optional persistence: one JSON snapshot with a schema version, written atomically (temporary file
 * in the same directory, fsync, rename) so a crash never leaves half a file behind.
 */
import { open, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { EmulatorState } from "./state.js";
import type { ResourceRecord } from "./store.js";
import type { Progression } from "./transitions.js";

/** The snapshot format version this emulator writes; newer snapshots are refused. */
export const SNAPSHOT_SCHEMA_VERSION = 1;

/** The snapshot document. */
export interface Snapshot {
  schema_version: number;
  saved_at: string;
  seed: number;
  random_state: number;
  clock_offset_ms: number;
  transitions: Record<string, Progression>;
  /** Credentials added at runtime, by cloud name, in each cloud's own field names. */
  credentials: Record<string, object[]>;
  resources: ResourceRecord[];
}

/** The state as a snapshot document. */
export function takeSnapshot(state: EmulatorState): Snapshot {
  return {
    schema_version: SNAPSHOT_SCHEMA_VERSION,
    saved_at: new Date(state.clock.now()).toISOString(),
    seed: state.seed,
    random_state: state.random.snapshot,
    clock_offset_ms: state.clock.offsetMs(),
    transitions: state.transitions.overridesSnapshot(),
    credentials: state.credentials.added(),
    resources: structuredClone(state.store.all()),
  };
}

/** Loads a snapshot document into a fresh state; throws on a newer or malformed document. */
export function restoreSnapshot(state: EmulatorState, snapshot: Snapshot): void {
  if (typeof snapshot !== "object" || snapshot === null || typeof snapshot.schema_version !== "number") {
    throw new Error("not an emulator snapshot (schema_version missing)");
  }
  if (snapshot.schema_version > SNAPSHOT_SCHEMA_VERSION) {
    throw new Error(
      `snapshot schema_version ${snapshot.schema_version} is newer than this emulator's ${SNAPSHOT_SCHEMA_VERSION}`,
    );
  }
  state.random.restore(snapshot.random_state);
  state.clock.setOffset(snapshot.clock_offset_ms ?? 0);
  for (const [model, progression] of Object.entries(snapshot.transitions ?? {})) {
    if (state.transitions.model(model)) state.transitions.set(model, progression);
  }
  for (const [cloud, list] of Object.entries(snapshot.credentials ?? {})) {
    // A cloud this build does not register cannot use its keys; they are left out, not fatal.
    if (!state.credentials.knows(cloud) || !Array.isArray(list)) continue;
    for (const credential of list) state.credentials.add(cloud, credential as Record<string, unknown>);
  }
  for (const record of snapshot.resources ?? []) state.store.add(structuredClone(record));
}

/** Writes the snapshot atomically and returns the path. */
export async function saveSnapshot(state: EmulatorState, file: string): Promise<string> {
  const text = JSON.stringify(takeSnapshot(state), null, 2) + "\n";
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(temp, "w", 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return file;
}

/** Reads a snapshot file; undefined when it does not exist yet. */
export async function readSnapshot(file: string): Promise<Snapshot | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  return JSON.parse(text) as Snapshot;
}
