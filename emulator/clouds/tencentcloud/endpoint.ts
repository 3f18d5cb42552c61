/**
 * Endpoints: CreateVpcEndPoint, DescribeVpcEndPoint, ModifyVpcEndPointAttribute,
 * DisassociateVpcEndPointSecurityGroups, DeleteVpcEndPoint.
 * @link https://www.tencentcloud.com/document/api/215/40707
 */
import { current, observe } from "../../core/observe.js";
import { freshRecord } from "../../core/store.js";
import { canonicalAddress, familyOf, nextFreeAddress, type IpAddressType } from "./addresses.js";
import { TcErrors } from "./errors.js";
import { EndPointState, TC_ENDPOINT_MODEL, TC_SERVICE_MODEL, TENCENT_CLOUD } from "./models.js";
import { TcIds } from "./params.js";
import {
  endpointJson,
  ZERO_TIME,
  type TcEndpointAttrs,
  type TcEndpointRecord,
  type TcServiceAttrs,
} from "./records.js";
import { callerAppId, ownEndpoint, page, type TcAction, type TcRequest } from "./request.js";

/** A fixed `EndPointVip` in canonical form; malformed or of the other family is refused. */
function checkVip(vip: string, family: IpAddressType): string {
  const actual = familyOf(vip);
  if (actual === undefined) throw TcErrors.malformed("EndPointVip", vip);
  if (actual !== family)
    throw TcErrors.value(
      "EndPointVip",
      `${vip} is not an ${family === "Ipv4" ? "IPv4" : "IPv6"} address (IpAddressType ${family})`,
    );
  return canonicalAddress(vip);
}

/**
 * VIPs taken where a new endpoint would live: other endpoints' VIPs in the same subnet and
 * service VIPs in the same VPC (canonical spellings, both families).
 */
function addressesInUse(req: TcRequest, vpcId: string, subnetId: string): Set<string> {
  const { store } = req.ctx.state;
  const endpoints = store
    .list<TcEndpointAttrs>({ cloud: TENCENT_CLOUD, model: TC_ENDPOINT_MODEL, region: req.region })
    .filter((endpoint) => endpoint.attrs.SubnetId === subnetId)
    .map((endpoint) => endpoint.attrs.EndPointVip);
  const services = store
    .list<TcServiceAttrs>({ cloud: TENCENT_CLOUD, model: TC_SERVICE_MODEL, region: req.region })
    .filter((service) => service.attrs.VpcId === vpcId)
    .map((service) => service.attrs.ServiceVip);
  return new Set([...endpoints, ...services].map(canonicalAddress));
}

/** CreateVpcEndPoint: answers `PENDING` with a zero CreateTime; owner or white-listed callers only. */
export const createVpcEndPoint: TcAction = {
  name: "CreateVpcEndPoint",
  params: [
    "VpcId",
    "SubnetId",
    "EndPointName",
    "EndPointServiceId",
    "EndPointVip",
    "SecurityGroupId",
    "Tags",
    "IpAddressType",
  ],
  creates: true,
  handler(req) {
    const { params, ctx } = req;
    const { state } = ctx;
    const vpcId = params.str("VpcId", { required: true, pattern: TcIds.vpc });
    const subnetId = params.str("SubnetId", { required: true, pattern: TcIds.subnet });
    const name = params.str("EndPointName", { required: true, max: 60 });
    const serviceId = params.str("EndPointServiceId", { required: true, pattern: TcIds.service });
    const requestedVip = params.str("EndPointVip");
    const securityGroup = params.str("SecurityGroupId", { pattern: TcIds.securityGroup });
    const tags = params.tags();
    const family = params.ipAddressType();
    // No reserved range is documented for Tencent: the format and the family are checked.
    const vip = requestedVip === undefined ? undefined : checkVip(requestedVip, family);

    const found = state.store.get<TcServiceAttrs>(serviceId);
    const service = current(
      ctx,
      found && found.model === TC_SERVICE_MODEL && found.region === req.region ? found : undefined,
    );
    if (!service) throw TcErrors.notFound(serviceId);
    if (service.deleting) throw TcErrors.unavailable(serviceId);
    const owner = service.tenant === ctx.tenant;
    if (!owner && !service.attrs.whiteList.some((entry) => entry.UserUin === ctx.tenant)) {
      throw TcErrors.notWhitelisted(serviceId);
    }
    const used = addressesInUse(req, vpcId, subnetId);
    if (vip !== undefined && used.has(vip))
      throw TcErrors.inUse(vip, "another endpoint or service in this VPC and subnet holds the address");
    const address = vip ?? nextFreeAddress("endpoint", family, used);
    const now = state.clock.now();
    const record: TcEndpointRecord = state.store.add(
      freshRecord(now, {
        id: `vpce-${state.random.chars("abcdefghijklmnopqrstuvwxyz0123456789", 8)}`,
        cloud: TENCENT_CLOUD,
        model: TC_ENDPOINT_MODEL,
        tenant: ctx.tenant,
        region: req.region,
        status: EndPointState.Pending,
        attrs: {
          VpcId: vpcId,
          SubnetId: subnetId,
          EndPointName: name,
          EndPointServiceId: serviceId,
          EndPointVip: address,
          GroupSet: securityGroup ? [securityGroup] : [],
          Tags: tags,
          appId: callerAppId(req),
          ServiceVpcId: service.attrs.VpcId,
          ServiceVip: service.attrs.ServiceVip,
          ServiceName: service.attrs.ServiceName,
        },
      }),
    );
    state.transitions.begin(record, service.attrs.AutoAcceptFlag ? "createAutoAccept" : "create", now);
    ctx.created.push(record.id);
    return { EndPoint: endpointJson(record, ZERO_TIME) };
  },
};

