import type { ResourceValidationPolicy } from "@pulumi/policy";
import { RESERVED_CIDR } from "pulumi-vpcep/schema";
import { violation } from "../lib/describe.js";
import { knownStrings, plainProps } from "../lib/known.js";
import {
  extraReservedRangesSchema,
  overlappingRange,
  overlapRule,
  reservedRanges,
  useOf,
} from "../lib/ranges.js";
import { ENDPOINT_TYPES, NETWORK_TYPES } from "../lib/resource-types.js";

export interface NetworkReservedRangeConfig {
  extraReservedRanges?: string[];
  /** "all": every VPC, subnet and route in the stack; "endpoint-hosting": leave them to the stack policy. */
  networks?: "all" | "endpoint-hosting";
}

/**
 * No address a VPC endpoint occupies, and no VPC, subnet or route, may overlap 198.19.128.0/17:
 * Huawei Cloud and Open Telekom Cloud give that range to VPC endpoints, and a network inside it
 * breaks them. The provider's check refuses only what each cloud refuses (a Huawei or OTC endpoint
 * address in the range); this is the organisation's rule, so it holds on every cloud, Tencent
 * Cloud and Volcengine included, though they document no such range. Endpoint whitelists are left
 * alone: they list the client sources let in, not addresses the endpoint takes
 * (vpcep-endpoint-whitelist-not-open judges them). Runs per resource, so it stops the step before
 * anything is created.
 *
 * @severity high
 * @link https://docs.otc.t-systems.com/vpc-endpoint/api-ref/apis/vpc_endpoints/creating_a_vpc_endpoint.html
 */
export const networkReservedRange: ResourceValidationPolicy = {
  name: "vpcep-network-reserved-range",
  displayName: "No address or CIDR in the VPC endpoint range",
  description: `On every cloud, the addresses of VPC endpoints and the CIDRs of VPCs and subnets must not overlap ${RESERVED_CIDR}, which Huawei Cloud and Open Telekom Cloud reserve for VPC endpoints, and no custom route may point inside it.`,
  enforcementLevel: "mandatory",
  severity: "high",
  configSchema: {
    properties: {
      extraReservedRanges: extraReservedRangesSchema,
      networks: {
        type: "string",
        enum: ["all", "endpoint-hosting"],
        default: "all",
        description:
          'Which VPCs, subnets and routes to check here: "all" in the stack, or "endpoint-hosting" to check only those hosting endpoints (done by vpcep-endpoint-network-reserved-range).',
      },
    },
  },
  validateResource: (args, reportViolation) => {
    const endpoint = ENDPOINT_TYPES.get(args.type);
    const network = NETWORK_TYPES.get(args.type);
    if (endpoint === undefined && network === undefined) return;
    const config = args.getConfig<NetworkReservedRangeConfig>();
    if (network !== undefined && config.networks === "endpoint-hosting") return;
    const reserved = reservedRanges(config.extraReservedRanges);
    const props = plainProps(args.props);
    const paths = endpoint?.addressPaths ?? network?.addressPaths ?? [];
    const use = useOf(network?.kind ?? "endpoint");
    for (const path of paths) {
      for (const found of knownStrings(props, path)) {
        const hit = overlappingRange(found.value, reserved, use);
        if (hit === undefined) continue;
        reportViolation(
          violation(args.type, args.name, found.path, found.value, `${overlapRule(hit, use)}.`),
        );
      }
    }
  },
};
