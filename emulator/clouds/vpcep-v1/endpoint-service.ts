/**
 * Endpoint services: create, get, list, update, delete.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0201.html
 */
import { current, observe } from "../../core/observe.js";
import { freshRecord } from "../../core/store.js";
import { v1Error, V1Errors } from "./errors.js";
import { ServiceStatus } from "./models.js";
import {
  attachedEndpoints,
  serviceJson,
  serviceName,
  type V1Port,
  type V1ServiceAttrs,
  type V1ServiceRecord,
} from "./records.js";
import { callerDomain, ok, ownService, type V1Handler, type V1Request } from "./request.js";
import { parseTags } from "./tag-rules.js";
import {
  isUuid,
  objectBody,
  optionalBool,
  optionalDescription,
  optionalEnum,
  paging,
  requireUuid,
  sortRecords,
} from "./validate.js";

/** Port mappings per call. */
export const MAX_PORTS = 200;
/** Seed 003 and the current OTC reference: "The protocol can be TCP" (UDP was dropped 2023-03-06). */
const PROTOCOLS = ["TCP"] as const;
/**
 * Users create interface services only; gateway services are "configured by operations people"
 * (seed 003), so a `gateway` request is a parameter error.
 */
const USER_SERVICE_TYPES = ["interface"] as const;
const TCP_PROXY = ["close", "toa_open", "proxy_open", "open", "proxy_vni"] as const;
const SERVICE_NAME = /^[A-Za-z0-9_-]{1,16}$/;

function parsePorts(value: unknown): V1Port[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw v1Error(V1Errors.InvalidParameter, "ports must be a non-empty array.");
  }
  if (value.length > MAX_PORTS)
    throw v1Error(V1Errors.TooManyPorts, `At most ${MAX_PORTS} port mappings are allowed.`);
  const seen = new Set<string>();
  return value.map((item: unknown) => {
    const port = (item ?? {}) as Record<string, unknown>;
    for (const field of ["client_port", "server_port"] as const) {
      const n = port[field];
      if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 65535) {
        throw v1Error(V1Errors.InvalidParameter, `${field} must be an integer between 1 and 65535.`);
      }
    }
    const protocol = port.protocol ?? "TCP";
    if (!PROTOCOLS.includes(protocol as (typeof PROTOCOLS)[number]))
      throw v1Error(V1Errors.InvalidProtocol, `protocol must be ${PROTOCOLS.join(" or ")}.`);
    const key = `${protocol}/${port.client_port as number}`;
    if (seen.has(key)) throw v1Error(V1Errors.InvalidParameter, `Duplicate port mapping ${key}.`);
    seen.add(key);
    return {
      client_port: port.client_port as number,
      server_port: port.server_port as number,
      protocol: protocol as string,
    };
  });
}

function parseName(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !SERVICE_NAME.test(value)) {
    throw v1Error(V1Errors.InvalidServiceName, "service_name must be 1-16 letters, digits, _ or -.");
  }
  return value;
}

/**
 * Another live service on the same port_id that already uses one of these ports for the same
 * protocol (client or server side). The API reports this only after the asynchronous create.
 */
function portConflict(req: V1Request, portId: string, ports: V1Port[], except?: string): string | undefined {
  const others = req.ctx.state.store
    .list<V1ServiceAttrs>({ cloud: req.profile.cloud, model: req.profile.models.service, region: req.region })
    .filter(
      (s) =>
        s.id !== except &&
        s.attrs.port_id === portId &&
        s.status !== ServiceStatus.Failed &&
        s.status !== ServiceStatus.Deleting,
    );
  for (const other of others) {
    for (const mine of ports) {
      const clash = other.attrs.ports.find(
        (theirs) =>
          theirs.protocol === mine.protocol &&
          (theirs.client_port === mine.client_port || theirs.server_port === mine.server_port),
      );
      if (clash)
        return `Port ${mine.protocol}/${mine.client_port}:${mine.server_port} conflicts with service ${other.id}.`;
    }
  }
  return undefined;
}

/** POST /vpc-endpoint-services */
export const createEndpointService: V1Handler = (req) => {
  const body = objectBody(req.body);
  const { state } = req.ctx;
  const portId = requireUuid(body, "port_id");
  const vpcId = requireUuid(body, "vpc_id");
  const serverType = optionalEnum(body, "server_type", req.profile.serverTypes, V1Errors.InvalidServerType);
  if (!serverType) throw v1Error(V1Errors.InvalidServerType, "server_type is required.");
  const ports = parsePorts(body.ports);
  const name = parseName(body.service_name);
  const vipPortId =
    !req.profile.fields.serviceVipPortId || body.vip_port_id === undefined || body.vip_port_id === null
      ? undefined
      : requireUuid(body, "vip_port_id");
  const attrs: V1ServiceAttrs = {
    ...(name !== undefined ? { name } : {}),
    port_id: portId,
    ...(vipPortId ? { vip_port_id: vipPortId } : {}),
    vpc_id: vpcId,
    server_type: serverType,
    service_type: optionalEnum(body, "service_type", USER_SERVICE_TYPES) ?? "interface",
    // The API default is true: a service without the flag needs the owner's approval.
    approval_enabled: optionalBool(body, "approval_enabled") ?? true,
    ports,
    tcp_proxy: optionalEnum(body, "tcp_proxy", TCP_PROXY) ?? "close",
    description: optionalDescription(body) ?? "",
    tags: parseTags(body.tags, req.profile.tags.service),
    domainId: callerDomain(req),
    permissions: [],
  };
  const conflict = portConflict(req, portId, ports);
  if (conflict) attrs.lateError = { error_code: V1Errors.PortConflict.code, error_message: conflict };
  const now = state.clock.now();
  const record: V1ServiceRecord = state.store.add(
    freshRecord(now, {
      id: state.random.uuid(),
      cloud: req.profile.cloud,
      model: req.profile.models.service,
      tenant: req.ctx.tenant,
      region: req.region,
      status: ServiceStatus.Creating,
      attrs,
    }),
  );
  state.transitions.begin(record, conflict ? "createFailed" : "create", now);
  req.ctx.created.push(record.id);
  return ok(serviceJson(state, req.profile, record));
};

