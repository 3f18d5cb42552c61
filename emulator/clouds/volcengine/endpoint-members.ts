/**
 * What an endpoint holds besides its attributes: security groups (attached and detached one per
 * call) and zones (added and removed one per call). Each change moves the endpoint
 * `Available → Pending → Available`, so the next change must wait.
 * @link https://www.volcengine.com/docs/6980/155903
 */
import { anyService, buildZone, checkSecurityGroup, SECURITY_GROUPS_MAX, ZONES_MAX } from "./endpoint.js";
import { veError, VeErrors } from "./errors.js";
import { ConnectionStatus } from "./models.js";
import { pageOf } from "./params.js";
import { connectionOf, endpointZonesJson } from "./records.js";
import { begin, networkOf, ownEndpoint, requireEndpointAvailable, type VeAction } from "./request.js";

/** AttachSecurityGroupToVpcEndpoint: one group of the endpoint's VPC; at most five. */
export const attachSecurityGroupToVpcEndpoint: VeAction = {
  name: "AttachSecurityGroupToVpcEndpoint",
  params: ["EndpointId", "SecurityGroupId"],
  handler(req) {
    const id = req.params.str("EndpointId", { required: true });
    const group = req.params.str("SecurityGroupId", { required: true });
    const record = ownEndpoint(req, id, false);
    checkSecurityGroup(networkOf(req), record.attrs.VpcId, group);
    requireEndpointAvailable(record);
    if (record.attrs.SecurityGroupIds.includes(group)) throw veError("InvalidSecurityGroup.Conflict");
    if (record.attrs.SecurityGroupIds.length >= SECURITY_GROUPS_MAX)
      throw veError("QuotaExceeded.SecurityGroup");
    record.attrs.SecurityGroupIds.push(group);
    begin(req, record, "modify");
    return {};
  },
};

/**
 * DetachSecurityGroupFromVpcEndpoint: one bound group. Detaching the last one is undocumented;
 * since create needs one, the emulator refuses it with the operation-count code.
 */
export const detachSecurityGroupFromVpcEndpoint: VeAction = {
  name: "DetachSecurityGroupFromVpcEndpoint",
  params: ["EndpointId", "SecurityGroupId"],
  handler(req) {
    const id = req.params.str("EndpointId", { required: true });
    const group = req.params.str("SecurityGroupId", { required: true });
    const record = ownEndpoint(req, id, false);
    if (!record.attrs.SecurityGroupIds.includes(group))
      throw veError("InvalidSecurityGroupId.NotFound", [], `(${group} is not bound to ${id})`);
    requireEndpointAvailable(record);
    if (record.attrs.SecurityGroupIds.length === 1)
      throw veError("LimitExceed.SecurityGroupNumber", [], "(an endpoint keeps at least one security group)");
    record.attrs.SecurityGroupIds = record.attrs.SecurityGroupIds.filter((g) => g !== group);
    begin(req, record, "modify");
    return {};
  },
};

/** DescribeVpcEndpointSecurityGroups: the bound groups in order; paging typed as strings in the SDK. */
export const describeVpcEndpointSecurityGroups: VeAction = {
  name: "DescribeVpcEndpointSecurityGroups",
  params: ["EndpointId", "PageNumber", "PageSize"],
  handler(req) {
    const id = req.params.str("EndpointId", { required: true });
    const paging = req.params.paging();
    const record = ownEndpoint(req, id, true);
    const page = pageOf(record.attrs.SecurityGroupIds, paging);
    return {
      EndpointId: id,
      SecurityGroupIds: [...page.items],
      PageNumber: page.PageNumber,
      PageSize: page.PageSize,
      TotalCount: page.TotalCount,
    };
  },
};

/** AddZoneToVpcEndpoint: one zone the endpoint does not have yet, in a zone the service serves. */
export const addZoneToVpcEndpoint: VeAction = {
  name: "AddZoneToVpcEndpoint",
  params: ["EndpointId", "ZoneId", "SubnetId", "PrivateIpAddress", "PrivateIpv6Address"],
  handler(req) {
    const { params } = req;
    const id = params.str("EndpointId", { required: true });
    const zoneId = params.str("ZoneId", { required: true });
    const subnetId = params.str("SubnetId", { required: true });
    const ip = params.str("PrivateIpAddress");
    const ipv6 = params.str("PrivateIpv6Address");
    const record = ownEndpoint(req, id, false);
    requireEndpointAvailable(record);
    if (record.attrs.Zones.some((zone) => zone.ZoneId === zoneId)) throw veError("EndpointZoneDuplicated");
    if (record.attrs.Zones.length >= ZONES_MAX) throw veError("LimitExceed.ZoneNumber");
    const service = anyService(req, record.attrs.ServiceId);
    if (!service) throw VeErrors.serviceNotFound(record.attrs.ServiceId);
    const zone = buildZone(
      req,
      record.attrs.VpcId,
      service,
      { ZoneId: zoneId, SubnetId: subnetId, PrivateIpAddress: ip, PrivateIpv6Address: ipv6 },
      "Zone",
    );
    record.attrs.Zones.push(zone);
    begin(req, record, "modify");
    return {};
  },
};

/** RemoveZoneFromVpcEndpoint: one zone of the endpoint. */
export const removeZoneFromVpcEndpoint: VeAction = {
  name: "RemoveZoneFromVpcEndpoint",
  params: ["EndpointId", "ZoneId"],
  handler(req) {
    const id = req.params.str("EndpointId", { required: true });
    const zoneId = req.params.str("ZoneId", { required: true });
    const record = ownEndpoint(req, id, false);
    if (!record.attrs.Zones.some((zone) => zone.ZoneId === zoneId))
      throw VeErrors.invalid("ZoneId", `${zoneId} is not a zone of ${id}`);
    requireEndpointAvailable(record);
    record.attrs.Zones = record.attrs.Zones.filter((zone) => zone.ZoneId !== zoneId);
    begin(req, record, "modify");
    return {};
  },
};

/** DescribeVpcEndpointZones: one entry per zone, its status following the connection. */
export const describeVpcEndpointZones: VeAction = {
  name: "DescribeVpcEndpointZones",
  params: ["EndpointId", "PageNumber", "PageSize"],
  handler(req) {
    const id = req.params.str("EndpointId", { required: true });
    const paging = req.params.paging();
    const record = ownEndpoint(req, id, true);
    const status = connectionOf(req.ctx.state, record, false)?.status ?? ConnectionStatus.ServiceDeleted;
    const page = pageOf(endpointZonesJson(record, status), paging);
    return {
      EndpointZones: page.items,
      PageNumber: page.PageNumber,
      PageSize: page.PageSize,
      TotalCount: page.TotalCount,
    };
  },
};
