/**
 * VPCEP v1 error classification (Huawei Cloud and OTC share the codes). Not found is decided by
 * the service's own codes, never by HTTP 404 alone: the API gateway answers 404 `APIG.0101` for a
 * wrong path or an unpublished API, and that must not make refresh drop every resource.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_08_0002.html
 */
import { CloudApiError } from "../../core/errors.js";
import type { CloudResponse } from "../../core/http.js";

export const ErrorCodes = {
  SystemError: "EndPoint.0001",
  NotFound: "EndPoint.0005",
  RateLimited: "EndPoint.0022",
  EndpointNotFound: "EndPoint.2006",
  EndpointMissing: "EndPoint.2007",
  EndpointDeleted: "EndPoint.2008",
  AlreadyConnected: "EndPoint.2014",
  BeingDeleted: "EndPoint.2018",
  BeingCreated: "EndPoint.2019",
  ServiceInUse: "EndPoint.3006",
  NotModifiable: "EndPoint.3045",
  GatewayThrottled: "APIG.0308",
} as const;

const NOT_FOUND = new Set<string>([
  ErrorCodes.NotFound,
  ErrorCodes.EndpointNotFound,
  ErrorCodes.EndpointMissing,
  ErrorCodes.EndpointDeleted,
]);
/** EndPoint.0022 is the service's rate limit, sent with HTTP 400 (not 429). */
const THROTTLED = new Set<string>([ErrorCodes.RateLimited, ErrorCodes.GatewayThrottled]);

function header(response: CloudResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The classifier for one family cloud: any 4xx/5xx answer becomes a CloudApiError. */
export function classifier(cloud: string) {
  return (response: CloudResponse, operation: string): CloudApiError | undefined => {
    if (response.status < 400) return undefined;
    let code = `HTTP.${response.status}`;
    let message = response.body.slice(0, 200);
    let requestId = header(response, "x-request-id");
    try {
      const body = JSON.parse(response.body) as {
        error_code?: string;
        error_msg?: string;
        request_id?: string;
      };
      code = body.error_code ?? code;
      message = body.error_msg ?? message;
      requestId = requestId ?? body.request_id;
    } catch {
      // A gateway that answers HTML or nothing is still an error, classified by status below.
    }
    const throttled = response.status === 429 || THROTTLED.has(code);
    return new CloudApiError({
      cloud,
      code,
      httpStatus: response.status,
      ...(requestId ? { requestId } : {}),
      message,
      throttled,
      notFound: NOT_FOUND.has(code),
      retryable: throttled || response.status >= 500 || code === ErrorCodes.SystemError,
      operation,
    });
  };
}

/** A delete the cloud already accepted: gone, or still `deleting` (EndPoint.2018) from an earlier one. */
export function deleteAccepted(err: unknown): boolean {
  return err instanceof CloudApiError && (err.notFound || err.code === ErrorCodes.BeingDeleted);
}

/** Sends a delete; one the cloud already accepted, or an object already gone, is success. */
export async function deleteOnce(send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (err) {
    if (!deleteAccepted(err)) throw err;
  }
}
