/**
 * VPC endpoints of the VPCEP v1 family.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0303.html
 */
import { ENDPOINT_PROVIDER_SIDE_RULES, PLACEMENT_RULES } from "../common-rules.js";
import type { Backend, Classified, CommonOutputs, FieldRule, UpdateStep } from "../../resources/backend.js";
import { createClient, type VpcepV1Client } from "./client.js";
import { deleteOnce } from "./errors.js";
import { findEndpointById, findEndpoints } from "./find.js";
import type { VpcepV1Profile } from "./profile.js";
import type { VpcepEndpointInputs } from "./schema.js";
import { fromTagList, tagSteps, toTagList } from "./tags.js";
import { EndpointStatus, type VpcepEndpoint } from "./types.js";

/** Which input changes the API applies in place, and which need a new endpoint. */
export function endpointFields(profile: VpcepV1Profile): Record<string, FieldRule> {
  // Without an endpoint PUT (OTC), a whitelist change can only be made by a new endpoint.
  const whitelist: FieldRule = profile.endpointUpdate
    ? { change: "update", call: "PUT /vpc-endpoints/{id}" }
    : { change: "replace" };
  return {
    ...PLACEMENT_RULES,
    vpcId: { change: "replace" },
    subnetId: { change: "replace" },
    serviceId: { change: "replace" },
    privateIp: { change: "replace", computed: true, exclusive: true },
    enableDns: { change: "replace" },
    description: { change: "replace" },
    whitelist,
    enableWhitelist: whitelist,
    // Huawei's PUT …/routetables exists but its answer is undocumented; a new endpoint is certain.
    routeTableIds: { change: "replace", computed: true },
    tags: { change: "update", call: "POST /endpoint/{id}/tags/action" },
    ...ENDPOINT_PROVIDER_SIDE_RULES,
  };
}

/** The object's error list as one sentence, for failure messages. */
export function describeErrors(errors: VpcepEndpoint["error"]): string {
  const parts = (errors ?? []).map((e) => [e.error_code, e.error_message].filter(Boolean).join(": "));
  return parts.length > 0 ? parts.join("; ") : "the cloud gave no reason";
}

export function classifyEndpoint(
  endpoint: VpcepEndpoint,
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

export function endpointBackend(
  profile: VpcepV1Profile,
  region: string,
  client: VpcepV1Client = createClient(profile, region),
): Backend<VpcepEndpointInputs, VpcepEndpoint> {
  return {
    label: `${profile.label} VPC Endpoint`,

    async create(inputs) {
      const created = await client.call<{ id: string }>({
        method: "POST",
        path: "/vpc-endpoints",
        operation: "CreateEndpoint",
        body: {
          endpoint_service_id: inputs.serviceId,
          vpc_id: inputs.vpcId,
          ...(inputs.subnetId ? { subnet_id: inputs.subnetId } : {}),
          ...(inputs.privateIp ? { port_ip: inputs.privateIp } : {}),
          // Always sent: the API default differs from what some providers assumed.
          enable_dns: inputs.enableDns,
          // Interface endpoints only (those with a subnet).
          ...(inputs.subnetId ? { enable_whitelist: inputs.enableWhitelist } : {}),
          ...(inputs.whitelist.length > 0 ? { whitelist: inputs.whitelist } : {}),
          ...(inputs.routeTableIds?.length ? { routetables: inputs.routeTableIds } : {}),
          ...(inputs.description ? { description: inputs.description } : {}),
          ...(Object.keys(inputs.tags).length > 0 ? { tags: toTagList(inputs.tags) } : {}),
        },
      });
      return created.id;
    },

    listCandidates: (inputs) => findEndpoints(client, { vpc_id: inputs.vpcId }),
    candidateScope: (inputs) => inputs.vpcId,

    find: (id) => findEndpointById(client, id),
    idOf: (endpoint) => endpoint.id,
    classify: classifyEndpoint,

    outputs(endpoint): CommonOutputs {
      return {
        endpointId: endpoint.id,
        status: endpoint.status,
        state: STATE[endpoint.status] ?? endpoint.status,
        // Absent until assigned: an empty placeholder would hide a fixed address the program gave.
        ...(endpoint.ip ? { privateIp: endpoint.ip } : {}),
        dnsNames: endpoint.dns_names ?? [],
        endpointServiceName: endpoint.endpoint_service_name ?? "",
        // Packet ids exceed 32 bits; a string keeps every digit.
        ...(endpoint.marker_id !== undefined ? { markerId: String(endpoint.marker_id) } : {}),
        ...(endpoint.created_at ? { createdAt: endpoint.created_at } : {}),
        ...(endpoint.updated_at ? { updatedAt: endpoint.updated_at } : {}),
      };
    },

    observe(endpoint) {
      return {
        cloud: profile.name,
        region,
        vpcId: endpoint.vpc_id,
        subnetId: endpoint.subnet_id,
        serviceId: endpoint.endpoint_service_id,
        privateIp: endpoint.ip,
        // Not final until the owner accepts (the OTC docs): a pending endpoint's false is no answer,
        // and would plan a replacement on every preview.
        ...(endpoint.status === EndpointStatus.PendingAcceptance
          ? {}
          : { enableDns: endpoint.enable_dns ?? false }),
        whitelist: endpoint.whitelist ?? [],
        enableWhitelist: endpoint.enable_whitelist ?? false,
        ...(endpoint.routetables?.length ? { routeTableIds: endpoint.routetables } : {}),
        description: endpoint.description ?? "",
        tags: fromTagList(endpoint.tags),
      };
    },

    plan(id, from, to, changed) {
      const steps: UpdateStep[] = [];
      if (changed.includes("whitelist") || changed.includes("enableWhitelist")) {
        steps.push({
          fields: ["whitelist", "enableWhitelist"],
          call: "UpdateEndpoint",
          apply: () =>
            client.call({
              method: "PUT",
              path: `/vpc-endpoints/${encodeURIComponent(id)}`,
              operation: "UpdateEndpoint",
              body: { enable_whitelist: to.enableWhitelist, whitelist: to.whitelist },
            }),
        });
      }
      if (changed.includes("tags")) steps.push(...tagSteps(client, "endpoint", id, from.tags, to.tags));
      return steps;
    },

    async delete(id) {
      await deleteOnce(() =>
        client.call({
          method: "DELETE",
          path: `/vpc-endpoints/${encodeURIComponent(id)}`,
          operation: "DeleteEndpoint",
        }),
      );
    },
  };
}
