/**
 * The request log: one entry per cloud API request, with the verdicts tests assert on (retry
 * counts, injected faults, signature results). Entries never hold credentials: no Authorization
 * header, no secret, only the parsed request parameters.
 */
import type { CloudName } from "./types.js";

/** One logged request. */
export interface JournalEntry {
  seq: number;
  /** ISO time on the emulator clock. */
  time: string;
  cloud: CloudName;
  method: string;
  path: string;
  operation: string;
  tenant?: string;
  region?: string;
  /** HTTP status sent; 0 when the connection was dropped. */
  status: number;
  errorCode?: string;
  /** The fault rule that shaped the answer. */
  injected?: string;
  auth: "ok" | "failed" | "skipped";
  requestBody?: unknown;
}

/** Oldest entries are dropped past this size so a long-running emulator stays small. */
export const JOURNAL_LIMIT = 10_000;

/** The journal. */
export class Journal {
  private entries: JournalEntry[] = [];
  private seq = 0;

  /** Appends an entry and returns it (with its sequence number). */
  add(entry: Omit<JournalEntry, "seq">): JournalEntry {
    const full: JournalEntry = { seq: (this.seq += 1), ...entry };
    this.entries.push(full);
    if (this.entries.length > JOURNAL_LIMIT) this.entries.splice(0, this.entries.length - JOURNAL_LIMIT);
    return full;
  }

  /** Entries, optionally filtered by cloud and operation. */
  list(filter: { cloud?: string; operation?: string } = {}): JournalEntry[] {
    return this.entries.filter(
      (entry) =>
        (filter.cloud === undefined || entry.cloud === filter.cloud) &&
        (filter.operation === undefined || entry.operation === filter.operation),
    );
  }

  /** Drops every entry, or those of one cloud. */
  clear(cloud?: CloudName): void {
    this.entries = cloud === undefined ? [] : this.entries.filter((entry) => entry.cloud !== cloud);
  }
}
