/**
 * Tencent Cloud API 3.0 error codes. Every error travels in an HTTP 200 body
 * (`{"Response":{"Error":{"Code","Message"},"RequestId"}}`); the official Node SDK parses
 * `Response.Error` only on 200.
 * @link https://www.tencentcloud.com/document/api/215/15756
 */
import { CloudError } from "../../core/errors.js";

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
} as const;

/** The message Tencent sends with `RequestLimitExceeded`. */
export const THROTTLE_MESSAGE =
  "Your current request times equals to `21` in a second, which exceeds the frequency limit `20` for a second. Please reduce the frequency of calls.";

/** The message Tencent sends with `InternalError`. */
export const INTERNAL_MESSAGE =
  "An internal error has occurred. Retry your request, but if the problem persists, contact us.";

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
