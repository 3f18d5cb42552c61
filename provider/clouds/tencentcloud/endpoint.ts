/**
 * Tencent Cloud VPC endpoints.
 * @link https://www.tencentcloud.com/document/api/215/54679
 */
import { orUndefined } from "../../core/errors.js";
import type { Backend, Classified, CommonOutputs } from "../../resources/backend.js";
import type { TencentEndpointInputs } from "../../schema/endpoint.js";
import { createClient, type TencentClient } from "./client.js";
import { findEndpointById, findEndpoints, findServiceById } from "./find.js";
import { fromTagList, toTagList } from "./tags.js";
import { EndpointState, ZERO_TIME, type TencentEndpoint } from "./types.js";

export const ENDPOINT_LABEL = "Tencent Cloud VPC Endpoint";

/** The endpoint, and whether its service accepts automatically (unknown when the service is not visible). */
export interface TencentEndpointState {
  endpoint: TencentEndpoint;
  serviceAutoAccepts?: boolean;
}

export const endpointFields: Backend<TencentEndpointInputs, TencentEndpointState>["fields"] = {
  cloud: { change: "replace" },
  region: { change: "replace" },
  vpcId: { change: "replace" },
  subnetId: { change: "replace" },
  serviceId: { change: "replace" },
  privateIp: { change: "replace", computed: true, exclusive: true },
  tags: { change: "replace" },
  name: { change: "update", call: "ModifyVpcEndPointAttribute" },
  securityGroupIds: {
    change: "update",
    call: "ModifyVpcEndPointAttribute / DisassociateVpcEndPointSecurityGroups",
  },
  waitForAcceptance: { change: "ignore" },
  timeouts: { change: "ignore" },
  adoptId: { change: "ignore" },
};

/**
 * PENDING means "waiting for the owner" only when the service wants approval; with auto-accept it
 * is a step on the way to ACTIVE, so we keep waiting.
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

export function tencentEndpointBackend(region: string, client: TencentClient = createClient(region)) {
  const backend: Backend<TencentEndpointInputs, TencentEndpointState> = {
    cloud: "tencentcloud",
    kind: "endpoint",
    label: ENDPOINT_LABEL,
    fields: endpointFields,

    async create(inputs) {
      const [firstGroup] = inputs.securityGroupIds;
      const created = await client.call<{ EndPoint: TencentEndpoint }>(
        "CreateVpcEndPoint",
        {
          VpcId: inputs.vpcId,
          SubnetId: inputs.subnetId,
          EndPointName: inputs.name,
          EndPointServiceId: inputs.serviceId,
          ...(inputs.privateIp ? { EndPointVip: inputs.privateIp } : {}),
          // Create binds one group; the rest go through Modify once the endpoint exists.
          ...(firstGroup ? { SecurityGroupId: firstGroup } : {}),
          ...(Object.keys(inputs.tags).length > 0 ? { Tags: toTagList(inputs.tags) } : {}),
        },
        false,
      );
      return created.EndPoint.EndPointId;
    },

    async finishCreate(id, inputs, { endpoint }) {
      const current = [...(endpoint.GroupSet ?? [])].sort();
      if (inputs.securityGroupIds.length > 0 && current.join() !== inputs.securityGroupIds.join()) {
        await client.call(
          "ModifyVpcEndPointAttribute",
          { EndPointId: id, SecurityGroupIds: inputs.securityGroupIds },
          true,
        );
      }
    },

    async listMatching(inputs) {
      const endpoints = await findEndpoints(client, [
        { Name: "vpc-id", Values: [inputs.vpcId] },
        { Name: "end-point-service-id", Values: [inputs.serviceId] },
        { Name: "end-point-name", Values: [inputs.name] },
      ]);
      return endpoints.filter((e) => e.SubnetId === inputs.subnetId).map((e) => e.EndPointId);
    },

    async find(id) {
      const endpoint = await findEndpointById(client, id);
      if (!endpoint) return undefined;
      if (endpoint.State !== EndpointState.Pending) return { endpoint };
      const service = await findServiceById(client, endpoint.EndPointServiceId).catch(() => undefined);
      return service ? { endpoint, serviceAutoAccepts: service.AutoAcceptFlag } : { endpoint };
    },

    classify: classifyEndpoint,

    outputs({ endpoint }): CommonOutputs {
      return {
        endpointId: endpoint.EndPointId,
        status: endpoint.State,
        state: STATE[endpoint.State] ?? endpoint.State,
        privateIp: endpoint.EndPointVip ?? "",
        dnsNames: [],
        endpointServiceName: endpoint.ServiceName ?? "",
        ...(endpoint.ServiceVip ? { serviceVip: endpoint.ServiceVip } : {}),
        ...(endpoint.CreateTime && endpoint.CreateTime !== ZERO_TIME
          ? { createdAt: endpoint.CreateTime }
          : {}),
      };
    },

    observedInputs({ endpoint }) {
      return {
        cloud: "tencentcloud",
        region,
        vpcId: endpoint.VpcId,
        subnetId: endpoint.SubnetId,
        serviceId: endpoint.EndPointServiceId,
        name: endpoint.EndPointName,
        ...(endpoint.EndPointVip ? { privateIp: endpoint.EndPointVip } : {}),
        securityGroupIds: [...(endpoint.GroupSet ?? [])].sort(),
        tags: fromTagList(endpoint.TagSet),
      };
    },

    async update(id, from, to, changed) {
      const rename = changed.includes("name");
      const regroup = changed.includes("securityGroupIds");
      if (regroup && to.securityGroupIds.length === 0) {
        // Modify with an empty list is not documented to clear groups; Disassociate is.
        await client.call(
          "DisassociateVpcEndPointSecurityGroups",
          { EndPointId: id, SecurityGroupIds: from.securityGroupIds },
          true,
        );
      }
      if (rename || (regroup && to.securityGroupIds.length > 0)) {
        await client.call(
          "ModifyVpcEndPointAttribute",
          {
            EndPointId: id,
            ...(rename ? { EndPointName: to.name } : {}),
            ...(regroup && to.securityGroupIds.length > 0 ? { SecurityGroupIds: to.securityGroupIds } : {}),
          },
          true,
        );
      }
    },

    async delete(id) {
      // Deleting what is already gone is success.
      await orUndefined(() => client.call("DeleteVpcEndPoint", { EndPointId: id }, true));
    },
  };
  return backend;
}
