/**
 * The stack as the stack policies read it, indexed once per `AnalyzeStack` call and shared by all
 * of them. The policy SDK gives each stack policy its own deserialized, proxied copy of every
 * resource; before this index, each policy also copied the known values of every resource it looked
 * at, so the pack's cost on a large stack grew with the number of stack policies.
 */
import type { PolicyResource } from "@pulumi/policy";
import { plainProps, type Plain } from "./known.js";
import {
  CONNECTION_TYPES,
  ENDPOINT_TYPES,
  NETWORK_TYPES,
  type ConnectionType,
  type EndpointType,
  type NetworkType,
} from "./resource-types.js";

/** One resource the policies know, with a plain copy of its properties (see `plainProps`). */
export interface Indexed<T> {
  type: T;
  token: string;
  urn: string;
  name: string;
  props: Plain;
  /** Input property → the URNs of the resources it was computed from. */
  dependsOn: Readonly<Record<string, readonly string[]>>;
}

export class StackIndex {
  /** VPCs, subnets, CIDR blocks, route tables and routes, by URN. */
  readonly networks = new Map<string, Indexed<NetworkType>>();
  /** Endpoints and endpoint services, in stack order. */
  readonly endpoints: Indexed<EndpointType>[] = [];
  /** Connection and approval resources, in stack order. */
  readonly connections: Indexed<ConnectionType>[] = [];
  private readonly derived = new Map<object, unknown>();

  constructor(resources: readonly PolicyResource[]) {
    for (const resource of resources) {
      const network = NETWORK_TYPES.get(resource.type);
      if (network !== undefined) {
        this.networks.set(resource.urn, indexed(network, resource));
        continue;
      }
      const endpoint = ENDPOINT_TYPES.get(resource.type);
      if (endpoint !== undefined) {
        this.endpoints.push(indexed(endpoint, resource));
        continue;
      }
      const connection = CONNECTION_TYPES.get(resource.type);
      if (connection !== undefined) this.connections.push(indexed(connection, resource));
    }
  }

  /**
   * What `compute` derives from this index, computed once per index: a rule's config-independent
   * findings, shared by every policy (or repeated call) that asks with the same `compute`.
   */
  derive<T>(compute: (index: StackIndex) => T): T {
    if (!this.derived.has(compute)) this.derived.set(compute, compute(this));
    return this.derived.get(compute) as T;
  }
}

function indexed<T>(type: T, resource: PolicyResource): Indexed<T> {
  const dependsOn: Record<string, string[]> = {};
  for (const [key, resources] of Object.entries(resource.propertyDependencies ?? {})) {
    dependsOn[key] = resources.map((r) => r.urn);
  }
  return {
    type,
    token: resource.type,
    urn: resource.urn,
    name: resource.name,
    props: plainProps(resource.props),
    dependsOn,
  };
}

/** The URNs the property at `path` (its top-level name) was computed from. */
export function dependenciesAt(resource: Indexed<unknown>, path: string): readonly string[] {
  return resource.dependsOn[path.split(/[.[]/)[0]!] ?? [];
}

interface Memo {
  index: StackIndex;
  count: number;
  last: unknown;
}

/** Indexes by request; a request's entry goes when the request does. */
const MEMO = new WeakMap<object, Memo>();

/**
 * The index of `resources`, built by the first stack policy of an `AnalyzeStack` call and found
 * again by the others. The SDK rebuilds the resource objects for every stack policy, but takes
 * their option lists (`opts.ignoreChanges`) from the request message as they are, so those arrays
 * are the same objects for every policy of one call and new ones for the next call. The first and
 * last resource's lists and the count must all match; anything else (another SDK, a test calling a
 * policy directly) misses and builds its own index, which costs time, never a wrong answer.
 */
export function stackIndex(resources: readonly PolicyResource[]): StackIndex {
  const key = resources[0]?.opts?.ignoreChanges;
  const last = resources[resources.length - 1]?.opts?.ignoreChanges;
  if (key === null || typeof key !== "object") return new StackIndex(resources);
  const memo = MEMO.get(key);
  if (memo !== undefined && memo.count === resources.length && memo.last === last) return memo.index;
  const index = new StackIndex(resources);
  MEMO.set(key, { index, count: resources.length, last });
  return index;
}
