/**
 * The provider's one error hierarchy. Callers decide by type or `code`, never by message text,
 * and messages never carry keys, tokens or signatures.
 */
/** Base of every error the provider raises on purpose. */
export class ProviderError extends Error {
  override name = "ProviderError";
  constructor(
    message: string,
    readonly code: string,
    readonly cloud?: string,
    readonly requestId?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An error answer from a cloud API, classified by that cloud's rules. */
export class CloudApiError extends ProviderError {
  override name = "CloudApiError";
  constructor(
    readonly details: {
      cloud: string;
      code: string;
      httpStatus: number;
      requestId?: string;
      message: string;
      retryable: boolean;
      notFound: boolean;
      throttled: boolean;
      /** The object is changing and refuses the call until it settles (Volcengine `*.InvalidStatus`). */
      busy?: boolean;
      operation: string;
    },
  ) {
    super(
      `${details.operation}: ${details.code}: ${details.message}` +
        (details.requestId ? ` (request id ${details.requestId})` : ""),
      details.code,
      details.cloud,
      details.requestId,
    );
  }
  get retryable(): boolean {
    return this.details.retryable;
  }
  get notFound(): boolean {
    return this.details.notFound;
  }
  get throttled(): boolean {
    return this.details.throttled;
  }
  get busy(): boolean {
    return this.details.busy === true;
  }
}

/**
 * A transport failure. `sent` is false when the connection failed before the request went out
 * (refused, no route, name not resolved): the cloud cannot have acted on it.
 */
export class HttpError extends ProviderError {
  override name = "HttpError";
  constructor(
    message: string,
    code: string,
    cloud: string,
    readonly retryable: boolean,
    readonly sent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, code, cloud, undefined, options);
  }
}

/** A resource that stayed in a pending state past its deadline. */
export class WaitTimeoutError extends ProviderError {
  override name = "WaitTimeoutError";
  constructor(
    message: string,
    readonly lastState: string,
  ) {
    super(message, "WaitTimeout");
  }
}

/** A resource that reached a terminal failure state (failed, rejected). */
export class ResourceFailedError extends ProviderError {
  override name = "ResourceFailedError";
  constructor(
    message: string,
    readonly state: string,
    readonly reason: string,
  ) {
    super(message, "ResourceFailed");
  }
}

/** Bad input or configuration, found before or without a cloud call. */
export class ValidationError extends ProviderError {
  override name = "ValidationError";
  constructor(message: string) {
    super(message, "ValidationError");
  }
}

/** True when the cloud says the object does not exist. */
/** The cloud refused because the object is changing: wait for it to settle, then ask again. */
export function isBusy(err: unknown): boolean {
  return err instanceof CloudApiError && err.busy;
}

export function isNotFound(err: unknown): boolean {
  return err instanceof CloudApiError && err.notFound;
}

/** Runs a read; not found becomes undefined, anything else is rethrown. */
export async function orUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/**
 * True when a failed call may still have been carried out: the connection failed after sending, or
 * the cloud answered with a server error. Throttling is refused before the cloud acts, and a
 * connection refused before the request went out did not act.
 */
export function mayHaveActed(err: unknown): boolean {
  if (err instanceof HttpError) return err.sent;
  return (
    err instanceof CloudApiError &&
    !err.throttled &&
    (err.details.httpStatus >= 500 || err.code.startsWith("InternalError"))
  );
}

/** A failure worth another poll: the transport gave up on a retryable error, or the cloud throttled. */
export function isTransient(err: unknown): boolean {
  if (err instanceof HttpError) return err.retryable;
  return err instanceof CloudApiError && (err.retryable || err.throttled);
}
