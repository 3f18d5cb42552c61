/**
 * Endpoint services: CreateVpcEndpointService, DescribeVpcEndpointServiceAttributes,
 * DescribeVpcEndpointServices, ModifyVpcEndpointServiceAttributes, DeleteVpcEndpointService and
 * the backends behind them (Attach/DetachResourceTo/FromVpcEndpointService,
 * DescribeVpcEndpointServiceResources).
 * @link https://www.volcengine.com/docs/6980/1158965
 */
import { observe } from "../../core/observe.js";
import { freshRecord } from "../../core/store.js";
import { veError, VeErrors } from "./errors.js";
import {
  ConnectionStatus,
  ServiceStatus,
  VE_ENDPOINT_MODEL,
  VE_SERVICE_MODEL,
  VOLCENGINE_CLOUD,
} from "./models.js";
import { pageOf, type VeParams } from "./params.js";
import {
  connectionOf,
  serviceJson,
  serviceNameOf,
  type VeEndpointAttrs,
  type VeServiceAttrs,
  type VeServiceRecord,
  type VeServiceResource,
} from "./records.js";
import { tagFilter } from "./endpoint.js";
import {
  begin,
  networkOf,
  newId,
  ownService,
  replayed,
  requestHash,
  requireServiceAvailable,
  type VeAction,
  type VeRequest,
} from "./request.js";

/** `ServiceResourceType` values. */
export const SERVICE_RESOURCE_TYPES = ["CLB", "ALB", "RDSMySQL"] as const;
/** `Payer` values (TF provider docs). */
const PAYERS = ["Endpoint", "EndpointService"];

/**
 * One backend: a load balancer (or RDS instance) of the caller's network of the service's type;
 * `ZoneIds.N` narrows it to some of the backend's zones (default all of them).
 */
function backend(
  req: VeRequest,
  type: string,
  resourceId: string,
  zoneIds: string[] | undefined,
): VeServiceResource {
  const seeded = networkOf(req).resources.find((resource) => resource.id === resourceId);
  if (!seeded) throw veError("InvalidServiceResource.NotFound", [], `(${resourceId})`);
  if (seeded.type !== type)
    throw VeErrors.invalid("ResourceId", `${resourceId} is a ${seeded.type}, not a ${type}`);
  for (const zone of zoneIds ?? [])
    if (!seeded.zoneIds.includes(zone)) throw veError("ErrEndpointServiceNotSupportedZone", [], `(${zone})`);
  return {
    ResourceId: resourceId,
    ResourceType: type,
    ZoneIds: zoneIds?.length ? [...new Set(zoneIds)] : [...seeded.zoneIds],
  };
}

function zoneList(value: unknown, label: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((zone) => typeof zone !== "string"))
    throw VeErrors.invalid(label, "expected a list of zone ids");
  return value as string[];
}

function privateDnsType(params: VeParams): string | undefined {
  const value = params.str("PrivateDNSType");
  if (value !== undefined && value !== "" && value !== "TXT")
    throw VeErrors.invalid("PrivateDNSType", `"${value}" is not TXT`);
  return value;
}

