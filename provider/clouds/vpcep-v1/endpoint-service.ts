/**
 * VPC endpoint services of the VPCEP v1 family.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0201.html
 */
import { PLACEMENT_RULES, PROVIDER_SIDE_RULES } from "../common-rules.js";
import type { Backend, Classified, CommonOutputs, FieldRule, UpdateStep } from "../../resources/backend.js";
import { createClient, type VpcepV1Client } from "./client.js";
import { deleteOnce } from "./errors.js";
import { serviceConnections } from "./connection.js";
import { describeErrors } from "./endpoint.js";
import { completeServiceState, findServiceStateById, findServices } from "./find.js";
import type { VpcepV1Profile } from "./profile.js";
import type { VpcepServiceInputs } from "./schema.js";
import { fromTagList, tagSteps, toTagList } from "./tags.js";
import { ServiceStatus, type VpcepPortMapping, type VpcepServiceState } from "./types.js";

const PUT = "PUT /vpc-endpoint-services/{id}";

export function serviceFields(profile: VpcepV1Profile): Record<string, FieldRule> {
  return {
    ...PLACEMENT_RULES,
    vpcId: { change: "replace" },
    serverType: { change: "replace" },
    // Services sharing a port cannot map the same protocol and port, so a replacement on the same
    // port would be refused (EndPoint.3044) while the old service still exists.
    portId: { change: "update", call: PUT, exclusive: true },
    ports: { change: "update", call: PUT },
    // The API has no way to clear a name or a VIP port: without the input the cloud keeps its value.
    serviceName: { change: "update", call: PUT, computed: true },
    ...(profile.vipPortId ? { vipPortId: { change: "update", call: PUT, computed: true } as FieldRule } : {}),
    approvalRequired: { change: "update", call: PUT },
    description: { change: "update", call: PUT },
    tcpProxy: { change: "update", call: PUT },
    permissions: {
      change: "update",
      call: "POST /vpc-endpoint-services/{id}/permissions/action",
      atCreate: false,
    },
    tags: { change: "update", call: "POST /endpoint_service/{id}/tags/action" },
    ...PROVIDER_SIDE_RULES,
  };
}

/** Input field → the PUT body field and its wire value. */
const PUT_FIELDS: Record<string, (inputs: VpcepServiceInputs) => [string, unknown]> = {
  portId: (i) => ["port_id", i.portId],
  vipPortId: (i) => ["vip_port_id", i.vipPortId],
  ports: (i) => ["ports", toWirePorts(i.ports)],
  serviceName: (i) => ["service_name", i.serviceName],
  approvalRequired: (i) => ["approval_enabled", i.approvalRequired],
  description: (i) => ["description", i.description],
  tcpProxy: (i) => ["tcp_proxy", i.tcpProxy],
};

function toWirePorts(ports: VpcepServiceInputs["ports"]): VpcepPortMapping[] {
  return ports.map((p) => ({ client_port: p.clientPort, server_port: p.serverPort, protocol: p.protocol }));
}

/** `{region}.{name}.{id}` carries the short name in the middle; a bare name is taken as is. */
export function shortServiceName(fullName: string | undefined, id: string): string | undefined {
  if (!fullName) return undefined;
  const parts = fullName.split(".");
  if (parts.length >= 3 && parts[parts.length - 1] === id) return parts.slice(1, -1).join(".");
  if (parts.length === 2 && parts[1] === id) return undefined;
  return fullName;
}

const ORG_PATH = "organizations:orgPath::";

/** `permission_type` of an entry: organisation paths are `orgPath`, accounts and `*` are `domainId`. */
export function permissionType(permission: string): "domainId" | "orgPath" {
  return permission.startsWith(ORG_PATH) ? "orgPath" : "domainId";
}

const STATE: Record<string, string> = {
  creating: "creating",
  available: "available",
  failed: "failed",
  deleting: "deleting",
};

