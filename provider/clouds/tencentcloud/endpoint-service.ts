/**
 * Tencent Cloud VPC endpoint services. The API has no state field: a service exists or it does not.
 * @link https://www.tencentcloud.com/document/api/215/54680
 */
import { orUndefined } from "../../core/errors.js";
import type { Backend, CommonOutputs } from "../../resources/backend.js";
import type { TencentServiceInputs } from "../../schema/endpoint-service.js";
import { createClient, type TencentClient } from "./client.js";
import { findServiceStateById, findServices } from "./find.js";
import { fromTagList, toTagList } from "./tags.js";
import type { TencentService, TencentServiceState } from "./types.js";

export const SERVICE_LABEL = "Tencent Cloud VPC Endpoint Service";

export const serviceFields: Backend<TencentServiceInputs, TencentServiceState>["fields"] = {
  cloud: { change: "replace" },
  region: { change: "replace" },
  vpcId: { change: "replace" },
  serviceType: { change: "replace" },
  tags: { change: "replace" },
  serviceName: { change: "update", call: "ModifyVpcEndPointServiceAttribute" },
  approvalRequired: { change: "update", call: "ModifyVpcEndPointServiceAttribute" },
  serviceInstanceId: { change: "update", call: "ModifyVpcEndPointServiceAttribute" },
  permissions: {
    change: "update",
    call: "CreateVpcEndPointServiceWhiteList / DeleteVpcEndPointServiceWhiteList",
  },
  timeouts: { change: "ignore" },
  adoptId: { change: "ignore" },
};

export function tencentServiceBackend(region: string, client: TencentClient = createClient(region)) {
  async function addPermissions(id: string, uins: string[]) {
    for (const uin of uins) {
      await client.call("CreateVpcEndPointServiceWhiteList", { UserUin: uin, EndPointServiceId: id }, false);
    }
  }

  const backend: Backend<TencentServiceInputs, TencentServiceState> = {
    cloud: "tencentcloud",
    kind: "endpointService",
    label: SERVICE_LABEL,
    fields: serviceFields,

    async create(inputs) {
      const created = await client.call<{ EndPointService: TencentService }>(
        "CreateVpcEndPointService",
        {
          VpcId: inputs.vpcId,
          EndPointServiceName: inputs.serviceName,
          // Sent explicitly: a dropped false once made Terraform ignore "approval required".
          AutoAcceptFlag: !inputs.approvalRequired,
          ServiceInstanceId: inputs.serviceInstanceId,
          ServiceType: inputs.serviceType,
          ...(Object.keys(inputs.tags).length > 0 ? { Tags: toTagList(inputs.tags) } : {}),
        },
        false,
      );
      return created.EndPointService.EndPointServiceId;
    },

    async finishCreate(id, inputs, state) {
      await addPermissions(
        id,
        inputs.permissions.filter((p) => !state.permissions.includes(p)),
      );
    },

    async listMatching(inputs) {
      const services = await findServices(client, [{ Name: "service-name", Values: [inputs.serviceName] }]);
      return services
        .filter((s) => s.VpcId === inputs.vpcId && s.ServiceInstanceId === inputs.serviceInstanceId)
        .map((s) => s.EndPointServiceId);
    },

    find: (id) => findServiceStateById(client, id),

    classify: () => ({ phase: "ready", status: "AVAILABLE" }),

    outputs({ service }): CommonOutputs {
      return {
        serviceId: service.EndPointServiceId,
        status: "AVAILABLE",
        state: "available",
        endpointServiceName: service.ServiceName,
        ...(service.ServiceVip ? { serviceVip: service.ServiceVip } : {}),
        ...(service.CreateTime ? { createdAt: service.CreateTime } : {}),
      };
    },

    observedInputs({ service, permissions }) {
      return {
        cloud: "tencentcloud",
        region,
        vpcId: service.VpcId,
        serviceInstanceId: service.ServiceInstanceId,
        serviceType: (service.ServiceType ?? "CLB") as TencentServiceInputs["serviceType"],
        serviceName: service.ServiceName,
        approvalRequired: !service.AutoAcceptFlag,
        permissions: [...permissions].sort(),
        tags: fromTagList(service.TagSet),
      };
    },

    async update(id, from, to, changed) {
      const modify = ["serviceName", "approvalRequired", "serviceInstanceId"].filter((f) =>
        changed.includes(f),
      );
      if (modify.length > 0) {
        await client.call(
          "ModifyVpcEndPointServiceAttribute",
          {
            EndPointServiceId: id,
            // VpcId is required by the call even though it cannot change.
            VpcId: to.vpcId,
            ...(modify.includes("serviceName") ? { EndPointServiceName: to.serviceName } : {}),
            ...(modify.includes("approvalRequired") ? { AutoAcceptFlag: !to.approvalRequired } : {}),
            ...(modify.includes("serviceInstanceId") ? { ServiceInstanceId: to.serviceInstanceId } : {}),
          },
          true,
        );
      }
      if (changed.includes("permissions")) {
        const removed = from.permissions.filter((p) => !to.permissions.includes(p));
        if (removed.length > 0) {
          await client.call(
            "DeleteVpcEndPointServiceWhiteList",
            { UserUin: removed, EndPointServiceId: id },
            true,
          );
        }
        await addPermissions(
          id,
          to.permissions.filter((p) => !from.permissions.includes(p)),
        );
      }
    },

    async delete(id) {
      // Deleting what is already gone is success.
      await orUndefined(() => client.call("DeleteVpcEndPointService", { EndPointServiceId: id }, true));
    },
  };
  return backend;
}
