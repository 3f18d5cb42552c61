/**
 * Endpoints: CreateVpcEndpoint, DescribeVpcEndpointAttributes, DescribeVpcEndpoints,
 * ModifyVpcEndpointAttributes, DeleteVpcEndpoint.
 * @link https://www.volcengine.com/docs/6980/1158968
 */
import { current, observe } from "../../core/observe.js";
import { freshRecord } from "../../core/store.js";
import { veError, VeErrors } from "./errors.js";
import {
  EndpointStatus,
  ServiceStatus,
  VE_CONNECTION_MODEL,
  VE_ENDPOINT_MODEL,
  VE_SERVICE_MODEL,
  VOLCENGINE_CLOUD,
} from "./models.js";
import { hostRange, intToIpv4, ipv4ToInt, type SeedNetwork, type SeedSubnet } from "./network.js";
import { pageOf } from "./params.js";
import {
  endpointJson,
  type VeConnectionRecord,
  type VeEndpointAttrs,
  type VeEndpointRecord,
  type VeEndpointZone,
  type VeServiceAttrs,
  type VeServiceRecord,
} from "./records.js";
import {
  begin,
  networkOf,
  newId,
  ownEndpoint,
  replayed,
  requestHash,
  requireEndpointAvailable,
  type VeAction,
  type VeRequest,
} from "./request.js";

/** Security groups per endpoint (`SecurityGroupIds.N`, N = 1–5). */
export const SECURITY_GROUPS_MAX = 5;
/** Zones per endpoint (`Zones.N`, N = 1–10). */
export const ZONES_MAX = 10;
/** `EndpointIds.N` of DescribeVpcEndpoints, N = 1–100. */
export const ENDPOINT_IDS_MAX = 100;
/** Assigned addresses start at the subnet's 10th host (the first ones are the cloud's). */
const POOL_OFFSET = 9;

/** A security group of the caller's network that lies in `vpcId`. */
export function checkSecurityGroup(network: SeedNetwork, vpcId: string, id: string): void {
  const group = network.securityGroups.find((sg) => sg.id === id);
  if (!group) throw veError("InvalidSecurityGroupId.NotFound", [], `(${id})`);
  if (group.vpcId !== vpcId) throw veError("InvalidSecurityGroup.VpcMismatch", [], `(${id})`);
}

/** A subnet of the caller's network in `vpcId` and `zoneId`; a subnet elsewhere is as good as absent. */
export function checkSubnet(
  network: SeedNetwork,
  vpcId: string,
  subnetId: string,
  zoneId: string,
): SeedSubnet {
  const subnet = network.subnets.find((s) => s.id === subnetId);
  if (!subnet || subnet.vpcId !== vpcId || subnet.zoneId !== zoneId)
    throw veError("InvalidSubnet.NotFound", [], `(${subnetId} in ${vpcId}, zone ${zoneId})`);
  return subnet;
}

/** Addresses held in a subnet by any endpoint's zone. */
function usedAddresses(req: VeRequest, subnetId: string): Set<string> {
  return new Set(
    req.ctx.state.store
      .list<VeEndpointAttrs>({ cloud: VOLCENGINE_CLOUD, model: VE_ENDPOINT_MODEL, region: req.region })
      .flatMap((endpoint) => endpoint.attrs.Zones)
      .filter((zone) => zone.SubnetId === subnetId)
      .map((zone) => zone.PrivateIpAddress),
  );
}

/**
 * An endpoint zone: the subnet must be the endpoint's VPC's and in that zone; a fixed address
 * must be IPv4 inside the subnet and free (`InvalidIpAddress.InUse`, 409); otherwise the first
 * free address from the subnet's pool.
 */
