/**
 * Tencent Cloud VPC endpoint lifecycles as data. Endpoint services have no state field on the
 * wire; their model exists so deletion can still be delayed like the other models.
 * @link https://www.tencentcloud.com/document/api/215/40707
 */
import { GONE, type ModelSpec } from "../../core/transitions.js";

/** The cloud's registry name. */
export const TENCENT_CLOUD = "tencentcloud" as const;

/** The endpoint model. */
export const TC_ENDPOINT_MODEL = "tencent::endpoint";
/** The endpoint service model (no wire state). */
export const TC_SERVICE_MODEL = "tencent::endpoint_service";

/** `EndPoint.State` values. */
export const EndPointState = {
  Pending: "PENDING",
  Accepting: "ACCEPTING",
  Active: "ACTIVE",
  Rejected: "REJECTED",
  Failed: "FAILED",
} as const;

/** The internal state of a service (never sent). */
export const SERVICE_AVAILABLE = "AVAILABLE";

/**
 * PENDING first (the create response shows it); with AutoAcceptFlag the endpoint moves on through
 * ACCEPTING to ACTIVE, otherwise it waits for EnableVpcEndPointConnect. Delete keeps the last
 * state until the record is gone.
 */
export const tcEndpointModel: ModelSpec = {
  model: TC_ENDPOINT_MODEL,
  chains: {
    create: { enter: EndPointState.Pending, steps: [] },
    createAutoAccept: {
      enter: EndPointState.Pending,
      steps: [EndPointState.Accepting, EndPointState.Active],
    },
    accept: { steps: [EndPointState.Accepting, EndPointState.Active] },
    reject: { steps: [EndPointState.Rejected] },
    delete: { steps: [GONE] },
  },
  states: Object.values(EndPointState),
  aliases: {
    pending: EndPointState.Pending,
    pendingAcceptance: EndPointState.Pending,
    accepting: EndPointState.Accepting,
    accepted: EndPointState.Active,
    active: EndPointState.Active,
    available: EndPointState.Active,
    rejected: EndPointState.Rejected,
    failed: EndPointState.Failed,
  },
};

/** A service exists at once; its deletion can be delayed. */
export const tcServiceModel: ModelSpec = {
  model: TC_SERVICE_MODEL,
  chains: {
    create: { enter: SERVICE_AVAILABLE, steps: [] },
    delete: { steps: [GONE] },
  },
  states: [SERVICE_AVAILABLE],
  aliases: { available: SERVICE_AVAILABLE },
};
