/** Volcengine resource arguments, as plain values (the SDK wraps them in `pulumi.Input`). */
import type { CommonArgs, CommonConnectionArgs, CommonEndpointArgs } from "../common-args.js";

/** One zone of a Volcengine endpoint: a network interface in `subnetId`. */
export interface VolcengineEndpointZone {
  /** e.g. `cn-guangzhou-a`; one entry per zone. */
  zoneId: string;
  /** Subnet of the zone's network interface (`subnet-…`). */
  subnetId: string;
  /** Fixed IPv4 address in the subnet (`PrivateIpAddress`); assigned by the cloud when absent. */
  privateIp?: string;
}

/** A backend of a Volcengine endpoint service: a load balancer or database instance. */
export interface VolcengineServiceResource {
  /** `clb-…` (CLB), `alb-…` (ALB) or `mysql-…` (RDSMySQL), of `serviceResourceType`. */
  resourceId: string;
  /** Zones of the backend to serve from; all of its zones when absent. */
  zoneIds?: string[];
}

/**
 * A PrivateLink endpoint on Volcengine. Name, description, private DNS, security groups, zones and
 * tags update in place; the rest replaces.
 */
export interface VolcengineVpcEndpointArgs extends CommonEndpointArgs {
  cloud: "volcengine";
  /** VPC of the endpoint (`vpc-…`). Replaces. */
  vpcId: string;
  /** The endpoint service (`epsvc-…`); required unless `serviceName` is given. Replaces. */
  serviceId?: string;
  /** The service's name (`com.volces.privatelink.<region>.<service id>`), instead of `serviceId`. Replaces. */
  serviceName?: string;
  /** 1–5 security groups (`sg-…`) of the VPC, bound in this order. Updates in place (attach/detach). */
  securityGroupIds: string[];
  /** 1–10 zones, one entry per zone. Updates in place (add/remove zone). */
  zones: VolcengineEndpointZone[];
  /** 1–128 characters; defaults to the endpoint id. Updates in place. */
  name?: string;
  /** 0–255 characters; default empty. Updates in place. */
  description?: string;
  /** Private DNS name of the service (only when its verification is `Verified`). Default `false`. Updates in place. */
  privateDnsEnabled?: boolean;
  /** Project; `default` when absent. Replaces. */
  projectName?: string;
}

/**
 * A PrivateLink endpoint service on Volcengine. Backends, approval, permissions, description,
 * private DNS and tags update in place; the rest replaces.
 */
export interface VolcengineVpcEndpointServiceArgs extends CommonArgs {
  cloud: "volcengine";
  /** The backends, a set by `resourceId`; at least one. Updates in place (attach/detach). */
  resources: VolcengineServiceResource[];
  /** `CLB` (default), `ALB` or `RDSMySQL`: the kind of every backend. Replaces. */
  serviceResourceType?: "CLB" | "ALB" | "RDSMySQL";
  /** Endpoints wait for the owner's approval (`AutoAcceptEnabled` false, always sent). Default `true`. Updates in place. */
  approvalRequired?: boolean;
  /** Account ids allowed to connect, a set. Updates in place (one call per account). */
  permissions?: string[];
  /** 0–255 characters; default empty. Updates in place. */
  description?: string;
  /** Serve a private DNS name to endpoints. Default `false`. Updates in place. */
  privateDnsEnabled?: boolean;
  /** The private DNS name (a domain you verify). Updates in place. */
  privateDnsName?: string;
  /** Project; `default` when absent. Replaces. */
  projectName?: string;
}

/**
 * The service owner's decision on one endpoint (`EnableVpcEndpointConnection` /
 * `DisableVpcEndpointConnection`), read from `DescribeVpcEndpointConnections`. Delete disconnects
 * an endpoint it accepted (`Rejected`); a rejection is left as it is.
 */
export interface VolcengineVpcEndpointConnectionArgs extends CommonConnectionArgs {
  cloud: "volcengine";
  /** The endpoint service (`epsvc-…`), the caller's. Replaces. */
  serviceId: string;
  /** The endpoint (`ep-…`), typically another account's. Replaces. */
  endpointId: string;
}