export function buildZone(
  req: VeRequest,
  vpcId: string,
  service: VeServiceRecord,
  input: { ZoneId?: unknown; SubnetId?: unknown; PrivateIpAddress?: unknown; PrivateIpv6Address?: unknown },
  label: string,
): VeEndpointZone {
  if (typeof input.ZoneId !== "string" || input.ZoneId === "") throw VeErrors.missing(`${label}.ZoneId`);
  if (typeof input.SubnetId !== "string" || input.SubnetId === "")
    throw VeErrors.missing(`${label}.SubnetId`);
  const subnet = checkSubnet(networkOf(req), vpcId, input.SubnetId, input.ZoneId);
  const serviceZones = new Set(service.attrs.Resources.flatMap((resource) => resource.ZoneIds));
  if (!serviceZones.has(input.ZoneId))
    throw veError("ErrEndpointServiceNotSupportedZone", [], `(${input.ZoneId})`);
  const used = usedAddresses(req, subnet.id);
  const range = hostRange(subnet.cidr);
  let address: string;
  if (
    input.PrivateIpAddress !== undefined &&
    input.PrivateIpAddress !== null &&
    input.PrivateIpAddress !== ""
  ) {
    const n = typeof input.PrivateIpAddress === "string" ? ipv4ToInt(input.PrivateIpAddress) : undefined;
    if (n === undefined || n < range.first || n > range.last)
      throw veError(
        "InvalidIP.Malformed",
        [],
        `(${String(input.PrivateIpAddress)} is not a host of ${subnet.cidr})`,
      );
    address = intToIpv4(n);
    if (used.has(address)) throw veError("InvalidIpAddress.InUse", [], `(${address})`);
  } else {
    let n = range.first + POOL_OFFSET;
    while (n <= range.last && used.has(intToIpv4(n))) n += 1;
    if (n > range.last) throw veError("InsufficientIpInSubnet");
    address = intToIpv4(n);
  }
  const ipv6 = typeof input.PrivateIpv6Address === "string" ? input.PrivateIpv6Address : "";
  return {
    ZoneId: input.ZoneId,
    SubnetId: subnet.id,
    PrivateIpAddress: address,
    PrivateIpv6Address: ipv6,
    NetworkInterfaceId: newId(req, "eni"),
  };
}

/** A service of any account in this region, brought up to date (consumers create against others' services). */
export function anyService(req: VeRequest, id: string): VeServiceRecord | undefined {
  const found = req.ctx.state.store.get<VeServiceAttrs>(id);
  return current(
    req.ctx,
    found && found.model === VE_SERVICE_MODEL && found.region === req.region ? found : undefined,
  );
}

function resolveService(req: VeRequest): VeServiceRecord {
  const { params } = req;
  let id = params.str("ServiceId");
  const name = params.str("ServiceName");
  if (id === undefined && name === undefined) throw VeErrors.missing("ServiceId");
  if (id === undefined) {
    const prefix = `com.volces.privatelink.${req.region}.`;
    if (!name!.startsWith(prefix)) throw VeErrors.serviceNotFound(name!);
    id = name!.slice(prefix.length);
  }
  const service = anyService(req, id);
  if (!service) throw VeErrors.serviceNotFound(id);
  if (name !== undefined && name !== service.attrs.ServiceName)
    throw VeErrors.invalid("ServiceName", `${name} does not name ${id}`);
  return service;
}

