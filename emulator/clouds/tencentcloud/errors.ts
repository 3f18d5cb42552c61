/**
 * Tencent Cloud API 3.0 error codes. Every error travels in an HTTP 200 body
 * (`{"Response":{"Error":{"Code","Message"},"RequestId"}}`); the official Node SDK parses
 * `Response.Error` only on 200.
 * @link https://www.tencentcloud.com/document/api/215/15756
 */
import { CloudError } from "../../core/errors.js";
import type { ParamErrors } from "../rpc/params.js";

/** A Tencent CloudError (HTTP 200). */
export function tcError(code: string, message: string): CloudError {
  return new CloudError(code, message, 200);
}

/** Codes and message builders the handlers use. */
export const TcErrors = {
  missing: (name: string) =>
    tcError("MissingParameter", `The request is missing a required parameter \`${name}\`.`),
  unknownParameter: (name: string) =>
    tcError("UnknownParameter", `The parameter \`${name}\` is not recognized.`),
  invalid: (name: string, why: string) =>
    tcError("InvalidParameter", `The parameter \`${name}\` is invalid: ${why}.`),
  malformed: (name: string, value: unknown) =>
    tcError(
      "InvalidParameterValue.Malformed",
      `The value ${JSON.stringify(value)} of parameter \`${name}\` is malformed.`,
    ),
  tooLong: (name: string, max: number) =>
    tcError("InvalidParameterValue.TooLong", `The value of parameter \`${name}\` exceeds ${max} characters.`),
  empty: (name: string) =>
    tcError("InvalidParameterValue.Empty", `The value of parameter \`${name}\` must not be empty.`),
  range: (name: string, why: string) =>
    tcError("InvalidParameterValue.Range", `The value of parameter \`${name}\` is out of range: ${why}.`),
  value: (name: string, why: string) =>
    tcError("InvalidParameterValue", `The value of parameter \`${name}\` is invalid: ${why}.`),
  duplicate: (name: string, value: unknown) =>
    tcError(
      "InvalidParameterValue.Duplicate",
      `The value ${JSON.stringify(value)} of parameter \`${name}\` already exists.`,
    ),
  coexist: (a: string, b: string) =>
    tcError("InvalidParameter.Coexist", `The parameters \`${a}\` and \`${b}\` cannot be used together.`),
  filterKey: (name: string) =>
    tcError("InvalidParameter.FilterInvalidKey", `The filter name \`${name}\` is not supported.`),
  filterNotDict: () =>
    tcError("InvalidParameter.FilterNotDict", "Each filter must be an object with Name and Values."),
  filterValuesNotList: (name: string) =>
    tcError("InvalidParameter.FilterValuesNotList", `The Values of filter \`${name}\` must be a list.`),
  notFound: (id: string) => tcError("ResourceNotFound", `The resource \`${id}\` does not exist.`),
  inUse: (id: string, why: string) => tcError("ResourceInUse", `The resource \`${id}\` is in use: ${why}.`),
  unavailable: (id: string) => tcError("ResourceUnavailable", `The resource \`${id}\` is unavailable.`),
  notWhitelisted: (id: string) =>
    tcError(
      "ResourceUnavailable.ServiceWhiteListNotAdded",
      `The current user is not in the allowlist of the endpoint service \`${id}\`.`,
    ),
  vpcMismatch: () => tcError("UnsupportedOperation.VpcMismatch", "The resources are not in the same VPC."),
  unsupported: (why: string) => tcError("UnsupportedOperation", why),
  unsupportedRegion: (region: string) =>
    tcError("UnsupportedRegion", `${TC_CODE_MESSAGES.UnsupportedRegion} (\`${region}\`)`),
} as const;

/** The parameter errors the shared RPC readers raise, in Tencent's codes. */
export const TC_PARAM_ERRORS: ParamErrors = {
  missing: TcErrors.missing,
  unknownParameter: TcErrors.unknownParameter,
  invalid: TcErrors.invalid,
  malformed: TcErrors.malformed,
  tooLong: TcErrors.tooLong,
  empty: TcErrors.empty,
  range: TcErrors.range,
};

/**
 * The documented messages of the codes a fault rule is likely to name: the common error codes of
 * API 3.0 and the CreateVpcEndPoint list (seed 000). A code missing here falls back to a generic
 * message.
 * @link https://www.tencentcloud.com/document/api/215/15755
 */