/** CreateVpcEndpointService: `Creating → Available`; answers only the new id. */
export const createVpcEndpointService: VeAction = {
  name: "CreateVpcEndpointService",
  params: [
    "Resources",
    "ServiceResourceType",
    "AutoAcceptEnabled",
    "Description",
    "ServiceType",
    "IpAddressVersions",
    "PrivateDNSEnabled",
    "PrivateDNSName",
    "PrivateDNSType",
    "ServiceNameManaged",
    "ServiceNameSuffix",
    "ServiceOwner",
    "WildcardDomainEnabled",
    "Payer",
    "ProjectName",
    "Tags",
    "ClientToken",
  ],
  creates: true,
  handler(req) {
    const { params, ctx } = req;
    const { state } = ctx;
    const token = params.clientToken();
    const type = params.str("ServiceResourceType") ?? "CLB";
    if (!(SERVICE_RESOURCE_TYPES as readonly string[]).includes(type))
      throw VeErrors.invalid("ServiceResourceType", `must be one of ${SERVICE_RESOURCE_TYPES.join(", ")}`);
    const resourcesInput = params.objList("Resources") ?? [];
    // The API default of AutoAcceptEnabled is undocumented; the emulator takes false, as Terraform does.
    const autoAccept = params.bool("AutoAcceptEnabled") ?? false;
    const description = params.description() ?? "";
    const serviceType = params.str("ServiceType") ?? "Interface";
    if (serviceType !== "Interface")
      throw VeErrors.invalid("ServiceType", "only Interface services are emulated");
    const versions = params.ipVersions()!;
    const privateDns = params.bool("PrivateDNSEnabled") ?? false;
    const privateDnsName = params.str("PrivateDNSName") ?? "";
    const dnsType = privateDnsType(params) ?? "";
    const nameManaged = params.str("ServiceNameManaged") ?? "";
    const suffix = params.str("ServiceNameSuffix");
    params.str("ServiceOwner");
    const wildcard = params.bool("WildcardDomainEnabled") ?? false;
    const payer = params.str("Payer") ?? "Endpoint";
    if (!PAYERS.includes(payer)) throw VeErrors.invalid("Payer", `must be one of ${PAYERS.join(", ")}`);
    const projectName = params.projectName();
    const tags = params.tags();
    const replay = replayed<VeServiceAttrs>(req, VE_SERVICE_MODEL, token);
    if (replay) return { ServiceId: replay.id };

    if (resourcesInput.length === 0) throw VeErrors.missing("Resources");
    const resources = resourcesInput.map((input, index) => {
      const id = input.ResourceId;
      if (typeof id !== "string" || id === "") throw VeErrors.missing(`Resources.${index + 1}.ResourceId`);
      return backend(req, type, id, zoneList(input.ZoneIds, `Resources.${index + 1}.ZoneIds`));
    });
    if (new Set(resources.map((r) => r.ResourceId)).size !== resources.length)
      throw VeErrors.invalid("Resources", "a resource is listed twice");
    if (privateDns && privateDnsName === "") throw VeErrors.missing("PrivateDNSName");

    const now = state.clock.now();
    const id = newId(req, "epsvc");
    const record: VeServiceRecord = state.store.add(
      freshRecord(now, {
        id,
        cloud: VOLCENGINE_CLOUD,
        model: VE_SERVICE_MODEL,
        tenant: ctx.tenant,
        region: req.region,
        status: ServiceStatus.Creating,
        attrs: {
          ServiceName: suffix ? `${serviceNameOf(req.region, id)}.${suffix}` : serviceNameOf(req.region, id),
          Description: description,
          AutoAcceptEnabled: autoAccept,
          ServiceResourceType: type,
          ServiceType: serviceType,
          IpAddressVersions: versions,
          PrivateDNSEnabled: privateDns,
          PrivateDNSName: privateDnsName,
          PrivateDNSType: dnsType || (privateDns ? "TXT" : ""),
          ServiceNameManaged: nameManaged,
          WildcardDomainEnabled: wildcard,
          Payer: payer,
          ProjectName: projectName,
          Tags: tags,
          Resources: resources,
          permissions: [],
          ...(token !== undefined
            ? { idempotency: { clientToken: token, requestHash: requestHash(params.raw) } }
            : {}),
        },
      }),
    );
    begin(req, record, "create");
    ctx.created.push(id);
    return { ServiceId: id };
  },
};

/** DescribeVpcEndpointServiceAttributes: one of the caller's services. */
export const describeVpcEndpointServiceAttributes: VeAction = {
  name: "DescribeVpcEndpointServiceAttributes",
  params: ["ServiceId"],
  handler(req) {
    const id = req.params.str("ServiceId", { required: true });
    return serviceJson(ownService(req, id, true));
  },
};