/** CreateVpcEndpoint: `Creating → Available`; the connection waits for acceptance unless the service auto-accepts. */
export const createVpcEndpoint: VeAction = {
  name: "CreateVpcEndpoint",
  params: [
    "VpcId",
    "SecurityGroupIds",
    "ServiceId",
    "ServiceName",
    "Zones",
    "EndpointName",
    "Description",
    "PrivateDNSEnabled",
    "IpAddressVersions",
    "ServiceManaged",
    "ProjectName",
    "Tags",
    "ClientToken",
  ],
  creates: true,
  handler(req) {
    const { params, ctx } = req;
    const { state } = ctx;
    const token = params.clientToken();
    const vpcId = params.str("VpcId", { required: true });
    const groups = params.strList("SecurityGroupIds") ?? [];
    const zonesInput = params.objList("Zones") ?? [];
    const name = params.name("EndpointName");
    const description = params.description() ?? "";
    const privateDns = params.boolString("PrivateDNSEnabled") ?? false;
    const versions = params.ipVersions()!;
    const serviceManaged = params.bool("ServiceManaged") ?? false;
    const projectName = params.projectName();
    const tags = params.tags();
    const replay = replayed<VeEndpointAttrs>(req, VE_ENDPOINT_MODEL, token);
    if (replay) return { EndpointId: replay.id };

    const network = networkOf(req);
    if (!network.vpcs.some((vpc) => vpc.id === vpcId)) throw veError("InvalidVpc.NotFound", [], `(${vpcId})`);
    if (groups.length === 0) throw VeErrors.missing("SecurityGroupIds");
    if (groups.length > SECURITY_GROUPS_MAX) throw veError("LimitExceed.SecurityGroupNumber");
    if (new Set(groups).size !== groups.length) throw veError("InvalidSecurityGroup.Conflict");
    for (const group of groups) checkSecurityGroup(network, vpcId, group);

    const service = resolveService(req);
    if (service.status !== ServiceStatus.Available || service.deleting)
      throw veError("InvalidEndpointService.InvalidLock", [], `(${service.id} is ${service.status})`);
    const owner = service.tenant === ctx.tenant;
    if (!owner && !service.attrs.permissions.some((p) => p.PermitAccountId === ctx.tenant))
      throw veError("EndpointServiceNotAuthorized");
    if (privateDns && !(service.attrs.PrivateDNSEnabled && service.attrs.PrivateDNSName !== ""))
      throw veError("InvalidPrivateDNS.UnsupportedOperation");

    if (zonesInput.length > ZONES_MAX) throw veError("LimitExceed.ZoneNumber");
    const zoneIds = zonesInput.map((zone) => zone.ZoneId);
    if (new Set(zoneIds).size !== zoneIds.length) throw veError("InvalidZone.Conflict");
    const zones: VeEndpointZone[] = [];
    for (const [index, zone] of zonesInput.entries()) {
      const built = buildZone(req, vpcId, service, zone, `Zones.${index + 1}`);
      // Two zones of one request must not take the same fixed address either.
      if (zones.some((z) => z.SubnetId === built.SubnetId && z.PrivateIpAddress === built.PrivateIpAddress))
        throw veError("InvalidIpAddress.InUse", [], `(${built.PrivateIpAddress})`);
      zones.push(built);
    }

    const siblings = state.store
      .list<VeEndpointAttrs>({ cloud: VOLCENGINE_CLOUD, model: VE_ENDPOINT_MODEL, region: req.region })
      .filter((endpoint) => endpoint.attrs.ServiceId === service.id);
    const now = state.clock.now();
    const id = newId(req, "ep");
    const connectionId = `${id}:connection`;
    const record: VeEndpointRecord = state.store.add(
      freshRecord(now, {
        id,
        cloud: VOLCENGINE_CLOUD,
        model: VE_ENDPOINT_MODEL,
        tenant: ctx.tenant,
        region: req.region,
        status: EndpointStatus.Creating,
        attrs: {
          EndpointName: name ?? id,
          Description: description,
          VpcId: vpcId,
          ServiceId: service.id,
          ServiceName: service.attrs.ServiceName,
          ServiceManaged: serviceManaged,
          PrivateDNSEnabled: privateDns,
          PrivateDNSName: service.attrs.PrivateDNSName,
          IpAddressVersions: versions,
          ProjectName: projectName,
          Tags: tags,
          SecurityGroupIds: [...groups],
          Zones: zones,
          EndpointIndex: Math.max(0, ...siblings.map((s) => s.attrs.EndpointIndex)) + 1,
          connectionId,
          ...(token !== undefined
            ? { idempotency: { clientToken: token, requestHash: requestHash(params.raw) } }
            : {}),
        },
      }),
    );
    begin(req, record, "create");
    const connection: VeConnectionRecord = state.store.add(
      freshRecord(now, {
        id: connectionId,
        cloud: VOLCENGINE_CLOUD,
        model: VE_CONNECTION_MODEL,
        tenant: ctx.tenant,
        region: req.region,
        status: "",
        attrs: { endpointId: id, serviceId: service.id, serviceTenant: service.tenant },
      }),
    );
    state.transitions.begin(connection, service.attrs.AutoAcceptEnabled ? "autoAccept" : "await", now);
    ctx.created.push(id);
    return { EndpointId: id };
  },
};

/** DescribeVpcEndpointAttributes: the fields at the top level and again under `Endpoint`. */
export const describeVpcEndpointAttributes: VeAction = {
  name: "DescribeVpcEndpointAttributes",
  params: ["EndpointId"],
  handler(req) {
    const id = req.params.str("EndpointId", { required: true });
    const record = ownEndpoint(req, id, true);
    const fields = endpointJson(req.ctx.state, record);
    return { ...fields, Endpoint: { ...fields } };
  },
};

/** The caller's endpoints in this region, each observed once. */
export function listEndpoints(req: VeRequest): VeEndpointRecord[] {
  return req.ctx.state.store
    .list<VeEndpointAttrs>({
      cloud: VOLCENGINE_CLOUD,
      model: VE_ENDPOINT_MODEL,
      tenant: req.ctx.tenant,
      region: req.region,
    })
    .map((endpoint) => observe(req.ctx, endpoint))
    .filter((endpoint): endpoint is VeEndpointRecord => endpoint !== undefined);
}

/** `TagFilters.N.{Key,Values.N}`: every filter must match (a key with no values matches any value). */
export function tagFilter(req: VeRequest): (tags: { Key: string; Value: string }[]) => boolean {
  const filters = (req.params.objList("TagFilters") ?? []).map((filter, index) => {
    const key = filter.Key;
    if (typeof key !== "string" || key === "") throw VeErrors.missing(`TagFilters.${index + 1}.Key`);
    const values = filter.Values;
    if (values !== undefined && (!Array.isArray(values) || values.some((v) => typeof v !== "string")))
      throw VeErrors.invalid(`TagFilters.${index + 1}.Values`, "expected a list of strings");
    return { key, values: (values as string[] | undefined) ?? [] };
  });
  return (tags) =>
    filters.every((filter) =>
      tags.some(
        (tag) => tag.Key === filter.key && (filter.values.length === 0 || filter.values.includes(tag.Value)),
      ),
    );
}

