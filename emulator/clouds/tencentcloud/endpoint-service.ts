/**
 * Endpoint services: CreateVpcEndPointService, DescribeVpcEndPointService,
 * ModifyVpcEndPointServiceAttribute, DeleteVpcEndPointService.
 * @link https://www.tencentcloud.com/document/api/215/40706
 */
import { observe } from "../../core/observe.js";
import { freshRecord } from "../../core/store.js";
import { canonicalAddress, nextFreeAddress } from "./addresses.js";
import { TcErrors } from "./errors.js";
import { TC_SERVICE_MODEL, TENCENT_CLOUD } from "./models.js";
import { TcIds } from "./params.js";
import { attachedEndpoints, serviceJson, type TcServiceAttrs, type TcServiceRecord } from "./records.js";
import { callerAppId, ownService, page, type TcAction, type TcRequest } from "./request.js";

const SERVICE_TYPES = ["CLB", "CDB", "CRS", "GWLB"];

function instanceId(req: TcRequest, type: string, required: boolean): string | undefined {
  const value = required
    ? req.params.str("ServiceInstanceId", { required: true })
    : req.params.str("ServiceInstanceId");
  if (value !== undefined && !TcIds.instance[type]!.test(value))
    throw TcErrors.malformed("ServiceInstanceId", value);
  return value;
}

/** Services visible to the caller: its own, or (consumer view) those white-listing its UIN. */
function visibleServices(req: TcRequest, authorized: boolean): TcServiceRecord[] {
  return req.ctx.state.store
    .list<TcServiceAttrs>({ cloud: TENCENT_CLOUD, model: TC_SERVICE_MODEL, region: req.region })
    .filter((service) =>
      authorized
        ? service.tenant !== req.ctx.tenant &&
          service.attrs.whiteList.some((entry) => entry.UserUin === req.ctx.tenant)
        : service.tenant === req.ctx.tenant,
    );
}

/** CreateVpcEndPointService: a service exists at once; `ServiceVip` comes from a deterministic pool. */
export const createVpcEndPointService: TcAction = {
  name: "CreateVpcEndPointService",
  params: [
    "VpcId",
    "EndPointServiceName",
    "AutoAcceptFlag",
    "ServiceInstanceId",
    "IsPassService",
    "ServiceType",
    "Tags",
    "IpAddressType",
  ],
  creates: true,
  handler(req) {
    const { params, ctx } = req;
    const { state } = ctx;
    const vpcId = params.str("VpcId", { required: true, pattern: TcIds.vpc });
    const name = params.str("EndPointServiceName", { required: true, max: 60 });
    const autoAccept = params.bool("AutoAcceptFlag", true);
    const type = params.str("ServiceType") ?? "CLB";
    if (!SERVICE_TYPES.includes(type))
      throw TcErrors.value("ServiceType", `must be one of ${SERVICE_TYPES.join(", ")}`);
    const instance = instanceId(req, type, true)!;
    params.bool("IsPassService");
    const tags = params.tags();
    const family = params.ipAddressType();
    // Service VIPs come from one pool per family, so no two services share one.
    const used = new Set(
      state.store
        .list<TcServiceAttrs>({ cloud: TENCENT_CLOUD, model: TC_SERVICE_MODEL })
        .map((s) => canonicalAddress(s.attrs.ServiceVip)),
    );
    const now = state.clock.now();
    const record: TcServiceRecord = state.store.add(
      freshRecord(now, {
        id: `vpcsvc-${state.random.chars("abcdefghijklmnopqrstuvwxyz0123456789", 8)}`,
        cloud: TENCENT_CLOUD,
        model: TC_SERVICE_MODEL,
        tenant: ctx.tenant,
        region: req.region,
        status: "",
        attrs: {
          VpcId: vpcId,
          ServiceName: name,
          AutoAcceptFlag: autoAccept,
          ServiceInstanceId: instance,
          ServiceType: type,
          ServiceVip: nextFreeAddress("service", family, used),
          Tags: tags,
          appId: callerAppId(req),
          whiteList: [],
        },
      }),
    );
    state.transitions.begin(record, "create", now);
    ctx.created.push(record.id);
    return { EndPointService: serviceJson(state, record) };
  },
};

