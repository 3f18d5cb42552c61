/** Arguments of the VPCEP v1 family's resources (Huawei Cloud, Open Telekom Cloud), as plain values. */
import type { CommonArgs, CommonConnectionArgs, CommonEndpointArgs } from "../common-args.js";

/** One port mapping of an endpoint service. */
export interface PortMapping {
  /** Port the endpoint listens on, 1–65535. */
  clientPort: number;
  /** Port of the backend, 1–65535. */
  serverPort: number;
  /** `TCP`, the only protocol the API takes (the default). */
  protocol?: "TCP";
}

export interface VpcepV1EndpointArgs<Name extends string> extends CommonEndpointArgs {
  cloud: Name;
  /** VPC of the endpoint (UUID). Replaces. */
  vpcId: string;
  /**
   * Subnet the endpoint's address comes from (UUID); its CIDR must not overlap 198.19.128.0/17.
   * Required, except for a gateway endpoint given `routeTableIds`. Replaces.
   */
  subnetId?: string;
  /** The endpoint service to connect to (UUID). Replaces. */
  serviceId: string;
  /** Fixed private IPv4 address (`port_ip`), outside 198.19.128.0/17; assigned by the cloud when absent. Replaces. */
  privateIp?: string;
  /** Create a private DNS name. Defaults to `false` (the API's default, always sent). Replaces. */
  enableDns?: boolean;
  /** Client IPv4 addresses or canonical CIDRs allowed to use the endpoint (at most 20), a set. */
  whitelist?: string[];
  /** Enforce the whitelist. Defaults to `true` when a whitelist is given, else `false`. */
  enableWhitelist?: boolean;
  /**
   * Gateway endpoints only: route tables (UUIDs) that get the endpoint's routes, a set. Defaults to
   * the VPC's default route table, which the endpoint then reports. Updates in place on Huawei
   * Cloud (PUT …/routetables); replaces on Open Telekom Cloud, whose API has no such call.
   */
  routeTableIds?: string[];
  /** At most 128 characters, no `<` or `>`. Defaults to "". Replaces. */
  description?: string;
}

export interface VpcepV1ServiceArgs<Name extends string, ServerType extends string> extends CommonArgs {
  cloud: Name;
  /** VPC of the backend (UUID); its CIDR must not overlap 198.19.128.0/17. Replaces. */
  vpcId: string;
  /** Backend port: the load balancer's `vip_port_id` (LB) or the ECS NIC id (VM). Updates in place. */
  portId: string;
  /** The backend type. Replaces. */
  serverType: ServerType;
  /** Port mappings, a set (1–200, TCP, no duplicate client port). Updates in place. */
  ports: PortMapping[];
  /**
   * Short name, 1–16 letters, digits, `_`, `-`; consumers see `{region}.{name}.{id}`. Updates in
   * place; the API cannot clear a name, so removing it keeps the cloud's.
   */
  serviceName?: string;
  /** Endpoints wait for the owner's approval. Defaults to `true` (the API's default, always sent). Updates in place. */
  approvalRequired?: boolean;
  /** At most 128 characters, no `<` or `>`. Defaults to "". Updates in place. */
  description?: string;
  /** Client address passing: `close` (default), `toa_open`, `proxy_open`, `open`, `proxy_vni`. Updates in place. */
  tcpProxy?: "close" | "toa_open" | "proxy_open" | "open" | "proxy_vni";
}

/**
 * The service owner's decision on one endpoint (`connections/action`, one endpoint per call), read
 * from the service's side. Delete rejects an endpoint it accepted; the API has no way back to
 * `pendingAcceptance`.
 */
export interface VpcepV1ConnectionArgs<Name extends string> extends CommonConnectionArgs {
  cloud: Name;
  /** The endpoint service (UUID), in the caller's project. Replaces. */
  serviceId: string;
  /** The endpoint (UUID), typically another account's. Replaces. */
  endpointId: string;
}
