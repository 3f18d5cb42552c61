/**
 * Volcengine OpenAPI error codes: gateway codes with a numeric `CodeN` (common error code page
 * 6369/68677) and the PrivateLink codes of seed 001 and the fact sheet §8. Unlike Tencent, errors
 * travel with their HTTP status (4xx/5xx) in `ResponseMetadata.Error{Code,CodeN?,Message}`.
 * @link https://www.volcengine.com/docs/6369/68677
 */
import { CloudError } from "../../core/errors.js";
import type { ParamErrors } from "../rpc/params.js";

/** A code's HTTP status, gateway number and documented message (`%s` filled by the caller). */
interface CodeSpec {
  status: number;
  codeN?: number;
  message: string;
}

/**
 * The codes the emulator answers, or that fault rules are likely to name. Statuses and messages
 * as documented; `AccountFlowLimitExceeded` (CodeN 100027, HTTP 429) is only seen in third-party
 * clients, and the endpoint's own not-found code is undocumented (`InvalidEndpoint.NotFound`,
 * after `InvalidEndpointService.NotFound`, is the emulator's choice).
 */
export const VE_CODES: Readonly<Record<string, CodeSpec>> = {
  // Gateway (CodeN).
  MissingParameter: { status: 400, codeN: 100002, message: "The request is missing %s parameter." },
  MissingAuthenticationToken: {
    status: 401,
    codeN: 100003,
    message: "Request is missing Authentication Token.",
  },
  MissingRequestInfo: { status: 400, codeN: 100004, message: "The request is missing %s information." },
  MissingSignature: { status: 401, codeN: 100005, message: "The request is missing signature." },
  InvalidTimestamp: { status: 400, codeN: 100006, message: "The Signature of the request is expired." },
  ServiceNotFound: { status: 404, codeN: 100007, message: "This service[%s] not found." },
  InvalidActionOrVersion: {
    status: 404,
    codeN: 100008,
    message: "Could not find operation %s for version %s.",
  },
  InvalidAccessKey: {
    status: 401,
    codeN: 100009,
    message: "The accesskey [%s] included in the request is invalid.",
  },
  SignatureDoesNotMatch: {
    status: 401,
    codeN: 100010,
    message:
      "The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method. Consult the service documentation for details.",
  },
  AccessDenied: {
    status: 403,
    codeN: 100013,
    message: "User is not authorized to perform: %s on resource: %s.",
  },
  InternalError: {
    status: 500,
    codeN: 100014,
    message: "Service has some internal Error. Pls Contact With Admin.",
  },
  InternalServiceTimeout: {
    status: 504,
    codeN: 100016,
    message: "Internal Service is timeout. Pls Contact With Admin.",
  },
  AccountFlowLimitExceeded: {
    status: 429,
    codeN: 100027,
    message: "Request was denied due to user flow control.",
  },
  FlowLimitExceeded: { status: 429, message: "Request was denied due to api flow control." },
  ServiceUnavailable: { status: 503, message: "Service is unavailable now. Please retry later." },
  // ECS common-code page: malformed headers and STS tokens.
  InvalidAuthorization: {
    status: 400,
    message: "Invalid 'Authorization' header, Pls check authorization header.",
  },
  InvalidCredential: {
    status: 400,
    message: "Invalid credential in 'Authorization', Pls check credential in authorization header.",
  },
  InvalidSecretToken: { status: 401, message: "Invalid secret token, msg: %s." },
  RequestEntityTooLarge: { status: 413, message: "The request entity is too large." },
  // Service codes (seed 001, fact sheet §8).
  InvalidParameter: { status: 400, message: "The specified parameter %s is invalid: %s." },
  EndpointServiceNotAuthorized: {
    status: 400,
    message: "The specified endpoint service is not authorized to user.",
  },
  EndpointZoneDuplicated: { status: 400, message: "The specified zone is duplicated for the Endpoint." },
  "InvalidName.Malformed": { status: 400, message: "The specified Name is malformed." },
  "InvalidDescription.Malformed": { status: 400, message: "The specified Description is malformed." },
  "InvalidIP.Malformed": { status: 400, message: "The specified IP is malformed." },
  InsufficientIpInSubnet: {
    status: 400,
    message:
      "The specified subnet does not contain enough free private IP addresses to fulfill your request.",
  },
  "InvalidClientToken.Malformed": { status: 400, message: "The specified ClientToken is malformed." },
  IdempotentParameterMismatch: {
    status: 400,
    message:
      "The request uses the same ClientToken as a previous, but non-identical request. Do not reuse a ClientToken with different requests, unless the requests are identical.",
  },
  IdempotentProcessing: {
    status: 412,
    message: "The request uses the same ClientToken as a previous one that is still in process.",
  },
  "InvalidEndpointService.InvalidLock": {
    status: 400,
    message: "The operation is refused by the endpoint service.",
  },
  "InvalidEndpointService.InvalidStatus": {
    status: 400,
    message: "The operation is not allowed in the current status of the endpoint service.",
  },
  "InvalidEndpoint.InvalidStatus": {
    status: 400,
    message: "The operation is not allowed in the current status of the endpoint.",
  },
  "InvalidPrivateDNS.UnsupportedOperation": {
    status: 400,
    message: "The request on the specified PrivateDNS is denied due to the PrivateDNS is disabled.",
  },
  "LimitExceed.SecurityGroupNumber": {
    status: 400,
    message: "You've reached the limit on the number of security groups that you can operate.",
  },
  "LimitExceed.ZoneNumber": {
    status: 400,
    message: "You've reached the limit on the number of zones that you can operate.",
  },
  "InvalidSecurityGroup.Conflict": { status: 400, message: "The specified security group is duplicated." },
  "InvalidZone.Conflict": { status: 400, message: "The specified zone is duplicated." },
  "InvalidZone.Disorder": { status: 400, message: "The specified zone index orders are malformed." },
  ErrEndpointServiceNotSupportedZone: {
    status: 400,
    message: "The specified endpoint service does not support the zone.",
  },
  "QuotaExceeded.SecurityGroup": {
    status: 400,
    message: "The number of security groups bound to the ENI exceeded quota.",
  },
  "InvalidSecurityGroup.VpcMismatch": {
    status: 400,
    message: "The specified security group and endpoint are not in the same VPC.",
  },
  "InvalidProjectName.Malformed": { status: 400, message: "The specified ProjectName is malformed." },
  "InvalidIncorrectOrder.Malformed": { status: 400, message: "The specified index order is malformed." },
  "InvalidTagKey.Malformed": { status: 400, message: "The specified TagKey is malformed." },
  "InvalidTagValue.Malformed": { status: 400, message: "The specified TagValue is malformed." },
  "LimitExceeded.TagOperation": {
    status: 400,
    message: "You've reached the limit on the number of tags that you can operate at a time.",
  },
  "InvalidPermitAccountId.Malformed": { status: 400, message: "The specified PermitAccountId is malformed." },
  "UnsupportedOperation.ConnectionStatus": {
    status: 400,
    message: "The operation is not supported in the current connection status.",
  },
  "InvalidServiceResource.NotFound": {
    status: 404,
    message: "The specified service resource does not exist.",
  },
  "InvalidEndpoint.NotFound": { status: 404, message: "The specified Endpoint does not exist." },
  "InvalidEndpointService.NotFound": {
    status: 404,
    message: "The specified EndpointService does not exist.",
  },
  "InvalidSubnet.NotFound": { status: 404, message: "The specified subnet does not exist." },
  "InvalidSecurityGroupId.NotFound": { status: 404, message: "The specified security group does not exist." },
  "InvalidProject.NotFound": { status: 404, message: "The specified Project does not exist." },
  "InvalidVpc.NotFound": { status: 404, message: "The specified vpc does not exist." },
  "InvalidIpAddress.InUse": { status: 409, message: "The specified IP address is in use." },
  NetworkInterfaceCreateFailed: { status: 500, message: "The network interface create failed." },
};

