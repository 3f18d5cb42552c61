/**
 * Volcengine PrivateLink endpoints. Between mutations the endpoint passes through `Pending`, so
 * every update step waits for `Available` before the next call.
 * @link https://www.volcengine.com/docs/6980/155899
 */
import { systemClock, type Clock } from "../../core/clock.js";
import { CloudApiError, orUndefined } from "../../core/errors.js";
import type { Backend, Classified, CommonOutputs, FieldRule, UpdateStep } from "../../resources/backend.js";
import { ENDPOINT_PROVIDER_SIDE_RULES, PLACEMENT_RULES } from "../common-rules.js";
import { createClient, settledStep, type VolcengineClient } from "./client.js";
import { createWithClientToken } from "./create.js";
import { isBusy } from "./errors.js";
import { completeEndpointState, findEndpointStateById } from "./find.js";
import { serviceIdInName, type VolcengineEndpointInputs } from "./schema.js";
import { fromTagList, tagSteps, toTagList } from "./tags.js";
import { ConnectionStatus, Status, type VolcengineEndpointState } from "./types.js";

export const ENDPOINT_LABEL = "Volcengine VPC Endpoint";

const MODIFY = "ModifyVpcEndpointAttributes";
const ATTACH_SG = "AttachSecurityGroupToVpcEndpoint";
const DETACH_SG = "DetachSecurityGroupFromVpcEndpoint";
const ADD_ZONE = "AddZoneToVpcEndpoint";
const REMOVE_ZONE = "RemoveZoneFromVpcEndpoint";

export const endpointFields: Record<string, FieldRule> = {
  ...PLACEMENT_RULES,
  vpcId: { change: "replace" },
  // Either names the service; the cloud reports both, so the one not given is never a change.
  serviceId: { change: "replace", computed: true },
  serviceName: { change: "replace", computed: true },
  // volcenginecc lists ProjectName as create-only (moving needs IAM MoveProjectResource).
  projectName: { change: "replace", computed: true },
  // The cloud names an endpoint after its id when no name is given.
  name: { change: "update", call: MODIFY, computed: true },
  description: { change: "update", call: MODIFY },
  privateDnsEnabled: { change: "update", call: MODIFY },
  securityGroupIds: { change: "update", call: `${ATTACH_SG} / ${DETACH_SG}` },
  zones: { change: "update", call: `${ADD_ZONE} / ${REMOVE_ZONE}` },
  tags: { change: "update", call: "TagResources / UntagResources" },
  ...ENDPOINT_PROVIDER_SIDE_RULES,
};

const CONNECTION_FAILURES: Record<string, string> = {
  [ConnectionStatus.Rejected]: "the endpoint service owner rejected the connection",
  [ConnectionStatus.Failed]: "the connection to the endpoint service failed",
  [ConnectionStatus.PartialFailed]: "the connection failed in some zones",
  [ConnectionStatus.ServiceDeleted]: "the endpoint service was deleted",
};

/**
 * `Status` says whether the endpoint object is settled; `ConnectionStatus` whether the service
 * took it (`Available` is not "connected"). PendingAcceptance is ready unless the program waits for
 * the owner's approval.
 */
export function classifyEndpoint(
  { endpoint }: VolcengineEndpointState,
  inputs: { waitForAcceptance?: boolean },
): Classified {
  const status = endpoint.Status;
  if (status === Status.Inactive) {
    return { phase: "failed", status, reason: "the cloud reports the endpoint Inactive (unavailable)" };
  }
  if (status !== Status.Available) return { phase: "pending", status };
  const connection = endpoint.ConnectionStatus ?? "";
  const shown = connection ? `${status}/${connection}` : status;
  const failure = CONNECTION_FAILURES[connection];
  if (failure) return { phase: "failed", status: shown, reason: failure };
  if (connection === ConnectionStatus.Connecting || connection === ConnectionStatus.Disconnecting) {
    return { phase: "pending", status: shown };
  }
  if (connection === ConnectionStatus.PendingAcceptance && inputs.waitForAcceptance) {
    return { phase: "pending", status: shown };
  }
  return { phase: "ready", status: shown };
}

const CONNECTION_STATE: Record<string, string> = {
  [ConnectionStatus.PendingAcceptance]: "pendingAcceptance",
  [ConnectionStatus.Connecting]: "creating",
  [ConnectionStatus.Connected]: "available",
  [ConnectionStatus.Disconnecting]: "rejected",
  [ConnectionStatus.Rejected]: "rejected",
  [ConnectionStatus.Failed]: "failed",
  [ConnectionStatus.PartialFailed]: "failed",
  [ConnectionStatus.ServiceDeleted]: "failed",
};

/** The normalised state: the object's status while it changes, the connection's once available. */
export function endpointState(status: string, connection: string | undefined): string {
  switch (status) {
    case Status.Creating:
      return "creating";
    case Status.Pending:
      return "updating";
    case Status.Deleting:
      return "deleting";
    case Status.Inactive:
      return "failed";
    case Status.Available:
      return (connection && CONNECTION_STATE[connection]) ?? "available";
    default:
      return status;
  }
}

