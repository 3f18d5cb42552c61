/**
 * Volcengine PrivateLink connections: the service owner's decision on one endpoint
 * (`EnableVpcEndpointConnection` / `DisableVpcEndpointConnection`, one endpoint per call), read
 * from the service's side (`DescribeVpcEndpointConnections`, paged to the end).
 * @link https://www.volcengine.com/docs/6980/155903
 */
import { orUndefined } from "../../core/errors.js";
import { collectNumberedPages } from "../../core/paging.js";
import type { Backend, CommonOutputs, FieldRule } from "../../resources/backend.js";
import {
  classifyDecision,
  type ConnectionEntry,
  connectionFields as commonConnectionFields,
  connectionId,
  type ConnectionIdFormat,
  ConnectionState,
  heldDecision,
  parseConnectionId,
} from "../common-connection.js";
import { createClient, type VolcengineClient } from "./client.js";
import { VOLCENGINE_LIMITS, type VolcengineConnectionInputs } from "./schema.js";
import { ConnectionStatus } from "./types.js";

export const CONNECTION_LABEL = "Volcengine VPC Endpoint Connection";

const ENABLE = "EnableVpcEndpointConnection";
const DISABLE = "DisableVpcEndpointConnection";
const DESCRIBE = "DescribeVpcEndpointConnections";

/** The largest page DescribeVpcEndpointConnections takes (the default is 10). */
const PAGE = 100;

export const connectionFields: Record<string, FieldRule> = commonConnectionFields(`${ENABLE} / ${DISABLE}`);

/** One row of DescribeVpcEndpointConnections. */
export interface VolcengineConnection {
  EndpointId: string;
  ServiceId: string;
  ConnectionStatus: string;
  EndpointOwnerAccountId?: string;
  EndpointVpcId?: string;
  CreationTime?: string;
  UpdateTime?: string;
  Zones?: { ZoneId?: string; NetworkInterfaceIP?: string }[];
}

const STATUSES = {
  accepted: ConnectionStatus.Connected,
  rejected: ConnectionStatus.Rejected,
  pendingAcceptance: ConnectionStatus.PendingAcceptance,
  failures: {
    [ConnectionStatus.Failed]: "the connection to the endpoint service failed",
    [ConnectionStatus.PartialFailed]: "the connection failed in some zones",
    [ConnectionStatus.ServiceDeleted]: "the endpoint service was deleted",
  },
} as const;

const STATE: Record<string, string> = {
  [ConnectionStatus.PendingAcceptance]: ConnectionState.PendingAcceptance,
  [ConnectionStatus.Connecting]: ConnectionState.Accepting,
  [ConnectionStatus.Connected]: ConnectionState.Accepted,
  [ConnectionStatus.Disconnecting]: ConnectionState.Rejecting,
  [ConnectionStatus.Rejected]: ConnectionState.Rejected,
  [ConnectionStatus.Failed]: ConnectionState.Failed,
  [ConnectionStatus.PartialFailed]: ConnectionState.Failed,
  [ConnectionStatus.ServiceDeleted]: ConnectionState.Failed,
};

export function connectionState(status: string): string {
  return STATE[status] ?? status;
}

/** A service's connections, filtered by endpoint where asked, every page. */
export function findServiceConnections(
  client: VolcengineClient,
  serviceId: string,
  endpointId?: string,
): Promise<VolcengineConnection[]> {
  return collectNumberedPages(PAGE, async (PageNumber, PageSize) => {
    const result = await client.call<{ EndpointConnections?: VolcengineConnection[]; TotalCount?: number }>(
      DESCRIBE,
      { ServiceId: serviceId, ...(endpointId ? { EndpointId: endpointId } : {}), PageNumber, PageSize },
      true,
    );
    const items = result.EndpointConnections ?? [];
    return { items, total: typeof result.TotalCount === "number" ? result.TotalCount : items.length };
  });
}

