/**
 * Verifies the family's AK/SK signatures (checklist in shared/reference/signing.md §5): the
 * profile's scheme parses the header and recomputes the signature; this file checks the key, the
 * `X-Sdk-Date` window and compares in constant time. Failures are the gateway's 401 `APIG.0301`.
 */
import { safeEqual } from "../../../provider/core/crypto.js";
import type { AuthOutcome, CloudReply, IncomingCall } from "../../core/cloud-module.js";
import { headerOf } from "../../core/http.js";
import type { CredentialScope } from "../../core/registration.js";
import type { EmulatorState } from "../../core/state.js";
import type { VpcepV1Credential } from "./credentials.js";
import { AuthMessages, GATEWAY_CODES } from "./errors.js";
import type { SignatureScheme } from "./profile.js";

/** APIG refuses a request whose X-Sdk-Date is more than 15 minutes off. */
export const SDK_DATE_SKEW_MS = 15 * 60 * 1000;

/** The 401 the gateway answers for any authentication failure. */
export function authFailure(
  message: string,
  requestId: string,
  code: string = GATEWAY_CODES.AuthFailed.code,
  status: number = GATEWAY_CODES.AuthFailed.status,
): CloudReply {
  return { status, body: { error_msg: message, error_code: code, request_id: requestId }, errorCode: code };
}

function parseSdkDate(value: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function flatHeaders(raw: IncomingCall): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return out;
}

/**
 * Checks the signature and resolves the tenant (the key's project). `pathProject` is the project
 * in the URL: with auth off it is the tenant, so unsigned tools still land in a project.
 */
export function authenticateV1(
  scheme: SignatureScheme,
  credentials: CredentialScope<VpcepV1Credential>,
  raw: IncomingCall,
  pathProject: string,
  state: EmulatorState,
  requestId: string,
): AuthOutcome {
  const header = headerOf(raw, "authorization");
  const parsed = header ? scheme.parse(header) : undefined;
  const credential = parsed ? credentials.byKey(parsed.accessKey) : undefined;
  if (state.authMode === "off") {
    return { verdict: "skipped", tenant: credential?.projectId ?? pathProject };
  }
  const fail = (message: string): AuthOutcome => ({
    verdict: "failed",
    tenant: credential?.projectId ?? credentials.byTenant(pathProject)?.projectId ?? pathProject,
    failure: authFailure(message, requestId),
  });
  if (!header) return fail(headerOf(raw, "x-auth-token") ? AuthMessages.token : AuthMessages.missing);
  if (!parsed) return fail(AuthMessages.signature);
  if (!credential) return fail(AuthMessages.unknownKey);
  const date = headerOf(raw, "x-sdk-date") ?? "";
  const signedAt = parseSdkDate(date);
  if (signedAt === undefined || !parsed.signedHeaders.includes("x-sdk-date"))
    return fail(AuthMessages.signature);
  if (state.checkSkew && Math.abs(state.clock.wallNow() - signedAt) > SDK_DATE_SKEW_MS)
    return fail(AuthMessages.expired);
  const expected = scheme.expected(
    { method: raw.method, path: raw.path, query: raw.rawQuery, headers: flatHeaders(raw), body: raw.body },
    parsed,
    credential.secretKey,
    date,
  );
  if (!safeEqual(expected, parsed.signature)) return fail(AuthMessages.signature);
  return { verdict: "ok", tenant: credential.projectId };
}
