/**
 * Signed HTTP for every cloud: got with the cloud's signer as its only `beforeRequest` hook, a shared
 * token bucket, and retries only for errors the cloud marks retryable, with backoff and jitter.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Got, NormalizedOptions } from "got";
import backoffDelay from "./backoff.js";
import type { Clock } from "./clock.js";
import { CloudApiError, HttpError } from "./errors.js";
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
  /** The longest `Retry-After` honoured; a longer one is waited for this long. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { limit: 5, baseMs: 500, maxMs: 20_000, maxRetryAfterMs: 60_000 };

export interface TransportOptions {
  cloud: string;
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
  "ERR_GOT_REQUEST_ERROR",
]);

/** Failures before the request left the machine: the cloud cannot have acted. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

/**
 * `Retry-After` in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when
 * absent or malformed.
 */
export function retryAfterMs(value: string | string[] | undefined, now: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const deadlines = new AsyncLocalStorage<number>();

/**
 * Runs `task` with a deadline (epoch ms of the transport's clock) that every call inside it keeps:
 * a retry that could not start before it is not waited for, so a resource's `timeouts` bound the
 * retries and `Retry-After` waits of its calls too.
 */
export function withDeadline<T>(deadline: number, task: () => Promise<T>): Promise<T> {
  return deadlines.run(deadline, task);
}

/** The deadline of the operation running now (set by {@link withDeadline}), if any. */
export function currentDeadline(): number | undefined {
  return deadlines.getStore();
}

type GotModule = typeof import("got");
let gotModule: Promise<GotModule> | undefined;

/**
 * got is loaded with the first request, not with the module: the policy pack and the SDK import the
 * cloud registry (schemas, field rules) and never send a request, so they do not pay its memory.
 */
function loadGot(): Promise<GotModule> {
  gotModule ??= import("got");
  return gotModule;
}

/** A client bound to one cloud's signer and error rules. */
export class CloudTransport {
  private client: Promise<{ got: Got; module: GotModule }> | undefined;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: TransportOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  private http(): Promise<{ got: Got; module: GotModule }> {
    this.client ??= loadGot().then((module) => ({ module, got: this.extend(module.default) }));
    return this.client;
  }

  private extend(got: Got): Got {
    const options = this.options;
    return got.extend({
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
      let askedDelay: number | undefined;
      try {
        const response = await this.once(request);
        const error = this.options.classify(response, request.operation);
        if (!error) return response;
        failure = error;
        askedDelay = retryAfterMs(response.headers["retry-after"], this.options.clock.now());
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        failure = err;
      }
      if (!this.mayRetry(failure, request) || attempt > this.retry.limit) throw failure;
      const delay =
        askedDelay !== undefined
          ? Math.min(askedDelay, this.retry.maxRetryAfterMs)
          : backoffDelay(attempt, { baseMs: this.retry.baseMs, maxMs: this.retry.maxMs });
      const deadline = deadlines.getStore();
      if (deadline !== undefined && this.options.clock.now() + delay >= deadline) throw failure;
      this.options.onRetry?.(`${request.operation}: ${failure.code}, retrying in ${delay} ms`);
      await this.options.clock.sleep(delay);
    }
  }

  /**
   * Throttling is refused before the cloud acts, and a request that never left was not acted on, so
   * even a create may be resent then; other retryable errors (5xx, dropped connections) are resent
   * only for idempotent calls, because a create without a client token would be made twice.
   */
  private mayRetry(failure: CloudApiError | HttpError, request: CloudRequest): boolean {
    if (failure instanceof CloudApiError) {
      if (failure.throttled) return true;
      return failure.retryable && request.idempotent;
    }
    return failure.retryable && (request.idempotent || !failure.sent);
  }

  private async once(request: CloudRequest): Promise<CloudResponse> {
    const { got, module } = await this.http();
    try {
      const response = await got(request.url, {
        method: request.method,
        headers: { ...request.headers },
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
      return { status: response.statusCode, headers: response.headers, body: response.body };
    } catch (err) {
      if (err instanceof module.RequestError) {
        const code = err.code ?? "ERR_REQUEST";
        throw new HttpError(
          `${request.operation}: ${code} talking to ${request.url.origin}`,
          code,
          this.options.cloud,
          RETRYABLE_NETWORK_CODES.has(code),
          !NOT_SENT_CODES.has(code),
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
      retry: { ...DEFAULT_RETRY, limit: settings.maxRetries, baseMs: settings.retryBaseMs },
    });
    transports.set(key, transport);
  }
  return transport;
}
