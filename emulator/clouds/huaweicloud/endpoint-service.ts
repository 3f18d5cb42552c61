/**
 * Endpoint services: create, get, list, update, delete.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0201.html
 */
import { current, observe } from "../../core/observe.js";
import { hwError, HwErrors } from "./errors.js";
import { HW_SERVICE_MODEL, ServiceStatus } from "./models.js";
import {
  attachedEndpoints,
  serviceJson,
  serviceName,
  type HwPort,
  type HwServiceAttrs,
  type HwServiceRecord,
} from "./records.js";
import { ok, ownService, type HwHandler, type HwRequest } from "./request.js";
import {
  isUuid,
  objectBody,
  optionalBool,
  optionalDescription,
  optionalEnum,
  paging,
  parseTags,
  requireUuid,
  sortRecords,
} from "./validate.js";

/** Tags per service (Huawei and OTC service docs). */
export const SERVICE_TAG_LIMIT = 10;
/** Port mappings per call. */
export const MAX_PORTS = 200;
const SERVER_TYPES = ["VM", "VIP", "LB"] as const;
const SERVICE_TYPES = ["interface", "gateway"] as const;
const TCP_PROXY = ["close", "toa_open", "proxy_open", "open", "proxy_vni"] as const;
const SERVICE_NAME = /^[A-Za-z0-9_-]{1,16}$/;

function parsePorts(value: unknown): HwPort[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw hwError(HwErrors.InvalidParameter, "ports must be a non-empty array.");
  }
  if (value.length > MAX_PORTS)
    throw hwError(HwErrors.TooManyPorts, `At most ${MAX_PORTS} port mappings are allowed.`);
  const seen = new Set<string>();
  return value.map((item: unknown) => {
    const port = (item ?? {}) as Record<string, unknown>;
    for (const field of ["client_port", "server_port"] as const) {
      const n = port[field];
      if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 65535) {
        throw hwError(HwErrors.InvalidParameter, `${field} must be an integer between 1 and 65535.`);
      }
    }
    const protocol = port.protocol ?? "TCP";
    if (protocol !== "TCP" && protocol !== "UDP")
      throw hwError(HwErrors.InvalidProtocol, "protocol must be TCP or UDP.");
    const key = `${protocol}/${port.client_port as number}`;
    if (seen.has(key)) throw hwError(HwErrors.InvalidParameter, `Duplicate port mapping ${key}.`);
    seen.add(key);
    return { client_port: port.client_port as number, server_port: port.server_port as number, protocol };
  });
}

function parseName(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !SERVICE_NAME.test(value)) {
    throw hwError(HwErrors.InvalidServiceName, "service_name must be 1-16 letters, digits, _ or -.");
  }
  return value;
}

/**
 * Another live service on the same port_id that already uses one of these ports for the same
 * protocol (client or server side). The API reports this only after the asynchronous create.
 */
