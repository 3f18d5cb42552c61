/** Wire shapes of the VPCEP v1 API (snake_case, as Huawei Cloud and OTC send them). */
import type { ConnectionEntry } from "../common-connection.js";

export interface VpcepTag {
  key: string;
  value: string;
}

export interface VpcepErrorEntry {
  error_code?: string;
  error_message?: string;
}

export interface VpcepEndpoint {
  id: string;
  status: string;
  service_type?: string;
  endpoint_service_id: string;
  endpoint_service_name?: string;
  vpc_id: string;
  subnet_id?: string;
  ip?: string;
  enable_dns?: boolean;
  dns_names?: string[];
  whitelist?: string[];
  enable_whitelist?: boolean;
  /** Gateway endpoints: the route tables the endpoint's routes go into. */
  routetables?: string[];
  description?: string;
  tags?: VpcepTag[];
  marker_id?: number;
  project_id?: string;
  created_at?: string;
  updated_at?: string;
  error?: VpcepErrorEntry[];
}

export interface VpcepPortMapping {
  client_port: number;
  server_port: number;
  protocol?: string;
}

export interface VpcepService {
  id: string;
  status: string;
  port_id: string;
  vip_port_id?: string;
  vpc_id: string;
  server_type: string;
  service_type?: string;
  service_name?: string;
  approval_enabled: boolean;
  ports: VpcepPortMapping[];
  tcp_proxy?: string;
  description?: string;
  tags?: VpcepTag[];
  connection_count?: number;
  created_at?: string;
  updated_at?: string;
  error?: VpcepErrorEntry[];
}

export interface VpcepPermission {
  id: string;
  permission: string;
  permission_type?: string;
}

/** A service together with the paged permission list, which the GET does not include. */
export interface VpcepServiceState {
  service: VpcepService;
  /** Left unread by a status lookup. */
  permissions?: string[];
  /** Read only when outputs are recorded (never on a poll). */
  connections?: ConnectionEntry[];
}

/** One row of `GET /vpc-endpoint-services/{id}/connections`: an endpoint as the service's owner sees it. */
export interface VpcepConnection {
  /** The endpoint's id. */
  id: string;
  status: string;
  marker_id?: number;
  /** The endpoint owner's account (domain). */
  domain_id?: string;
  description?: string;
  created_at?: string;
  updated_at?: string;
  error?: VpcepErrorEntry[];
}

/** A connection read from its service's side. */
export interface VpcepConnectionState {
  serviceId: string;
  connection: VpcepConnection;
}

/** Status values. @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_08_0003.html */
export const EndpointStatus = {
  Creating: "creating",
  PendingAcceptance: "pendingAcceptance",
  Accepted: "accepted",
  Rejected: "rejected",
  Failed: "failed",
  Deleting: "deleting",
} as const;

export const ServiceStatus = {
  Creating: "creating",
  Available: "available",
  Failed: "failed",
  Deleting: "deleting",
} as const;
