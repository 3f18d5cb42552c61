/**
 * Volcengine PrivateLink lifecycles as data (fact sheet §5, lifecycle doc 6980/155903). An
 * endpoint's `Status` and its `ConnectionStatus` move independently ("Available" is not
 * "connected"), so the connection is a model of its own, stored beside the endpoint.
 * @link https://www.volcengine.com/docs/6980/155903
 */
import { GONE, type ModelSpec } from "../../core/transitions.js";

/** The cloud's registry name. */
export const VOLCENGINE_CLOUD = "volcengine" as const;

/** The endpoint model. */
export const VE_ENDPOINT_MODEL = "volcengine::privatelink_endpoint";
/** The endpoint service model. */
export const VE_SERVICE_MODEL = "volcengine::privatelink_endpoint_service";
/** An endpoint's connection to its service (the `ConnectionStatus` field). */
export const VE_CONNECTION_MODEL = "volcengine::privatelink_connection";

/** Endpoint `Status`. */
export const EndpointStatus = {
  Creating: "Creating",
  Available: "Available",
  Pending: "Pending",
  Deleting: "Deleting",
  Inactive: "Inactive",
} as const;

/** Service `Status` (no failure value is documented). */
export const ServiceStatus = {
  Creating: "Creating",
  Available: "Available",
  Pending: "Pending",
  Deleting: "Deleting",
} as const;

/** Endpoint `ConnectionStatus` (and zone `ZoneStatus`). */
export const ConnectionStatus = {
  PendingAcceptance: "PendingAcceptance",
  Connecting: "Connecting",
  Connected: "Connected",
  Disconnecting: "Disconnecting",
  Rejected: "Rejected",
  Failed: "Failed",
  PartialFailed: "PartialFailed",
  ServiceDeleted: "ServiceDeleted",
} as const;

/**
 * Create `Creating → Available` (CreateVpcEndpoint doc); every modify, security-group and zone
 * call `Available → Pending → Available`; delete `Pending → Deleting → gone`. `Inactive` is only
 * reached by forcing it (control API), as the failure the docs name.
 */
export const veEndpointModel: ModelSpec = {
  model: VE_ENDPOINT_MODEL,
  chains: {
    create: { enter: EndpointStatus.Creating, steps: [EndpointStatus.Available] },
    modify: { enter: EndpointStatus.Pending, steps: [EndpointStatus.Available] },
    delete: { enter: EndpointStatus.Pending, steps: [EndpointStatus.Deleting, GONE] },
  },
  states: Object.values(EndpointStatus),
  aliases: {
    creating: EndpointStatus.Creating,
    available: EndpointStatus.Available,
    pending: EndpointStatus.Pending,
    deleting: EndpointStatus.Deleting,
    inactive: EndpointStatus.Inactive,
    failed: EndpointStatus.Inactive,
  },
};

/**
 * Auto-accept: `Connecting → Connected`; otherwise `PendingAcceptance` until the owner's
 * EnableVpcEndpointConnection (`Connecting → Connected`); DisableVpcEndpointConnection goes
 * `Disconnecting → Rejected`. A deleted service leaves its endpoints `ServiceDeleted`.
 */
export const veConnectionModel: ModelSpec = {
  model: VE_CONNECTION_MODEL,
  chains: {
    autoAccept: { enter: ConnectionStatus.Connecting, steps: [ConnectionStatus.Connected] },
    await: { enter: ConnectionStatus.PendingAcceptance, steps: [] },
    accept: { enter: ConnectionStatus.Connecting, steps: [ConnectionStatus.Connected] },
    reject: { enter: ConnectionStatus.Disconnecting, steps: [ConnectionStatus.Rejected] },
  },
  states: Object.values(ConnectionStatus),
  aliases: {
    pendingAcceptance: ConnectionStatus.PendingAcceptance,
    connecting: ConnectionStatus.Connecting,
    accepted: ConnectionStatus.Connected,
    connected: ConnectionStatus.Connected,
    rejected: ConnectionStatus.Rejected,
    failed: ConnectionStatus.Failed,
  },
};

/** Service: `Creating → Available`, `Pending` during changes, `Deleting → gone`. */
export const veServiceModel: ModelSpec = {
  model: VE_SERVICE_MODEL,
  chains: {
    create: { enter: ServiceStatus.Creating, steps: [ServiceStatus.Available] },
    modify: { enter: ServiceStatus.Pending, steps: [ServiceStatus.Available] },
    delete: { enter: ServiceStatus.Deleting, steps: [GONE] },
  },
  states: Object.values(ServiceStatus),
  aliases: {
    creating: ServiceStatus.Creating,
    available: ServiceStatus.Available,
    pending: ServiceStatus.Pending,
    deleting: ServiceStatus.Deleting,
  },
};