/**
 * Calls that turn the bound groups `from` into `to` in order, given that an attach appends and a
 * detach keeps the others' order. At least one group stays bound throughout (create requires one;
 * detaching the last is not documented), and never more than five.
 */
export function securityGroupCalls(
  from: readonly string[],
  to: readonly string[],
): { call: typeof ATTACH_SG | typeof DETACH_SG; group: string }[] {
  const attach = (group: string) => ({ call: ATTACH_SG, group }) as const;
  const detach = (group: string) => ({ call: DETACH_SG, group }) as const;
  let kept = 0;
  while (kept < from.length && kept < to.length && from[kept] === to[kept]) kept++;
  if (kept > 0 || from.length === 0) {
    return [...from.slice(kept).map(detach), ...to.slice(kept).map(attach)];
  }
  const [first, ...rest] = to;
  if (first === undefined) return from.map(detach);
  if (from.includes(first)) {
    return [...from.filter((g) => g !== first).map(detach), ...rest.map(attach)];
  }
  // Keep the current first group bound until the new first one is.
  const [anchor, ...others] = from;
  return [...others.map(detach), attach(first), detach(anchor!), ...rest.map(attach)];
}

type Zone = VolcengineEndpointInputs["zones"][number];

function serviceIdOf(inputs: VolcengineEndpointInputs): string | undefined {
  return inputs.serviceId ?? (inputs.serviceName ? serviceIdInName(inputs.serviceName) : undefined);
}

function zoneParams(id: string, zone: Zone) {
  return {
    EndpointId: id,
    ZoneId: zone.zoneId,
    SubnetId: zone.subnetId,
    ...(zone.privateIp ? { PrivateIpAddress: zone.privateIp } : {}),
  };
}

/**
 * The backend of one endpoint. `fixedIps` are the zones whose address the program fixes (from the
 * inputs or the stored outputs): only those report their address as an input, so a cloud-assigned
 * address is an output, never a change.
 */
