/**
 * What the emulator stores for Volcengine resources and how records become wire JSON (PascalCase;
 * times RFC 3339 in UTC+8, as Volcengine's VPC APIs show them). Value formats the fact sheet calls
 * placeholders (`Interface`, `ipv4`, domains) follow the SDK docs' examples.
 */
import { settle, type EmulatorState } from "../../core/state.js";
import type { ResourceRecord } from "../../core/store.js";
import { ConnectionStatus, VE_CONNECTION_MODEL } from "./models.js";
import type { VeTag } from "./params.js";

/** What a create stores to recognise its replays (ClientToken and the parameters' fingerprint). */
export interface Idempotency {
  clientToken: string;
  requestHash: string;
}

/** One zone of an endpoint: its subnet and network interface. */
export interface VeEndpointZone {
  ZoneId: string;
  SubnetId: string;
  PrivateIpAddress: string;
  PrivateIpv6Address: string;
  NetworkInterfaceId: string;
}

/** Stored fields of an endpoint. */
export interface VeEndpointAttrs {
  EndpointName: string;
  Description: string;
  VpcId: string;
  ServiceId: string;
  ServiceName: string;
  ServiceManaged: boolean;
  PrivateDNSEnabled: boolean;
  PrivateDNSName: string;
  IpAddressVersions: string[];
  ProjectName: string;
  Tags: VeTag[];
  SecurityGroupIds: string[];
  Zones: VeEndpointZone[];
  EndpointIndex: number;
  /** The id of the connection record that holds `ConnectionStatus`. */
  connectionId: string;
  idempotency?: Idempotency;
}

/** One backend of a service. */
export interface VeServiceResource {
  ResourceId: string;
  ResourceType: string;
  ZoneIds: string[];
}

/** One account allowed to connect. */
export interface VePermission {
  PermitAccountId: string;
  createdAt: number;
}

/** Stored fields of an endpoint service. */
export interface VeServiceAttrs {
  ServiceName: string;
  Description: string;
  AutoAcceptEnabled: boolean;
  ServiceResourceType: string;
  ServiceType: string;
  IpAddressVersions: string[];
  PrivateDNSEnabled: boolean;
  PrivateDNSName: string;
  PrivateDNSType: string;
  ServiceNameManaged: string;
  WildcardDomainEnabled: boolean;
  Payer: string;
  ProjectName: string;
  Tags: VeTag[];
  Resources: VeServiceResource[];
  permissions: VePermission[];
  idempotency?: Idempotency;
}

/** Stored fields of a connection (endpoint ↔ service). */
export interface VeConnectionAttrs {
  endpointId: string;
  serviceId: string;
  /** The service owner's account, who accepts or rejects. */
  serviceTenant: string;
  /** ModifyVpcEndpointConnections limits (0 = none). */
  bps?: number;
  cps?: number;
}

export type VeEndpointRecord = ResourceRecord<VeEndpointAttrs>;
export type VeServiceRecord = ResourceRecord<VeServiceAttrs>;
export type VeConnectionRecord = ResourceRecord<VeConnectionAttrs>;

/** `2024-06-19T15:13:06+08:00`. */
export function veTime(ms: number): string {
  return `${new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 19)}+08:00`;
}

/** The documented service name form `com.volces.privatelink.<region>.<service id>`. */
export function serviceNameOf(region: string, serviceId: string): string {
  return `com.volces.privatelink.${region}.${serviceId}`;
}

/** The service's domain, which endpoint domains extend. */
export function serviceDomainOf(region: string, serviceId: string): string {
  return `${serviceId}.${region}.privatelink.volces.com`;
}

/** The connection record of an endpoint, brought up to date (`read` counts as a read). */
export function connectionOf(
  state: EmulatorState,
  endpoint: VeEndpointRecord,
  read: boolean,
): VeConnectionRecord | undefined {
  const found = state.store.get<VeConnectionAttrs>(endpoint.attrs.connectionId);
  return settle(state, found && found.model === VE_CONNECTION_MODEL ? found : undefined, read);
}

function tagsJson(tags: readonly VeTag[]): VeTag[] {
  return tags.map((tag) => ({ Key: tag.Key, Value: tag.Value }));
}