/** A Volcengine CloudError: the code's HTTP status, and its gateway number when it has one. */
export class VeError extends CloudError {
  constructor(
    code: string,
    message: string,
    status: number,
    readonly codeN?: number,
  ) {
    super(code, message, status);
  }
}

/** Fills the `%s` of a documented message in order. */
function fill(template: string, args: readonly string[]): string {
  let i = 0;
  return template.replace(/%s/g, () => args[i++] ?? "");
}

/** The error for a documented code; `args` fill the message, `detail` is appended. */
export function veError(code: string, args: readonly string[] = [], detail?: string): VeError {
  const spec = VE_CODES[code] ?? { status: 400, message: `The request failed with ${code}.` };
  const message = fill(spec.message, args);
  return new VeError(code, detail ? `${message} ${detail}` : message, spec.status, spec.codeN);
}

/** The status and message of a code (fault rules), with a generic message for unknown codes. */
export function codeSpec(code: string): CodeSpec {
  return VE_CODES[code] ?? { status: 400, message: `The request failed with ${code}.` };
}

/** Builders the handlers use. */
export const VeErrors = {
  missing: (name: string) => veError("MissingParameter", [name]),
  invalid: (name: string, why: string) => veError("InvalidParameter", [name, why]),
  // The endpoint's own not-found code is undocumented (seed 001 lists the service's, VPC's, subnet's
  // and security group's); `InvalidEndpoint.NotFound` follows their pattern.
  endpointNotFound: (id: string) => veError("InvalidEndpoint.NotFound", [], `(${id})`),
  serviceNotFound: (id: string) => veError("InvalidEndpointService.NotFound", [], `(${id})`),
  endpointBusy: (id: string, status: string) =>
    veError("InvalidEndpoint.InvalidStatus", [], `(${id} is ${status})`),
  serviceBusy: (id: string, status: string) =>
    veError("InvalidEndpointService.InvalidStatus", [], `(${id} is ${status})`),
} as const;

/** The parameter errors the shared RPC readers raise, in Volcengine's codes. */
export const VE_PARAM_ERRORS: ParamErrors = {
  missing: VeErrors.missing,
  unknownParameter: (name) => veError("InvalidParameter", [name, "unknown parameter"]),
  invalid: VeErrors.invalid,
  malformed: (name, value) => veError("InvalidParameter", [name, `${JSON.stringify(value)} is malformed`]),
  tooLong: (name, max) => veError("InvalidParameter", [name, `longer than ${max} characters`]),
  empty: (name) => veError("InvalidParameter", [name, "must not be empty"]),
  range: (name, why) => veError("InvalidParameter", [name, why]),
};
