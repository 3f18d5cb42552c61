/**
 * The VPCEP v1 REST family: Huawei Cloud and Open Telekom Cloud run the same VPCEP stack (paths,
 * field names, error codes, states). A profile says how one cloud of the family differs: hosts,
 * signature form, which calls exist, permission types, tag rules and a few answer fields. The
 * family's handlers read the profile and never name a cloud.
 */
import type { CloudName } from "../../core/types.js";

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
}

/**
 * One `SDK-HMAC-SHA256` signature form (Huawei's `Access=…`, OTC's scoped `Credential=…`). The
 * family verifier does the rest: key lookup, `X-Sdk-Date` window, constant-time compare.
 */
export interface SignatureScheme {
  /** Parses the header; undefined when it is not this scheme's form. */
  parse(header: string): ParsedSignature | undefined;
  /** The signature the client should have sent. */
  expected(request: SignedRequest, parsed: ParsedSignature, secretKey: string, sdkDate: string): string;
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
  /** `PUT /vpc-endpoints/{id}/policy` and `…/routetables` (declined by the emulator, but real). */
  endpointPolicyAndRoutes: boolean;
  /** `PUT /vpc-endpoint-services/{id}/connections/description` (declined, but real). */
  connectionDescriptions: boolean;
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
  signature: SignatureScheme;
  features: V1Features;
  /** Accepted `permission_type` values; the first is the default. */
  permissionTypes: readonly [PermissionType, ...PermissionType[]];
  tags: { endpoint: TagRules; service: TagRules };
  /** `server_type` values a user may create a service with. */
  serverTypes: readonly string[];
  /** Whether service answers carry `enable_policy`. */
  serviceEnablePolicy: boolean;
}