export function volcengineEndpointBackend(
  region: string,
  fixedIps: ReadonlySet<string>,
  client: VolcengineClient = createClient(region),
  clock: Clock = systemClock,
): Backend<VolcengineEndpointInputs, VolcengineEndpointState> {
  const step = (call: string, fields: string[], params: Record<string, unknown>) =>
    settledStep(client, call, fields, params);

  return {
    label: ENDPOINT_LABEL,

    async create(inputs) {
      const created = await createWithClientToken<{ EndpointId: string }>({
        client,
        clock,
        action: "CreateVpcEndpoint",
        params: {
          VpcId: inputs.vpcId,
          // ServiceId is required (the SDK's Validate); a standard service name carries it.
          ...(serviceIdOf(inputs) ? { ServiceId: serviceIdOf(inputs) } : {}),
          ...(inputs.serviceName ? { ServiceName: inputs.serviceName } : {}),
          SecurityGroupIds: inputs.securityGroupIds,
          Zones: inputs.zones.map((z) => ({
            ZoneId: z.zoneId,
            SubnetId: z.subnetId,
            ...(z.privateIp ? { PrivateIpAddress: z.privateIp } : {}),
          })),
          ...(inputs.name ? { EndpointName: inputs.name } : {}),
          ...(inputs.description ? { Description: inputs.description } : {}),
          // A string on create ("true"/"false"), a bool on modify: the query carries both alike.
          PrivateDNSEnabled: inputs.privateDnsEnabled,
          ...(inputs.projectName ? { ProjectName: inputs.projectName } : {}),
          ...(Object.keys(inputs.tags).length > 0 ? { Tags: toTagList(inputs.tags) } : {}),
        },
        timeout: inputs.timeouts?.create,
        identity: [
          `vpcId="${inputs.vpcId}"`,
          inputs.serviceId ? `serviceId="${inputs.serviceId}"` : `serviceName="${inputs.serviceName}"`,
          ...(inputs.name ? [`name="${inputs.name}"`] : []),
        ].join(", "),
      });
      return created.EndpointId;
    },

    find: (id, depth) => findEndpointStateById(client, id, depth),
    complete: (id, state) => completeEndpointState(client, id, state),
    idOf: ({ endpoint }) => endpoint.EndpointId,
    classify: classifyEndpoint,

    outputs({ endpoint, zones: read }): CommonOutputs {
      const zones = read ?? [];
      const first = zones.find((z) => z.NetworkInterfaceIP);
      const dnsNames = [endpoint.EndpointDomain, ...zones.map((z) => z.ZoneDomain)].filter((d): d is string =>
        Boolean(d),
      );
      return {
        endpointId: endpoint.EndpointId,
        status: endpoint.Status,
        state: endpointState(endpoint.Status, endpoint.ConnectionStatus),
        connectionStatus: endpoint.ConnectionStatus ?? "",
        ...(endpoint.BusinessStatus ? { businessStatus: endpoint.BusinessStatus } : {}),
        ...(first?.NetworkInterfaceIP ? { privateIp: first.NetworkInterfaceIP } : {}),
        // A status lookup reads no zones: it reports none rather than an empty list.
        ...(read
          ? {
              zoneAddresses: zones.map((z) => ({
                zoneId: z.ZoneId,
                subnetId: z.SubnetId,
                ...(z.NetworkInterfaceIP ? { privateIp: z.NetworkInterfaceIP } : {}),
                ...(z.NetworkInterfaceId ? { networkInterfaceId: z.NetworkInterfaceId } : {}),
                ...(z.ZoneDomain ? { dnsName: z.ZoneDomain } : {}),
              })),
            }
          : {}),
        ...(read ? { dnsNames } : {}),
        endpointServiceName: endpoint.ServiceName ?? "",
        ...(endpoint.CreationTime ? { createdAt: endpoint.CreationTime } : {}),
        ...(endpoint.UpdateTime ? { updatedAt: endpoint.UpdateTime } : {}),
      };
    },

    observe({ endpoint, securityGroupIds, zones }) {
      return {
        cloud: "volcengine",
        region,
        vpcId: endpoint.VpcId,
        serviceId: endpoint.ServiceId,
        ...(endpoint.ServiceName ? { serviceName: endpoint.ServiceName } : {}),
        ...(securityGroupIds ? { securityGroupIds } : {}),
        ...(zones
          ? {
              zones: zones.map((z) => ({
                zoneId: z.ZoneId,
                subnetId: z.SubnetId,
                ...(fixedIps.has(z.ZoneId) && z.NetworkInterfaceIP
                  ? { privateIp: z.NetworkInterfaceIP }
                  : {}),
              })),
            }
          : {}),
        ...(endpoint.EndpointName ? { name: endpoint.EndpointName } : {}),
        description: endpoint.Description ?? "",
        privateDnsEnabled: endpoint.PrivateDNSEnabled ?? false,
        ...(endpoint.ProjectName ? { projectName: endpoint.ProjectName } : {}),
        tags: fromTagList(endpoint.Tags),
      };
    },

    plan(id, from, to, changed) {
      const steps: UpdateStep[] = [];
      const modify: Record<string, unknown> = {};
      if (changed.includes("name") && to.name !== undefined) modify.EndpointName = to.name;
      if (changed.includes("description")) modify.Description = to.description;
      if (changed.includes("privateDnsEnabled")) modify.PrivateDNSEnabled = to.privateDnsEnabled;
      const modified = changed.filter((f) => ["name", "description", "privateDnsEnabled"].includes(f));
      if (Object.keys(modify).length > 0) steps.push(step(MODIFY, modified, { EndpointId: id, ...modify }));

      if (changed.includes("securityGroupIds")) {
        // One group per call.
        for (const { call, group } of securityGroupCalls(from.securityGroupIds, to.securityGroupIds)) {
          steps.push(step(call, ["securityGroupIds"], { EndpointId: id, SecurityGroupId: group }));
        }
      }

      if (changed.includes("zones")) {
        const before = new Map(from.zones.map((z) => [z.zoneId, z]));
        const after = new Map(to.zones.map((z) => [z.zoneId, z]));
        const added = to.zones.filter((z) => !before.has(z.zoneId));
        const removed = from.zones.filter((z) => !after.has(z.zoneId));
        const moved = to.zones.filter((z) => {
          const old = before.get(z.zoneId);
          return (
            old !== undefined &&
            (old.subnetId !== z.subnetId || (z.privateIp ?? old.privateIp) !== old.privateIp)
          );
        });
        // New zones first, so the endpoint keeps at least one while others go; a zone that moves
        // subnet or address is removed and added again (one interface per zone).
        for (const z of added) steps.push(step(ADD_ZONE, ["zones"], zoneParams(id, z)));
        for (const z of [...removed, ...moved]) {
          steps.push(step(REMOVE_ZONE, ["zones"], { EndpointId: id, ZoneId: z.zoneId }));
        }
        for (const z of moved) steps.push(step(ADD_ZONE, ["zones"], zoneParams(id, z)));
      }

      if (changed.includes("tags")) steps.push(...tagSteps(client, "endpoint", id, from.tags, to.tags));
      return steps;
    },

    async delete(id) {
      try {
        // Deleting what is already gone is success.
        await orUndefined(() => client.call("DeleteVpcEndpoint", { EndpointId: id }, true));
      } catch (err) {
        // Busy because an earlier delete is under way: that delete will finish the job.
        if (!(err instanceof CloudApiError && isBusy(err.code))) throw err;
        const state = await findEndpointStateById(client, id);
        if (state !== undefined && state.endpoint.Status !== Status.Deleting) throw err;
      }
    },
  };
}
