/** Wire shapes of the Volcengine PrivateLink API 2020-04-01 (PascalCase, as the Go SDK models them). */
import type { ConnectionEntry } from "../common-connection.js";

export interface VolcengineTag {
  Key: string;
  Value?: string;
}

export interface VolcengineEndpoint {
  EndpointId: string;
  EndpointName?: string;
  Description?: string;
  VpcId: string;
  ServiceId: string;
  ServiceName?: string;
  EndpointDomain?: string;
  Status: string;
  BusinessStatus?: string;
  ConnectionStatus?: string;
  PrivateDNSEnabled?: boolean;
  PrivateDNSName?: string;
  ProjectName?: string;
  Tags?: VolcengineTag[];
  CreationTime?: string;
  UpdateTime?: string;
}

export interface VolcengineEndpointZone {
  ZoneId: string;
  SubnetId: string;
  ZoneDomain?: string;
  ZoneStatus?: string;
  NetworkInterfaceId?: string;
  NetworkInterfaceIP?: string;
}

/** An endpoint with its security groups and zones, which the attributes call does not include. */
export interface VolcengineEndpointState {
  endpoint: VolcengineEndpoint;
  /** This and `zones` are left unread by a status lookup. */
  securityGroupIds?: string[];
  zones?: VolcengineEndpointZone[];
}

export interface VolcengineService {
  ServiceId: string;
  ServiceName?: string;
  ServiceDomain?: string;
  ServiceResourceType?: string;
  ServiceOwner?: string;
  Status: string;
  BusinessStatus?: string;
  AutoAcceptEnabled?: boolean;
  Description?: string;
  PrivateDNSEnabled?: boolean;
  PrivateDNSName?: string;
  ZoneIds?: string[];
  ProjectName?: string;
  Tags?: VolcengineTag[];
  CreationTime?: string;
  UpdateTime?: string;
}

/** One row of DescribeVpcEndpointServiceResources: a backend in one zone (or with its zones). */
export interface VolcengineServiceResource {
  ResourceId: string;
  ResourceType?: string;
  ZoneId?: string;
  ZoneIds?: string[];
}

/** A service with its backends and permissions, which the attributes call does not include. */
export interface VolcengineServiceState {
  service: VolcengineService;
  /** This and `permissions` are left unread by a status lookup. */
  resources?: VolcengineServiceResource[];
  permissions?: string[];
  /** Read only when outputs are recorded (never on a poll). */
  connections?: ConnectionEntry[];
}

/** Endpoint and service `Status` values. */
export const Status = {
  Creating: "Creating",
  Pending: "Pending",
  Available: "Available",
  Deleting: "Deleting",
  Inactive: "Inactive",
} as const;

/** Endpoint `ConnectionStatus` values: approval is judged here, not on `Status`. */
export const ConnectionStatus = {
  PendingAcceptance: "PendingAcceptance",
  Connecting: "Connecting",
  Connected: "Connected",
  Disconnecting: "Disconnecting",
  Rejected: "Rejected",
  Failed: "Failed",
  PartialFailed: "PartialFailed",
  ServiceDeleted: "ServiceDeleted",
} as const;
