/**
 * What VPC endpoint connections share on every cloud: the id, the field rules, and how a
 * connection's status reads against the decision the program asks for.
 *
 * The id is `<serviceId>/<endpointId>`. The clouds give a connection no id of its own (it is the
 * endpoint as the service's owner sees it), and the owner reads it through the service, so the id
 * carries both: a read of an id alone (refresh, `get`) needs nothing else.
 */
import { ValidationError } from "../core/errors.js";
import type { Classified, FieldRule } from "../resources/backend.js";
import { PLACEMENT_RULES } from "./common-rules.js";

/** The two ids a connection id joins. */
export interface ConnectionIds {
  serviceId: string;
  endpointId: string;
}

/** Id formats of one cloud, to refuse an id that cannot be that cloud's. */
export interface ConnectionIdFormat {
  /** e.g. `Huawei Cloud`, for the message. */
  label: string;
  service: RegExp;
  endpoint: RegExp;
}

const SEPARATOR = "/";

/** `<serviceId>/<endpointId>`. */
export function connectionId({ serviceId, endpointId }: ConnectionIds): string {
  return `${serviceId}${SEPARATOR}${endpointId}`;
}

/**
 * The service and endpoint ids of a connection id; throws a ValidationError naming the expected
 * form when the id is not two ids of the cloud's formats joined by one `/`.
 */
export function parseConnectionId(id: string, format: ConnectionIdFormat): ConnectionIds {
  const parts = id.split(SEPARATOR);
  const [serviceId, endpointId] = parts;
  if (
    parts.length !== 2 ||
    serviceId === undefined ||
    endpointId === undefined ||
    !format.service.test(serviceId) ||
    !format.endpoint.test(endpointId)
  ) {
    throw new ValidationError(
      `${JSON.stringify(id)} is not a ${format.label} VPC endpoint connection id: expected <serviceId>/<endpointId>`,
    );
  }
  return { serviceId, endpointId };
}

/** One entry of a service's `connections` output: who is connected or waiting, and how it stands. */
export interface ConnectionEntry {
  endpointId: string;
  /** The endpoint owner's account (domain, AppId or account id), as the cloud reports it. */
  endpointOwner: string;
  /** The normalised state (`pendingAcceptance`, `accepted`, `rejected`, …). */
  state: string;
}

/** The service and endpoint name the connection (a new pair is another one); the decision updates in place. */
export function connectionFields(decisionCall: string): Record<string, FieldRule> {
  return {
    ...PLACEMENT_RULES,
    serviceId: { change: "replace" },
    endpointId: { change: "replace" },
    accepted: { change: "update", call: decisionCall },
    timeouts: { change: "ignore" },
  };
}

/** Normalised connection states (`state` output). */
export const ConnectionState = {
  Creating: "creating",
  PendingAcceptance: "pendingAcceptance",
  Accepting: "accepting",
  Accepted: "accepted",
  Rejecting: "rejecting",
  Rejected: "rejected",
  Failed: "failed",
  Deleting: "deleting",
} as const;

/**
 * A recorded connection is settled when it holds the decision the program asks for: `rejected`,
 * which the generic rule counts as unsettled, is where `accepted: false` leaves it.
 */
export function connectionUnsettled(
  outputs: Record<string, unknown>,
  inputs: Record<string, unknown>,
): boolean {
  if (typeof inputs.accepted !== "boolean") return false;
  const decided = inputs.accepted ? ConnectionState.Accepted : ConnectionState.Rejected;
  return outputs.state !== decided;
}

/** How one cloud's raw connection statuses read. */
export interface ConnectionStatuses {
  accepted: string;
  rejected: string;
  /** Waiting for the owner's decision: settled until one is sent. */
  pendingAcceptance: string;
  /** Terminal statuses no decision moves on from, with the reason to report. */
  failures: Readonly<Record<string, string>>;
}

/**
 * The decision the cloud holds, as the `accepted` input reads: none (null) while the endpoint
 * waits for one, or in a transition, which differs from any input, so the next `up` sends it.
 */
export function heldDecision(status: string, statuses: ConnectionStatuses): boolean | null {
  if (status === statuses.accepted) return true;
  return status === statuses.rejected ? false : null;
}

/**
 * Ready once the connection holds the decision. Before the running operation has sent its decision,
 * every settled status (the other decision, or none yet) is ready too: an update first waits for a
 * changing object, then compares and sends; after it, the other settled statuses are a decision on
 * its way. Anything else is a transition, and the cloud's failure statuses end the wait.
 */
export function classifyDecision(
  status: string,
  accepted: boolean,
  sent: boolean,
  statuses: ConnectionStatuses,
  reason?: string,
): Classified {
  const decided = accepted ? statuses.accepted : statuses.rejected;
  if (status === decided) return { phase: "ready", status };
  const failure = statuses.failures[status];
  if (failure !== undefined) return { phase: "failed", status, reason: reason || failure };
  const settled = [statuses.accepted, statuses.rejected, statuses.pendingAcceptance].includes(status);
  return settled && !sent ? { phase: "ready", status } : { phase: "pending", status };
}
