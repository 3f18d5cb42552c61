/** Huawei Cloud resource arguments, as plain values (the SDK wraps them in `pulumi.Input`). */
import type { VpcepV1ConnectionArgs, VpcepV1EndpointArgs, VpcepV1ServiceArgs } from "../vpcep-v1/args.js";

/** A VPC endpoint on Huawei Cloud. The whitelist and its flag update in place (`PUT /vpc-endpoints/{id}`). */
export type HuaweiVpcEndpointArgs = VpcepV1EndpointArgs<"huaweicloud">;

/** An endpoint service on Huawei Cloud. */
export interface HuaweiVpcEndpointServiceArgs extends VpcepV1ServiceArgs<"huaweicloud", "LB" | "VM" | "VIP"> {
  /**
   * Accounts allowed to connect: `iam:domain::<domain id>`, `organizations:orgPath::<path>` or `*`;
   * a set, paged through to the end. Updates in place.
   */
  permissions?: string[];
  /** Virtual NIC of a virtual IP (UUID). Updates in place; removing it keeps the cloud's. */
  vipPortId?: string;
}

/** The service owner's decision on one endpoint of a Huawei Cloud endpoint service. */
export type HuaweiVpcEndpointConnectionArgs = VpcepV1ConnectionArgs<"huaweicloud">;
