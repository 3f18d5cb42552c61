/**
 * Volcengine PrivateLink endpoint services: load balancers (or database instances) offered to
 * endpoints in other VPCs and accounts. Like endpoints, a service is `Pending` while it changes.
 * @link https://www.volcengine.com/docs/6980/155803
 */
import { systemClock, type Clock } from "../../core/clock.js";
import { orUndefined, ValidationError } from "../../core/errors.js";
import type { Backend, Classified, CommonOutputs, FieldRule, UpdateStep } from "../../resources/backend.js";
import { PLACEMENT_RULES, PROVIDER_SIDE_RULES } from "../common-rules.js";
import { createClient, settledStep, type VolcengineClient } from "./client.js";
import { serviceConnections } from "./connection.js";
import { createWithClientToken } from "./create.js";
import { completeServiceState, findServiceStateById } from "./find.js";
import type { VolcengineServiceInputs } from "./schema.js";
import { fromTagList, tagSteps, toTagList } from "./tags.js";
import { Status, type VolcengineServiceResource, type VolcengineServiceState } from "./types.js";

export const SERVICE_LABEL = "Volcengine VPC Endpoint Service";

const MODIFY = "ModifyVpcEndpointServiceAttributes";
const ATTACH = "AttachResourceToVpcEndpointService";
const DETACH = "DetachResourceFromVpcEndpointService";
const ADD_PERMISSION = "AddPermissionToVpcEndpointService";
const REMOVE_PERMISSION = "RemovePermissionFromVpcEndpointService";

export const serviceFields: Record<string, FieldRule> = {
  ...PLACEMENT_RULES,
  serviceResourceType: { change: "replace" },
  // volcenginecc lists ProjectName as create-only.
  projectName: { change: "replace", computed: true },
  resources: { change: "update", call: `${ATTACH} / ${DETACH}` },
  approvalRequired: { change: "update", call: MODIFY },
  description: { change: "update", call: MODIFY },
  privateDnsEnabled: { change: "update", call: MODIFY },
  privateDnsName: { change: "update", call: MODIFY },
  permissions: { change: "update", call: `${ADD_PERMISSION} / ${REMOVE_PERMISSION}`, atCreate: false },
  tags: { change: "update", call: "TagResources / UntagResources" },
  ...PROVIDER_SIDE_RULES,
};

/** Input field → `ModifyVpcEndpointServiceAttributes` parameter. */
const MODIFY_FIELDS: Record<string, (inputs: VolcengineServiceInputs) => [string, unknown]> = {
  approvalRequired: (i) => ["AutoAcceptEnabled", !i.approvalRequired],
  description: (i) => ["Description", i.description],
  // A string on this call ("true"/"false"): the query carries it so either way.
  privateDnsEnabled: (i) => ["PrivateDNSEnabled", i.privateDnsEnabled],
  privateDnsName: (i) => ["PrivateDNSName", i.privateDnsName ?? ""],
};

const STATE: Record<string, string> = {
  [Status.Creating]: "creating",
  [Status.Pending]: "updating",
  [Status.Available]: "available",
  [Status.Deleting]: "deleting",
};

/** No failure status is documented; the Terraform provider treats `Error` as one. */
const FAILED_STATUSES = new Set(["Error", "Failed", Status.Inactive]);

export function classifyService({ service }: VolcengineServiceState): Classified {
  const status = service.Status;
  if (status === Status.Available) return { phase: "ready", status };
  if (FAILED_STATUSES.has(status)) {
    return { phase: "failed", status, reason: `the cloud reports the endpoint service ${status}` };
  }
  return { phase: "pending", status };
}

type Resource = VolcengineServiceInputs["resources"][number];

/**
 * The backends as inputs: one entry per resource, its zones only where the program limits them
 * (`limitedZones`, from the inputs or the stored outputs), so serving every zone of a load
 * balancer never shows as a change.
 */
export function observedResources(
  rows: VolcengineServiceResource[],
  limitedZones: ReadonlySet<string>,
): Resource[] {
  const zones = new Map<string, string[]>();
  for (const row of rows) {
    const list = zones.get(row.ResourceId) ?? [];
    // One row per backend and zone, or one per backend with its zones.
    for (const zone of [...(row.ZoneId ? [row.ZoneId] : []), ...(row.ZoneIds ?? [])]) {
      if (!list.includes(zone)) list.push(zone);
    }
    zones.set(row.ResourceId, list);
  }
  return [...zones].map(([resourceId, zoneIds]) =>
    limitedZones.has(resourceId) ? { resourceId, zoneIds: [...zoneIds].sort() } : { resourceId },
  );
}

function resourceParams(id: string, resource: Resource) {
  return {
    ServiceId: id,
    ResourceId: resource.resourceId,
    ...(resource.zoneIds && resource.zoneIds.length > 0 ? { ZoneIds: resource.zoneIds } : {}),
  };
}