export function serviceBackend(
  profile: VpcepV1Profile,
  region: string,
  client: VpcepV1Client = createClient(profile, region),
): Backend<VpcepServiceInputs, VpcepServiceState> {
  /** One call per action and permission type: the type applies to the whole call. */
  function permissionSteps(id: string, action: "add" | "remove", permissions: string[]): UpdateStep[] {
    const byType = new Map<string, string[]>();
    for (const p of permissions) {
      const type = profile.orgPathPermissions ? permissionType(p) : "domainId";
      byType.set(type, [...(byType.get(type) ?? []), p]);
    }
    const operation = action === "add" ? "AddServicePermissions" : "RemoveServicePermissions";
    return [...byType].map(([type, entries]) => ({
      fields: ["permissions"],
      call: operation,
      apply: () =>
        client.call({
          method: "POST",
          path: `/vpc-endpoint-services/${encodeURIComponent(id)}/permissions/action`,
          operation,
          body: {
            action,
            permissions: entries,
            ...(profile.orgPathPermissions ? { permission_type: type } : {}),
          },
          idempotent: true,
        }),
    }));
  }

  return {
    label: `${profile.label} VPC Endpoint Service`,

    async create(inputs) {
      const created = await client.call<{ id: string }>({
        method: "POST",
        path: "/vpc-endpoint-services",
        operation: "CreateEndpointService",
        body: {
          port_id: inputs.portId,
          vpc_id: inputs.vpcId,
          server_type: inputs.serverType,
          service_type: "interface",
          ports: toWirePorts(inputs.ports),
          // Always sent: the API defaults to true, and a missing false once caused a perpetual diff.
          approval_enabled: inputs.approvalRequired,
          tcp_proxy: inputs.tcpProxy,
          ...(inputs.serviceName ? { service_name: inputs.serviceName } : {}),
          ...(inputs.vipPortId ? { vip_port_id: inputs.vipPortId } : {}),
          ...(inputs.description ? { description: inputs.description } : {}),
          ...(Object.keys(inputs.tags).length > 0 ? { tags: toTagList(inputs.tags) } : {}),
        },
      });
      return created.id;
    },

    notices: (inputs) =>
      profile.deprecatedServerTypes.includes(inputs.serverType)
        ? [
            `server type ${inputs.serverType} is deprecated by ${profile.label}; use ${profile.serverTypes
              .filter((type) => !profile.deprecatedServerTypes.includes(type))
              .join(" or ")}`,
          ]
        : [],

    async listCandidates(inputs) {
      const services = await findServices(
        client,
        profile.serviceListFilters.serverType ? { server_type: inputs.serverType } : {},
      );
      // The list has no permissions; they are set after create and identify nothing.
      return services.map((service) => ({ service, permissions: [] }));
    },

    candidateScope: (inputs) => (profile.serviceListFilters.serverType ? inputs.serverType : ""),

    find: (id, depth) => findServiceStateById(client, id, depth),
    complete: (id, state) => completeServiceState(client, id, state),
    detail: async (id, state) => ({ ...state, connections: await serviceConnections(client, id) }),
    idOf: ({ service }) => service.id,

    classify({ service }): Classified {
      if (service.status === ServiceStatus.Available) return { phase: "ready", status: service.status };
      if (service.status === ServiceStatus.Failed) {
        return { phase: "failed", status: service.status, reason: describeErrors(service.error) };
      }
      return { phase: "pending", status: service.status };
    },

    outputs({ service, connections }): CommonOutputs {
      const name = service.service_name ?? "";
      return {
        serviceId: service.id,
        status: service.status,
        state: STATE[service.status] ?? service.status,
        // Consumers connect by the full name; build it when the cloud returned only the short one.
        endpointServiceName: name.endsWith(service.id)
          ? name
          : `${region}.${name ? name + "." : ""}${service.id}`,
        ...(service.created_at ? { createdAt: service.created_at } : {}),
        ...(service.updated_at ? { updatedAt: service.updated_at } : {}),
        ...(connections ? { connections } : {}),
      };
    },

    observe({ service, permissions }) {
      return {
        cloud: profile.name,
        region,
        vpcId: service.vpc_id,
        portId: service.port_id,
        serverType: service.server_type,
        ports: service.ports.map((p) => ({
          clientPort: p.client_port,
          serverPort: p.server_port,
          protocol: p.protocol ?? "TCP",
        })),
        serviceName: shortServiceName(service.service_name, service.id),
        approvalRequired: service.approval_enabled,
        ...(permissions ? { permissions } : {}),
        description: service.description ?? "",
        tcpProxy: service.tcp_proxy ?? "close",
        ...(profile.vipPortId ? { vipPortId: service.vip_port_id } : {}),
        tags: fromTagList(service.tags),
      };
    },

    plan(id, from, to, changed) {
      const steps: UpdateStep[] = [];
      const put = changed.filter((f) => f in PUT_FIELDS);
      // Never an empty PUT: the API refuses `{}`, and OTC's provider once sent one.
      if (put.length > 0) {
        const body = Object.fromEntries(put.map((f) => PUT_FIELDS[f]!(to)));
        steps.push({
          fields: put,
          call: "UpdateEndpointService",
          apply: () =>
            client.call({
              method: "PUT",
              path: `/vpc-endpoint-services/${encodeURIComponent(id)}`,
              operation: "UpdateEndpointService",
              body,
            }),
        });
      }
      if (changed.includes("permissions")) {
        const removed = from.permissions.filter((p) => !to.permissions.includes(p));
        const added = to.permissions.filter((p) => !from.permissions.includes(p));
        steps.push(...permissionSteps(id, "remove", removed), ...permissionSteps(id, "add", added));
      }
      if (changed.includes("tags"))
        steps.push(...tagSteps(client, "endpoint_service", id, from.tags, to.tags));
      return steps;
    },

    async delete(id) {
      await deleteOnce(() =>
        client.call({
          method: "DELETE",
          path: `/vpc-endpoint-services/${encodeURIComponent(id)}`,
          operation: "DeleteEndpointService",
        }),
      );
    },
  };
}
