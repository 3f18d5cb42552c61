/**
 * The VPCEP v1 codes the handlers raise (status and message from the documented table), the
 * gateway's answers and how both are rendered: service errors are `{"error_code","error_msg"}`,
 * gateway errors add `request_id`.
 */
import type { CloudReply } from "../../core/cloud-module.js";
import { CloudError } from "../../core/errors.js";
import { documented, GATEWAY_CODES, lookupCode, type CodeSpec } from "./codes.js";

export type { CodeSpec } from "./codes.js";

/** The codes the handlers answer. */
export const V1Errors = {
  SystemError: documented("EndPoint.0001"),
  InvalidParameter: documented("EndPoint.0002"),
  Forbidden: documented("EndPoint.0004"),
  NotFound: documented("EndPoint.0005"),
  InvalidAction: documented("EndPoint.0007"),
  RateLimited: documented("EndPoint.0022"),
  InvalidSubnet: documented("EndPoint.0023"),
  InvalidRouteTable: documented("EndPoint.1019"),
  ServiceNotFound: documented("EndPoint.2003"),
  ServiceUnavailable: documented("EndPoint.2004"),
  EndpointNotFound: documented("EndPoint.2006"),
  NoPermission: documented("EndPoint.2012"),
  NotThisService: documented("EndPoint.2013"),
  AlreadyConnected: documented("EndPoint.2014"),
  BeingDeleted: documented("EndPoint.2018"),
  BeingCreated: documented("EndPoint.2019"),
  OneEndpointPerAction: documented("EndPoint.2031"),
  RouteTableInUse: documented("EndPoint.2039"),
  NoRouteTable: documented("EndPoint.2040"),
  InvalidPortIp: documented("EndPoint.2041"),
  PortIpInUse: documented("EndPoint.2042"),
  InvalidWhitelist: documented("EndPoint.2044"),
  WhitelistFull: documented("EndPoint.2045"),
  FailedNotModifiable: documented("EndPoint.2047"),
  InvalidPermission: documented("EndPoint.3002"),
  ServiceInUse: documented("EndPoint.3006"),
  InvalidServerType: documented("EndPoint.3021"),
  PortConflict: documented("EndPoint.3044"),
  NotModifiable: documented("EndPoint.3045"),
  TagEmpty: documented("EndPoint.3066"),
  TagKeyDuplicated: documented("EndPoint.3067"),
  TagInvalid: documented("EndPoint.3068"),
  TooManyTags: documented("EndPoint.3069"),
  TagKeySize: documented("EndPoint.3072"),
  TagValueSize: documented("EndPoint.3073"),
  TooManyPorts: documented("EndPoint.3074"),
  InvalidProtocol: documented("EndPoint.3075"),
  InvalidServiceName: documented("EndPoint.3076"),
} as const;

/** A CloudError for one of the codes, with an optional detail appended to the message. */
export function v1Error(which: CodeSpec, detail?: string): CloudError {
  return new CloudError(which.code, detail ? `${which.message} ${detail}` : which.message, which.status);
}

/** A reply in the body format of `spec`'s source (service or gateway). */
export function codeReply(spec: CodeSpec, requestId: string): CloudReply {
  return {
    status: spec.status,
    body: spec.gateway
      ? { error_code: spec.code, error_msg: spec.message, request_id: requestId }
      : { error_code: spec.code, error_msg: spec.message },
    errorCode: spec.code,
  };
}

/**
 * The spec a fault rule asks for: its code's documented status and message (rule fields win),
 * falling back to `fallback`'s status and message for a code the table does not know.
 */
export function faultSpec(
  rule: { code?: string; status?: number; message?: string },
  fallback: CodeSpec,
): CodeSpec {
  const known = rule.code === undefined ? fallback : lookupCode(rule.code);
  const base = known ?? { ...fallback, code: rule.code! };
  return {
    ...base,
    ...(rule.status !== undefined ? { status: rule.status } : {}),
    ...(rule.message !== undefined ? { message: rule.message } : {}),
  };
}

/** The gateway answers. */
export { GATEWAY_CODES };

/** Gateway authentication failures (HTTP 401, `APIG.0301`), by cause. */
export const AuthMessages = {
  signature: GATEWAY_CODES.AuthFailed.message,
  unknownKey: "Incorrect IAM authentication information: Get secretKey failed,ak:******,err:ak not exist",
  expired: "Incorrect IAM authentication information: calc ak sk signature fail:signature expired",
  missing: "Incorrect IAM authentication information: x-auth-token not found",
  token: "Incorrect IAM authentication information: decrypt token fail",
  /** Followed by the token's `expires_at`. */
  tokenExpired: "Incorrect IAM authentication information: token expires, expires_at: ",
  // No documented text: the gateway's wording for a token of another project is unverified.
  tokenProject: "Incorrect IAM authentication information: the token's project does not match the request",
} as const;
