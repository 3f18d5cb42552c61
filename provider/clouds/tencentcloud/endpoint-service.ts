/**
 * Tencent Cloud VPC endpoint services. The API has no state field: a service exists or it does not.
 * @link https://www.tencentcloud.com/document/api/215/54680
 */
import { orUndefined } from "../../core/errors.js";
import { PLACEMENT_RULES, PROVIDER_SIDE_RULES } from "../common-rules.js";
import type { Backend, CommonOutputs, FieldRule, UpdateStep } from "../../resources/backend.js";
import { createClient, type TencentClient } from "./client.js";
import { connectionEntries } from "./connection.js";
import { addressTypeParam } from "./endpoint.js";
import { completeServiceState, findServiceStateById, findServices } from "./find.js";
import type { TencentServiceInputs } from "./schema.js";
import { fromTagList, toTagList } from "./tags.js";
import type { TencentService, TencentServiceState } from "./types.js";

export const SERVICE_LABEL = "Tencent Cloud VPC Endpoint Service";

const MODIFY = "ModifyVpcEndPointServiceAttribute";

export const serviceFields: Record<string, FieldRule> = {
  ...PLACEMENT_RULES,
  vpcId: { change: "replace" },
  serviceType: { change: "replace" },
  ipAddressType: { change: "replace" },
  // The VPC API sets tags only at creation, and the Tag API's six-segment name needs a resource
  // prefix Tencent documents for neither endpoints nor services (README: "Why Tencent Cloud tags
  // replace"); a guessed one could tag nothing.
  tags: { change: "replace" },
  serviceName: { change: "update", call: MODIFY },
  approvalRequired: { change: "update", call: MODIFY },
  serviceInstanceId: { change: "update", call: MODIFY },
  permissions: {
    change: "update",
    call: "CreateVpcEndPointServiceWhiteList / DeleteVpcEndPointServiceWhiteList",
    atCreate: false,
  },
  ...PROVIDER_SIDE_RULES,
};

/** Input field → `ModifyVpcEndPointServiceAttribute` parameter. */
const MODIFY_FIELDS: Record<string, (inputs: TencentServiceInputs) => [string, unknown]> = {
  serviceName: (i) => ["EndPointServiceName", i.serviceName],
  // Sent explicitly: a dropped false once made Terraform ignore "approval required".
  approvalRequired: (i) => ["AutoAcceptFlag", !i.approvalRequired],
  serviceInstanceId: (i) => ["ServiceInstanceId", i.serviceInstanceId],
};

export function tencentServiceBackend(
  region: string,
  ipAddressType: unknown,
  client: TencentClient = createClient(region),
): Backend<TencentServiceInputs, TencentServiceState> {
  const family = addressTypeParam(ipAddressType);
  return {
    label: SERVICE_LABEL,

    async create(inputs) {
      const created = await client.call<{ EndPointService: TencentService }>(
        "CreateVpcEndPointService",
        {
          VpcId: inputs.vpcId,
          EndPointServiceName: inputs.serviceName,
          AutoAcceptFlag: !inputs.approvalRequired,
          ServiceInstanceId: inputs.serviceInstanceId,
          ServiceType: inputs.serviceType,
          IpAddressType: inputs.ipAddressType,
          ...(Object.keys(inputs.tags).length > 0 ? { Tags: toTagList(inputs.tags) } : {}),
        },
        false,
      );
      return created.EndPointService.EndPointServiceId;
    },

    async listCandidates(inputs) {
      const services = await findServices(client, [{ Name: "service-name", Values: [inputs.serviceName] }]);
      // The whitelist is set after create and identifies nothing.
      return services.map((service) => ({ service, permissions: [] }));
    },

    candidateScope: (inputs) => inputs.serviceName,

    find: (id, depth) => findServiceStateById(client, id, family, depth),
    complete: (id, state) => completeServiceState(client, id, state),
    // The create call answers with the service; it has no creating state.
    createsReady: true,
    // A new service's whitelist is empty: only CreateVpcEndPointServiceWhiteList adds to it.
    freshValues: () => ({ permissions: [] }),
    idOf: ({ service }) => service.EndPointServiceId,

    classify: () => ({ phase: "ready", status: "AVAILABLE" }),

    outputs({ service }): CommonOutputs {
      return {
        serviceId: service.EndPointServiceId,
        status: "AVAILABLE",
        state: "available",
        endpointServiceName: service.ServiceName,
        ...(service.ServiceVip ? { serviceVip: service.ServiceVip } : {}),
        ...(service.ServiceOwner ? { serviceOwner: service.ServiceOwner } : {}),
        // The service embeds its endpoints, whichever account owns them: the connections, read in
        // the same call as the service.
        connections: connectionEntries(service.EndPointSet),
        ...(service.CreateTime ? { createdAt: service.CreateTime } : {}),
      };
    },

    observe({ service, permissions }) {
      return {
        cloud: "tencentcloud",
        region,
        vpcId: service.VpcId,
        serviceInstanceId: service.ServiceInstanceId,
        serviceType: service.ServiceType ?? "CLB",
        serviceName: service.ServiceName,
        approvalRequired: !service.AutoAcceptFlag,
        ...(permissions ? { permissions } : {}),
        // The API reports no address type; the service's VIP tells it.
        ...(service.ServiceVip ? { ipAddressType: service.ServiceVip.includes(":") ? "Ipv6" : "Ipv4" } : {}),
        tags: fromTagList(service.TagSet),
      };
    },

    plan(id, from, to, changed) {
      const steps: UpdateStep[] = [];
      const modify = changed.filter((f) => f in MODIFY_FIELDS);
      if (modify.length > 0) {
        steps.push({
          fields: modify,
          call: MODIFY,
          apply: () =>
            client.call(
              MODIFY,
              {
                EndPointServiceId: id,
                // VpcId is required by the call even though it cannot change.
                VpcId: to.vpcId,
                ...Object.fromEntries(modify.map((f) => MODIFY_FIELDS[f]!(to))),
                ...family,
              },
              true,
            ),
        });
      }
      if (changed.includes("permissions")) {
        const held = from.permissions ?? [];
        const removed = held.filter((p) => !to.permissions.includes(p));
        const added = to.permissions.filter((p) => !held.includes(p));
        if (removed.length > 0) {
          steps.push({
            fields: ["permissions"],
            call: "DeleteVpcEndPointServiceWhiteList",
            apply: () =>
              client.call(
                "DeleteVpcEndPointServiceWhiteList",
                { UserUin: removed, EndPointServiceId: id },
                true,
              ),
          });
        }
        // One account per call: the create takes a single UserUin.
        for (const uin of added) {
          steps.push({
            fields: ["permissions"],
            call: "CreateVpcEndPointServiceWhiteList",
            apply: () =>
              client.call(
                "CreateVpcEndPointServiceWhiteList",
                { UserUin: uin, EndPointServiceId: id },
                false,
              ),
          });
        }
      }
      return steps;
    },

    async delete(id) {
      // Deleting what is already gone is success.
      await orUndefined(() =>
        client.call("DeleteVpcEndPointService", { EndPointServiceId: id, ...family }, true),
      );
    },
  };
}
