/**
 * Tencent Cloud VPC endpoint connections: the service owner's decision on one endpoint
 * (`EnableVpcEndPointConnect`, `AcceptFlag`), read from the service's side: the service object
 * embeds its endpoints (`EndPointSet`, each with `State`), the owner's view of who is connected or
 * waiting, whichever account owns them.
 * @link https://www.tencentcloud.com/document/api/215/54679
 */
import { orUndefined } from "../../core/errors.js";
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
import { createClient, type TencentClient } from "./client.js";
import { findServiceById } from "./find.js";
import { TENCENT_LIMITS, type TencentConnectionInputs } from "./schema.js";
import { EndpointState, ZERO_TIME, type TencentEndpoint } from "./types.js";

export const CONNECTION_LABEL = "Tencent Cloud VPC Endpoint Connection";

const ENABLE = "EnableVpcEndPointConnect";

export const connectionFields: Record<string, FieldRule> = commonConnectionFields(ENABLE);

/** A connection: the endpoint as its service's `EndPointSet` shows it. */
export interface TencentConnectionState {
  serviceId: string;
  endpoint: TencentEndpoint;
}

const STATUSES = {
  accepted: EndpointState.Active,
  rejected: EndpointState.Rejected,
  pendingAcceptance: EndpointState.Pending,
  failures: { [EndpointState.Failed]: "the cloud reports the endpoint as FAILED" },
} as const;

const STATE: Record<string, string> = {
  PENDING: ConnectionState.PendingAcceptance,
  ACCEPTING: ConnectionState.Accepting,
  ACTIVE: ConnectionState.Accepted,
  REJECTED: ConnectionState.Rejected,
  FAILED: ConnectionState.Failed,
};

export function connectionState(status: string): string {
  return STATE[status] ?? status;
}

/** A service's embedded endpoints as its `connections` output lists them. */
export function connectionEntries(endpoints: readonly TencentEndpoint[] | undefined): ConnectionEntry[] {
  return (endpoints ?? []).map((endpoint) => ({
    endpointId: endpoint.EndPointId,
    endpointOwner: endpoint.EndPointOwner ?? "",
    state: connectionState(endpoint.State),
  }));
}

/**
 * Accepts or rejects endpoints of one service. The call takes a list (Tencent batches where
 * Huawei demands one per call); a resource sends its one endpoint. Deciding what is already
 * decided changes nothing, so the call may be resent.
 */
export async function decideConnections(
  client: TencentClient,
  serviceId: string,
  endpointIds: readonly string[],
  accept: boolean,
): Promise<void> {
  await client.call(
    ENABLE,
    { EndPointServiceId: serviceId, EndPointId: [...endpointIds], AcceptFlag: accept },
    true,
  );
}

/** One endpoint's connection, from its service; undefined when either is gone. */
export async function findConnection(
  client: TencentClient,
  serviceId: string,
  endpointId: string,
): Promise<TencentConnectionState | undefined> {
  const service = await findServiceById(client, serviceId);
  const matching = (service?.EndPointSet ?? []).filter((e) => e.EndPointId === endpointId);
  if (matching.length > 1) {
    throw new Error(
      `expected one endpoint ${endpointId} in service ${serviceId}, the cloud listed ${matching.length}`,
    );
  }
  return matching[0] ? { serviceId, endpoint: matching[0] } : undefined;
}

const ID_FORMAT: ConnectionIdFormat = {
  label: "Tencent Cloud",
  service: TENCENT_LIMITS.endpointServiceId,
  endpoint: TENCENT_LIMITS.endpointId,
};

/** `granted`: whether the connection as recorded accepted the endpoint (what delete revokes). */
export function tencentConnectionBackend(
  region: string,
  granted: boolean,
  client: TencentClient = createClient(region),
): Backend<TencentConnectionInputs, TencentConnectionState> {
  /** Whether this operation has sent its decision: until then, any settled state is ready. */
  let sent = false;
  const decide = (serviceId: string, endpointId: string, accept: boolean) => {
    sent = true;
    return decideConnections(client, serviceId, [endpointId], accept);
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

    idOf: ({ serviceId, endpoint }) => connectionId({ serviceId, endpointId: endpoint.EndPointId }),

    classify: ({ endpoint }, inputs) =>
      classifyDecision(endpoint.State, inputs.accepted !== false, sent, STATUSES),

    outputs({ endpoint }): CommonOutputs {
      return {
        status: endpoint.State,
        state: connectionState(endpoint.State),
        endpointOwner: endpoint.EndPointOwner ?? "",
        ...(endpoint.EndPointVip ? { privateIp: endpoint.EndPointVip } : {}),
        endpointVpcId: endpoint.VpcId,
        ...(endpoint.CreateTime && endpoint.CreateTime !== ZERO_TIME
          ? { createdAt: endpoint.CreateTime }
          : {}),
      };
    },

    observe({ serviceId, endpoint }) {
      return {
        cloud: "tencentcloud",
        region,
        serviceId,
        endpointId: endpoint.EndPointId,
        accepted: heldDecision(endpoint.State, STATUSES),
      };
    },

    plan(id, _from, to, changed) {
      if (!changed.includes("accepted")) return [];
      const { serviceId, endpointId } = parseConnectionId(id, ID_FORMAT);
      return [
        { fields: ["accepted"], call: ENABLE, apply: () => decide(serviceId, endpointId, to.accepted) },
      ];
    },

    async delete(id) {
      if (!granted) return;
      const { serviceId, endpointId } = parseConnectionId(id, ID_FORMAT);
      // Revoking on a service or endpoint already gone is success.
      await orUndefined(() => decide(serviceId, endpointId, false));
    },

    revoked: ({ endpoint }) => !granted || endpoint.State === EndpointState.Rejected,
  };
}
