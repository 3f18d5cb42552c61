/**
 * Verifies Volcengine `HMAC-SHA256` signatures (shared/reference/signing.md §2 and §5). Written
 * apart from the provider's signer, so each checks the other; both are held to vectors V1–V3 and
 * the official Node SDK. The canonical request is rebuilt from the SignedHeaders the client
 * names (the Node SDK signs `x-date` alone on GET, the Go SDK also `content-type;host`), the query
 * decoded, RFC 3986 re-encoded and sorted, and the payload hash checked against the body.
 * @link https://www.volcengine.com/docs/6369/67269
 */
import { hmac, hmacHex, safeEqual, sha256Hex } from "../../../provider/core/crypto.js";
import rfc3986 from "../../../provider/core/rfc3986.js";
import type { AuthOutcome, CloudReply, IncomingCall } from "../../core/cloud-module.js";
import { headerOf } from "../../core/http.js";
import type { CredentialScope } from "../../core/registration.js";
import type { EmulatorState } from "../../core/state.js";
import type { VolcengineCredential } from "./credentials.js";
import { veError, type VeError } from "./errors.js";

export const VOLCENGINE_ALGORITHM = "HMAC-SHA256";
/** The service every PrivateLink call names in its credential scope. */
export const PRIVATELINK_SERVICE = "privatelink";
/** No window is documented for header signatures; the presigned form's default is 900 s. */
export const VOLCENGINE_SKEW_MS = 900 * 1000;

/** A parsed `Authorization` header. */
export interface VolcengineAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** What the canonical request is built from. */
export interface VolcengineSignable {
  method: string;
  path?: string;
  /** The query as sent, without `?`. */
  query: string;
  headers: Record<string, string | undefined>;
  body: string | Buffer;
}

/** Why a header could not be parsed, as the gateway's code. */
export type ParseFailure = "InvalidAuthorization" | "InvalidCredential" | "MissingSignature";

/** Parses `HMAC-SHA256 Credential=AK/date/region/service/request, SignedHeaders=…, Signature=…`. */
export function parseAuthorization(value: string): VolcengineAuthorization | ParseFailure {
  const match = /^HMAC-SHA256\s+(.*)$/.exec(value.trim());
  if (!match) return "InvalidAuthorization";
  const parts = new Map<string, string>();
  for (const piece of match[1]!.split(",")) {
    const eq = piece.indexOf("=");
    if (eq < 0) return "InvalidAuthorization";
    parts.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const credential = parts.get("Credential");
  const signedHeaders = parts.get("SignedHeaders");
  if (credential === undefined || signedHeaders === undefined) return "InvalidAuthorization";
  const scope = credential.split("/");
  if (scope.length !== 5 || scope[4] !== "request" || !/^\d{8}$/.test(scope[1]!) || scope.some((s) => !s))
    return "InvalidCredential";
  const signature = parts.get("Signature");
  if (!signature) return "MissingSignature";
  return {
    accessKeyId: scope[0]!,
    date: scope[1]!,
    region: scope[2]!,
    service: scope[3]!,
    signedHeaders: signedHeaders.split(";").map((name) => name.trim().toLowerCase()),
    signature,
  };
}

/** The scope's region and key without verifying anything (routing and fault matching). */
export function peekScope(
  authorization: string | undefined,
): { region: string; accessKeyId: string } | undefined {
  if (!authorization) return undefined;
  const parsed = parseAuthorization(authorization);
  return typeof parsed === "string" ? undefined : parsed;
}

function headerValue(headers: Record<string, string | undefined>, lowerName: string): string {
  const key = Object.keys(headers).find((name) => name.toLowerCase() === lowerName);
  return key === undefined ? "" : (headers[key] ?? "");
}

function decode(component: string): string {
  // Form decoding: `+` is a space (the Go SDK sends spaces as `+`, the Node SDK sends `%2B`).
  const text = component.replace(/\+/g, " ");
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The canonical query: pairs decoded, re-encoded per RFC 3986, sorted by key then value. */
export function canonicalQuery(query: string): string {
  if (query === "") return "";
  const pairs = query
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const key = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? "" : pair.slice(eq + 1);
      return [rfc3986(decode(key)), rfc3986(decode(value))] as const;
    });
  pairs.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  return pairs.map(([key, value]) => `${key}=${value}`).join("&");
}