export const TC_CODE_MESSAGES: Readonly<Record<string, string>> = {
  AuthFailure: "CAM signature or authentication error.",
  FailedOperation: "Operation failed.",
  InternalError:
    "An internal error has occurred. Retry your request, but if the problem persists, contact us.",
  InvalidAction: "API does not exist.",
  InvalidParameter: "Parameter error (including parameter format and type errors).",
  InvalidParameterValue: "The parameter value is invalid.",
  "InvalidParameterValue.Malformed": "Invalid input parameter format.",
  "InvalidParameterValue.Range": "The parameter value is not in the specified range.",
  "InvalidParameterValue.Reserved": "The parameter value is retained by the system.",
  "InvalidParameterValue.TooLong": "Invalid parameter value. The parameter value is too long.",
  LimitExceeded: "Quota limit is reached.",
  MissingParameter: "Missing parameter.",
  NoSuchVersion: "The API version does not exist.",
  RequestLimitExceeded: "The number of requests exceeds the frequency limit.",
  "RequestLimitExceeded.GlobalRegionUinLimitExceeded": "Uin exceeds the frequency limit.",
  "RequestLimitExceeded.IPLimitExceeded": "The number of ip requests exceeds the frequency limit.",
  "RequestLimitExceeded.UinLimitExceeded": "The number of uin requests exceeds the frequency limit.",
  RequestSizeLimitExceeded: "The request size exceeds the upper limit.",
  ResourceInUse: "The resource is occupied.",
  ResourceInsufficient: "Insufficient resources.",
  "ResourceInsufficient.Subnet": "The subnet does not have sufficient IPs.",
  ResourceNotFound: "The resource does not exist.",
  ResourceUnavailable: "The resource is unavailable.",
  "ResourceUnavailable.ServiceWhiteListNotAdded":
    "The current user is not in the allowlist of the specified endpoint service.",
  ResponseSizeLimitExceeded: "The response size exceeds the upper limit.",
  ServiceUnavailable: "Service is unavailable now.",
  UnauthorizedOperation: "Unauthorized operation.",
  "UnauthorizedOperation.NoRealNameAuthentication":
    "Identity verification has not been completed for the account.",
  UnknownParameter: "Unknown parameter.",
  UnsupportedOperation: "Unsupported operation.",
  "UnsupportedOperation.EndPointMismatchEndPointServiceCdcId":
    "The endpoint and endpoint service have inconsistent CdcIds.",
  "UnsupportedOperation.EndPointService": "The endpoint service itself cannot be set as the endpoint.",
  "UnsupportedOperation.InsufficientFunds": "Insufficient account balance.",
  "UnsupportedOperation.SnatSubnet": "The SNAT subnet does not support assigning IPs.",
  "UnsupportedOperation.SpecialEndPointService":
    "The endpoint created by the specified endpoint service cannot be bound to a security group.",
  "UnsupportedOperation.VpcMismatch": "The resources are not in the same VPC.",
  UnsupportedProtocol: "HTTP(S) request protocol error; only GET and POST requests are supported.",
  UnsupportedRegion: "API does not support the requested region.",
};

/** The message a fault rule's code answers with, or a generic one for a code not in the table. */
export function messageOf(code: string): string {
  return TC_CODE_MESSAGES[code] ?? `The request failed with ${code}.`;
}

/** The message Tencent sends with `RequestLimitExceeded`. */
export const THROTTLE_MESSAGE =
  "Your current request times equals to `21` in a second, which exceeds the frequency limit `20` for a second. Please reduce the frequency of calls.";

/** The message Tencent sends with `InternalError`. */
export const INTERNAL_MESSAGE =
  "An internal error has occurred. Retry your request, but if the problem persists, contact us.";

/** The answer to a request over the size limit (a common API 3.0 code, still in an HTTP 200 body). */
export const TOO_LARGE = {
  code: "RequestSizeLimitExceeded",
  message: "The request size exceeds the upper limit.",
} as const;

/** Authentication failures. */
export const AuthErrors = {
  signature: {
    code: "AuthFailure.SignatureFailure",
    message: "The provided credentials could not be validated. Please check your signature is correct.",
  },
  expired: {
    code: "AuthFailure.SignatureExpire",
    message: "Signature expired. Timestamp differs from server time by more than five minutes.",
  },
  unknownKey: {
    code: "AuthFailure.SecretIdNotFound",
    message: "The SecretId is not found, please ensure that your SecretId is correct.",
  },
  malformed: {
    code: "AuthFailure.InvalidAuthorization",
    message: "The Authorization header is missing or malformed.",
  },
} as const;