function portConflict(req: HwRequest, portId: string, ports: HwPort[], except?: string): string | undefined {
  const others = req.ctx.state.store
    .list<HwServiceAttrs>({ cloud: "huaweicloud", model: HW_SERVICE_MODEL, region: req.region })
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
export const createEndpointService: HwHandler = (req) => {
  const body = objectBody(req.body);
  const { state } = req.ctx;
  const portId = requireUuid(body, "port_id");
  const vpcId = requireUuid(body, "vpc_id");
  const serverType = optionalEnum(body, "server_type", SERVER_TYPES);
  if (!serverType) throw hwError(HwErrors.InvalidParameter, "server_type is required.");
  const ports = parsePorts(body.ports);
  const name = parseName(body.service_name);
  const vipPortId =
    body.vip_port_id === undefined || body.vip_port_id === null
      ? undefined
      : requireUuid(body, "vip_port_id");
  const attrs: HwServiceAttrs = {
    ...(name !== undefined ? { name } : {}),
    port_id: portId,
    ...(vipPortId ? { vip_port_id: vipPortId } : {}),
    vpc_id: vpcId,
    server_type: serverType,
    service_type: optionalEnum(body, "service_type", SERVICE_TYPES) ?? "interface",
    // The API default is true: a service without the flag needs the owner's approval.
    approval_enabled: optionalBool(body, "approval_enabled") ?? true,
    ports,
    tcp_proxy: optionalEnum(body, "tcp_proxy", TCP_PROXY) ?? "close",
    description: optionalDescription(body) ?? "",
    tags: parseTags(body.tags, SERVICE_TAG_LIMIT),
    domainId: state.credentials.huaweiByProject(req.ctx.tenant)?.domainId ?? "",
    permissions: [],
  };
  const conflict = portConflict(req, portId, ports);
  if (conflict) attrs.lateError = { error_code: HwErrors.PortConflict.code, error_message: conflict };
  const now = state.clock.now();
  const record: HwServiceRecord = state.store.add({
    id: state.random.uuid(),
    cloud: "huaweicloud",
    model: HW_SERVICE_MODEL,
    tenant: req.ctx.tenant,
    region: req.region,
    createdAt: now,
    updatedAt: now,
    status: ServiceStatus.Creating,
    pending: [],
    since: now,
    reads: 0,
    deleting: false,
    attrs,
  });
  state.transitions.begin(record, conflict ? "createFailed" : "create", now);
  req.ctx.created.push(record.id);
  return ok(serviceJson(state, record));
};

/** GET /vpc-endpoint-services/{id} */
export const getEndpointService: HwHandler = (req) => ok(serviceJson(req.ctx.state, ownService(req, true)));

/** GET /vpc-endpoint-services */
export const listEndpointServices: HwHandler = (req) => {
  const { state } = req.ctx;
  const { limit, offset } = paging(req.query, 10, 1000);
  const name = req.query.get("endpoint_service_name")?.toLowerCase();
  const id = req.query.get("id");
  const status = req.query.get("status");
  const serverType = req.query.get("server_type");
  const all = state.store
    .list<HwServiceAttrs>({
      cloud: "huaweicloud",
      model: HW_SERVICE_MODEL,
      tenant: req.ctx.tenant,
      region: req.region,
    })
    .map((record) => observe(req.ctx, record))
    .filter((record): record is HwServiceRecord => record !== undefined)
    .filter(
      (record) =>
        (!name || serviceName(record).toLowerCase().includes(name)) &&
        (!id || record.id === id) &&
        (!status || record.status === status) &&
        (!serverType || record.attrs.server_type === serverType),
    );
  const sorted = sortRecords(all, req.query);
  return ok({
    endpoint_services: sorted.slice(offset, offset + limit).map((record) => serviceJson(state, record)),
    total_count: sorted.length,
  });
};

/** PUT /vpc-endpoint-services/{id} */
export const updateEndpointService: HwHandler = (req) => {
  const body = objectBody(req.body);
  const record = ownService(req, false);
  if (record.status !== ServiceStatus.Available) {
    throw hwError(HwErrors.NotModifiable, `The service is ${record.status}.`);
  }
  const updatable = [
    "service_name",
    "approval_enabled",
    "port_id",
    "vip_port_id",
    "ports",
    "description",
    "tcp_proxy",
  ];
  if (!updatable.some((field) => body[field] !== undefined)) {
    throw hwError(HwErrors.InvalidParameter, `The body must change at least one of ${updatable.join(", ")}.`);
  }
  const a = record.attrs;
  const name = parseName(body.service_name);
  const approval = optionalBool(body, "approval_enabled");
  const portId = body.port_id !== undefined ? requireUuid(body, "port_id") : a.port_id;
  const vipPortId = body.vip_port_id !== undefined ? requireUuid(body, "vip_port_id") : a.vip_port_id;
  const ports = body.ports !== undefined ? parsePorts(body.ports) : a.ports;
  const description = optionalDescription(body);
  const tcpProxy = optionalEnum(body, "tcp_proxy", TCP_PROXY);
  if (body.ports !== undefined || body.port_id !== undefined) {
    const conflict = portConflict(req, portId, ports, record.id);
    if (conflict) throw hwError(HwErrors.PortConflict, conflict);
  }
  if (name !== undefined) a.name = name;
  if (approval !== undefined) a.approval_enabled = approval;
  a.port_id = portId;
  if (vipPortId && isUuid(vipPortId)) a.vip_port_id = vipPortId;
  a.ports = ports;
  if (description !== undefined) a.description = description;
  if (tcpProxy !== undefined) a.tcp_proxy = tcpProxy;
  record.updatedAt = req.ctx.state.clock.now();
  return ok(serviceJson(req.ctx.state, record));
};

/** DELETE /vpc-endpoint-services/{id} */
export const deleteEndpointService: HwHandler = (req) => {
  const { state } = req.ctx;
  const record = ownService(req, false);
  if (record.deleting) return { status: 204 };
  const attached = attachedEndpoints(state, record).filter(
    (endpoint) => current(req.ctx, endpoint) !== undefined,
  );
  if (attached.length > 0) {
    throw hwError(HwErrors.ServiceInUse, `${attached.length} VPC endpoint(s) are still connected.`);
  }
  record.deleting = true;
  state.transitions.begin(record, "delete", state.clock.now());
  return { status: 204 };
};
