/**
 * OTC's scoped AK/SK form, as OTC's own Go tooling signs it (gophertelekomcloud `signer_helper.go`;
 * shared/reference/signing.md §4.2):
 *
 * `SDK-HMAC-SHA256 Credential=<AK>/<YYYYMMDD>/<region>/<service>/sdk_request, SignedHeaders=…, Signature=…`
 *
 * The key is `HMAC(HMAC(HMAC(HMAC("SDK"+SK, date), region), service), "sdk_request")`; the string to
 * sign names the scope. The Terraform provider leaves region and service empty (`date///sdk_request`).
 * Canonicalisation differs from Huawei's `Access=` form: the decoded path gets a trailing `/` and
 * is encoded byte-wise (`A-Za-z0-9._~-` and `/` kept); query keys are sorted case-insensitively
 * with only the first value of each; header values have whitespace runs collapsed, not trimmed; a
 * POST without a body signs an empty query and hashes the query as its payload.
 *
 * Written here, independently of the provider's signer, and pinned to vector O1 by the tests.
 */
import { hmac, hmacHex, sha256Hex } from "../../../provider/core/crypto.js";
import type { ParsedSignature, SignatureScheme, SignedRequest } from "../vpcep-v1/profile.js";

const ALGORITHM = "SDK-HMAC-SHA256";
const TERMINATOR = "sdk_request";
/** The catalog type of the service; the only service name besides the empty one that is accepted. */
const SERVICE = "vpcep";

const HEADER =
  /^SDK-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]*)\/([^/,\s]*)\/sdk_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;

/** Parses the scoped header; undefined for any other form (e.g. Huawei's `Access=`). */
export function parseScoped(header: string): ParsedSignature | undefined {
  const match = HEADER.exec(header.trim());
  if (!match) return undefined;
  const [, accessKey, date, region, service, signedHeaders, signature] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    accessKey,
    signedHeaders: signedHeaders.split(";"),
    signature,
    scope: { date, region, service },
  };
}

const KEEP = /[A-Za-z0-9._~-]/;

/** Byte-wise percent-encoding of UTF-8, upper-case hex; `/` kept in paths. */
function encode(text: string, path: boolean): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const char = String.fromCharCode(byte);
    out +=
      KEEP.test(char) || (path && char === "/")
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Go's `url.PathUnescape`/`QueryUnescape` (the latter turns `+` into a space); bad escapes stay. */
function unescape(text: string, query: boolean): string {
  const plus = query ? text.replace(/\+/g, " ") : text;
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

/** The query as Go's `url.ParseQuery` reads it: pairs in order, names and values unescaped. */
function queryPairs(query: string): [string, string][] {
  return query
    .split("&")
    .filter((part) => part !== "")
    .map((part) => {
      const eq = part.indexOf("=");
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? "" : part.slice(eq + 1);
      return [unescape(name, true), unescape(value, true)];
    });
}

/** `url.QueryEscape`: unreserved kept, space as `+`. */
function queryEscape(text: string): string {
  return encode(text, false).replace(/%20/g, "+");
}

/** `url.Values.Encode()`: keys sorted byte-wise, every value, `QueryEscape`d. */
function goValuesEncode(pairs: [string, string][]): string {
  const keys = [...new Set(pairs.map(([name]) => name))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys
    .flatMap((key) =>
      pairs.filter(([name]) => name === key).map(([, value]) => `${queryEscape(key)}=${queryEscape(value)}`),
    )
    .join("&");
}

/** The canonical path: decoded, a leading and a trailing `/`, encoded byte-wise. */
export function scopedCanonicalUri(path: string): string {
  let decoded = unescape(path, false);
  if (!decoded.startsWith("/")) decoded = `/${decoded}`;
  if (!decoded.endsWith("/")) decoded = `${decoded}/`;
  return encode(decoded, true);
}

/** The canonical query: encoded names sorted case-insensitively, each with its first value. */
export function scopedCanonicalQuery(query: string): string {
  const first = new Map<string, string>();
  for (const [name, value] of queryPairs(query)) if (!first.has(name)) first.set(name, value);
  const entries = [...first].map(([name, value]) => [encode(name, false), encode(value, false)] as const);
  entries.sort(([a], [b]) => {
    const left = a.toLowerCase();
    const right = b.toLowerCase();
    return left < right ? -1 : left > right ? 1 : 0;
  });
  return entries.map(([name, value]) => `${name}=${value}`).join("&");
}

function headerValue(headers: Record<string, string>, lowerName: string): string | undefined {
  const key = Object.keys(headers).find((name) => name.toLowerCase() === lowerName);
  return key === undefined ? undefined : headers[key];
}

/** The canonical request over the client's signed header names. */
export function scopedCanonicalRequest(request: SignedRequest, signedHeaders: string[]): string {
  // The Go signer treats a POST without a body specially: the query becomes the payload.
  const queryAsPayload = request.method.toUpperCase() === "POST" && request.body.length === 0;
  // Whitespace runs collapse to one space as Go's `\s` (tab, LF, FF, CR, space) matches them.
  const headerLines = signedHeaders
    .map((name) => `${name}:${(headerValue(request.headers, name) ?? "").replace(/[\t\n\f\r ]+/g, " ")}\n`)
    .join("");
  const declared = headerValue(request.headers, "x-sdk-content-sha256");
  const payloadHash =
    declared !== undefined
      ? declared
      : sha256Hex(queryAsPayload ? goValuesEncode(queryPairs(request.query)) : request.body);
  return [
    request.method.toUpperCase(),
    scopedCanonicalUri(request.path),
    queryAsPayload ? "" : scopedCanonicalQuery(request.query),
    headerLines,
    signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
}

/** `<date>/<region>/<service>/sdk_request`. */
export function credentialScope(date: string, region: string, service: string): string {
  return `${date}/${region}/${service}/${TERMINATOR}`;
}

/** The hex signature of a canonical request under the `"SDK"+SK` key chain. */
export function scopedSignature(
  secretKey: string,
  sdkDate: string,
  scope: { date: string; region: string; service: string },
  canonical: string,
): string {
  const key = [scope.date, scope.region, scope.service, TERMINATOR].reduce<Buffer | string>(
    (derived, part) => hmac(derived, part),
    `SDK${secretKey}`,
  );
  const stringToSign = [
    ALGORITHM,
    sdkDate,
    credentialScope(scope.date, scope.region, scope.service),
    sha256Hex(canonical),
  ].join("\n");
  return hmacHex(key, stringToSign);
}

/**
 * The scheme. The scope must carry `X-Sdk-Date`'s day, the request's region or none, and
 * `vpcep` or no service; anything else is a bad signature (what OTC's gateway checks in the
 * scope is undocumented, so the emulator accepts only what OTC's tooling sends).
 */
export const OTC_SCOPED_SIGNATURE: SignatureScheme = {
  parse: parseScoped,
  expected(request, parsed, secretKey, sdkDate, region) {
    const scope = parsed.scope;
    if (!scope || scope.date !== sdkDate.slice(0, 8)) return undefined;
    if (scope.region !== "" && scope.region !== region) return undefined;
    if (scope.service !== "" && scope.service !== SERVICE) return undefined;
    return scopedSignature(secretKey, sdkDate, scope, scopedCanonicalRequest(request, parsed.signedHeaders));
  },
};