/** DescribeVpcEndPoint: the caller's endpoints; an unknown id in `EndPointId` is ResourceNotFound. */
export const describeVpcEndPoint: TcAction = {
  name: "DescribeVpcEndPoint",
  params: ["Filters", "Offset", "Limit", "EndPointId", "IpAddressType", "MaxResults", "NextToken"],
  handler(req) {
    const { params, ctx } = req;
    const ids = params.strList("EndPointId", { pattern: TcIds.endpoint });
    const filters = params.filters(["end-point-service-id", "end-point-name", "end-point-id", "vpc-id"]);
    const paging = params.paging();
    params.ipAddressType();
    let endpoints = ctx.state.store
      .list<TcEndpointAttrs>({
        cloud: TENCENT_CLOUD,
        model: TC_ENDPOINT_MODEL,
        tenant: ctx.tenant,
        region: req.region,
      })
      .map((endpoint) => observe(ctx, endpoint))
      .filter((endpoint): endpoint is TcEndpointRecord => endpoint !== undefined);
    if (ids) {
      for (const id of ids)
        if (!endpoints.some((endpoint) => endpoint.id === id)) throw TcErrors.notFound(id);
      endpoints = endpoints.filter((endpoint) => ids.includes(endpoint.id));
    }
    if (filters) {
      const field: Record<string, (e: TcEndpointRecord) => string> = {
        "end-point-service-id": (e) => e.attrs.EndPointServiceId,
        "end-point-name": (e) => e.attrs.EndPointName,
        "end-point-id": (e) => e.id,
        "vpc-id": (e) => e.attrs.VpcId,
      };
      endpoints = endpoints.filter((endpoint) =>
        [...filters].every(([name, values]) => values.includes(field[name]!(endpoint))),
      );
    }
    return {
      EndPointSet: page(endpoints, paging).map((endpoint) => endpointJson(endpoint)),
      TotalCount: endpoints.length,
    };
  },
};

/** ModifyVpcEndPointAttribute: name and the ordered security-group list. */
export const modifyVpcEndPointAttribute: TcAction = {
  name: "ModifyVpcEndPointAttribute",
  params: ["EndPointId", "EndPointName", "SecurityGroupIds", "IpAddressType"],
  handler(req) {
    const { params } = req;
    const id = params.str("EndPointId", { required: true, pattern: TcIds.endpoint });
    const name = params.str("EndPointName", { max: 60 });
    const groups = params.strList("SecurityGroupIds", { pattern: TcIds.securityGroup });
    params.ipAddressType();
    const record = ownEndpoint(req, id, false);
    if (name !== undefined) {
      if (name === "") throw TcErrors.empty("EndPointName");
      record.attrs.EndPointName = name;
    }
    // The list is ordered and replaces the whole set.
    if (groups !== undefined) record.attrs.GroupSet = [...new Set(groups)];
    record.updatedAt = req.ctx.state.clock.now();
    return {};
  },
};

/** DisassociateVpcEndPointSecurityGroups: removes groups; unbound ones are ignored. */
export const disassociateVpcEndPointSecurityGroups: TcAction = {
  name: "DisassociateVpcEndPointSecurityGroups",
  params: ["EndPointId", "SecurityGroupIds"],
  handler(req) {
    const id = req.params.str("EndPointId", { required: true, pattern: TcIds.endpoint });
    const groups = req.params.strList("SecurityGroupIds", {
      required: true,
      pattern: TcIds.securityGroup,
      nonEmpty: true,
    })!;
    const record = ownEndpoint(req, id, false);
    record.attrs.GroupSet = record.attrs.GroupSet.filter((group) => !groups.includes(group));
    record.updatedAt = req.ctx.state.clock.now();
    return {};
  },
};

/** DeleteVpcEndPoint: the endpoint keeps its last state until the delete chain ends. */
export const deleteVpcEndPoint: TcAction = {
  name: "DeleteVpcEndPoint",
  params: ["EndPointId", "IpAddressType"],
  handler(req) {
    const id = req.params.str("EndPointId", { required: true, pattern: TcIds.endpoint });
    req.params.ipAddressType();
    const record = ownEndpoint(req, id, false);
    if (!record.deleting) {
      record.deleting = true;
      req.ctx.state.transitions.begin(record, "delete", req.ctx.state.clock.now());
    }
    return {};
  },
};