export function volcengineServiceBackend(
  region: string,
  limitedZones: ReadonlySet<string>,
  client: VolcengineClient = createClient(region),
  clock: Clock = systemClock,
): Backend<VolcengineServiceInputs, VolcengineServiceState> {
  const step = (call: string, fields: string[], params: Record<string, unknown>) =>
    settledStep(client, call, fields, params);

  return {
    label: SERVICE_LABEL,

    async create(inputs) {
      const created = await createWithClientToken<{ ServiceId: string }>({
        client,
        clock,
        action: "CreateVpcEndpointService",
        params: {
          Resources: inputs.resources.map((r) => ({
            ResourceId: r.resourceId,
            ...(r.zoneIds && r.zoneIds.length > 0 ? { ZoneIds: r.zoneIds } : {}),
          })),
          ServiceResourceType: inputs.serviceResourceType,
          // Always sent: the reference calls the API default undocumented (the current doc says false).
          AutoAcceptEnabled: !inputs.approvalRequired,
          ...(inputs.description ? { Description: inputs.description } : {}),
          PrivateDNSEnabled: inputs.privateDnsEnabled,
          ...(inputs.privateDnsName ? { PrivateDNSName: inputs.privateDnsName } : {}),
          ...(inputs.projectName ? { ProjectName: inputs.projectName } : {}),
          ...(Object.keys(inputs.tags).length > 0 ? { Tags: toTagList(inputs.tags) } : {}),
        },
        timeout: inputs.timeouts?.create,
        identity: `resources=${JSON.stringify(inputs.resources.map((r) => r.resourceId))}, serviceResourceType="${inputs.serviceResourceType}"`,
      });
      return created.ServiceId;
    },

    find: (id, depth) => findServiceStateById(client, id, depth),
    complete: (id, state) => completeServiceState(client, id, state),
    detail: async (id, state) => ({ ...state, connections: await serviceConnections(client, id) }),
    idOf: ({ service }) => service.ServiceId,
    classify: classifyService,

    outputs({ service, connections }): CommonOutputs {
      return {
        serviceId: service.ServiceId,
        status: service.Status,
        state: STATE[service.Status] ?? (FAILED_STATUSES.has(service.Status) ? "failed" : service.Status),
        ...(service.BusinessStatus ? { businessStatus: service.BusinessStatus } : {}),
        endpointServiceName: service.ServiceName ?? "",
        ...(service.ServiceDomain ? { serviceDomain: service.ServiceDomain } : {}),
        ...(service.ServiceOwner ? { serviceOwner: service.ServiceOwner } : {}),
        zoneIds: [...(service.ZoneIds ?? [])].sort(),
        ...(service.CreationTime ? { createdAt: service.CreationTime } : {}),
        ...(service.UpdateTime ? { updatedAt: service.UpdateTime } : {}),
        ...(connections ? { connections } : {}),
      };
    },

    observe({ service, resources, permissions }) {
      return {
        cloud: "volcengine",
        region,
        ...(resources ? { resources: observedResources(resources, limitedZones) } : {}),
        ...(service.ServiceResourceType ? { serviceResourceType: service.ServiceResourceType } : {}),
        ...(service.AutoAcceptEnabled !== undefined ? { approvalRequired: !service.AutoAcceptEnabled } : {}),
        ...(permissions ? { permissions } : {}),
        description: service.Description ?? "",
        privateDnsEnabled: service.PrivateDNSEnabled ?? false,
        ...(service.PrivateDNSName ? { privateDnsName: service.PrivateDNSName } : {}),
        ...(service.ProjectName ? { projectName: service.ProjectName } : {}),
        tags: fromTagList(service.Tags),
      };
    },

    plan(id, from, to, changed) {
      const steps: UpdateStep[] = [];
      const modify = changed.filter((f) => f in MODIFY_FIELDS);
      if (modify.length > 0) {
        steps.push(
          step(MODIFY, modify, {
            ServiceId: id,
            ...Object.fromEntries(modify.map((f) => MODIFY_FIELDS[f]!(to))),
            // Sent with every change: a dropped false once made Terraform ignore "approval required".
            AutoAcceptEnabled: !to.approvalRequired,
          }),
        );
      }
      if (changed.includes("resources")) {
        const before = new Map(from.resources.map((r) => [r.resourceId, r]));
        const after = new Set(to.resources.map((r) => r.resourceId));
        const added = to.resources.filter((r) => !before.has(r.resourceId));
        const removed = from.resources.filter((r) => !after.has(r.resourceId));
        const rezoned = to.resources.filter((r) => {
          const old = before.get(r.resourceId);
          return old !== undefined && JSON.stringify(old.zoneIds ?? []) !== JSON.stringify(r.zoneIds ?? []);
        });
        // Re-zoning detaches a backend and attaches it again; the service must keep another.
        if (rezoned.length > 0 && to.resources.length - rezoned.length === 0) {
          throw new ValidationError(
            `resources: changing the zones of ${rezoned.map((r) => r.resourceId).join(", ")} detaches and attaches it again, and ${SERVICE_LABEL} ${id} must keep at least one backend meanwhile: add another backend first (one up), then change the zones`,
          );
        }
        // New backends first: a service keeps at least one throughout.
        for (const r of added) steps.push(step(ATTACH, ["resources"], resourceParams(id, r)));
        for (const r of [...removed, ...rezoned]) {
          steps.push(step(DETACH, ["resources"], { ServiceId: id, ResourceId: r.resourceId }));
        }
        for (const r of rezoned) steps.push(step(ATTACH, ["resources"], resourceParams(id, r)));
      }
      if (changed.includes("permissions")) {
        const removed = from.permissions.filter((p) => !to.permissions.includes(p));
        const added = to.permissions.filter((p) => !from.permissions.includes(p));
        // One account per call.
        for (const account of removed) {
          steps.push(step(REMOVE_PERMISSION, ["permissions"], { ServiceId: id, PermitAccountId: account }));
        }
        for (const account of added) {
          steps.push(step(ADD_PERMISSION, ["permissions"], { ServiceId: id, PermitAccountId: account }));
        }
      }
      if (changed.includes("tags")) {
        steps.push(...tagSteps(client, "endpointservice", id, from.tags, to.tags));
      }
      return steps;
    },

    async delete(id) {
      // Deleting what is already gone is success.
      await orUndefined(() => client.call("DeleteVpcEndpointService", { ServiceId: id }, true));
    },
  };
}
