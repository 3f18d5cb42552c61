/**
 * The contract between the generic lifecycle and one cloud's code for one kind of resource.
 * Cloud code implements it with HTTP calls; it never sees Pulumi.
 */

/** How the cloud state maps onto the waiter. */
export type Classified =
  | { phase: "pending"; status: string }
  | { phase: "ready"; status: string }
  | { phase: "failed"; status: string; reason: string };

/** What a change to one input field costs. */
export interface FieldRule {
  /** `update`: in place through `call`; `replace`: a new object; `ignore`: provider-side only. */
  change: "update" | "replace" | "ignore";
  /** The cloud call that applies it, for docs. */
  call?: string;
  /**
   * The cloud keeps a value when the input is absent (assigned by the cloud, or one the API cannot
   * clear): absence is never a change.
   */
  computed?: boolean;
  /**
   * Two objects cannot hold the same value at once (a fixed IP, a backend port with its port
   * mappings): a replacement that keeps it must delete the old object first.
   */
  exclusive?: boolean;
  /**
   * `false` when the create call does not set the field in full (applied by update steps once the
   * object is ready): it then cannot identify the object a lost create made.
   */
  atCreate?: boolean;
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

/** One call of an in-place change, run in order by the lifecycle. */
export interface UpdateStep {
  /** The input fields this step brings to their new value. */
  fields: readonly string[];
  /** The cloud call, for progress lines. */
  call: string;
  apply(): Promise<void>;
  /** Wait until the object is ready again before the next step (clouds that lock while changing). */
  settle?: boolean;
}

/**
 * How much of an object a lookup reads: `status` is enough to tell whether it exists and how far it
 * is (one call), `full` also reads what takes further calls (whitelists, permissions, zones).
 */
export type LookupDepth = "status" | "full";

export interface Backend<Inputs, State> {
  /** e.g. `Huawei Cloud VPC Endpoint`, for messages. */
  label: string;
  /** Sends the create call and returns the new id; does not wait. */
  create(inputs: Inputs): Promise<string>;
  /** Warnings about inputs the cloud takes but discourages (a deprecated type), printed at create. */
  notices?(inputs: Inputs): string[];
  /**
   * Objects a create with these inputs could have made, narrowed by the list call's own filters;
   * the lifecycle matches them on every identifying field. Used around a create whose answer was
   * lost, where the cloud takes no client token.
   */
  listCandidates?(inputs: Inputs): Promise<State[]>;
  /**
   * The values of the filters `listCandidates` applies: creates that could appear in each other's
   * listings share them, and run one at a time in the host.
   */
  candidateScope?(inputs: Inputs): string;
  /**
   * The object, or undefined when the cloud says it does not exist. At `status` depth a backend
   * with {@link complete} leaves out what only further calls read; its `observe` then omits those
   * fields.
   */
  find(id: string, depth?: LookupDepth): Promise<State | undefined>;
  /** Reads what a `status` lookup left out of `state`; undefined when the object is gone. */
  complete?(id: string, state: State): Promise<State | undefined>;
  /**
   * The create call answers once the object exists in full (it has no creating state), so the
   * first status read after it need not wait a poll delay.
   */
  createsReady?: boolean;
  /**
   * What a just-created object holds for every field only a full lookup reads, when the create call
   * cannot have set them (a service's whitelist starts empty): the wait after a create then reads
   * at `status` depth. Absent when the cloud fills such fields itself.
   */
  freshValues?(inputs: Inputs): Record<string, unknown>;
  idOf(state: State): string;
  classify(state: State, inputs: Inputs): Classified;
  /** Computed outputs. */
  outputs(state: State): CommonOutputs;
  /** The input fields as the cloud reports them (normalised by the lifecycle). */
  observe(state: State): Record<string, unknown>;
  /** The calls that bring the object from `from` (what the cloud holds) to `to`, in order. */
  plan(id: string, from: Inputs, to: Inputs, changed: readonly string[]): UpdateStep[];
  /** Sends the delete call; not found counts as success. */
  delete(id: string): Promise<void>;
  /**
   * A state that counts as deleted for the wait after `delete`: for an object that delete revokes
   * rather than removes (a connection the cloud keeps, rejected). Without it only not found does.
   */
  revoked?(state: State): boolean;
  /**
   * The state with what is read only when the lifecycle records outputs (end of create, update,
   * adoption and read), never on a poll: a service's connection list, paged to the end.
   */
  detail?(id: string, state: State): Promise<State>;
}

/** Inputs as the generic lifecycle handles them: checked and normalised, the cloud's own shape. */
export type LifecycleInputs = Record<string, unknown> & {
  cloud: string;
  region: string;
  timeouts?: { create?: string; update?: string; delete?: string } | undefined;
  adoptId?: string | undefined;
};

/** A backend as the generic lifecycle sees it: inputs are records, states opaque. */
export type ErasedBackend = Backend<LifecycleInputs, unknown>;

/** Forgets a backend's own types; the lifecycle only hands it what the same cloud's check produced. */
export function erase<Inputs, State>(backend: Backend<Inputs, State>): ErasedBackend {
  return backend as unknown as ErasedBackend;
}