/** The canonical request over the named headers; the payload line is the client's hash if it sent one. */
export function canonicalRequest(req: VolcengineSignable, signedHeaders: readonly string[]): string {
  const path = (req.path ?? "/") || "/";
  const uri = path
    .split("/")
    .map((segment) => rfc3986(decode(segment)))
    .join("/");
  const headerLines = signedHeaders
    .map((name) => `${name}:${headerValue(req.headers, name).trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const payload = headerValue(req.headers, "x-content-sha256") || sha256Hex(req.body);
  return [
    req.method.toUpperCase(),
    uri,
    canonicalQuery(req.query),
    headerLines,
    signedHeaders.join(";"),
    payload,
  ].join("\n");
}

/** `kSigning = HMAC(HMAC(HMAC(HMAC(SK, date), region), service), "request")`: no prefix on the SK. */
export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(secretAccessKey, date), region), service), "request");
}

/** The hex signature of a canonical request. */
export function signatureOf(
  secretAccessKey: string,
  xDate: string,
  region: string,
  service: string,
  canonical: string,
): string {
  const date = xDate.slice(0, 8);
  const scope = `${date}/${region}/${service}/request`;
  const stringToSign = `${VOLCENGINE_ALGORITHM}\n${xDate}\n${scope}\n${sha256Hex(canonical)}`;
  return hmacHex(signingKey(secretAccessKey, date, region, service), stringToSign);
}

/** `YYYYMMDDTHHMMSSZ` as epoch milliseconds, or NaN. */
export function parseXDate(value: string): number {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(value);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

function flatHeaders(raw: IncomingCall): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return out;
}

/** The error envelope of an auth failure (RequestId and the call's metadata are added on the way out). */
export function authFailureReply(error: VeError): CloudReply {
  return {
    status: error.status,
    body: {
      ResponseMetadata: {
        Error: {
          ...(error.codeN !== undefined ? { CodeN: error.codeN } : {}),
          Code: error.code,
          Message: error.message,
        },
      },
    },
    errorCode: error.code,
  };
}

/**
 * Checks the signature and resolves the tenant (the key's account). Order: header present and
 * well-formed, key known, X-Date present and within ±900 s, scope date = X-Date date, body hash,
 * session token, signature, service.
 */
export function authenticateVolcengine(
  raw: IncomingCall,
  state: EmulatorState,
  credentials: CredentialScope<VolcengineCredential>,
): AuthOutcome {
  const header = headerOf(raw, "authorization");
  const parsed = header ? parseAuthorization(header) : undefined;
  const credential = parsed && typeof parsed !== "string" ? credentials.byKey(parsed.accessKeyId) : undefined;
  // With auth off (or failing) the request still needs an account: the primary default one.
  const fallbackTenant = credential?.accountId ?? credentials.primary().accountId;
  if (state.authMode === "off") return { verdict: "skipped", tenant: fallbackTenant };
  const fail = (error: VeError): AuthOutcome => ({
    verdict: "failed",
    tenant: fallbackTenant,
    failure: authFailureReply(error),
  });
  if (parsed === undefined) return fail(veError("MissingAuthenticationToken"));
  if (typeof parsed === "string") return fail(veError(parsed));
  if (!credential) return fail(veError("InvalidAccessKey", [parsed.accessKeyId]));
  const xDate = headerOf(raw, "x-date");
  if (xDate === undefined || xDate === "") return fail(veError("MissingRequestInfo", ["X-Date"]));
  const signedAt = parseXDate(xDate);
  if (Number.isNaN(signedAt)) return fail(veError("InvalidTimestamp"));
  if (state.checkSkew && Math.abs(state.clock.wallNow() - signedAt) > VOLCENGINE_SKEW_MS)
    return fail(veError("InvalidTimestamp"));
  const mismatch = veError("SignatureDoesNotMatch");
  if (parsed.date !== xDate.slice(0, 8)) return fail(mismatch);
  // Unsigned dates could be replayed forever: every official client signs x-date.
  if (!parsed.signedHeaders.includes("x-date")) return fail(mismatch);
  const headers = flatHeaders(raw);
  const claimed = headers["x-content-sha256"];
  if (claimed !== undefined && claimed.toLowerCase() !== sha256Hex(raw.body)) return fail(mismatch);
  const token = headers["x-security-token"];
  if (credential.sessionToken !== undefined || token !== undefined) {
    if (token === undefined)
      return fail(veError("InvalidSecretToken", ["the temporary key needs its session token"]));
    if (credential.sessionToken === undefined || !safeEqual(token, credential.sessionToken))
      return fail(veError("InvalidSecretToken", ["the session token does not belong to the key"]));
  }
  const canonical = canonicalRequest(
    { method: raw.method, path: raw.path, query: raw.rawQuery, headers, body: raw.body },
    parsed.signedHeaders,
  );
  const expected = signatureOf(credential.secretAccessKey, xDate, parsed.region, parsed.service, canonical);
  if (!safeEqual(expected, parsed.signature.toLowerCase())) return fail(mismatch);
  // A correctly signed call for another product reaches a gateway that does not route it here.
  if (parsed.service !== PRIVATELINK_SERVICE) return fail(veError("ServiceNotFound", [parsed.service]));
  return { verdict: "ok", tenant: credential.accountId };
}
