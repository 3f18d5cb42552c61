/** Open Telekom Cloud resource arguments, as plain values (the SDK wraps them in `pulumi.Input`). */
import type { VpcepV1ConnectionArgs, VpcepV1EndpointArgs, VpcepV1ServiceArgs } from "../vpcep-v1/args.js";

/**
 * A VPC endpoint on Open Telekom Cloud. OTC has no call that modifies an endpoint: only tags update
 * in place (`POST /endpoint/{id}/tags/action`); a whitelist, route table or DNS change replaces it.
 */
export type OtcVpcEndpointArgs = VpcepV1EndpointArgs<"opentelekomcloud">;

/** An endpoint service on Open Telekom Cloud. */
export interface OtcVpcEndpointServiceArgs extends VpcepV1ServiceArgs<
  "opentelekomcloud",
  "LB" | "VM" | "VIP" | "BMS"
> {
  /**
   * Accounts allowed to connect: `iam:domain::<domain id>` or `*` (every account); a set, paged
   * through to the end. OTC has no organisation paths. Updates in place.
   */
  permissions?: string[];
}

/** The service owner's decision on one endpoint of a Open Telekom Cloud endpoint service. */
export type OtcVpcEndpointConnectionArgs = VpcepV1ConnectionArgs<"opentelekomcloud">;
