/**
 * VPC endpoints of the VPCEP v1 family.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0303.html
 */
import { ENDPOINT_PROVIDER_SIDE_RULES, PLACEMENT_RULES } from "../common-rules.js";
import { CloudApiError } from "../../core/errors.js";
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
  // Absent route tables are the VPC's default, which the endpoint reports: absence is no change. A
  // route table another endpoint uses is refused (EndPoint.2039), so a replacement that keeps the
  // tables deletes first.
  const routeTables: FieldRule = profile.routeTablesUpdate
    ? { change: "update", call: "PUT /vpc-endpoints/{id}/routetables", computed: true, exclusive: true }
    : { change: "replace", computed: true, exclusive: true };
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
    routeTableIds: routeTables,
    tags: { change: "update", call: "POST /endpoint/{id}/tags/action" },
    ...ENDPOINT_PROVIDER_SIDE_RULES,
  };
}

/** One route table the cloud could not bind or unbind. */
interface RoutetableFailure {
  id?: string;
  error_message?: string;
}

/**
 * The answer of `PUT …/routetables`: HTTP 200 even when some route tables failed, which `error`
 * then lists.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/UpdateEndpointRoutetable.html
 */
interface RoutetablesAnswer {
  routetables?: string[];
  error?: { bind_failed?: RoutetableFailure[]; unbind_failed?: RoutetableFailure[] }[];
}

/**
 * The failures a route-table answer lists, as an error (its code the list's name), or undefined
 * when every table was applied: a 200 is not success on its own.
 */
export function routetablesError(
  cloud: string,
  answer: RoutetablesAnswer | undefined,
): CloudApiError | undefined {
  for (const kind of ["bind_failed", "unbind_failed"] as const) {
    const failed = (answer?.error ?? []).flatMap((entry) => entry[kind] ?? []);
    if (failed.length === 0) continue;
    return new CloudApiError({
      cloud,
      code: kind,
      httpStatus: 200,
      message: failed
        .map((f) => `route table ${f.id ?? "?"}: ${f.error_message ?? "the cloud gave no reason"}`)
        .join("; "),
      retryable: false,
      notFound: false,
      throttled: false,
      operation: "UpdateEndpointRoutetable",
    });
  }
  return undefined;
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
      // Absent route tables are no change (computed), so only a given list is sent.
      if (changed.includes("routeTableIds") && to.routeTableIds?.length) {
        const routetables = to.routeTableIds;
        steps.push({
          fields: ["routeTableIds"],
          call: "UpdateEndpointRoutetable",
          apply: async () => {
            const answer = await client.call<RoutetablesAnswer | undefined>({
              method: "PUT",
              path: `/vpc-endpoints/${encodeURIComponent(id)}/routetables`,
              operation: "UpdateEndpointRoutetable",
              body: { routetables },
            });
            const failed = routetablesError(profile.name, answer);
            if (failed) throw failed;
          },
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
