/**
 * Signed HTTP for every cloud: got with the cloud's signer as its only `beforeRequest` hook, a shared
 * token bucket, and retries only for errors the cloud marks retryable, with backoff and jitter.
 */
import got, { RequestError, type Got, type NormalizedOptions } from "got";
import backoffDelay from "./backoff.js";
import type { Clock } from "./clock.js";
import { CloudApiError, HttpError, type CloudName } from "./errors.js";
import { sharedBucket, type TokenBucket } from "./rate-limit.js";
import { tuning } from "./settings.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/** One call to a cloud API. */
export interface CloudRequest {
  method: HttpMethod;
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  /** Cloud operation name, for errors and logs. */
  operation: string;
  /** Safe to resend after a transport error (reads, deletes, full-state PUTs). */
  idempotent: boolean;
}

export interface CloudResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** What the signer sees: it sets headers on the outgoing request. */
export interface SignableRequest {
  method: string;
  url: URL;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface RetryPolicy {
  /** Extra attempts after the first. */
  limit: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { limit: 5, baseMs: 500, maxMs: 20_000 };

export interface TransportOptions {
  cloud: CloudName;
  sign: (request: SignableRequest) => void;
  /** Turns an answer into a CloudApiError, or undefined when it is a success. */
  classify: (response: CloudResponse, operation: string) => CloudApiError | undefined;
  bucket: TokenBucket;
  clock: Clock;
  retry?: RetryPolicy;
  timeoutMs?: number;
  /** Called before each retry with the reason, for progress output. */
  onRetry?: (message: string) => void;
}

const RETRYABLE_NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
]);

/** A client bound to one cloud's signer and error rules. */
export class CloudTransport {
  private readonly got: Got;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: TransportOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.got = got.extend({
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      timeout: { request: options.timeoutMs ?? 60_000 },
      hooks: {
        beforeRequest: [
          (gotOptions: NormalizedOptions) => {
            const url = gotOptions.url ?? new URL("about:blank");
            const request: SignableRequest = {
              method: gotOptions.method,
              url,
              headers: gotOptions.headers as Record<string, string | undefined>,
              body: typeof gotOptions.body === "string" ? gotOptions.body : "",
            };
            options.sign(request);
            gotOptions.headers = request.headers;
          },
        ],
      },
    });
  }

  /** Sends the request, retrying what the cloud marks retryable; throws CloudApiError or HttpError. */
  async send(request: CloudRequest): Promise<CloudResponse> {
    for (let attempt = 1; ; attempt++) {
      await this.options.bucket.take();
      let failure: CloudApiError | HttpError;
      try {
        const response = await this.once(request);
        const error = this.options.classify(response, request.operation);
        if (!error) return response;
        failure = error;
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        failure = err;
      }
      if (!this.mayRetry(failure, request) || attempt > this.retry.limit) throw failure;
      const delay = backoffDelay(attempt, { baseMs: this.retry.baseMs, maxMs: this.retry.maxMs });
      this.options.onRetry?.(`${request.operation}: ${failure.code}, retrying in ${delay} ms`);
      await this.options.clock.sleep(delay);
    }
  }

  /**
   * Throttling is refused before the cloud acts, so even a create may be resent; other retryable
   * errors (5xx, dropped connections) are resent only for idempotent calls, because neither cloud
   * takes a client token on create.
   */
  private mayRetry(failure: CloudApiError | HttpError, request: CloudRequest): boolean {
    if (failure instanceof CloudApiError) {
      if (failure.throttled) return true;
      return failure.retryable && request.idempotent;
    }
    return failure.retryable && request.idempotent;
  }

  private async once(request: CloudRequest): Promise<CloudResponse> {
    try {
      const response = await this.got(request.url, {
        method: request.method,
        headers: { ...request.headers },
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
      return { status: response.statusCode, headers: response.headers, body: response.body };
    } catch (err) {
      if (err instanceof RequestError) {
        const code = err.code ?? "ERR_REQUEST";
        throw new HttpError(
          `${request.operation}: ${code} talking to ${request.url.origin}`,
          code,
          this.options.cloud,
          RETRYABLE_NETWORK_CODES.has(code) || code === "ERR_GOT_REQUEST_ERROR" || code === "ETIMEDOUT",
          { cause: err },
        );
      }
      throw err;
    }
  }
}

const transports = new Map<string, CloudTransport>();

/**
 * The one transport for a key naming cloud, region, account and endpoint: every resource in the
 * host process shares its connection pool, rate limit and retry settings.
 */
export function sharedTransport(
  key: string,
  options: Pick<TransportOptions, "cloud" | "sign" | "classify">,
  clock: Clock,
): CloudTransport {
  let transport = transports.get(key);
  if (!transport) {
    const settings = tuning();
    transport = new CloudTransport({
      ...options,
      bucket: sharedBucket(key, settings.maxRequestsPerSecond, clock),
      clock,
      retry: { limit: settings.maxRetries, baseMs: settings.retryBaseMs, maxMs: DEFAULT_RETRY.maxMs },
    });
    transports.set(key, transport);
  }
  return transport;
}
