import type { StackValidationPolicy } from "@pulumi/policy";
import { RESERVED_CIDR } from "pulumi-vpcep/schema";
import { resourceLabel, violation } from "../lib/describe.js";
import { knownStrings } from "../lib/known.js";
import {
  extraReservedRangesSchema,
  overlappingRange,
  overlapRule,
  reservedRanges,
  useOf,
} from "../lib/ranges.js";
import type { NetworkType } from "../lib/resource-types.js";
import { dependenciesAt, stackIndex, type Indexed, type StackIndex } from "../lib/stack-index.js";

type Network = Indexed<NetworkType>;

/**
 * The VPCs and subnets that endpoints and endpoint services are placed in, and the subnets and
 * routes of those VPCs, must not overlap 198.19.128.0/17 on any cloud: like
 * vpcep-network-reserved-range, an organisation's rule, not only where the cloud refuses it. Runs
 * on the whole stack, so it sees networks through the references between resources (by dependency
 * or by id) and through their outputs, even when the address was never written in the program.
 *
 * @severity high
 */
export const endpointNetworkReservedRange: StackValidationPolicy = {
  name: "vpcep-endpoint-network-reserved-range",
  displayName: "Networks hosting VPC endpoints stay out of the VPC endpoint range",
  description: `VPCs and subnets that host VPC endpoints or endpoint services, and the subnets and routes of those VPCs, must not overlap ${RESERVED_CIDR}.`,
  enforcementLevel: "mandatory",
  severity: "high",
  configSchema: { properties: { extraReservedRanges: extraReservedRangesSchema } },
  validateStack: (args, reportViolation) => {
    const reserved = reservedRanges(args.getConfig<{ extraReservedRanges?: string[] }>().extraReservedRanges);
    const hosting = stackIndex(args.resources).derive(hostingNetworks);
    for (const { network, labels } of hosting.values()) {
      const use = useOf(network.type.kind);
      for (const path of network.type.addressPaths) {
        for (const found of knownStrings(network.props, path)) {
          const hit = overlappingRange(found.value, reserved, use);
          if (hit === undefined) continue;
          const rule = `${overlapRule(hit, use)}; it hosts ${labels.join(", ")}.`;
          reportViolation(violation(network.token, network.name, found.path, found.value, rule), network.urn);
        }
      }
    }
  },
};

/**
 * Each network that hosts an endpoint or endpoint service, directly or through what it contains,
 * with the labels of what it hosts, in the order they were found. Independent of config, so one
 * computation per stack serves every call.
 */
function hostingNetworks(index: StackIndex): Map<string, { network: Network; labels: string[] }> {
  const hosting = new Map<string, { network: Network; labels: string[] }>();
  if (index.networks.size === 0) return hosting;
  const byId = new Map<string, Network>();
  for (const network of index.networks.values()) {
    for (const path of ["id", ...(network.type.idPaths ?? [])]) {
      for (const { value } of knownStrings(network.props, path)) byId.set(value, network);
    }
  }
  const labelsOf = (network: Network): readonly string[] => hosting.get(network.urn)?.labels ?? [];
  const host = (network: Network, label: string): boolean => {
    const entry = hosting.get(network.urn) ?? { network, labels: [] };
    hosting.set(network.urn, entry);
    if (entry.labels.includes(label)) return false;
    entry.labels.push(label);
    return true;
  };
  const referenced = (resource: Indexed<unknown>, paths: readonly string[]): Network[] => {
    const found: Network[] = [];
    for (const path of paths) {
      for (const urn of dependenciesAt(resource, path)) {
        const network = index.networks.get(urn);
        if (network) found.push(network);
      }
      for (const { value } of knownStrings(resource.props, path)) {
        const network = byId.get(value);
        if (network) found.push(network);
      }
    }
    return found;
  };

  for (const endpoint of index.endpoints) {
    const label = resourceLabel(endpoint.token, endpoint.name);
    for (const network of referenced(endpoint, [...endpoint.type.vpcPaths, ...endpoint.type.subnetPaths])) {
      host(network, label);
    }
  }
  // A hosting subnet's VPC hosts too.
  for (const network of index.networks.values()) {
    if (network.type.kind !== "subnet" || network.type.parentPaths === undefined) continue;
    const labels = [...labelsOf(network)];
    for (const vpc of referenced(network, network.type.parentPaths)) {
      for (const label of labels) host(vpc, label);
    }
  }
  // What lies inside a hosting VPC carries its traffic: subnets, CIDR blocks, route tables and
  // their routes. Route entries hang off route tables, so this runs until nothing new is found.
  for (let changed = true; changed;) {
    changed = false;
    for (const network of index.networks.values()) {
      if (network.type.parentPaths === undefined) continue;
      for (const parent of referenced(network, network.type.parentPaths)) {
        for (const label of [...labelsOf(parent)]) {
          if (host(network, label)) changed = true;
        }
      }
    }
  }
  return hosting;
}