/** DescribeVpcEndpointServices: the caller's services, filtered and paged. */
export const describeVpcEndpointServices: VeAction = {
  name: "DescribeVpcEndpointServices",
  params: [
    "ServiceIds",
    "ServiceName",
    "ServiceResourceType",
    "ServiceType",
    "ProjectName",
    "TagFilters",
    "PageNumber",
    "PageSize",
  ],
  handler(req) {
    const { params } = req;
    const ids = params.strList("ServiceIds");
    if (ids && ids.length > 100) throw VeErrors.invalid("ServiceIds", "at most 100 ids");
    const fields: [string, (s: VeServiceRecord) => string][] = [
      ["ServiceName", (s) => s.attrs.ServiceName],
      ["ServiceResourceType", (s) => s.attrs.ServiceResourceType],
      ["ServiceType", (s) => s.attrs.ServiceType],
      ["ProjectName", (s) => s.attrs.ProjectName],
    ];
    const wanted = fields
      .map(([name, get]) => [params.str(name), get] as const)
      .filter((pair): pair is readonly [string, (s: VeServiceRecord) => string] => pair[0] !== undefined);
    const tagged = tagFilter(req);
    const paging = params.paging();
    const services = req.ctx.state.store
      .list<VeServiceAttrs>({
        cloud: VOLCENGINE_CLOUD,
        model: VE_SERVICE_MODEL,
        tenant: req.ctx.tenant,
        region: req.region,
      })
      .map((service) => observe(req.ctx, service))
      .filter((service): service is VeServiceRecord => service !== undefined)
      .filter(
        (service) =>
          (!ids || ids.includes(service.id)) &&
          wanted.every(([value, get]) => get(service) === value) &&
          tagged(service.attrs.Tags),
      );
    const page = pageOf(services, paging);
    return {
      VpcEndpointServices: page.items.map(serviceJson),
      PageNumber: page.PageNumber,
      PageSize: page.PageSize,
      TotalCount: page.TotalCount,
    };
  },
};

/**
 * DescribeVpcEndpointServicesByEndUser: the consumer's view, every service in the region the
 * caller may connect to (its own, and others' that list its account in their permissions).
 */
export const describeVpcEndpointServicesByEndUser: VeAction = {
  name: "DescribeVpcEndpointServicesByEndUser",
  params: [
    "ServiceId",
    "ServiceName",
    "ServiceOwner",
    "ServiceType",
    "FilterFinancialLocked",
    "PageNumber",
    "PageSize",
  ],
  handler(req) {
    const { params, ctx } = req;
    const id = params.str("ServiceId");
    const name = params.str("ServiceName");
    const owner = params.str("ServiceOwner");
    const type = params.str("ServiceType");
    params.bool("FilterFinancialLocked");
    const paging = params.paging();
    const services = ctx.state.store
      .list<VeServiceAttrs>({ cloud: VOLCENGINE_CLOUD, model: VE_SERVICE_MODEL, region: req.region })
      .filter(
        (service) =>
          service.tenant === ctx.tenant ||
          service.attrs.permissions.some((p) => p.PermitAccountId === ctx.tenant),
      )
      .map((service) => observe(ctx, service))
      .filter((service): service is VeServiceRecord => service !== undefined)
      .filter(
        (service) =>
          (id === undefined || service.id === id) &&
          (name === undefined || service.attrs.ServiceName === name) &&
          (owner === undefined || service.tenant === owner) &&
          (type === undefined || service.attrs.ServiceType === type),
      );
    const page = pageOf(services, paging);
    return {
      // The consumer does not see the owner's tags.
      VpcEndpointServices: page.items.map((service) => ({ ...serviceJson(service), Tags: [] })),
      PageNumber: page.PageNumber,
      PageSize: page.PageSize,
      TotalCount: page.TotalCount,
    };
  },
};

/** ModifyVpcEndpointServiceAttributes: `PrivateDNSEnabled` is a string here. */
export const modifyVpcEndpointServiceAttributes: VeAction = {
  name: "ModifyVpcEndpointServiceAttributes",
  params: [
    "ServiceId",
    "AutoAcceptEnabled",
    "Description",
    "IpAddressVersions",
    "PrivateDNSEnabled",
    "PrivateDNSName",
    "PrivateDNSType",
  ],
  handler(req) {
    const { params } = req;
    const id = params.str("ServiceId", { required: true });
    const autoAccept = params.bool("AutoAcceptEnabled");
    const description = params.description();
    const versions = params.ipVersions(undefined);
    const privateDns = params.boolString("PrivateDNSEnabled");
    const privateDnsName = params.str("PrivateDNSName");
    const dnsType = privateDnsType(params);
    const record = ownService(req, id, false);
    requireServiceAvailable(record);
    const a = record.attrs;
    if (privateDns === true && (privateDnsName ?? a.PrivateDNSName) === "")
      throw VeErrors.missing("PrivateDNSName");
    if (autoAccept !== undefined) a.AutoAcceptEnabled = autoAccept;
    if (description !== undefined) a.Description = description;
    if (versions !== undefined) a.IpAddressVersions = versions;
    if (privateDns !== undefined) a.PrivateDNSEnabled = privateDns;
    if (privateDnsName !== undefined) a.PrivateDNSName = privateDnsName;
    if (dnsType !== undefined) a.PrivateDNSType = dnsType;
    begin(req, record, "modify");
    return {};
  },
};

