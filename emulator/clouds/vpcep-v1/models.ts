/**
 * VPCEP v1 lifecycles as data (status values from the API reference). The states are the
 * family's; the model names come from each cloud's profile.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_08_0003.html
 */
import { GONE, type ModelSpec } from "../../core/transitions.js";

/** Endpoint status values. */
export const EndpointStatus = {
  Creating: "creating",
  PendingAcceptance: "pendingAcceptance",
  Accepted: "accepted",
  Rejected: "rejected",
  Failed: "failed",
  Deleting: "deleting",
} as const;

/** Service status values. */
export const ServiceStatus = {
  Creating: "creating",
  Available: "available",
  Failed: "failed",
  Deleting: "deleting",
} as const;

/**
 * An endpoint is created, then accepted at once (`approval_enabled=false`) or parked in
 * `pendingAcceptance` for the owner; receive/reject move it on; delete ends in 404, never `deleted`.
 */
export function endpointModel(model: string): ModelSpec {
  return {
    model,
    chains: {
      create: { enter: EndpointStatus.Creating, steps: [EndpointStatus.Accepted] },
      createWithApproval: { enter: EndpointStatus.Creating, steps: [EndpointStatus.PendingAcceptance] },
      receive: { steps: [EndpointStatus.Accepted] },
      reject: { steps: [EndpointStatus.Rejected] },
      delete: { enter: EndpointStatus.Deleting, steps: [GONE] },
    },
    states: Object.values(EndpointStatus),
  };
}

/** A service is created (or fails late, e.g. on a port conflict) and deleted through `deleting`. */
export function serviceModel(model: string): ModelSpec {
  return {
    model,
    chains: {
      create: { enter: ServiceStatus.Creating, steps: [ServiceStatus.Available] },
      createFailed: { enter: ServiceStatus.Creating, steps: [ServiceStatus.Failed] },
      delete: { enter: ServiceStatus.Deleting, steps: [GONE] },
    },
    states: Object.values(ServiceStatus),
  };
}
