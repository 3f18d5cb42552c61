/**
 * Huawei Cloud APIG AK/SK signing, `SDK-HMAC-SHA256` (also accepted by Open Telekom Cloud).
 * @link https://support.huaweicloud.com/intl/en-us/devg-apisign/api-sign-algorithm.html
 */
import { hmacHex, sha256Hex } from "../../core/crypto.js";
import { encodedPath, headerValue, sortedQuery } from "../../core/canonical.js";

export const HUAWEI_ALGORITHM = "SDK-HMAC-SHA256";

/** What the canonical request is built from; headers are as sent (any case). */
export interface HuaweiSignable {
  method: string;
  /** Path as sent, possibly percent-encoded. */
  path: string;
  /** Query string as sent, without `?`. */
  query: string;
  headers: Record<string, string | undefined>;
  body: string | Buffer;
}

/** Signed header names, lowercased and sorted. */
export function signedHeaderNames(headers: Record<string, string | undefined>): string[] {
  return Object.keys(headers)
    .filter((name) => headers[name] !== undefined)
    .map((name) => name.toLowerCase())
    .sort();
}

/** Each segment encoded, and a trailing `/` added: the signer signs `/v1/x/`, the wire carries `/v1/x`. */
export function canonicalUri(path: string): string {
  const encoded = encodedPath(path);
  return encoded.endsWith("/") ? encoded : encoded + "/";
}

/** Names and values decoded then re-encoded, sorted by name and then value; `key=` for empty values. */
export const canonicalQuery = sortedQuery;

/** The canonical request over the given signed header names. */
export function canonicalRequest(req: HuaweiSignable, signedHeaders: string[]): string {
  const headerLines = signedHeaders
    .map((name) => `${name}:${headerValue(req.headers, name).trim()}\n`)
    .join("");
  const declaredHash = headerValue(req.headers, "x-sdk-content-sha256");
  const payloadHash = declaredHash !== "" ? declaredHash : sha256Hex(req.body);
  return [
    req.method.toUpperCase(),
    canonicalUri(req.path),
    canonicalQuery(req.query),
    headerLines,
    signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
}

/** The hex signature for a canonical request, keyed by the raw secret key. */
export function signature(secretKey: string, sdkDate: string, canonical: string): string {
  const stringToSign = `${HUAWEI_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
  return hmacHex(secretKey, stringToSign);
}

/** `YYYYMMDDTHHMMSSZ` for `X-Sdk-Date`. */
export function sdkDate(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** The `Authorization` header value for a request whose headers already include `X-Sdk-Date`. */
export function authorization(req: HuaweiSignable, accessKey: string, secretKey: string): string {
  const names = signedHeaderNames(req.headers);
  const date = headerValue(req.headers, "x-sdk-date");
  const sig = signature(secretKey, date, canonicalRequest(req, names));
  return `${HUAWEI_ALGORITHM} Access=${accessKey}, SignedHeaders=${names.join(";")}, Signature=${sig}`;
}

/** A parsed `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` header, or undefined if malformed. */
export function parseAuthorization(
  value: string,
): { accessKey: string; signedHeaders: string[]; signature: string } | undefined {
  const match =
    /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(
      value.trim(),
    );
  if (!match) return undefined;
  return { accessKey: match[1]!, signedHeaders: match[2]!.split(";"), signature: match[3]! };
}