/**
 * DeleteVpcEndpointService: `Deleting → gone`. Endpoints may outlive their service: their
 * connections become `ServiceDeleted` (a documented ConnectionStatus).
 */
export const deleteVpcEndpointService: VeAction = {
  name: "DeleteVpcEndpointService",
  params: ["ServiceId"],
  handler(req) {
    const id = req.params.str("ServiceId", { required: true });
    const record = ownService(req, id, false);
    if (record.deleting) return {};
    requireServiceAvailable(record);
    const { state } = req.ctx;
    const now = state.clock.now();
    for (const endpoint of state.store.list<VeEndpointAttrs>({
      cloud: VOLCENGINE_CLOUD,
      model: VE_ENDPOINT_MODEL,
    })) {
      if (endpoint.attrs.ServiceId !== id) continue;
      const connection = connectionOf(state, endpoint, false);
      if (connection) state.transitions.force(connection, ConnectionStatus.ServiceDeleted, now);
    }
    record.deleting = true;
    begin(req, record, "delete");
    return {};
  },
};

/** AttachResourceToVpcEndpointService: one more backend of the service's type. */
export const attachResourceToVpcEndpointService: VeAction = {
  name: "AttachResourceToVpcEndpointService",
  params: ["ServiceId", "ResourceId", "ZoneIds"],
  handler(req) {
    const id = req.params.str("ServiceId", { required: true });
    const resourceId = req.params.str("ResourceId", { required: true });
    const zones = req.params.strList("ZoneIds");
    const record = ownService(req, id, false);
    const resource = backend(req, record.attrs.ServiceResourceType, resourceId, zones);
    requireServiceAvailable(record);
    if (record.attrs.Resources.some((r) => r.ResourceId === resourceId))
      throw VeErrors.invalid("ResourceId", `${resourceId} is already attached`);
    record.attrs.Resources.push(resource);
    begin(req, record, "modify");
    return {};
  },
};

/** DetachResourceFromVpcEndpointService: at least one backend must remain. */
export const detachResourceFromVpcEndpointService: VeAction = {
  name: "DetachResourceFromVpcEndpointService",
  params: ["ServiceId", "ResourceId"],
  handler(req) {
    const id = req.params.str("ServiceId", { required: true });
    const resourceId = req.params.str("ResourceId", { required: true });
    const record = ownService(req, id, false);
    if (!record.attrs.Resources.some((r) => r.ResourceId === resourceId))
      throw veError("InvalidServiceResource.NotFound", [], `(${resourceId} is not attached to ${id})`);
    requireServiceAvailable(record);
    if (record.attrs.Resources.length === 1)
      throw VeErrors.invalid("ResourceId", "a service keeps at least one resource");
    record.attrs.Resources = record.attrs.Resources.filter((r) => r.ResourceId !== resourceId);
    begin(req, record, "modify");
    return {};
  },
};

/** DescribeVpcEndpointServiceResources: one row per backend and zone. */
export const describeVpcEndpointServiceResources: VeAction = {
  name: "DescribeVpcEndpointServiceResources",
  params: ["ServiceId", "ZoneId", "PageNumber", "PageSize"],
  handler(req) {
    const id = req.params.str("ServiceId", { required: true });
    const zone = req.params.str("ZoneId");
    const paging = req.params.paging();
    const record = ownService(req, id, true);
    const rows = record.attrs.Resources.flatMap((resource) =>
      resource.ZoneIds.map((zoneId) => ({
        ResourceId: resource.ResourceId,
        ResourceType: resource.ResourceType,
        ZoneId: zoneId,
      })),
    ).filter((row) => zone === undefined || row.ZoneId === zone);
    const page = pageOf(rows, paging);
    return {
      Resources: page.items,
      PageNumber: page.PageNumber,
      PageSize: page.PageSize,
      TotalCount: page.TotalCount,
    };
  },
};
