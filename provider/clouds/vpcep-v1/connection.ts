/**
 * VPC endpoint connections of the VPCEP v1 family: the service owner's decision on one endpoint,
 * made and read from the service's side (`connections/action`, `GET …/connections`).
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0209.html
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0210.html
 */
import backoffDelay from "../../core/backoff.js";
import { systemClock, type Clock } from "../../core/clock.js";
import { CloudApiError } from "../../core/errors.js";
import { currentDeadline } from "../../core/http.js";
import { tuning } from "../../core/settings.js";
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
import { createClient, type VpcepV1Client } from "./client.js";
import { deleteOnce, ErrorCodes } from "./errors.js";
import { describeErrors } from "./endpoint.js";
import { findConnection, findServiceConnections } from "./find.js";
import type { VpcepV1Profile } from "./profile.js";
import { VPCEP_V1_LIMITS, type VpcepConnectionInputs } from "./schema.js";
import { EndpointStatus, type VpcepConnection, type VpcepConnectionState } from "./types.js";

const ACTION = "AcceptOrRejectEndpoint";

export const connectionFields: Record<string, FieldRule> = commonConnectionFields(
  "POST /vpc-endpoint-services/{id}/connections/action",
);

const STATUSES = {
  accepted: EndpointStatus.Accepted,
  rejected: EndpointStatus.Rejected,
  pendingAcceptance: EndpointStatus.PendingAcceptance,
  failures: {
    [EndpointStatus.Failed]: "the endpoint failed",
    [EndpointStatus.Deleting]: "the endpoint is being deleted",
  },
} as const;

const STATE: Record<string, string> = {
  creating: ConnectionState.Creating,
  pendingAcceptance: ConnectionState.PendingAcceptance,
  accepted: ConnectionState.Accepted,
  rejected: ConnectionState.Rejected,
  failed: ConnectionState.Failed,
  deleting: ConnectionState.Deleting,
};

/** The normalised state of a connection row. */
export function connectionState(status: string): string {
  return STATE[status] ?? status;
}

/** A service's connections as the service's `connections` output lists them. */
export function connectionEntries(rows: readonly VpcepConnection[]): ConnectionEntry[] {
  return rows.map((row) => ({
    endpointId: row.id,
    endpointOwner: row.domain_id ?? "",
    state: connectionState(row.status),
  }));
}

/** Every connection of a service, paged to the end (the service's `connections` output). */
export async function serviceConnections(
  client: VpcepV1Client,
  serviceId: string,
): Promise<ConnectionEntry[]> {
  return connectionEntries(await findServiceConnections(client, serviceId));
}

function idFormat(profile: VpcepV1Profile): ConnectionIdFormat {
  return { label: profile.label, service: VPCEP_V1_LIMITS.uuid, endpoint: VPCEP_V1_LIMITS.uuid };
}

/**
 * `granted`: whether the connection as recorded accepted the endpoint (what delete revokes).
 */
export function connectionBackend(
  profile: VpcepV1Profile,
  region: string,
  granted: boolean,
  client: VpcepV1Client = createClient(profile, region),
  clock: Clock = systemClock,
): Backend<VpcepConnectionInputs, VpcepConnectionState> {
  /** Whether this operation has sent its decision: until then, any settled status is ready. */
  let sent = false;

  /**
   * One endpoint per call (EndPoint.2031 otherwise). Receiving a connected endpoint answers
   * EndPoint.2014, which is the decision already made; an endpoint still being created answers
   * EndPoint.2019 for a moment, so the call is made again until the operation's deadline.
   */
  async function decide(serviceId: string, endpointId: string, accept: boolean): Promise<void> {
    sent = true;
    const deadline = currentDeadline() ?? Number.POSITIVE_INFINITY;
    for (let attempt = 1; ; attempt++) {
      try {
        await client.call({
          method: "POST",
          path: `/vpc-endpoint-services/${encodeURIComponent(serviceId)}/connections/action`,
          operation: ACTION,
          body: { action: accept ? "receive" : "reject", endpoints: [endpointId] },
          // The same decision twice is the decision once.
          idempotent: true,
        });
        return;
      } catch (err) {
        if (!(err instanceof CloudApiError)) throw err;
        if (accept && err.code === ErrorCodes.AlreadyConnected) return;
        const delay = backoffDelay(attempt, { baseMs: tuning().pollMinMs, maxMs: tuning().pollMaxMs });
        if (err.code !== ErrorCodes.BeingCreated || clock.now() + delay >= deadline) throw err;
        await clock.sleep(delay);
      }
    }
  }

  return {
    label: `${profile.label} VPC Endpoint Connection`,

    async create(inputs) {
      await decide(inputs.serviceId, inputs.endpointId, inputs.accepted);
      return connectionId(inputs);
    },

    async find(id) {
      const { serviceId, endpointId } = parseConnectionId(id, idFormat(profile));
      return findConnection(client, serviceId, endpointId);
    },

    idOf: ({ serviceId, connection }) => connectionId({ serviceId, endpointId: connection.id }),

    classify: ({ connection }, inputs) =>
      classifyDecision(
        connection.status,
        inputs.accepted !== false,
        sent,
        STATUSES,
        connection.status === EndpointStatus.Failed ? describeErrors(connection.error) : undefined,
      ),

    outputs({ connection }): CommonOutputs {
      return {
        status: connection.status,
        state: connectionState(connection.status),
        endpointOwner: connection.domain_id ?? "",
        // Packet ids exceed 32 bits; a string keeps every digit.
        ...(connection.marker_id !== undefined ? { markerId: String(connection.marker_id) } : {}),
        ...(connection.created_at ? { createdAt: connection.created_at } : {}),
        ...(connection.updated_at ? { updatedAt: connection.updated_at } : {}),
      };
    },

    observe({ serviceId, connection }) {
      return {
        cloud: profile.name,
        region,
        serviceId,
        endpointId: connection.id,
        accepted: heldDecision(connection.status, STATUSES),
      };
    },

    plan(id, _from, to, changed) {
      if (!changed.includes("accepted")) return [];
      const { serviceId, endpointId } = parseConnectionId(id, idFormat(profile));
      return [
        { fields: ["accepted"], call: ACTION, apply: () => decide(serviceId, endpointId, to.accepted) },
      ];
    },

    async delete(id) {
      if (!granted) return;
      const { serviceId, endpointId } = parseConnectionId(id, idFormat(profile));
      // Gone, or an endpoint being deleted: nothing is left to revoke.
      await deleteOnce(() => decide(serviceId, endpointId, false));
    },

    revoked: ({ connection }) => !granted || connection.status === EndpointStatus.Rejected,
  };
}