/** `EndpointZones[]` of DescribeVpcEndpointZones (and the endpoint's zone view). */
export function endpointZonesJson(record: VeEndpointRecord, connection: string): Record<string, unknown>[] {
  return record.attrs.Zones.map((zone) => ({
    ZoneId: zone.ZoneId,
    SubnetId: zone.SubnetId,
    ZoneDomain: `${record.id}-${zone.ZoneId}.${serviceDomainOf(record.region, record.attrs.ServiceId)}`,
    ZoneStatus: connection,
    ServiceStatus: "Active",
    Ipv6ServiceStatus: record.attrs.IpAddressVersions.includes("ipv6") ? "Active" : "Inactive",
    NetworkInterfaceId: zone.NetworkInterfaceId,
    NetworkInterfaceIP: zone.PrivateIpAddress,
    NetworkInterfaceIpv6: zone.PrivateIpv6Address,
  }));
}

/** The endpoint object (Describe answers; DescribeVpcEndpointAttributes also nests it as `Endpoint`). */
export function endpointJson(
  state: EmulatorState,
  record: VeEndpointRecord,
  read = true,
): Record<string, unknown> {
  const a = record.attrs;
  const connection = connectionOf(state, record, read)?.status ?? ConnectionStatus.ServiceDeleted;
  return {
    EndpointId: record.id,
    EndpointName: a.EndpointName,
    Description: a.Description,
    VpcId: a.VpcId,
    ServiceId: a.ServiceId,
    ServiceName: a.ServiceName,
    ServiceManaged: a.ServiceManaged,
    EndpointType: "Interface",
    EndpointDomain: `${record.id}.${serviceDomainOf(record.region, a.ServiceId)}`,
    EndpointIndex: a.EndpointIndex,
    Status: record.status,
    BusinessStatus: "Normal",
    ConnectionStatus: connection,
    PrivateDNSEnabled: a.PrivateDNSEnabled,
    PrivateDNSName: a.PrivateDNSEnabled ? a.PrivateDNSName : "",
    IpAddressVersions: [...a.IpAddressVersions],
    Payer: "Endpoint",
    Bps: 0,
    ProjectName: a.ProjectName,
    Tags: tagsJson(a.Tags),
    CreationTime: veTime(record.createdAt),
    UpdateTime: veTime(record.updatedAt),
    DeletedTime: "",
  };
}

/** The service object (DescribeVpcEndpointServiceAttributes, `VpcEndpointServices[]`). */
export function serviceJson(record: VeServiceRecord): Record<string, unknown> {
  const a = record.attrs;
  const zoneIds = [...new Set(a.Resources.flatMap((resource) => resource.ZoneIds))].sort();
  return {
    ServiceId: record.id,
    ServiceName: a.ServiceName,
    ServiceDomain: serviceDomainOf(record.region, record.id),
    ServiceType: a.ServiceType,
    ServiceResourceType: a.ServiceResourceType,
    ServiceOwner: record.tenant,
    ServiceNameManaged: a.ServiceNameManaged,
    Status: record.status,
    BusinessStatus: "Normal",
    AutoAcceptEnabled: a.AutoAcceptEnabled,
    BillingType: 0,
    Payer: a.Payer,
    Description: a.Description,
    IpAddressVersions: [...a.IpAddressVersions],
    PrivateDNSEnabled: a.PrivateDNSEnabled,
    PrivateDNSName: a.PrivateDNSName,
    PrivateDNSType: a.PrivateDNSType,
    // Private DNS names are verified at once: verification (VerifyVpcEndpointServicePrivateDNS) is not emulated.
    PrivateDNSNameConfiguration: {
      Name: a.PrivateDNSName,
      Status: a.PrivateDNSEnabled && a.PrivateDNSName !== "" ? "Verified" : "",
      Type: a.PrivateDNSEnabled ? "TXT" : "",
      Value: a.PrivateDNSEnabled ? `volc-verification=${record.id}` : "",
    },
    WildcardDomainEnabled: a.WildcardDomainEnabled,
    ZoneIds: zoneIds,
    ProjectName: a.ProjectName,
    Tags: tagsJson(a.Tags),
    CreationTime: veTime(record.createdAt),
    UpdateTime: veTime(record.updatedAt),
  };
}
