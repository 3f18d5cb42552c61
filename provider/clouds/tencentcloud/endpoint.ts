/**
 * Tencent Cloud VPC endpoints.
 * @link https://www.tencentcloud.com/document/api/215/54679
 */
import { orUndefined } from "../../core/errors.js";
import { ENDPOINT_PROVIDER_SIDE_RULES, PLACEMENT_RULES } from "../common-rules.js";
import type { Backend, Classified, CommonOutputs, FieldRule, UpdateStep } from "../../resources/backend.js";
import { createClient, type TencentClient } from "./client.js";
import { findEndpointById, findEndpoints, findServiceById } from "./find.js";
import type { TencentEndpointInputs } from "./schema.js";
import { fromTagList, toTagList } from "./tags.js";
import { EndpointState, ZERO_TIME, type TencentEndpoint } from "./types.js";

export const ENDPOINT_LABEL = "Tencent Cloud VPC Endpoint";

/**
 * The endpoint, and whether its service accepts automatically: undefined when the service is not
 * visible to the endpoint's account (another account's service), so nothing can be inferred.
 */
export interface TencentEndpointState {
  endpoint: TencentEndpoint;
  serviceAutoAccepts?: boolean;
}

export const endpointFields: Record<string, FieldRule> = {
  ...PLACEMENT_RULES,
  vpcId: { change: "replace" },
  subnetId: { change: "replace" },
  serviceId: { change: "replace" },
  ipAddressType: { change: "replace" },
  privateIp: { change: "replace", computed: true, exclusive: true },
  // The VPC API sets tags only at creation, and the Tag API's six-segment name needs a resource
  // prefix Tencent documents for neither endpoints nor services (README: "Why Tencent Cloud tags
  // replace"); a guessed one could tag nothing.
  tags: { change: "replace" },
  name: { change: "update", call: "ModifyVpcEndPointAttribute" },
  // Create binds one group; the ordered list is set once the endpoint exists.
  securityGroupIds: {
    change: "update",
    call: "ModifyVpcEndPointAttribute / DisassociateVpcEndPointSecurityGroups",
    atCreate: false,
  },
  ...ENDPOINT_PROVIDER_SIDE_RULES,
};

/**
 * PENDING means "waiting for the owner" unless the service accepts automatically: then it is a
 * step on the way to ACTIVE, so the wait goes on. Only the cloud's ACTIVE (or, without
 * `waitForAcceptance`, a PENDING the owner must act on) is ready.
 */
export function classifyEndpoint(
  { endpoint, serviceAutoAccepts }: TencentEndpointState,
  inputs: { waitForAcceptance?: boolean },
): Classified {
  const status = endpoint.State;
  switch (status) {
    case EndpointState.Active:
      return { phase: "ready", status };
    case EndpointState.Pending:
      return inputs.waitForAcceptance || serviceAutoAccepts
        ? { phase: "pending", status }
        : { phase: "ready", status };
    case EndpointState.Rejected:
      return { phase: "failed", status, reason: "the endpoint service owner rejected the connection" };
    case EndpointState.Failed:
      return { phase: "failed", status, reason: "the cloud reports the endpoint as FAILED" };
    default:
      return { phase: "pending", status };
  }
}

const STATE: Record<string, string> = {
  PENDING: "pendingAcceptance",
  ACCEPTING: "creating",
  ACTIVE: "available",
  REJECTED: "rejected",
  FAILED: "failed",
};

/** `IpAddressType` for calls about an existing endpoint: sent for IPv6 ones, the default is Ipv4. */
export function addressTypeParam(ipAddressType: unknown): { IpAddressType?: string } {
  return ipAddressType === "Ipv6" ? { IpAddressType: "Ipv6" } : {};
}

