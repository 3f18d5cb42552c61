/**
 * Huawei Cloud VPC endpoint services.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0201.html
 */
import { orUndefined } from "../../core/errors.js";
import type { Backend, Classified, CommonOutputs } from "../../resources/backend.js";
import type { HuaweiServiceInputs } from "../../schema/endpoint-service.js";
import { createClient, type HuaweiClient } from "./client.js";
import { describeErrors } from "./endpoint.js";
import { findServiceStateById, findServices } from "./find.js";
import { fromTagList, toTagList, updateTags } from "./tags.js";
import { ServiceStatus, type HuaweiPortMapping, type HuaweiServiceState } from "./types.js";

export const SERVICE_LABEL = "Huawei Cloud VPC Endpoint Service";

export const serviceFields: Backend<HuaweiServiceInputs, HuaweiServiceState>["fields"] = {
  cloud: { change: "replace" },
  region: { change: "replace" },
  vpcId: { change: "replace" },
  serverType: { change: "replace" },
  // Services sharing a port cannot map the same protocol and port, so a replacement on the same
  // port would be refused (EndPoint.3044) while the old service still exists.
  portId: { change: "update", call: "PUT /vpc-endpoint-services/{id}", exclusive: true },
  vipPortId: { change: "update", call: "PUT /vpc-endpoint-services/{id}" },
  ports: { change: "update", call: "PUT /vpc-endpoint-services/{id}" },
  serviceName: { change: "update", call: "PUT /vpc-endpoint-services/{id}" },
  approvalRequired: { change: "update", call: "PUT /vpc-endpoint-services/{id}" },
  description: { change: "update", call: "PUT /vpc-endpoint-services/{id}" },
  tcpProxy: { change: "update", call: "PUT /vpc-endpoint-services/{id}" },
  permissions: { change: "update", call: "POST /vpc-endpoint-services/{id}/permissions/action" },
  tags: { change: "update", call: "POST /endpoint_service/{id}/tags/action" },
  timeouts: { change: "ignore" },
  adoptId: { change: "ignore" },
};

const PUT_FIELDS: Record<string, (inputs: HuaweiServiceInputs) => [string, unknown]> = {
  portId: (i) => ["port_id", i.portId],
  vipPortId: (i) => ["vip_port_id", i.vipPortId],
  ports: (i) => ["ports", toWirePorts(i.ports)],
  serviceName: (i) => ["service_name", i.serviceName],
  approvalRequired: (i) => ["approval_enabled", i.approvalRequired],
  description: (i) => ["description", i.description],
  tcpProxy: (i) => ["tcp_proxy", i.tcpProxy],
};

function toWirePorts(ports: HuaweiServiceInputs["ports"]): HuaweiPortMapping[] {
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

const STATE: Record<string, string> = {
  creating: "creating",
  available: "available",
  failed: "failed",
  deleting: "deleting",
};

export function huaweiServiceBackend(region: string, client: HuaweiClient = createClient(region)) {
  async function changePermissions(id: string, action: "add" | "remove", permissions: string[]) {
    if (permissions.length === 0) return;
    await client.call({
      method: "POST",
      path: `/vpc-endpoint-services/${id}/permissions/action`,
      operation: action === "add" ? "AddServicePermissions" : "RemoveServicePermissions",
      body: { action, permissions },
      idempotent: true,
    });
  }

  const backend: Backend<HuaweiServiceInputs, HuaweiServiceState> = {
    cloud: "huaweicloud",
    kind: "endpointService",
    label: SERVICE_LABEL,
    fields: serviceFields,

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

    async finishCreate(id, inputs, state) {
      const missing = inputs.permissions.filter((p) => !state.permissions.includes(p));
      await changePermissions(id, "add", missing);
    },

    async listMatching(inputs) {
      const services = await findServices(client, { server_type: inputs.serverType });
      return services
        .filter((s) => s.vpc_id === inputs.vpcId && s.port_id === inputs.portId)
        .map((s) => s.id);
    },

    find: (id) => findServiceStateById(client, id),

    classify({ service }): Classified {
      if (service.status === ServiceStatus.Available) return { phase: "ready", status: service.status };
      if (service.status === ServiceStatus.Failed) {
        return { phase: "failed", status: service.status, reason: describeErrors(service.error) };
      }
      return { phase: "pending", status: service.status };
    },

    outputs({ service }): CommonOutputs {
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
      };
    },

    observedInputs({ service, permissions }) {
      const serviceName = shortServiceName(service.service_name, service.id);
      return {
        cloud: "huaweicloud",
        region,
        vpcId: service.vpc_id,
        portId: service.port_id,
        serverType: service.server_type as HuaweiServiceInputs["serverType"],
        ports: service.ports
          .map((p) => ({
            clientPort: p.client_port,
            serverPort: p.server_port,
            protocol: (p.protocol ?? "TCP") as "TCP" | "UDP",
          }))
          .sort(
            (a, b) =>
              a.protocol.localeCompare(b.protocol) ||
              a.clientPort - b.clientPort ||
              a.serverPort - b.serverPort,
          ),
        ...(serviceName ? { serviceName } : {}),
        approvalRequired: service.approval_enabled,
        permissions: [...permissions].sort(),
        description: service.description ?? "",
        tcpProxy: (service.tcp_proxy ?? "close") as HuaweiServiceInputs["tcpProxy"],
        ...(service.vip_port_id ? { vipPortId: service.vip_port_id } : {}),
        tags: fromTagList(service.tags),
      };
    },

    async update(id, from, to, changed) {
      const body = Object.fromEntries(changed.filter((f) => f in PUT_FIELDS).map((f) => PUT_FIELDS[f]!(to)));
      // Never an empty PUT: OTC once sent one when only the permissions changed.
      if (Object.keys(body).length > 0) {
        await client.call({
          method: "PUT",
          path: `/vpc-endpoint-services/${id}`,
          operation: "UpdateEndpointService",
          body,
        });
      }
      if (changed.includes("permissions")) {
        await changePermissions(
          id,
          "remove",
          from.permissions.filter((p) => !to.permissions.includes(p)),
        );
        await changePermissions(
          id,
          "add",
          to.permissions.filter((p) => !from.permissions.includes(p)),
        );
      }
      if (changed.includes("tags")) await updateTags(client, "endpoint_service", id, from.tags, to.tags);
    },

    async delete(id) {
      // Deleting what is already gone is success.
      await orUndefined(() =>
        client.call({
          method: "DELETE",
          path: `/vpc-endpoint-services/${id}`,
          operation: "DeleteEndpointService",
        }),
      );
    },
  };
  return backend;
}
