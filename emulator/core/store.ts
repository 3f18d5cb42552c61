/**
 * In-memory resources, keyed by cloud, tenant and region (moto's BackendDict by account and region).
 * One generic record holds every kind; each cloud module keeps its wire fields in `attrs`.
 */
import type { CloudName } from "./types.js";

/** A "notVisibleYet" fault attached to a freshly created resource. */
export interface Invisibility {
  ruleId: string;
  /** Reads that still answer not-found; at 0 the resource is visible for good. */
  reads: number;
}

/** One emulated resource. */
export interface ResourceRecord<A extends object = Record<string, unknown>> {
  id: string;
  cloud: CloudName;
  /** `<cloud>::<type>`, as the cloud module names its models. */
  model: string;
  /** The account or project the record belongs to, as the cloud's credentials name it. */
  tenant: string;
  region: string;
  /** Emulator-clock milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Current lifecycle state, in the cloud's own spelling. */
  status: string;
  /** States still to come; the transition engine consumes them. */
  pending: string[];
  /** When the current step started (for `time` progression). */
  since: number;
  /** Reads counted since the current step started (for `manual` progression). */
  reads: number;
  /** Set once delete has been accepted, so writes can be refused and deletes repeated. */
  deleting: boolean;
  hidden?: Invisibility;
  attrs: A;
}

/** What a new record is given: who it is, its first status and its wire fields. */
export type NewRecord<A extends object> = Pick<
  ResourceRecord<A>,
  "id" | "cloud" | "model" | "tenant" | "region" | "status" | "attrs"
>;

/** A record created now, before the transition engine has begun any step. */
export function freshRecord<A extends object>(now: number, record: NewRecord<A>): ResourceRecord<A> {
  return { ...record, createdAt: now, updatedAt: now, pending: [], since: now, reads: 0, deleting: false };
}

/** Which records a query wants; every field is optional. */
export interface RecordFilter {
  cloud?: CloudName;
  model?: string;
  tenant?: string;
  region?: string;
}

function scopeKey(cloud: string, tenant: string, region: string): string {
  return `${cloud}/${tenant}/${region}`;
}

/** The resource store. */
export class Store {
  private readonly scopes = new Map<string, Map<string, ResourceRecord>>();
  private readonly byId = new Map<string, string>();
  /** Insertion order, so records created in the same millisecond still list in creation order. */
  private readonly order = new Map<string, number>();
  private counter = 0;

  /** Adds a record; ids are unique across clouds, so a duplicate is a bug. */
  add<A extends object>(record: ResourceRecord<A>): ResourceRecord<A> {
    if (this.byId.has(record.id)) throw new Error(`duplicate resource id ${record.id}`);
    const key = scopeKey(record.cloud, record.tenant, record.region);
    let scope = this.scopes.get(key);
    if (!scope) {
      scope = new Map();
      this.scopes.set(key, scope);
    }
    scope.set(record.id, record as unknown as ResourceRecord);
    this.byId.set(record.id, key);
    this.order.set(record.id, (this.counter += 1));
    return record;
  }

  /** A record by id in any scope. */
  get<A extends object = Record<string, unknown>>(id: string): ResourceRecord<A> | undefined {
    const key = this.byId.get(id);
    if (key === undefined) return undefined;
    return this.scopes.get(key)?.get(id) as ResourceRecord<A> | undefined;
  }

  /** Removes a record; returns whether it existed. */
  remove(id: string): boolean {
    const key = this.byId.get(id);
    if (key === undefined) return false;
    this.byId.delete(id);
    this.order.delete(id);
    return this.scopes.get(key)?.delete(id) ?? false;
  }

  /** Records matching the filter, in creation order. */
  list<A extends object = Record<string, unknown>>(filter: RecordFilter = {}): ResourceRecord<A>[] {
    const out: ResourceRecord[] = [];
    const wanted =
      filter.cloud !== undefined && filter.tenant !== undefined && filter.region !== undefined
        ? [this.scopes.get(scopeKey(filter.cloud, filter.tenant, filter.region))]
        : [...this.scopes.values()];
    for (const scope of wanted) {
      if (!scope) continue;
      for (const record of scope.values()) {
        if (filter.cloud !== undefined && record.cloud !== filter.cloud) continue;
        if (filter.model !== undefined && record.model !== filter.model) continue;
        if (filter.tenant !== undefined && record.tenant !== filter.tenant) continue;
        if (filter.region !== undefined && record.region !== filter.region) continue;
        out.push(record);
      }
    }
    out.sort(
      (a, b) => a.createdAt - b.createdAt || (this.order.get(a.id) ?? 0) - (this.order.get(b.id) ?? 0),
    );
    return out as unknown as ResourceRecord<A>[];
  }

  /** Drops every record, or those of one cloud. */
  clear(cloud?: CloudName): void {
    for (const record of this.list(cloud ? { cloud } : {})) this.remove(record.id);
  }

  /** Every record, for snapshots and the debugging listing. */
  all(): ResourceRecord[] {
    return this.list();
  }
}