/** DescribeVpcEndpoints: filters, `EndpointIds.N` (1–100), PageNumber/PageSize (default 10, max 100). */
export const describeVpcEndpoints: VeAction = {
  name: "DescribeVpcEndpoints",
  params: [
    "EndpointIds",
    "EndpointName",
    "EndpointType",
    "EndpointIndex",
    "ServiceId",
    "ServiceName",
    "Status",
    "VpcId",
    "ProjectName",
    "TagFilters",
    "PageNumber",
    "PageSize",
  ],
  handler(req) {
    const { params } = req;
    const ids = params.strList("EndpointIds");
    if (ids && ids.length > ENDPOINT_IDS_MAX)
      throw VeErrors.invalid("EndpointIds", `at most ${ENDPOINT_IDS_MAX} ids`);
    const fields: [string, (e: VeEndpointRecord) => string][] = [
      ["EndpointName", (e) => e.attrs.EndpointName],
      ["EndpointType", () => "Interface"],
      ["ServiceId", (e) => e.attrs.ServiceId],
      ["ServiceName", (e) => e.attrs.ServiceName],
      ["Status", (e) => e.status],
      ["VpcId", (e) => e.attrs.VpcId],
      ["ProjectName", (e) => e.attrs.ProjectName],
    ];
    const wanted = fields
      .map(([name, get]) => [params.str(name), get] as const)
      .filter((pair): pair is readonly [string, (e: VeEndpointRecord) => string] => pair[0] !== undefined);
    const index = params.has("EndpointIndex")
      ? params.int("EndpointIndex", 0, 0, Number.MAX_SAFE_INTEGER)
      : undefined;
    const tagged = tagFilter(req);
    const paging = params.paging();
    const endpoints = listEndpoints(req).filter(
      (endpoint) =>
        (!ids || ids.includes(endpoint.id)) &&
        wanted.every(([value, get]) => get(endpoint) === value) &&
        (index === undefined || endpoint.attrs.EndpointIndex === index) &&
        tagged(endpoint.attrs.Tags),
    );
    const page = pageOf(endpoints, paging);
    return {
      Endpoints: page.items.map((endpoint) => endpointJson(req.ctx.state, endpoint)),
      PageNumber: page.PageNumber,
      PageSize: page.PageSize,
      TotalCount: page.TotalCount,
    };
  },
};

/** ModifyVpcEndpointAttributes: name, description, private DNS (a boolean here) and IP versions. */
export const modifyVpcEndpointAttributes: VeAction = {
  name: "ModifyVpcEndpointAttributes",
  params: ["EndpointId", "EndpointName", "Description", "PrivateDNSEnabled", "IpAddressVersions"],
  handler(req) {
    const { params } = req;
    const id = params.str("EndpointId", { required: true });
    const name = params.name("EndpointName");
    const description = params.description();
    const privateDns = params.bool("PrivateDNSEnabled");
    const versions = params.ipVersions(undefined);
    const record = ownEndpoint(req, id, false);
    requireEndpointAvailable(record);
    if (privateDns === true) {
      const service = anyService(req, record.attrs.ServiceId);
      if (!service || !(service.attrs.PrivateDNSEnabled && service.attrs.PrivateDNSName !== ""))
        throw veError("InvalidPrivateDNS.UnsupportedOperation");
      record.attrs.PrivateDNSName = service.attrs.PrivateDNSName;
    }
    if (name !== undefined) record.attrs.EndpointName = name;
    if (description !== undefined) record.attrs.Description = description;
    if (privateDns !== undefined) record.attrs.PrivateDNSEnabled = privateDns;
    if (versions !== undefined) record.attrs.IpAddressVersions = versions;
    begin(req, record, "modify");
    return {};
  },
};

/** DeleteVpcEndpoint: `Pending → Deleting → gone`; repeating it while deleting is accepted. */
export const deleteVpcEndpoint: VeAction = {
  name: "DeleteVpcEndpoint",
  params: ["EndpointId"],
  handler(req) {
    const id = req.params.str("EndpointId", { required: true });
    const record = ownEndpoint(req, id, false);
    if (record.deleting) return {};
    // An Inactive (failed) endpoint can still be deleted; one that is changing cannot.
    if (record.status !== EndpointStatus.Inactive) requireEndpointAvailable(record);
    record.deleting = true;
    begin(req, record, "delete");
    return {};
  },
};
