/**
 * Small HTTP helpers on node:http: body reading, JSON answers and the loopback check.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { isIP } from "node:net";

/** Bodies above this size are not buffered; VPCEP calls are a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request body, or the fact that it was over the limit. */
export interface ReadBody {
  /** The whole body; empty when `tooLarge`. */
  body: Buffer;
  tooLarge: boolean;
}

/**
 * Reads the body. Past `limit` bytes it stops buffering but keeps draining the request to its
 * end, so the caller can still answer (a socket destroyed mid-upload gives the client no answer).
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) return;
      if (size > limit) {
        tooLarge = true;
        chunks = [];
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge }));
    req.on("error", reject);
  });
}

/** Sends a JSON body (or none for 204) with the given headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = status === 204 || body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    ...(text !== "" ? { "Content-Type": "application/json" } : {}),
    "Content-Length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback addresses. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(plain) === 4) return plain.startsWith("127.");
  return plain === "::1";
}

/** True for host names that only ever resolve to loopback. */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || isLoopbackAddress(host);
}

/** A single header value (multi-valued headers joined as node would sign them). */
export function headerOf(req: { headers: IncomingMessage["headers"] }, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}
