/**
 * Huawei Cloud VPC endpoints.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0303.html
 */
import { orUndefined } from "../../core/errors.js";
import type { Backend, Classified, CommonOutputs } from "../../resources/backend.js";
import type { HuaweiEndpointInputs } from "../../schema/endpoint.js";
import { createClient, type HuaweiClient } from "./client.js";
import { findEndpointById, findEndpoints } from "./find.js";
import { fromTagList, toTagList, updateTags } from "./tags.js";
import { EndpointStatus, type HuaweiEndpoint } from "./types.js";

export const ENDPOINT_LABEL = "Huawei Cloud VPC Endpoint";

/** Which input changes the API applies in place, and which need a new endpoint. */
export const endpointFields: Backend<HuaweiEndpointInputs, HuaweiEndpoint>["fields"] = {
  cloud: { change: "replace" },
  region: { change: "replace" },
  vpcId: { change: "replace" },
  subnetId: { change: "replace" },
  serviceId: { change: "replace" },
  privateIp: { change: "replace", computed: true, exclusive: true },
  enableDns: { change: "replace" },
  description: { change: "replace" },
  whitelist: { change: "update", call: "PUT /vpc-endpoints/{id}" },
  enableWhitelist: { change: "update", call: "PUT /vpc-endpoints/{id}" },
  tags: { change: "update", call: "POST /endpoint/{id}/tags/action" },
  waitForAcceptance: { change: "ignore" },
  timeouts: { change: "ignore" },
  adoptId: { change: "ignore" },
};

/** The endpoint's error list as one sentence, for failure messages. */
export function describeErrors(errors: HuaweiEndpoint["error"]): string {
  const parts = (errors ?? []).map((e) => [e.error_code, e.error_message].filter(Boolean).join(": "));
  return parts.length > 0 ? parts.join("; ") : "the cloud gave no reason";
}

export function classifyEndpoint(
  endpoint: HuaweiEndpoint,
  inputs: { waitForAcceptance?: boolean },
): Classified {
  switch (endpoint.status) {
    case EndpointStatus.Accepted:
      return { phase: "ready", status: endpoint.status };
    case EndpointStatus.PendingAcceptance:
      return inputs.waitForAcceptance
        ? { phase: "pending", status: endpoint.status }
        : { phase: "ready", status: endpoint.status };
    case EndpointStatus.Rejected:
      return {
        phase: "failed",
        status: endpoint.status,
        reason: "the endpoint service owner rejected the connection",
      };
    case EndpointStatus.Failed:
      return { phase: "failed", status: endpoint.status, reason: describeErrors(endpoint.error) };
    default:
      return { phase: "pending", status: endpoint.status };
  }
}

const STATE: Record<string, string> = {
  creating: "creating",
  pendingAcceptance: "pendingAcceptance",
  accepted: "available",
  rejected: "rejected",
  failed: "failed",
  deleting: "deleting",
};

export function huaweiEndpointBackend(region: string, client: HuaweiClient = createClient(region)) {
  const backend: Backend<HuaweiEndpointInputs, HuaweiEndpoint> = {
    cloud: "huaweicloud",
    kind: "endpoint",
    label: ENDPOINT_LABEL,
    fields: endpointFields,

    async create(inputs) {
      const created = await client.call<{ id: string }>({
        method: "POST",
        path: "/vpc-endpoints",
        operation: "CreateEndpoint",
        body: {
          endpoint_service_id: inputs.serviceId,
          vpc_id: inputs.vpcId,
          subnet_id: inputs.subnetId,
          ...(inputs.privateIp ? { port_ip: inputs.privateIp } : {}),
          enable_dns: inputs.enableDns,
          enable_whitelist: inputs.enableWhitelist,
          ...(inputs.whitelist.length > 0 ? { whitelist: inputs.whitelist } : {}),
          ...(inputs.description ? { description: inputs.description } : {}),
          ...(Object.keys(inputs.tags).length > 0 ? { tags: toTagList(inputs.tags) } : {}),
        },
      });
      return created.id;
    },

    async listMatching(inputs) {
      const endpoints = await findEndpoints(client, { vpc_id: inputs.vpcId });
      return endpoints
        .filter((e) => e.endpoint_service_id === inputs.serviceId && e.subnet_id === inputs.subnetId)
        .map((e) => e.id);
    },

    find: (id) => findEndpointById(client, id),

    classify: classifyEndpoint,

    outputs(endpoint): CommonOutputs {
      return {
        endpointId: endpoint.id,
        status: endpoint.status,
        state: STATE[endpoint.status] ?? endpoint.status,
        privateIp: endpoint.ip ?? "",
        dnsNames: endpoint.dns_names ?? [],
        endpointServiceName: endpoint.endpoint_service_name ?? "",
        ...(endpoint.marker_id !== undefined ? { markerId: String(endpoint.marker_id) } : {}),
        ...(endpoint.created_at ? { createdAt: endpoint.created_at } : {}),
      };
    },

    observedInputs(endpoint) {
      return {
        cloud: "huaweicloud",
        region,
        vpcId: endpoint.vpc_id,
        ...(endpoint.subnet_id ? { subnetId: endpoint.subnet_id } : {}),
        serviceId: endpoint.endpoint_service_id,
        ...(endpoint.ip ? { privateIp: endpoint.ip } : {}),
        enableDns: endpoint.enable_dns ?? false,
        whitelist: [...(endpoint.whitelist ?? [])].sort(),
        enableWhitelist: endpoint.enable_whitelist ?? false,
        description: endpoint.description ?? "",
        tags: fromTagList(endpoint.tags),
      };
    },

    async update(id, from, to, changed) {
      if (changed.includes("whitelist") || changed.includes("enableWhitelist")) {
        await client.call({
          method: "PUT",
          path: `/vpc-endpoints/${id}`,
          operation: "UpdateEndpoint",
          body: { enable_whitelist: to.enableWhitelist, whitelist: to.whitelist },
        });
      }
      if (changed.includes("tags")) await updateTags(client, "endpoint", id, from.tags, to.tags);
    },

    async delete(id) {
      // Deleting what is already gone is success.
      await orUndefined(() =>
        client.call({ method: "DELETE", path: `/vpc-endpoints/${id}`, operation: "DeleteEndpoint" }),
      );
    },
  };
  return backend;
}
