/**
 * Endpoints: create, get, list, update (whitelist, route tables), delete.
 * @link https://docs.otc.t-systems.com/vpc-endpoint/api-ref/apis/vpc_endpoints/creating_a_vpc_endpoint.html
 */
import { observe } from "../../core/observe.js";
import { freshRecord } from "../../core/store.js";
import { v1Error, V1Errors } from "./errors.js";
import {
  assertRouteTablesFree,
  defaultRouteTableId,
  parseRouteTables,
  serviceForEndpoint,
} from "./gateway.js";
import { EndpointStatus, ServiceStatus } from "./models.js";
import {
  endpointJson,
  serviceName,
  type V1EndpointAttrs,
  type V1EndpointRecord,
  type V1ServiceAttrs,
} from "./records.js";
import { callerDomain, ok, ownEndpoint, type V1Handler, type V1Request } from "./request.js";
import { parseTags } from "./tag-rules.js";
import {
  inCidr,
  intToIpv4,
  ipv4ToInt,
  isIpv4,
  isIpv4OrCidr,
  isUuid,
  objectBody,
  optionalBool,
  optionalDescription,
  paging,
  requireUuid,
  sortRecords,
} from "./validate.js";

/** IP whitelist entries per endpoint (Huawei provider docs). */
export const WHITELIST_LIMIT = 20;
/** The range the clouds reserve for VPCEP itself. */
export const RESERVED_CIDR = { base: "198.19.128.0", prefix: 17 } as const;
/** Where server-assigned endpoint addresses start (the pool is per subnet and deterministic). */
const POOL_START = ipv4ToInt("192.168.0.10");

function parseWhitelist(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw v1Error(V1Errors.InvalidWhitelist, "whitelist must be an array.");
  if (value.length > WHITELIST_LIMIT)
    throw v1Error(V1Errors.WhitelistFull, `At most ${WHITELIST_LIMIT} entries.`);
  for (const entry of value) {
    if (!isIpv4OrCidr(entry))
      throw v1Error(V1Errors.InvalidWhitelist, `${JSON.stringify(entry)} is not an IPv4 address or CIDR.`);
  }
  return [...new Set(value as string[])];
}

function usedAddresses(req: V1Request, subnetId: string | undefined): Set<string> {
  return new Set(
    req.ctx.state.store
      .list<V1EndpointAttrs>({
        cloud: req.profile.cloud,
        model: req.profile.models.endpoint,
        region: req.region,
      })
      .filter((endpoint) => endpoint.attrs.subnet_id === subnetId)
      .map((endpoint) => endpoint.attrs.ip),
  );
}

/** POST /vpc-endpoints */
export const createEndpoint: V1Handler = (req) => {
  const body = objectBody(req.body);
  const { state } = req.ctx;
  const serviceId = body.endpoint_service_id;
  if (!isUuid(serviceId)) throw v1Error(V1Errors.InvalidParameter, "endpoint_service_id must be a UUID.");
  const vpcId = requireUuid(body, "vpc_id");
  // The service may live in any project of the region; the caller only needs permission.
  const service = serviceForEndpoint(req, serviceId);
  if (!service) throw v1Error(V1Errors.ServiceNotFound);
  const isInterface = service.attrs.service_type === "interface";
  // Gateway endpoints only; without a list, the VPC's default route table.
  const routetables = isInterface
    ? undefined
    : (parseRouteTables(body.routetables, false) ?? [defaultRouteTableId(vpcId)]);
  const subnetId =
    body.subnet_id === undefined || body.subnet_id === null
      ? undefined
      : requireUuid(body, "subnet_id", V1Errors.InvalidSubnet);
  if (isInterface && !subnetId)
    throw v1Error(V1Errors.InvalidSubnet, "subnet_id is required for interface services.");
  let ip: string | undefined;
  if (body.port_ip !== undefined && body.port_ip !== null) {
    if (typeof body.port_ip !== "string" || !isIpv4(body.port_ip))
      throw v1Error(V1Errors.InvalidPortIp, "port_ip must be IPv4.");
    if (inCidr(body.port_ip, RESERVED_CIDR.base, RESERVED_CIDR.prefix)) {
      throw v1Error(V1Errors.InvalidPortIp, "port_ip must not lie in 198.19.128.0/17.");
    }
    if (usedAddresses(req, subnetId).has(body.port_ip)) throw v1Error(V1Errors.PortIpInUse);
    ip = body.port_ip;
  }
  const whitelist = parseWhitelist(body.whitelist) ?? [];
  const enableWhitelist = optionalBool(body, "enable_whitelist") ?? false;
  const enableDns = optionalBool(body, "enable_dns") ?? false;
  const description = optionalDescription(body) ?? "";
  const tags = parseTags(body.tags, req.profile.tags.endpoint);

  if (service.status !== ServiceStatus.Available) {
    throw v1Error(V1Errors.ServiceUnavailable, `The endpoint service is ${service.status}.`);
  }
  const domain = callerDomain(req);
  const sameAccount =
    service.tenant === req.ctx.tenant || (domain !== "" && domain === service.attrs.domainId);
  const permitted =
    sameAccount ||
    service.attrs.permissions.some((p) => p.permission === "*" || p.permission === `iam:domain::${domain}`);
  if (!permitted) throw v1Error(V1Errors.NoPermission);
  if (routetables) assertRouteTablesFree(req, service.id, routetables);

  if (ip === undefined) {
    const used = usedAddresses(req, subnetId);
    let candidate = POOL_START;
    while (used.has(intToIpv4(candidate))) candidate += 1;
    ip = intToIpv4(candidate);
  }
  const now = state.clock.now();
  const record: V1EndpointRecord = state.store.add(
    freshRecord(now, {
      id: state.random.uuid(),
      cloud: req.profile.cloud,
      model: req.profile.models.endpoint,
      tenant: req.ctx.tenant,
      region: req.region,
      status: EndpointStatus.Creating,
      attrs: {
        endpoint_service_id: service.id,
        service_type: service.attrs.service_type,
        vpc_id: vpcId,
        ...(subnetId ? { subnet_id: subnetId } : {}),
        ip,
        enable_dns: enableDns,
        whitelist,
        enable_whitelist: enableWhitelist,
        ...(routetables ? { routetables } : {}),
        description,
        tags,
        // Packet ids exceed 32 bits on the real API; clients must not truncate them.
        marker_id: 2 ** 32 + state.random.int(2 ** 30),
        domainId: domain,
        connectionDescription: "",
      },
    }),
  );
  state.transitions.begin(record, service.attrs.approval_enabled ? "createWithApproval" : "create", now);
  req.ctx.created.push(record.id);
  return ok(
    endpointJson(state, req.profile, record, { addresses: req.profile.fields.endpointCreateAddresses }),
  );
};

