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

/** What a family client needs to sign and address requests. */
export interface VpcepV1Credentials {
  accessKey: string;
  secretKey: string;
  projectId: string;
  securityToken?: string | undefined;
  /** Base URL override, e.g. the emulator. */
  endpoint?: string | undefined;
}

/** The settings every family cloud reads, under its own keys and variables. */
export interface VpcepV1Settings {
  accessKey: SettingSpec & { required: true };
  secretKey: SettingSpec & { required: true; secret: true };
  projectId: SettingSpec & { required: true };
  securityToken: SettingSpec;
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
  /** Sets the signature headers on an outgoing request. */
  signer(credentials: VpcepV1Credentials, region: string, clock: Clock): (request: SignableRequest) => void;
  tags: Record<ResourceKind, TagLimits>;
  /** Backend types a service may be created with. */
  serverTypes: readonly [string, ...string[]];
  /** Whether `PUT /vpc-endpoints/{id}` exists (Huawei: whitelist in place; OTC: none, so it replaces). */
  endpointUpdate: boolean;
  /** Whether `permissions/action` takes `permission_type` (organisation paths; Huawei only). */
  orgPathPermissions: boolean;
  /** Whether a service takes `vip_port_id` (removed from the OTC API). */
  vipPortId: boolean;
  /** Filters the service list accepts besides name and id. */
  serviceListFilters: { serverType: boolean };
}
