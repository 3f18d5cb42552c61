/**
 * Verifies Tencent `TC3-HMAC-SHA256` signatures (shared/reference/signing.md §1 and §5), reusing
 * the provider's vector-tested canonicalisation. The service in the scope may be `vpc` or the
 * first label of the Host (the Node SDK signs `127` when aimed at `127.0.0.1:PORT`); the signed
 * `host` may carry the port or not (the Node SDK drops it, the Go SDK keeps it).
 */
import { safeEqual } from "../../../provider/core/crypto.js";
import {
  canonicalRequest,
  parseAuthorization,
  scopeDate,
  signature,
} from "../../../provider/clouds/tencentcloud/sign.js";
import type { AuthOutcome, CloudReply, IncomingCall } from "../../core/cloud-module.js";
import { headerOf } from "../../core/http.js";
import type { CredentialScope } from "../../core/registration.js";
import type { EmulatorState } from "../../core/state.js";
import type { TencentCredential } from "./credentials.js";
import { AuthErrors } from "./errors.js";

/** Tencent refuses timestamps more than five minutes from server time. */
export const TENCENT_SKEW_MS = 300 * 1000;

/** The HTTP 200 error envelope for an auth failure (RequestId is added on the way out). */
export function tcAuthFailure(code: string, message: string): CloudReply {
  return { status: 200, body: { Response: { Error: { Code: code, Message: message } } }, errorCode: code };
}

function flatHeaders(raw: IncomingCall): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return out;
}

/** Checks the signature and resolves the tenant (the key's account UIN). */
export function authenticateTencent(
  raw: IncomingCall,
  state: EmulatorState,
  credentials: CredentialScope<TencentCredential>,
): AuthOutcome {
  const header = headerOf(raw, "authorization");
  const parsed = header ? parseAuthorization(header) : undefined;
  const credential = parsed ? credentials.byKey(parsed.secretId) : undefined;
  // With auth off (or failing) the request still needs an account: the primary default one.
  const fallbackTenant = credential?.uin ?? credentials.primary().uin;
  if (state.authMode === "off") return { verdict: "skipped", tenant: fallbackTenant };
  const fail = (error: { code: string; message: string }): AuthOutcome => ({
    verdict: "failed",
    tenant: fallbackTenant,
    failure: tcAuthFailure(error.code, error.message),
  });
  if (!parsed) return fail(AuthErrors.malformed);
  if (!credential) return fail(AuthErrors.unknownKey);
  const timestampText = headerOf(raw, "x-tc-timestamp") ?? "";
  if (!/^\d+$/.test(timestampText)) return fail(AuthErrors.signature);
  const timestamp = Number(timestampText);
  if (state.checkSkew && Math.abs(state.clock.wallNow() - timestamp * 1000) > TENCENT_SKEW_MS)
    return fail(AuthErrors.expired);
  if (parsed.date !== scopeDate(timestamp)) return fail(AuthErrors.signature);
  const host = headerOf(raw, "host") ?? "";
  const hostname = host.replace(/:\d+$/, "");
  if (parsed.service !== "vpc" && parsed.service !== hostname.split(".")[0])
    return fail(AuthErrors.signature);
  const headers = flatHeaders(raw);
  const query = raw.method === "GET" ? raw.rawQuery : "";
  const hosts = hostname !== host ? [host, hostname] : [host];
  const matches = hosts.some((candidate) => {
    const canonical = canonicalRequest(
      { method: raw.method, query, headers: { ...headers, host: candidate }, body: raw.body },
      parsed.signedHeaders,
    );
    return safeEqual(
      signature(credential.secretKey, timestamp, parsed.date, parsed.service, canonical),
      parsed.signature,
    );
  });
  if (!matches) return fail(AuthErrors.signature);
  return { verdict: "ok", tenant: credential.uin };
}
