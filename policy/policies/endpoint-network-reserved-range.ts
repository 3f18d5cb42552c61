import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { RESERVED_CIDR } from "pulumi-vpcep/schema";
import { resourceLabel, violation } from "../lib/describe.js";
import { knownStrings, plainProps, type Plain } from "../lib/known.js";
import {
  extraReservedRangesSchema,
  overlappingRange,
  overlapRule,
  reservedRanges,
  useOf,
} from "../lib/ranges.js";
import { ENDPOINT_TYPES, NETWORK_TYPES, type NetworkType } from "../lib/resource-types.js";

interface Network {
  resource: PolicyResource;
  type: NetworkType;
  props: Plain;
}

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
    const networks = new Map<string, Network>();
    const byId = new Map<string, Network>();
    for (const resource of args.resources) {
      const type = NETWORK_TYPES.get(resource.type);
      if (type === undefined) continue;
      const network: Network = { resource, type, props: plainProps(resource.props) };
      networks.set(resource.urn, network);
      for (const path of ["id", ...(type.idPaths ?? [])]) {
        for (const { value } of knownStrings(network.props, path)) byId.set(value, network);
      }
    }
    if (networks.size === 0) return;

    // Each hosting network with the labels of what it hosts.
    const hosting = new Map<string, string[]>();
    const host = (network: Network, label: string) => {
      const labels = hosting.get(network.resource.urn) ?? [];
      if (!labels.includes(label)) labels.push(label);
      hosting.set(network.resource.urn, labels);
    };
    const referenced = (resource: PolicyResource, props: Plain, paths: readonly string[]): Network[] => {
      const found: Network[] = [];
      for (const path of paths) {
        const top = path.split(/[.[]/)[0]!;
        for (const dependency of resource.propertyDependencies[top] ?? []) {
          const network = networks.get(dependency.urn);
          if (network) found.push(network);
        }
        for (const { value } of knownStrings(props, path)) {
          const network = byId.get(value);
          if (network) found.push(network);
        }
      }
      return found;
    };

    for (const resource of args.resources) {
      const type = ENDPOINT_TYPES.get(resource.type);
      if (type === undefined) continue;
      const props = plainProps(resource.props);
      const label = resourceLabel(resource.type, resource.name);
      for (const network of referenced(resource, props, [...type.vpcPaths, ...type.subnetPaths])) {
        host(network, label);
      }
    }
    // A hosting subnet's VPC hosts too.
    for (const network of networks.values()) {
      if (network.type.kind !== "subnet" || network.type.parentPaths === undefined) continue;
      const labels = hosting.get(network.resource.urn) ?? [];
      for (const vpc of referenced(network.resource, network.props, network.type.parentPaths)) {
        for (const label of labels) host(vpc, label);
      }
    }
    // What lies inside a hosting VPC carries its traffic: subnets, CIDR blocks, route tables and
    // their routes. Route entries hang off route tables, so this runs until nothing new is found.
    for (let changed = true; changed;) {
      changed = false;
      for (const network of networks.values()) {
        if (network.type.parentPaths === undefined) continue;
        for (const parent of referenced(network.resource, network.props, network.type.parentPaths)) {
          for (const label of hosting.get(parent.resource.urn) ?? []) {
            if (hosting.get(network.resource.urn)?.includes(label)) continue;
            host(network, label);
            changed = true;
          }
        }
      }
    }

    for (const [urn, labels] of hosting) {
      const network = networks.get(urn)!;
      const use = useOf(network.type.kind);
      for (const path of network.type.addressPaths) {
        for (const found of knownStrings(network.props, path)) {
          const hit = overlappingRange(found.value, reserved, use);
          if (hit === undefined) continue;
          const rule = `${overlapRule(hit, use)}; it hosts ${labels.join(", ")}.`;
          reportViolation(
            violation(network.resource.type, network.resource.name, found.path, found.value, rule),
            urn,
          );
        }
      }
    }
  },
};
