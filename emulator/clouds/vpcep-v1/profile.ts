/**
 * The VPCEP v1 REST family: Huawei Cloud and Open Telekom Cloud run the same VPCEP stack (paths,
 * field names, error codes, states). A profile says how one cloud of the family differs: hosts,
 * signature form, which calls exist, permission types, tag rules and a few answer fields. The
 * family's handlers read the profile and never name a cloud.
 */
import type { CloudName } from "../../core/types.js";
import type { CodeSpec } from "./codes.js";

/** A request as a signature verifier sees it. */
export interface SignedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** What an `Authorization` header says. */
export interface ParsedSignature {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
  /** The credential scope of scoped forms (`<date>/<region>/<service>/…`). */
  scope?: { date: string; region: string; service: string };
}

/**
 * One `SDK-HMAC-SHA256` signature form (Huawei's `Access=…`, OTC's scoped `Credential=…`). The
 * family verifier does the rest: key lookup, `X-Sdk-Date` window, constant-time compare.
 */
export interface SignatureScheme {
  /** Parses the header; undefined when it is not this scheme's form. */
  parse(header: string): ParsedSignature | undefined;
  /**
   * The signature the client should have sent, or undefined when the header's scope does not fit
   * the request (another date than `X-Sdk-Date`, another region or service): a bad signature.
   */
  expected(
    request: SignedRequest,
    parsed: ParsedSignature,
    secretKey: string,
    sdkDate: string,
    region: string,
  ): string | undefined;
}

/** Tag rules of one resource kind. Lengths count Unicode code points. */
export interface TagRules {
  maxCount: number;
  keyMaxLength: number;
  valueMaxLength: number;
  /** Characters a key or value may hold (tested on the whole string). */
  charset: RegExp;
  /** Refuse leading or trailing spaces. */
  noEdgeSpaces: boolean;
  /** For messages. */
  charsetDescription: string;
}

/** The `permission_type` values of `permissions/action`. */
export type PermissionType = "domainId" | "orgPath";

/** Calls that only some clouds of the family have. */
export interface V1Features {
  /** `PUT /vpc-endpoints/{id}` (IP whitelist in place). */
  endpointUpdate: boolean;
  /**
   * `PUT /vpc-endpoints/{id}/policy` (declined by the emulator, but real) and `…/routetables`
   * (a gateway endpoint's route tables in place).
   */
  endpointPolicyAndRoutes: boolean;
  /** `PUT /vpc-endpoint-services/{id}/connections/description` (declined, but real). */
  connectionDescriptions: boolean;
  /**
   * A Keystone v3 IAM on the same port (`POST /v3/auth/tokens`, password method) whose
   * project-scoped tokens open the VPCEP API through `X-Auth-Token`.
   */
  keystoneTokens: boolean;
}

/** Fields that only some clouds of the family take or answer. */
export interface V1Fields {
  /** `permission_type` in `permissions/action` is read (else ignored: every entry is `domainId`). */
  permissionType: boolean;
  /** Services take `vip_port_id` on create and PUT (else it is ignored and never answered). */
  serviceVipPortId: boolean;
  /** The service list filters by `server_type` (else the parameter is ignored). */
  serviceListServerType: boolean;
  /** The create-endpoint answer carries `ip` and `dns_names` (else only GET and list do). */
  endpointCreateAddresses: boolean;
  /** Service answers carry `enable_policy`. */
  serviceEnablePolicy: boolean;
}

/** How one cloud of the family differs. */
export interface VpcepV1Profile {
  cloud: CloudName;
  /** Model names (`<cloud>::<type>`) for the transition engine. */
  models: { endpoint: string; service: string };
  /** Matches the `Host` header of this cloud's endpoint; group 1 is the region. */
  host: RegExp;
  /** The zone of endpoint DNS names (`dns_names`) in a region. */
  dnsZone(region: string): string;
  /** Accepted `Authorization` forms, tried in order. */
  signatures: readonly [SignatureScheme, ...SignatureScheme[]];
  features: V1Features;
  fields: V1Fields;
  /** Accepted `permission_type` values; the first is the default. */
  permissionTypes: readonly [PermissionType, ...PermissionType[]];
  tags: { endpoint: TagRules; service: TagRules };
  /** `server_type` values a user may create a service with. */
  serverTypes: readonly string[];
  /** What a `throttle` fault answers when its rule names no code. */
  throttle: CodeSpec;
}
