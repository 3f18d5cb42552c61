/**
 * The contract between the generic lifecycle and one cloud's code for one kind of resource.
 * Cloud code implements it with HTTP calls; it never sees Pulumi.
 */
import type { CloudName } from "../core/errors.js";
import type { ResourceKind } from "../schema/limits.js";

/** How the cloud state maps onto the waiter. */
export type Classified =
  | { phase: "pending"; status: string }
  | { phase: "ready"; status: string }
  | { phase: "failed"; status: string; reason: string };

/** What a change to one input field costs. */
export interface FieldRule {
  /** `update`: in place through `call`; `replace`: a new object; `ignore`: provider-side only. */
  change: "update" | "replace" | "ignore";
  /** The cloud call that applies it, for docs and diff detail. */
  call?: string;
  /** The cloud assigns a value when the input is absent: absence is never a change. */
  computed?: boolean;
  /**
   * Two objects cannot hold the same value at once (a fixed IP, a backend port with its port
   * mappings): a replacement that keeps it must delete the old object first.
   */
  exclusive?: boolean;
}

/** Normalised outputs every backend reports, whatever the cloud calls them. */
export interface CommonOutputs {
  /** The cloud's raw status string. */
  status: string;
  /** The normalised state: creating, pendingAcceptance, available, rejected, failed, deleting. */
  state: string;
  createdAt?: string;
  [key: string]: unknown;
}

export interface Backend<Inputs extends { cloud: CloudName }, State> {
  cloud: CloudName;
  kind: ResourceKind;
  /** e.g. `Huawei Cloud VPC Endpoint`, for messages. */
  label: string;
  fields: Record<string, FieldRule>;
  /** Sends the create call and returns the new id; does not wait. */
  create(inputs: Inputs): Promise<string>;
  /**
   * Ids of existing objects a create with these inputs could have made. Listed before and after a
   * create whose answer was lost, so the one it made is found instead of leaked (neither cloud
   * takes a client token).
   */
  listMatching?(inputs: Inputs): Promise<string[]>;
  /** Settings the cloud accepts only once the object is ready (permissions, extra security groups). */
  finishCreate?(id: string, inputs: Inputs, state: State): Promise<void>;
  /** The object, or undefined when the cloud says it does not exist. */
  find(id: string): Promise<State | undefined>;
  classify(state: State, inputs: Inputs): Classified;
  /** Computed outputs. */
  outputs(state: State): CommonOutputs;
  /** The input fields as the cloud reports them (for refresh, adopt and drift). */
  observedInputs(state: State): Partial<Inputs>;
  /** Applies the changed in-place fields. */
  update(id: string, from: Inputs, to: Inputs, changed: string[]): Promise<void>;
  /** Sends the delete call; not found counts as success. */
  delete(id: string): Promise<void>;
}

/** Builds the backend for one (cloud, kind) in a region, with credentials read at call time. */
export type BackendFactory = (
  kind: ResourceKind,
  cloud: CloudName,
  region: string,
) => Backend<never, unknown>;
