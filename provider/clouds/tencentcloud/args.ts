/** Tencent Cloud resource arguments, as plain values (the SDK wraps them in `pulumi.Input`). */
import type { CommonArgs, CommonConnectionArgs, CommonEndpointArgs } from "../common-args.js";

/** A VPC endpoint on Tencent Cloud. Tags are set at creation only: changing them replaces the endpoint. */
export interface TencentVpcEndpointArgs extends CommonEndpointArgs {
  cloud: "tencentcloud";
  /** VPC of the endpoint (`vpc-…`). Replaces. */
  vpcId: string;
  /** Subnet of the endpoint (`subnet-…`). Replaces. */
  subnetId: string;
  /** The endpoint service to connect to (`vpcsvc-…`). Replaces. */
  serviceId: string;
  /** Endpoint name, at most 60 characters. Updates in place. */
  name: string;
  /** `Ipv4` (default) or `Ipv6`. Replaces. */
  ipAddressType?: "Ipv4" | "Ipv6";
  /** Fixed VIP (`EndPointVip`) of the `ipAddressType` family; assigned by the cloud when absent. Replaces. */
  privateIp?: string;
  /** Security groups (`sg-…`) in priority order; the first is the primary. Updates in place. */
  securityGroupIds?: string[];
}

/** An endpoint service on Tencent Cloud. Tags are set at creation only: changing them replaces the service. */
export interface TencentVpcEndpointServiceArgs extends CommonArgs {
  cloud: "tencentcloud";
  /** VPC of the backend (`vpc-…`). Replaces. */
  vpcId: string;
  /** Backend instance of `serviceType`: `lb-…` (CLB), `cdb-…` (CDB), `crs-…` (CRS), `gwlb-…` (GWLB). Updates in place. */
  serviceInstanceId: string;
  /** `CLB` (default), `CDB`, `CRS` or `GWLB`. Replaces. */
  serviceType?: "CLB" | "CDB" | "CRS" | "GWLB";
  /** Service name, at most 60 characters. Updates in place. */
  serviceName: string;
  /** Endpoints wait for the owner's approval (`AutoAcceptFlag` false). Defaults to `true`. Updates in place. */
  approvalRequired?: boolean;
  /** Account UINs allowed to connect (the service whitelist), a set. Updates in place. */
  permissions?: string[];
  /** `Ipv4` (default) or `Ipv6`. Replaces. */
  ipAddressType?: "Ipv4" | "Ipv6";
}

/**
 * The service owner's decision on one endpoint (`EnableVpcEndPointConnect`, `AcceptFlag`), read
 * from the service's embedded endpoint list. Delete rejects an endpoint it accepted (the Terraform
 * resource revokes nothing).
 */
export interface TencentVpcEndpointConnectionArgs extends CommonConnectionArgs {
  cloud: "tencentcloud";
  /** The endpoint service (`vpcsvc-…`), the caller's. Replaces. */
  serviceId: string;
  /** The endpoint (`vpce-…`), typically another account's. Replaces. */
  endpointId: string;
}
