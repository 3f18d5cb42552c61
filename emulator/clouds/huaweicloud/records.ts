/**
 * What the emulator stores for Huawei resources, and how records become wire JSON.
 */
import type { EmulatorState } from "../../core/state.js";
import type { ResourceRecord } from "../../core/store.js";
import { HW_ENDPOINT_MODEL, HW_SERVICE_MODEL, ServiceStatus, EndpointStatus } from "./models.js";
import { hwTime, type HwTag } from "./validate.js";

/** One port mapping. */
export interface HwPort {
  client_port: number;
  server_port: number;
  protocol: string;
}

/** One entry of a service's account whitelist. */
export interface HwPermission {
  id: string;
  permission: string;
  permission_type: string;
  description: string;
  createdAt: number;
}

/** An entry of the `error[]` array (which spells `error_message`, unlike top-level errors). */
export interface HwErrorEntry {
  error_code: string;
  error_message: string;
}

/** Stored fields of an endpoint service. */
export interface HwServiceAttrs {
  name?: string;
  port_id: string;
  vip_port_id?: string;
  vpc_id: string;
  server_type: string;
  service_type: string;
  approval_enabled: boolean;
  ports: HwPort[];
  tcp_proxy: string;
  description: string;
  tags: HwTag[];
  /** The owner's account, implicitly permitted to connect. */
  domainId: string;
  permissions: HwPermission[];
  /** The error a late failure (e.g. a port conflict) reports once `failed`. */
  lateError?: HwErrorEntry;
  forcedError?: { code: string; message: string };
}

/** Stored fields of an endpoint. */
export interface HwEndpointAttrs {
  endpoint_service_id: string;
  service_type: string;
  vpc_id: string;
  subnet_id?: string;
  ip: string;
  enable_dns: boolean;
  whitelist: string[];
  enable_whitelist: boolean;
  description: string;
  tags: HwTag[];
  marker_id: number;
  /** The endpoint owner's account, shown in the service owner's connection list. */
  domainId: string;
  connectionDescription: string;
  forcedError?: { code: string; message: string };
}

/** A stored endpoint service. */
export type HwServiceRecord = ResourceRecord<HwServiceAttrs>;
/** A stored endpoint. */
export type HwEndpointRecord = ResourceRecord<HwEndpointAttrs>;

/** `{region}.{name}.{id}` when a name was given, else `{region}.{id}`. */
export function serviceName(record: HwServiceRecord): string {
  return record.attrs.name
    ? `${record.region}.${record.attrs.name}.${record.id}`
    : `${record.region}.${record.id}`;
}

function errors(
  status: string,
  failedStatus: string,
  attrs: { lateError?: HwErrorEntry; forcedError?: { code: string; message: string } },
): HwErrorEntry[] {
  if (attrs.forcedError)
    return [{ error_code: attrs.forcedError.code, error_message: attrs.forcedError.message }];
  if (status === failedStatus && attrs.lateError) return [attrs.lateError];
  return [];
}

/** Endpoints attached to a service (any project), excluding those already gone. */
export function attachedEndpoints(state: EmulatorState, service: HwServiceRecord): HwEndpointRecord[] {
  return state.store
    .list<HwEndpointAttrs>({ cloud: "huaweicloud", model: HW_ENDPOINT_MODEL, region: service.region })
    .filter((endpoint) => endpoint.attrs.endpoint_service_id === service.id);
}

/** The service as GET returns it. */
export function serviceJson(state: EmulatorState, record: HwServiceRecord): Record<string, unknown> {
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
    created_at: hwTime(record.createdAt),
    updated_at: hwTime(record.updatedAt),
    ports: a.ports.map((port) => ({ ...port })),
    tcp_proxy: a.tcp_proxy,
    tags: a.tags.map((tag) => ({ ...tag })),
    description: a.description,
    connection_count: attachedEndpoints(state, record).filter((ep) => ep.status !== EndpointStatus.Deleting)
      .length,
    enable_policy: false,
    error: errors(record.status, ServiceStatus.Failed, a),
  };
}

/** The endpoint as GET returns it. */
export function endpointJson(state: EmulatorState, record: HwEndpointRecord): Record<string, unknown> {
  const a = record.attrs;
  const service = state.store.get<HwServiceAttrs>(a.endpoint_service_id);
  const isInterface = a.service_type === "interface";
  return {
    id: record.id,
    service_type: a.service_type,
    status: record.status,
    active_status: ["active"],
    enable_status: "enable",
    endpoint_service_name: service && service.model === HW_SERVICE_MODEL ? serviceName(service) : "",
    endpoint_service_id: a.endpoint_service_id,
    marker_id: a.marker_id,
    vpc_id: a.vpc_id,
    ...(a.subnet_id ? { subnet_id: a.subnet_id } : {}),
    ...(isInterface ? { ip: a.ip } : {}),
    enable_dns: a.enable_dns,
    ...(isInterface && a.enable_dns
      ? { dns_names: [`${record.id}.vpcep.${record.region}.myhuaweicloud.com`] }
      : {}),
    whitelist: [...a.whitelist],
    enable_whitelist: a.enable_whitelist,
    specification_name: "default",
    routetables: [],
    project_id: record.tenant,
    tags: a.tags.map((tag) => ({ ...tag })),
    description: a.description,
    created_at: hwTime(record.createdAt),
    updated_at: hwTime(record.updatedAt),
    error: errors(record.status, EndpointStatus.Failed, a),
  };
}
