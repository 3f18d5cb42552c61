/**
 * Tencent Cloud API 3.0 error classification. Errors arrive with HTTP 200 in `Response.Error`.
 * @link https://www.tencentcloud.com/document/api/215/15756
 */
import { CloudApiError } from "../../core/errors.js";
import type { CloudResponse } from "../../core/http.js";

export const ErrorCodes = {
  ResourceNotFound: "ResourceNotFound",
  ResourceInUse: "ResourceInUse",
  RequestLimitExceeded: "RequestLimitExceeded",
  InternalError: "InternalError",
} as const;

interface Envelope {
  Response?: { Error?: { Code?: string; Message?: string }; RequestId?: string };
}

/** A `Response.Error` (or a non-200 answer) becomes a CloudApiError. */
export function classifyResponse(response: CloudResponse, operation: string): CloudApiError | undefined {
  let envelope: Envelope | undefined;
  try {
    envelope = JSON.parse(response.body) as Envelope;
  } catch {
    envelope = undefined;
  }
  const error = envelope?.Response?.Error;
  if (response.status === 200 && envelope?.Response && !error) return undefined;
  const code = error?.Code ?? `HTTP.${response.status}`;
  const requestId = envelope?.Response?.RequestId;
  const throttled = code.startsWith(ErrorCodes.RequestLimitExceeded) || response.status === 429;
  return new CloudApiError({
    cloud: "tencentcloud",
    code,
    httpStatus: response.status,
    ...(requestId ? { requestId } : {}),
    message: error?.Message ?? (envelope ? "malformed response" : response.body.slice(0, 200)),
    throttled,
    notFound: code === ErrorCodes.ResourceNotFound || code.startsWith(`${ErrorCodes.ResourceNotFound}.`),
    // InternalError is retried only for idempotent calls (the transport decides); the Terraform
    // provider never retries it, which turns a blip into a failed apply.
    retryable: throttled || response.status >= 500 || code.startsWith(ErrorCodes.InternalError),
    operation,
  });
}
