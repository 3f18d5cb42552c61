/**
 * What one cloud folder provides. The registry (`./index.ts`) lists the modules; the input unions,
 * the lifecycles, the SDK's per-cloud types, the README tables and the policy pack's cloud list all
 * derive from it, so adding a cloud is a folder here and a registry line.
 */
import type { ProvisioningWindow } from "../core/poll-schedule.js";
import type { SettingSpec } from "../core/settings.js";
import type { ErasedBackend, FieldRule } from "../resources/backend.js";
import type { InputSchema } from "../schema/input-schema.js";
import type { ResourceKind } from "../schema/kinds.js";
import type { TagLimits } from "../schema/tags.js";

/** What the lifecycle knows of a resource when it needs its backend. */
export type KnownResource = Record<string, unknown> & { region: string };

/** One kind of resource on one cloud. */
export interface ResourceSpec {
  /** The cloud's branch of the input union (its `cloud` field is a literal). */
  schema: InputSchema;
  /** What a change to each input costs; diff reads only these, so preview needs no credentials. */
  fields: Record<string, FieldRule>;
  /** The cloud's tag rules for this kind; `NO_TAGS` for a kind that takes none. */
  tags: TagLimits;
  /** Output-only properties the backend reports (the SDK declares them so they reach programs). */
  outputs: readonly string[];
  /**
   * How long the cloud documents a create and a delete of this kind to take: the waiter's polls
   * gather inside that window. Absent where the cloud documents no time.
   */
  provisioning?: { create?: ProvisioningWindow; delete?: ProvisioningWindow };
  /**
   * Whether recorded outputs show an object that is not where an `up` leaves it, when the generic
   * rule (a normalised state such as `rejected` is unsettled) does not fit this kind: a connection
   * rejected on purpose is settled. Read from state and inputs only: diff makes no cloud call.
   */
  unsettled?(outputs: Record<string, unknown>, inputs: Record<string, unknown>): boolean;
  /**
   * The backend for a resource, from what is known of it (its inputs or stored outputs: region, and
   * hints such as an address family); credentials are read when it is built, at call time.
   */
  backend(known: KnownResource): ErasedBackend;
}

/** The plain argument types of a cloud's resources (the SDK wraps them in `pulumi.Input`). */
export type ResourceArgs = Record<ResourceKind, { cloud: string }>;

export interface CloudModule<Name extends string = string, Args extends ResourceArgs = ResourceArgs> {
  /** The value of the `cloud` input, e.g. `huaweicloud`. */
  name: Name;
  /** e.g. `Huawei Cloud`. */
  label: string;
  /** Stack config keys and environment variables, for reading credentials and for the docs. */
  settings: Record<string, SettingSpec>;
  resources: Record<ResourceKind, ResourceSpec>;
  /** Type-level only (never set): the documented argument types the SDK derives its own from. */
  readonly args?: Args;
}

type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : false;

/**
 * `true` when the documented arguments name exactly the schema's inputs; used as
 * `[true, true] satisfies [ArgsMatch<…>, ArgsMatch<…>]`, so a drift fails the build.
 */
export type ArgsMatch<Args, Shape> = SameKeys<Args, Shape>;