/** GET /vpc-endpoint-services/{id} */
export const getEndpointService: V1Handler = (req) =>
  ok(serviceJson(req.ctx.state, req.profile, ownService(req, true)));

/** GET /vpc-endpoint-services */
export const listEndpointServices: V1Handler = (req) => {
  const { state } = req.ctx;
  const { limit, offset } = paging(req.query, 10, 1000);
  const name = req.query.get("endpoint_service_name")?.toLowerCase();
  const id = req.query.get("id");
  const status = req.query.get("status");
  const serverType = req.profile.fields.serviceListServerType ? req.query.get("server_type") : null;
  const all = state.store
    .list<V1ServiceAttrs>({
      cloud: req.profile.cloud,
      model: req.profile.models.service,
      tenant: req.ctx.tenant,
      region: req.region,
    })
    .map((record) => observe(req.ctx, record))
    .filter((record): record is V1ServiceRecord => record !== undefined)
    .filter(
      (record) =>
        (!name || serviceName(record).toLowerCase().includes(name)) &&
        (!id || record.id === id) &&
        (!status || record.status === status) &&
        (!serverType || record.attrs.server_type === serverType),
    );
  const sorted = sortRecords(all, req.query);
  return ok({
    endpoint_services: sorted
      .slice(offset, offset + limit)
      .map((record) => serviceJson(state, req.profile, record)),
    total_count: sorted.length,
  });
};

/** PUT /vpc-endpoint-services/{id} */
export const updateEndpointService: V1Handler = (req) => {
  const body = objectBody(req.body);
  const record = ownService(req, false);
  if (record.status !== ServiceStatus.Available) {
    throw v1Error(V1Errors.NotModifiable, `The service is ${record.status}.`);
  }
  const updatable = [
    "service_name",
    "approval_enabled",
    "port_id",
    ...(req.profile.fields.serviceVipPortId ? ["vip_port_id"] : []),
    "ports",
    "description",
    "tcp_proxy",
  ];
  if (!updatable.some((field) => body[field] !== undefined)) {
    throw v1Error(V1Errors.InvalidParameter, `The body must change at least one of ${updatable.join(", ")}.`);
  }
  const a = record.attrs;
  const name = parseName(body.service_name);
  const approval = optionalBool(body, "approval_enabled");
  const portId = body.port_id !== undefined ? requireUuid(body, "port_id") : a.port_id;
  const vipPortId =
    req.profile.fields.serviceVipPortId && body.vip_port_id !== undefined
      ? requireUuid(body, "vip_port_id")
      : a.vip_port_id;
  const ports = body.ports !== undefined ? parsePorts(body.ports) : a.ports;
  const description = optionalDescription(body);
  const tcpProxy = optionalEnum(body, "tcp_proxy", TCP_PROXY);
  if (body.ports !== undefined || body.port_id !== undefined) {
    const conflict = portConflict(req, portId, ports, record.id);
    if (conflict) throw v1Error(V1Errors.PortConflict, conflict);
  }
  if (name !== undefined) a.name = name;
  if (approval !== undefined) a.approval_enabled = approval;
  a.port_id = portId;
  if (vipPortId && isUuid(vipPortId)) a.vip_port_id = vipPortId;
  a.ports = ports;
  if (description !== undefined) a.description = description;
  if (tcpProxy !== undefined) a.tcp_proxy = tcpProxy;
  record.updatedAt = req.ctx.state.clock.now();
  return ok(serviceJson(req.ctx.state, req.profile, record));
};

/** DELETE /vpc-endpoint-services/{id} */
export const deleteEndpointService: V1Handler = (req) => {
  const { state } = req.ctx;
  const record = ownService(req, false);
  if (record.deleting) return { status: 204 };
  const attached = attachedEndpoints(state, req.profile, record).filter(
    (endpoint) => current(req.ctx, endpoint) !== undefined,
  );
  if (attached.length > 0) {
    throw v1Error(V1Errors.ServiceInUse, `${attached.length} VPC endpoint(s) are still connected.`);
  }
  record.deleting = true;
  state.transitions.begin(record, "delete", state.clock.now());
  return { status: 204 };
};
