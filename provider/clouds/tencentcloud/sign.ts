/**
 * Tencent Cloud API 3.0 signing, `TC3-HMAC-SHA256`.
 * @link https://www.tencentcloud.com/document/api/213/33224
 */
import { headerValue } from "../../core/canonical.js";
import { hmac, hmacHex, sha256Hex } from "../../core/crypto.js";

export const TENCENT_ALGORITHM = "TC3-HMAC-SHA256";

/** What the canonical request is built from; headers are as sent (any case). */
export interface TencentSignable {
  method: string;
  /** Query string exactly as sent, without `?` (POST: empty). */
  query: string;
  headers: Record<string, string | undefined>;
  body: string | Buffer;
}

/** Header names and values are lowercased and trimmed; the query is signed as sent, unsorted. */
export function canonicalRequest(req: TencentSignable, signedHeaders: string[]): string {
  const headerLines = signedHeaders
    .map((name) => `${name}:${headerValue(req.headers, name).trim().toLowerCase()}\n`)
    .join("");
  const payload =
    headerValue(req.headers, "x-tc-content-sha256") === "UNSIGNED-PAYLOAD" ? "UNSIGNED-PAYLOAD" : req.body;
  return [
    req.method.toUpperCase(),
    "/",
    req.query,
    headerLines,
    signedHeaders.join(";"),
    sha256Hex(payload),
  ].join("\n");
}

/** `YYYY-MM-DD` in UTC for a Unix timestamp in seconds. */
export function scopeDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** The hex signature: the key derives from `"TC3" + secretKey` through date, service and `tc3_request`. */
export function signature(
  secretKey: string,
  timestamp: number,
  date: string,
  service: string,
  canonical: string,
): string {
  const scope = `${date}/${service}/tc3_request`;
  const stringToSign = `${TENCENT_ALGORITHM}\n${timestamp}\n${scope}\n${sha256Hex(canonical)}`;
  const kDate = hmac("TC3" + secretKey, date);
  const kService = hmac(kDate, service);
  const kSigning = hmac(kService, "tc3_request");
  return hmacHex(kSigning, stringToSign);
}

/** The `Authorization` value signing `content-type;host` (and any other header named). */
export function authorization(
  req: TencentSignable,
  secretId: string,
  secretKey: string,
  service: string,
  timestamp: number,
  signedHeaders: string[] = ["content-type", "host"],
): string {
  const date = scopeDate(timestamp);
  const names = [...signedHeaders].sort();
  const sig = signature(secretKey, timestamp, date, service, canonicalRequest(req, names));
  return `${TENCENT_ALGORITHM} Credential=${secretId}/${date}/${service}/tc3_request, SignedHeaders=${names.join(";")}, Signature=${sig}`;
}

/** A parsed TC3 `Authorization` header, or undefined if malformed. */
export function parseAuthorization(value: string):
  | {
      secretId: string;
      date: string;
      service: string;
      signedHeaders: string[];
      signature: string;
    }
  | undefined {
  const match =
    /^TC3-HMAC-SHA256\s+Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(
      value.trim(),
    );
  if (!match) return undefined;
  return {
    secretId: match[1]!,
    date: match[2]!,
    service: match[3]!,
    signedHeaders: match[4]!.split(";"),
    signature: match[5]!,
  };
}