/** DescribeVpcEndPointService: ids xor filters; the consumer view lists services white-listing the caller. */
export const describeVpcEndPointService: TcAction = {
  name: "DescribeVpcEndPointService",
  params: [
    "Filters",
    "Offset",
    "Limit",
    "EndPointServiceIds",
    "IsListAuthorizedEndPointService",
    "IpAddressType",
    "MaxResults",
    "NextToken",
  ],
  handler(req) {
    const { params, ctx } = req;
    if (params.has("EndPointServiceIds") && params.has("Filters"))
      throw TcErrors.coexist("EndPointServiceIds", "Filters");
    const authorized = params.bool("IsListAuthorizedEndPointService") ?? false;
    if (authorized && params.has("Filters"))
      throw TcErrors.coexist("IsListAuthorizedEndPointService", "Filters");
    const ids = params.strList("EndPointServiceIds", { pattern: TcIds.service });
    const filters = params.filters(["service-id", "service-name", "service-instance-id", "service-type"]);
    const paging = params.paging();
    params.ipAddressType();
    let services = visibleServices(req, authorized)
      .map((service) => observe(ctx, service))
      .filter((service): service is TcServiceRecord => service !== undefined);
    if (ids) {
      for (const id of ids) if (!services.some((service) => service.id === id)) throw TcErrors.notFound(id);
      services = services.filter((service) => ids.includes(service.id));
    }
    if (filters) {
      const field: Record<string, (s: TcServiceRecord) => string> = {
        "service-id": (s) => s.id,
        "service-name": (s) => s.attrs.ServiceName,
        "service-instance-id": (s) => s.attrs.ServiceInstanceId,
        "service-type": (s) => s.attrs.ServiceType,
      };
      services = services.filter((service) =>
        [...filters].every(([name, values]) => values.includes(field[name]!(service))),
      );
    }
    return {
      EndPointServiceSet: page(services, paging).map((service) => serviceJson(ctx.state, service)),
      TotalCount: services.length,
    };
  },
};

/** ModifyVpcEndPointServiceAttribute: name, AutoAcceptFlag and backend instance in place. */
export const modifyVpcEndPointServiceAttribute: TcAction = {
  name: "ModifyVpcEndPointServiceAttribute",
  params: [
    "EndPointServiceId",
    "VpcId",
    "EndPointServiceName",
    "AutoAcceptFlag",
    "ServiceInstanceId",
    "IpAddressType",
  ],
  handler(req) {
    const { params } = req;
    const id = params.str("EndPointServiceId", { required: true, pattern: TcIds.service });
    const vpcId = params.str("VpcId", { required: true, pattern: TcIds.vpc });
    const name = params.str("EndPointServiceName", { max: 60 });
    const autoAccept = params.bool("AutoAcceptFlag");
    params.ipAddressType();
    const record = ownService(req, id, false);
    const instance = instanceId(req, record.attrs.ServiceType, false);
    // The VPC must be sent but cannot be changed.
    if (vpcId !== record.attrs.VpcId) throw TcErrors.vpcMismatch();
    if (name !== undefined) {
      if (name === "") throw TcErrors.empty("EndPointServiceName");
      record.attrs.ServiceName = name;
    }
    if (autoAccept !== undefined) record.attrs.AutoAcceptFlag = autoAccept;
    if (instance !== undefined) record.attrs.ServiceInstanceId = instance;
    record.updatedAt = req.ctx.state.clock.now();
    return {};
  },
};

/** DeleteVpcEndPointService: ResourceInUse while endpoints are attached. */
export const deleteVpcEndPointService: TcAction = {
  name: "DeleteVpcEndPointService",
  params: ["EndPointServiceId", "IpAddressType"],
  handler(req) {
    const id = req.params.str("EndPointServiceId", { required: true, pattern: TcIds.service });
    req.params.ipAddressType();
    const record = ownService(req, id, false);
    if (record.deleting) return {};
    const attached = attachedEndpoints(req.ctx.state, record, false);
    if (attached.length > 0) throw TcErrors.inUse(id, `${attached.length} endpoint(s) are still attached`);
    record.deleting = true;
    req.ctx.state.transitions.begin(record, "delete", req.ctx.state.clock.now());
    return {};
  },
};
