/**
 * A cloud API error raised by a handler, rendered by its cloud's serializer (moto's
 * ServiceException: an API code plus the HTTP status the cloud uses for it).
 */
export class CloudError extends Error {
  constructor(
    /** The cloud's code, e.g. `EndPoint.0005` or `ResourceNotFound`. */
    readonly code: string,
    message: string,
    /** HTTP status; clouds that put every error in a 200 body pass 200. */
    readonly status = 400,
  ) {
    super(message);
    this.name = "CloudError";
  }
}
