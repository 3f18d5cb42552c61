/**
 * The VPCEP v1 REST family: Huawei Cloud and Open Telekom Cloud run the same VPCEP stack (paths,
 * field names, error codes), and differ in hosts, signing form, credentials, limits and which calls
 * exist. A profile says how one cloud differs; the family's client, finders, error rules, tag calls,
 * schemas and backends read it.
 */
import type { Clock } from "../../core/clock.js";
import type { SignableRequest } from "../../core/http.js";
import type { SettingSpec } from "../../core/settings.js";
import type { ResourceKind } from "../../schema/kinds.js";
import type { TagLimits } from "../../schema/tags.js";

/** Signs (or authorises) requests to one project. */
export interface VpcepV1Session {
  /** The project the requests go under (`/v1/{project_id}`). */
  projectId: string;
  /** Sets the auth headers on an outgoing request; synchronous, and run again on every resend. */
  sign(request: SignableRequest): void;
}

/**
 * How a family cloud authenticates, read from its settings at call time. AK/SK signs every request
 * as it goes; a token first asks IAM, so `session()` is asynchronous and its result is cached.
 */
export interface VpcepV1Auth {
  /** Names the account in the transport key (never a secret). */
  account: string;
  /** Base URL override, e.g. the emulator. */
  endpoint?: string | undefined;
  /** The session to send with, renewed when it is about to expire. */
  session(): Promise<VpcepV1Session>;
  /**
   * The gateway refused the credentials: forget a cached token. True when asking again may help
   * (a token revoked or expired early), so the call is sent once more with a new one.
   */
  refused?(): boolean;
}

/** The settings every family cloud reads, under its own keys and variables. */
export interface VpcepV1Settings {
  endpoint: SettingSpec;
  [name: string]: SettingSpec;
}

export interface VpcepV1Profile<Name extends string = string> {
  name: Name;
  label: string;
  settings: VpcepV1Settings;
  /** `https://vpcep.{region}.…` when no endpoint override is set. */
  defaultBaseUrl(region: string): string;
  region: { pattern: RegExp; example: string };
  /** The credentials of the settings, for one region; throws naming the settings when incomplete. */
  auth(region: string, clock: Clock): VpcepV1Auth;
  /** Tag rules of the kinds that take tags (a connection takes none). */
  tags: Pick<Record<ResourceKind, TagLimits>, "endpoint" | "endpointService">;
  /** Backend types a service may be created with. */
  serverTypes: readonly [string, ...string[]];
  /** Whether `PUT /vpc-endpoints/{id}` exists (Huawei: whitelist in place; OTC: none, so it replaces). */
  endpointUpdate: boolean;
  /**
   * Whether `PUT /vpc-endpoints/{id}/routetables` exists (Huawei: a gateway endpoint's route tables
   * change in place; OTC's API reference has no such call, so a change replaces).
   */
  routeTablesUpdate: boolean;
  /** Whether `permissions/action` takes `permission_type` (organisation paths; Huawei only). */
  orgPathPermissions: boolean;
  /** Server types the API still takes but deprecates: a create with one prints a warning. */
  deprecatedServerTypes: readonly string[];
  /** Whether a service takes `vip_port_id` (removed from the OTC API). */
  vipPortId: boolean;
  /** Filters the service list accepts besides name and id. */
  serviceListFilters: { serverType: boolean };
}