export function tencentEndpointBackend(
  region: string,
  ipAddressType: unknown,
  client: TencentClient = createClient(region),
): Backend<TencentEndpointInputs, TencentEndpointState> {
  const family = addressTypeParam(ipAddressType);
  return {
    label: ENDPOINT_LABEL,

    async create(inputs) {
      const [primary] = inputs.securityGroupIds;
      const created = await client.call<{ EndPoint: TencentEndpoint }>(
        "CreateVpcEndPoint",
        {
          VpcId: inputs.vpcId,
          SubnetId: inputs.subnetId,
          EndPointName: inputs.name,
          EndPointServiceId: inputs.serviceId,
          IpAddressType: inputs.ipAddressType,
          ...(inputs.privateIp ? { EndPointVip: inputs.privateIp } : {}),
          // Create binds one group, the primary; the rest follow once the endpoint exists.
          ...(primary ? { SecurityGroupId: primary } : {}),
          ...(Object.keys(inputs.tags).length > 0 ? { Tags: toTagList(inputs.tags) } : {}),
        },
        false,
      );
      return created.EndPoint.EndPointId;
    },

    async listCandidates(inputs) {
      const endpoints = await findEndpoints(
        client,
        [
          { Name: "vpc-id", Values: [inputs.vpcId] },
          { Name: "end-point-service-id", Values: [inputs.serviceId] },
          { Name: "end-point-name", Values: [inputs.name] },
        ],
        addressTypeParam(inputs.ipAddressType),
      );
      return endpoints.map((endpoint) => ({ endpoint }));
    },

    candidateScope: (inputs) => `${inputs.vpcId}|${inputs.serviceId}|${inputs.name}`,

    async find(id) {
      const endpoint = await findEndpointById(client, id, family);
      if (!endpoint) return undefined;
      if (endpoint.State !== EndpointState.Pending) return { endpoint };
      // A failure here is a failure: guessing "not auto-accepting" would call a PENDING endpoint
      // ready that the cloud is about to accept.
      const service = await findServiceById(client, endpoint.EndPointServiceId, family);
      return service ? { endpoint, serviceAutoAccepts: service.AutoAcceptFlag } : { endpoint };
    },

    idOf: ({ endpoint }) => endpoint.EndPointId,
    classify: classifyEndpoint,

    outputs({ endpoint }): CommonOutputs {
      return {
        endpointId: endpoint.EndPointId,
        status: endpoint.State,
        state: STATE[endpoint.State] ?? endpoint.State,
        ...(endpoint.EndPointVip ? { privateIp: endpoint.EndPointVip } : {}),
        dnsNames: [],
        endpointServiceName: endpoint.ServiceName ?? "",
        ...(endpoint.ServiceVip ? { serviceVip: endpoint.ServiceVip } : {}),
        ...(endpoint.ServiceVpcId ? { serviceVpcId: endpoint.ServiceVpcId } : {}),
        ...(endpoint.EndPointOwner ? { endpointOwner: endpoint.EndPointOwner } : {}),
        ...(endpoint.CreateTime && endpoint.CreateTime !== ZERO_TIME
          ? { createdAt: endpoint.CreateTime }
          : {}),
      };
    },

    observe({ endpoint }) {
      const vip = endpoint.EndPointVip || undefined;
      return {
        cloud: "tencentcloud",
        region,
        vpcId: endpoint.VpcId,
        subnetId: endpoint.SubnetId,
        serviceId: endpoint.EndPointServiceId,
        name: endpoint.EndPointName,
        // The API reports no address type; the address tells it.
        ...(vip ? { privateIp: vip, ipAddressType: vip.includes(":") ? "Ipv6" : "Ipv4" } : {}),
        securityGroupIds: endpoint.GroupSet ?? [],
        tags: fromTagList(endpoint.TagSet),
      };
    },

    plan(id, from, to, changed) {
      const steps: UpdateStep[] = [];
      const rename = changed.includes("name");
      const regroup = changed.includes("securityGroupIds");
      if (regroup && to.securityGroupIds.length === 0 && from.securityGroupIds.length > 0) {
        // Modify with an empty list is not documented to clear groups; Disassociate is.
        steps.push({
          fields: ["securityGroupIds"],
          call: "DisassociateVpcEndPointSecurityGroups",
          apply: () =>
            client.call(
              "DisassociateVpcEndPointSecurityGroups",
              { EndPointId: id, SecurityGroupIds: from.securityGroupIds },
              true,
            ),
        });
      }
      const setGroups = regroup && to.securityGroupIds.length > 0;
      if (rename || setGroups) {
        steps.push({
          fields: [...(rename ? ["name"] : []), ...(setGroups ? ["securityGroupIds"] : [])],
          call: "ModifyVpcEndPointAttribute",
          apply: () =>
            client.call(
              "ModifyVpcEndPointAttribute",
              {
                EndPointId: id,
                ...(rename ? { EndPointName: to.name } : {}),
                // The ordered full list: the first is the primary, the order is the priority.
                ...(setGroups ? { SecurityGroupIds: to.securityGroupIds } : {}),
                ...family,
              },
              true,
            ),
        });
      }
      return steps;
    },

    async delete(id) {
      // Deleting what is already gone is success.
      await orUndefined(() => client.call("DeleteVpcEndPoint", { EndPointId: id, ...family }, true));
    },
  };
}
