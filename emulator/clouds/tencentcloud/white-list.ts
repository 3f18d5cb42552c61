/**
 * Service white lists (which accounts may connect) and EnableVpcEndPointConnect (accept/reject).
 * @link https://www.tencentcloud.com/document/api/215/40706
 */
import { current } from "../../core/observe.js";
import { TcErrors } from "./errors.js";
import { EndPointState, TC_SERVICE_MODEL, TENCENT_CLOUD } from "./models.js";
import { TcIds } from "./params.js";
import { tcTime, type TcEndpointAttrs, type TcServiceAttrs, type TcServiceRecord } from "./records.js";
import { ownService, page, type TcAction } from "./request.js";

/** CreateVpcEndPointServiceWhiteList: one UIN (string) per call. */
export const createVpcEndPointServiceWhiteList: TcAction = {
  name: "CreateVpcEndPointServiceWhiteList",
  params: ["UserUin", "EndPointServiceId", "Description"],
  handler(req) {
    const uin = req.params.str("UserUin", { required: true, pattern: TcIds.uin });
    const id = req.params.str("EndPointServiceId", { required: true, pattern: TcIds.service });
    const description = req.params.str("Description", { max: 60 }) ?? "";
    const service = ownService(req, id, false);
    if (service.attrs.whiteList.some((entry) => entry.UserUin === uin))
      throw TcErrors.duplicate("UserUin", uin);
    service.attrs.whiteList.push({
      UserUin: uin,
      Description: description,
      createdAt: req.ctx.state.clock.now(),
    });
    return {};
  },
};

/** DescribeVpcEndPointServiceWhiteList: entries of the caller's services. */
export const describeVpcEndPointServiceWhiteList: TcAction = {
  name: "DescribeVpcEndPointServiceWhiteList",
  params: ["Offset", "Limit", "Filters"],
  handler(req) {
    const filters = req.params.filters(["user-uin", "end-point-service-id"]);
    const paging = req.params.paging();
    const services = req.ctx.state.store
      .list<TcServiceAttrs>({
        cloud: TENCENT_CLOUD,
        model: TC_SERVICE_MODEL,
        tenant: req.ctx.tenant,
        region: req.region,
      })
      .map((service) => current(req.ctx, service))
      .filter((service): service is TcServiceRecord => service !== undefined);
    const entries = services.flatMap((service) =>
      service.attrs.whiteList.map((entry) => ({
        Owner: Number(service.attrs.appId),
        UserUin: entry.UserUin,
        Description: entry.Description,
        CreateTime: tcTime(entry.createdAt),
        EndPointServiceId: service.id,
      })),
    );
    const wanted = entries.filter(
      (entry) =>
        (!filters?.has("user-uin") || filters.get("user-uin")!.includes(entry.UserUin)) &&
        (!filters?.has("end-point-service-id") ||
          filters.get("end-point-service-id")!.includes(entry.EndPointServiceId)),
    );
    const set = page(wanted, paging);
    // Both spellings: the lower-case-p field is deprecated but still read by some clients.
    return {
      VpcEndPointServiceUserSet: set,
      VpcEndpointServiceUserSet: set.map((entry) => ({ ...entry })),
      TotalCount: wanted.length,
    };
  },
};

/** ModifyVpcEndPointServiceWhiteList: the description only. */
export const modifyVpcEndPointServiceWhiteList: TcAction = {
  name: "ModifyVpcEndPointServiceWhiteList",
  params: ["UserUin", "EndPointServiceId", "Description"],
  handler(req) {
    const uin = req.params.str("UserUin", { required: true, pattern: TcIds.uin });
    const id = req.params.str("EndPointServiceId", { required: true, pattern: TcIds.service });
    const description = req.params.str("Description", { max: 60 });
    const service = ownService(req, id, false);
    const entry = service.attrs.whiteList.find((item) => item.UserUin === uin);
    if (!entry) throw TcErrors.notFound(uin);
    if (description !== undefined) entry.Description = description;
    return {};
  },
};

/** DeleteVpcEndPointServiceWhiteList: `UserUin` is a string list here. */
export const deleteVpcEndPointServiceWhiteList: TcAction = {
  name: "DeleteVpcEndPointServiceWhiteList",
  params: ["UserUin", "EndPointServiceId"],
  handler(req) {
    const uins = req.params.strList("UserUin", { required: true, pattern: TcIds.uin, nonEmpty: true })!;
    const id = req.params.str("EndPointServiceId", { required: true, pattern: TcIds.service });
    const service = ownService(req, id, false);
    for (const uin of uins)
      if (!service.attrs.whiteList.some((entry) => entry.UserUin === uin)) throw TcErrors.notFound(uin);
    service.attrs.whiteList = service.attrs.whiteList.filter((entry) => !uins.includes(entry.UserUin));
    return {};
  },
};

/** EnableVpcEndPointConnect: accepts or rejects a batch of endpoints. */
export const enableVpcEndPointConnect: TcAction = {
  name: "EnableVpcEndPointConnect",
  params: ["EndPointServiceId", "EndPointId", "AcceptFlag", "IpAddressType"],
  handler(req) {
    const id = req.params.str("EndPointServiceId", { required: true, pattern: TcIds.service });
    const endpointIds = req.params.strList("EndPointId", {
      required: true,
      pattern: TcIds.endpoint,
      nonEmpty: true,
    })!;
    const accept = req.params.bool("AcceptFlag", true);
    req.params.ipAddressType();
    const service = ownService(req, id, false);
    const { state } = req.ctx;
    const endpoints = endpointIds.map((endpointId) => {
      const endpoint = current(req.ctx, state.store.get<TcEndpointAttrs>(endpointId));
      if (!endpoint || endpoint.attrs.EndPointServiceId !== service.id) throw TcErrors.notFound(endpointId);
      return endpoint;
    });
    const now = state.clock.now();
    for (const endpoint of endpoints) {
      if (endpoint.deleting) continue;
      if (accept && endpoint.status !== EndPointState.Active && endpoint.pending.length === 0) {
        state.transitions.begin(endpoint, "accept", now);
      } else if (!accept && endpoint.status !== EndPointState.Rejected) {
        state.transitions.begin(endpoint, "reject", now);
      }
    }
    return {};
  },
};