/** A service's connections as its `connections` output lists them, paged to the end. */
export async function serviceConnections(
  client: VolcengineClient,
  serviceId: string,
): Promise<ConnectionEntry[]> {
  return (await findServiceConnections(client, serviceId)).map((row) => ({
    endpointId: row.EndpointId,
    endpointOwner: row.EndpointOwnerAccountId ?? "",
    state: connectionState(row.ConnectionStatus),
  }));
}

/** One endpoint's connection; undefined when the service or the endpoint is gone. */
export async function findConnection(
  client: VolcengineClient,
  serviceId: string,
  endpointId: string,
): Promise<VolcengineConnection | undefined> {
  const rows = await orUndefined(() => findServiceConnections(client, serviceId, endpointId));
  const matching = (rows ?? []).filter((row) => row.EndpointId === endpointId && row.ServiceId === serviceId);
  if (matching.length > 1) {
    throw new Error(`expected one connection of ${endpointId}, the cloud listed ${matching.length}`);
  }
  return matching[0];
}

const ID_FORMAT: ConnectionIdFormat = {
  label: "Volcengine",
  service: VOLCENGINE_LIMITS.serviceId,
  endpoint: VOLCENGINE_LIMITS.endpointId,
};

/** `granted`: whether the connection as recorded accepted the endpoint (what delete revokes). */
export function volcengineConnectionBackend(
  region: string,
  granted: boolean,
  client: VolcengineClient = createClient(region),
): Backend<VolcengineConnectionInputs, VolcengineConnection> {
  /** Whether this operation has sent its decision: until then, any settled status is ready. */
  let sent = false;
  /** Enable accepts; Disable rejects a pending endpoint or disconnects a connected one. */
  const decide = async (serviceId: string, endpointId: string, accept: boolean) => {
    sent = true;
    await client.call(accept ? ENABLE : DISABLE, { ServiceId: serviceId, EndpointId: endpointId }, true);
  };
  return {
    label: CONNECTION_LABEL,

    async create(inputs) {
      await decide(inputs.serviceId, inputs.endpointId, inputs.accepted);
      return connectionId(inputs);
    },

    async find(id) {
      const { serviceId, endpointId } = parseConnectionId(id, ID_FORMAT);
      return findConnection(client, serviceId, endpointId);
    },

    idOf: (row) => connectionId({ serviceId: row.ServiceId, endpointId: row.EndpointId }),

    classify: (row, inputs) =>
      classifyDecision(row.ConnectionStatus, inputs.accepted !== false, sent, STATUSES),

    outputs(row): CommonOutputs {
      const ip = (row.Zones ?? []).find((zone) => zone.NetworkInterfaceIP)?.NetworkInterfaceIP;
      return {
        status: row.ConnectionStatus,
        state: connectionState(row.ConnectionStatus),
        endpointOwner: row.EndpointOwnerAccountId ?? "",
        ...(row.EndpointVpcId ? { endpointVpcId: row.EndpointVpcId } : {}),
        ...(ip ? { privateIp: ip } : {}),
        ...(row.CreationTime ? { createdAt: row.CreationTime } : {}),
        ...(row.UpdateTime ? { updatedAt: row.UpdateTime } : {}),
      };
    },

    observe(row) {
      return {
        cloud: "volcengine",
        region,
        serviceId: row.ServiceId,
        endpointId: row.EndpointId,
        accepted: heldDecision(row.ConnectionStatus, STATUSES),
      };
    },

    plan(id, _from, to, changed) {
      if (!changed.includes("accepted")) return [];
      const { serviceId, endpointId } = parseConnectionId(id, ID_FORMAT);
      return [
        {
          fields: ["accepted"],
          call: to.accepted ? ENABLE : DISABLE,
          // The connection passes through Connecting/Disconnecting; the lifecycle waits for it.
          settle: true,
          apply: () => decide(serviceId, endpointId, to.accepted),
        },
      ];
    },

    async delete(id) {
      if (!granted) return;
      const { serviceId, endpointId } = parseConnectionId(id, ID_FORMAT);
      // Disconnecting a connection whose service or endpoint is gone is success.
      await orUndefined(() => decide(serviceId, endpointId, false));
    },

    revoked: (row) => !granted || row.ConnectionStatus === ConnectionStatus.Rejected,
  };
}
