/**
 * Volcengine OpenAPI signing, `HMAC-SHA256` with a `date/region/service/request` scope. The region
 * travels only in the scope; the key derives from the raw secret key (no prefix), unlike Tencent's
 * `"TC3" + key`.
 * @link https://www.volcengine.com/docs/6369/67269
 */
import { hmac, hmacHex, sha256Hex } from "../../core/crypto.js";
import { encodedPath, headerValue, sortedQuery } from "../../core/canonical.js";

export const VOLCENGINE_ALGORITHM = "HMAC-SHA256";

/** What the canonical request is built from; headers are as sent (any case). */
export interface VolcengineSignable {
  method: string;
  /** `/` for OpenAPI. */
  path: string;
  /** Query string as sent, without `?`. */
  query: string;
  headers: Record<string, string | undefined>;
  body: string | Buffer;
}

/**
 * The query decoded and re-encoded by RFC 3986 (space `%20`, `!'()*` escaped), sorted by key
 * (values of a repeated key sorted too): the order and spelling the client sent do not matter.
 */
export const canonicalQuery = sortedQuery;

/** Each path segment RFC 3986-encoded; an empty path is `/`. */
function canonicalPath(path: string): string {
  return path === "" || path === "/" ? "/" : encodedPath(path);
}

/** Header values trimmed with inner whitespace runs collapsed; names as given (lowercase, sorted). */
export function canonicalRequest(req: VolcengineSignable, signedHeaders: string[]): string {
  const headerLines = signedHeaders
    .map((name) => `${name}:${headerValue(req.headers, name).trim().replace(/\s+/g, " ")}\n`)
    .join("");
  // A client that sends X-Content-Sha256 signs that value; the server checks it against the body.
  const payload = headerValue(req.headers, "x-content-sha256") || sha256Hex(req.body);
  return [
    req.method.toUpperCase(),
    canonicalPath(req.path),
    canonicalQuery(req.query),
    headerLines,
    signedHeaders.join(";"),
    payload,
  ].join("\n");
}

/** `kSigning = HMAC(HMAC(HMAC(HMAC(SK, date), region), service), "request")`. */
export function signingKey(secretKey: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(secretKey, date), region), service), "request");
}

/** The hex signature of a canonical request signed at `xDate` (`YYYYMMDDTHHMMSSZ`). */
export function signature(
  secretKey: string,
  xDate: string,
  region: string,
  service: string,
  canonical: string,
): string {
  const date = xDate.slice(0, 8);
  const scope = `${date}/${region}/${service}/request`;
  const stringToSign = `${VOLCENGINE_ALGORITHM}\n${xDate}\n${scope}\n${sha256Hex(canonical)}`;
  return hmacHex(signingKey(secretKey, date, region, service), stringToSign);
}

/** `X-Date` for an instant: `YYYYMMDDTHHMMSSZ` in UTC. */
export function xDate(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** The `Authorization` value; the `x-date` header must be set, and every header named is signed. */
export function authorization(
  req: VolcengineSignable,
  accessKey: string,
  secretKey: string,
  region: string,
  service: string,
  signedHeaders: string[] = ["host", "x-date"],
): string {
  const names = [...new Set(signedHeaders.map((n) => n.toLowerCase()))].sort();
  const date = headerValue(req.headers, "x-date");
  const sig = signature(secretKey, date, region, service, canonicalRequest(req, names));
  return `${VOLCENGINE_ALGORITHM} Credential=${accessKey}/${date.slice(0, 8)}/${region}/${service}/request, SignedHeaders=${names.join(";")}, Signature=${sig}`;
}

/** A parsed `Authorization` header, or undefined if malformed. */
export function parseAuthorization(value: string):
  | {
      accessKey: string;
      date: string;
      region: string;
      service: string;
      signedHeaders: string[];
      signature: string;
    }
  | undefined {
  const match =
    /^HMAC-SHA256\s+Credential=([^/\s]+)\/(\d{8})\/([^/\s]+)\/([^/\s]+)\/request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(
      value.trim(),
    );
  if (!match) return undefined;
  return {
    accessKey: match[1]!,
    date: match[2]!,
    region: match[3]!,
    service: match[4]!,
    signedHeaders: match[5]!.split(";"),
    signature: match[6]!,
  };
}