/** GET /vpc-endpoints/{id} */
export const getEndpoint: V1Handler = (req) =>
  ok(endpointJson(req.ctx.state, req.profile, ownEndpoint(req, true)));

/** GET /vpc-endpoints */
export const listEndpoints: V1Handler = (req) => {
  const { state } = req.ctx;
  const { limit, offset } = paging(req.query, 10, 1000);
  const name = req.query.get("endpoint_service_name")?.toLowerCase();
  const vpcId = req.query.get("vpc_id");
  const id = req.query.get("id");
  const all = state.store
    .list<V1EndpointAttrs>({
      cloud: req.profile.cloud,
      model: req.profile.models.endpoint,
      tenant: req.ctx.tenant,
      region: req.region,
    })
    .map((record) => observe(req.ctx, record))
    .filter((record): record is V1EndpointRecord => record !== undefined)
    .filter((record) => {
      if (vpcId && record.attrs.vpc_id !== vpcId) return false;
      if (id && record.id !== id) return false;
      if (name) {
        const service = state.store.get<V1ServiceAttrs>(record.attrs.endpoint_service_id);
        if (!service || !serviceName(service).toLowerCase().includes(name)) return false;
      }
      return true;
    });
  const sorted = sortRecords(all, req.query);
  return ok({
    endpoints: sorted.slice(offset, offset + limit).map((record) => endpointJson(state, req.profile, record)),
    total_count: sorted.length,
  });
};

/** PUT /vpc-endpoints/{id}: the IP whitelist (profiles with `features.endpointUpdate`). */
export const updateEndpoint: V1Handler = (req) => {
  const body = objectBody(req.body);
  const record = ownEndpoint(req, false);
  if (record.status === EndpointStatus.Failed) throw v1Error(V1Errors.FailedNotModifiable);
  if (record.deleting) throw v1Error(V1Errors.BeingDeleted);
  if (record.status === EndpointStatus.Creating) throw v1Error(V1Errors.BeingCreated);
  const whitelist = parseWhitelist(body.whitelist);
  const enable = optionalBool(body, "enable_whitelist");
  if (whitelist === undefined && enable === undefined) {
    throw v1Error(V1Errors.InvalidParameter, "The body must set whitelist or enable_whitelist.");
  }
  if (whitelist !== undefined) record.attrs.whitelist = whitelist;
  if (enable !== undefined) record.attrs.enable_whitelist = enable;
  record.updatedAt = req.ctx.state.clock.now();
  return ok(endpointJson(req.ctx.state, req.profile, record));
};

/**
 * PUT /vpc-endpoints/{id}/routetables: the full list of a gateway endpoint's route tables, answered
 * as `{"routetables": [...]}` (profiles with `features.endpointPolicyAndRoutes`). Interface
 * endpoints have no route tables: a parameter error (the reference names no code for it).
 */
export const updateEndpointRoutetables: V1Handler = (req) => {
  const body = objectBody(req.body);
  const record = ownEndpoint(req, false);
  if (record.status === EndpointStatus.Failed) throw v1Error(V1Errors.FailedNotModifiable);
  if (record.deleting) throw v1Error(V1Errors.BeingDeleted);
  if (record.status === EndpointStatus.Creating) throw v1Error(V1Errors.BeingCreated);
  if (record.attrs.service_type !== "gateway") {
    throw v1Error(V1Errors.InvalidParameter, "routetables applies to gateway endpoints only.");
  }
  const routetables = parseRouteTables(body.routetables, true)!;
  assertRouteTablesFree(req, record.attrs.endpoint_service_id, routetables, record.id);
  record.attrs.routetables = routetables;
  record.updatedAt = req.ctx.state.clock.now();
  return ok({ routetables: [...routetables] });
};

/** DELETE /vpc-endpoints/{id} → 204; the endpoint goes `deleting`, then 404. */
export const deleteEndpoint: V1Handler = (req) => {
  const record = ownEndpoint(req, false);
  if (!record.deleting) {
    record.deleting = true;
    req.ctx.state.transitions.begin(record, "delete", req.ctx.state.clock.now());
  }
  return { status: 204 };
};
