/**
 * What the emulator stores for the family's resources, and how records become wire JSON.
 */
import type { EmulatorState } from "../../core/state.js";
import type { ResourceRecord } from "../../core/store.js";
import { EndpointStatus, ServiceStatus } from "./models.js";
import type { PermissionType, VpcepV1Profile } from "./profile.js";
import type { V1Tag } from "./tag-rules.js";
import { v1Time } from "./validate.js";

/** One port mapping. */
export interface V1Port {
  client_port: number;
  server_port: number;
  protocol: string;
}

/** One entry of a service's account whitelist. */
export interface V1Permission {
  id: string;
  permission: string;
  permission_type: PermissionType;
  description: string;
  createdAt: number;
}

/** An entry of the `error[]` array (which spells `error_message`, unlike top-level errors). */
export interface V1ErrorEntry {
  error_code: string;
  error_message: string;
}

/** Stored fields of an endpoint service. */
export interface V1ServiceAttrs {
  name?: string;
  port_id: string;
  vip_port_id?: string;
  vpc_id: string;
  server_type: string;
  service_type: string;
  approval_enabled: boolean;
  ports: V1Port[];
  tcp_proxy: string;
  description: string;
  tags: V1Tag[];
  /** The owner's account, implicitly permitted to connect. */
  domainId: string;
  permissions: V1Permission[];
  /** The error a late failure (e.g. a port conflict) reports once `failed`. */
  lateError?: V1ErrorEntry;
  forcedError?: { code: string; message: string };
}

/** Stored fields of an endpoint. */
export interface V1EndpointAttrs {
  endpoint_service_id: string;
  service_type: string;
  vpc_id: string;
  subnet_id?: string;
  ip: string;
  enable_dns: boolean;
  whitelist: string[];
  enable_whitelist: boolean;
  /** Gateway endpoints: the route tables their routes go into (interface endpoints have none). */
  routetables?: string[];
  description: string;
  tags: V1Tag[];
  marker_id: number;
  /** The endpoint owner's account, shown in the service owner's connection list. */
  domainId: string;
  connectionDescription: string;
  forcedError?: { code: string; message: string };
}

/** A stored endpoint service. */
export type V1ServiceRecord = ResourceRecord<V1ServiceAttrs>;
/** A stored endpoint. */
export type V1EndpointRecord = ResourceRecord<V1EndpointAttrs>;

/** `{region}.{name}.{id}` when a name was given, else `{region}.{id}`. */
export function serviceName(record: V1ServiceRecord): string {
  return record.attrs.name
    ? `${record.region}.${record.attrs.name}.${record.id}`
    : `${record.region}.${record.id}`;
}

function errors(
  status: string,
  failedStatus: string,
  attrs: { lateError?: V1ErrorEntry; forcedError?: { code: string; message: string } },
): V1ErrorEntry[] {
  if (attrs.forcedError)
    return [{ error_code: attrs.forcedError.code, error_message: attrs.forcedError.message }];
  if (status === failedStatus && attrs.lateError) return [attrs.lateError];
  return [];
}

/** Endpoints attached to a service (any project), excluding those already gone. */
export function attachedEndpoints(
  state: EmulatorState,
  profile: VpcepV1Profile,
  service: V1ServiceRecord,
): V1EndpointRecord[] {
  return state.store
    .list<V1EndpointAttrs>({ cloud: profile.cloud, model: profile.models.endpoint, region: service.region })
    .filter((endpoint) => endpoint.attrs.endpoint_service_id === service.id);
}

/** The service as GET returns it. */
export function serviceJson(
  state: EmulatorState,
  profile: VpcepV1Profile,
  record: V1ServiceRecord,
): Record<string, unknown> {
  const a = record.attrs;
  return {
    id: record.id,
    port_id: a.port_id,
    ...(a.vip_port_id ? { vip_port_id: a.vip_port_id } : {}),
    vpc_id: a.vpc_id,
    status: record.status,
    approval_enabled: a.approval_enabled,
    service_name: serviceName(record),
    service_type: a.service_type,
    server_type: a.server_type,
    project_id: record.tenant,
    created_at: v1Time(record.createdAt),
    updated_at: v1Time(record.updatedAt),
    ports: a.ports.map((port) => ({ ...port })),
    tcp_proxy: a.tcp_proxy,
    tags: a.tags.map((tag) => ({ ...tag })),
    description: a.description,
    connection_count: attachedEndpoints(state, profile, record).filter(
      (ep) => ep.status !== EndpointStatus.Deleting,
    ).length,
    ...(profile.fields.serviceEnablePolicy ? { enable_policy: false } : {}),
    error: errors(record.status, ServiceStatus.Failed, a),
  };
}

/**
 * The endpoint as GET returns it. `addresses: false` leaves out `ip` and `dns_names`, as some
 * profiles' create answers do (`fields.endpointCreateAddresses`).
 */
export function endpointJson(
  state: EmulatorState,
  profile: VpcepV1Profile,
  record: V1EndpointRecord,
  { addresses = true }: { addresses?: boolean } = {},
): Record<string, unknown> {
  const a = record.attrs;
  const service = state.store.get<V1ServiceAttrs>(a.endpoint_service_id);
  // Only interface endpoints have an address and DNS names.
  const showAddresses = a.service_type === "interface" && addresses;
  return {
    id: record.id,
    service_type: a.service_type,
    status: record.status,
    active_status: ["active"],
    enable_status: "enable",
    endpoint_service_name: service && service.model === profile.models.service ? serviceName(service) : "",
    endpoint_service_id: a.endpoint_service_id,
    marker_id: a.marker_id,
    vpc_id: a.vpc_id,
    ...(a.subnet_id ? { subnet_id: a.subnet_id } : {}),
    ...(showAddresses ? { ip: a.ip } : {}),
    enable_dns: a.enable_dns,
    ...(showAddresses && a.enable_dns
      ? { dns_names: [`${record.id}.${profile.dnsZone(record.region)}`] }
      : {}),
    whitelist: [...a.whitelist],
    enable_whitelist: a.enable_whitelist,
    specification_name: "default",
    routetables: [...(a.routetables ?? [])],
    project_id: record.tenant,
    tags: a.tags.map((tag) => ({ ...tag })),
    description: a.description,
    created_at: v1Time(record.createdAt),
    updated_at: v1Time(record.updatedAt),
    error: errors(record.status, EndpointStatus.Failed, a),
  };
}
