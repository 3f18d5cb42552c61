/**
 * Volcengine OpenAPI error classification. Errors come with HTTP 4xx/5xx and
 * `ResponseMetadata.Error{Code, CodeN?, Message}`. Not found is the code of the resource the call
 * is about (never a bare 404: the gateway answers 404 `InvalidActionOrVersion` / `ServiceNotFound`
 * for a wrong endpoint URL, which must not look like "gone").
 * @link https://www.volcengine.com/docs/6460/79674
 */
import { CloudApiError } from "../../core/errors.js";
import type { CloudResponse } from "../../core/http.js";

export const ErrorCodes = {
  EndpointNotFound: "InvalidEndpoint.NotFound",
  ServiceNotFound: "InvalidEndpointService.NotFound",
  AccountFlowLimitExceeded: "AccountFlowLimitExceeded",
  FlowLimitExceeded: "FlowLimitExceeded",
  IdempotentProcessing: "IdempotentProcessing",
  IdempotentParameterMismatch: "IdempotentParameterMismatch",
} as const;

/**
 * The endpoint's own not-found code is undocumented (the fact sheet: "treat 404 / *.NotFound on
 * the endpoint as gone"); these are the spellings Volcengine's codes for this resource take. Each
 * is matched exactly, never a bare 404: the gateway's 404s (`InvalidActionOrVersion`,
 * `ServiceNotFound`) and other resources' codes (`InvalidVpc.NotFound`) are errors.
 */
const ENDPOINT_NOT_FOUND = [
  ErrorCodes.EndpointNotFound,
  "InvalidVpcEndpoint.NotFound",
  "InvalidEndpointId.NotFound",
  "InvalidVpcEndpointId.NotFound",
] as const;
const SERVICE_NOT_FOUND = [
  ErrorCodes.ServiceNotFound,
  "InvalidVpcEndpointService.NotFound",
  "InvalidServiceId.NotFound",
] as const;

interface Envelope {
  ResponseMetadata?: { RequestId?: string; Error?: { Code?: string; CodeN?: number; Message?: string } };
  Result?: unknown;
}

/**
 * The not-found code of the object an action is about: service actions name
 * `VpcEndpointService`, endpoint actions `VpcEndpoint`, connection actions either. Creates are about no existing object (a
 * missing service on CreateVpcEndpoint is a bad input, not a deleted endpoint).
 */
export function notFoundCodeOf(action: string): readonly string[] {
  if (action.startsWith("Create")) return [];
  // A connection is gone with its service or with its endpoint.
  if (action.includes("VpcEndpointConnection")) return [...SERVICE_NOT_FOUND, ...ENDPOINT_NOT_FOUND];
  if (action.includes("VpcEndpointService")) return SERVICE_NOT_FOUND;
  if (action.includes("VpcEndpoint")) return ENDPOINT_NOT_FOUND;
  return [];
}

/**
 * `*.InvalidStatus` / `*.InvalidLock`: the object is changing (Pending) and refuses the call. It
 * did not act, so the call is retried (bounded by the retry limit and the resource's timeout);
 * parameter errors (`*.Malformed`, `MissingParameter`, quotas) never are.
 */
export function isBusy(code: string): boolean {
  return code.endsWith(".InvalidStatus") || code.endsWith(".InvalidLock");
}

function isThrottle(code: string, status: number): boolean {
  return (
    status === 429 ||
    code === ErrorCodes.AccountFlowLimitExceeded ||
    code.startsWith(ErrorCodes.FlowLimitExceeded)
  );
}

/** A `ResponseMetadata.Error` or a 4xx/5xx answer becomes a CloudApiError. */
export function classifyResponse(response: CloudResponse, operation: string): CloudApiError | undefined {
  let envelope: Envelope | undefined;
  try {
    envelope = JSON.parse(response.body) as Envelope;
  } catch {
    envelope = undefined;
  }
  const error = envelope?.ResponseMetadata?.Error;
  if (response.status < 400 && envelope?.ResponseMetadata && !error) return undefined;
  const code = error?.Code ?? `HTTP.${response.status}`;
  const requestId = envelope?.ResponseMetadata?.RequestId;
  const throttled = isThrottle(code, response.status);
  return new CloudApiError({
    cloud: "volcengine",
    code,
    httpStatus: response.status,
    ...(requestId ? { requestId } : {}),
    message: error?.Message ?? (envelope ? "malformed response" : response.body.slice(0, 200)),
    throttled,
    notFound: notFoundCodeOf(operation).includes(code),
    busy: isBusy(code),
    // IdempotentProcessing (412): the same token is still being handled; asking again is safe.
    retryable:
      throttled || response.status >= 500 || isBusy(code) || code === ErrorCodes.IdempotentProcessing,
    operation,
  });
}
