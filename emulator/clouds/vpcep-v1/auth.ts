/**
 * Verifies the family's AK/SK signatures (checklist in shared/reference/signing.md §5): the first
 * of the profile's schemes that parses the header recomputes the signature; this file checks the
 * key, the `X-Sdk-Date` window and compares in constant time. Profiles with a Keystone IAM also
 * take `X-Auth-Token` (no signature, no date window; the token's own expiry on the emulator clock).
 * Failures are the gateway's 401 `APIG.0301`.
 */
import { safeEqual } from "../../../provider/core/crypto.js";
import type { AuthOutcome, CloudReply, IncomingCall } from "../../core/cloud-module.js";
import { headerOf } from "../../core/http.js";
import type { CredentialScope } from "../../core/registration.js";
import type { EmulatorState } from "../../core/state.js";
import type { VpcepV1Credential } from "./credentials.js";
import { AuthMessages, GATEWAY_CODES } from "./errors.js";
import { keystoneTime, type KeystoneTokens } from "./keystone.js";
import type { ParsedSignature, SignatureScheme } from "./profile.js";

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

/** What the verifier needs besides the request. */
export interface V1AuthInput {
  schemes: readonly SignatureScheme[];
  credentials: CredentialScope<VpcepV1Credential>;
  /** The Keystone tokens of profiles that serve an IAM; undefined refuses `X-Auth-Token`. */
  tokens: KeystoneTokens | undefined;
  /** The project in the URL: with auth off it is the tenant, so unsigned tools still land in one. */
  pathProject: string;
  /** The request's region (a scoped signature must name it or leave it empty). */
  region: string;
}

function parseWith(
  schemes: readonly SignatureScheme[],
  header: string,
): { scheme: SignatureScheme; parsed: ParsedSignature } | undefined {
  for (const scheme of schemes) {
    const parsed = scheme.parse(header);
    if (parsed) return { scheme, parsed };
  }
  return undefined;
}

/** `X-Auth-Token`: a token this IAM issued, not expired, scoped to the path's project. */
function authenticateToken(
  token: string,
  input: V1AuthInput,
  state: EmulatorState,
  fail: (message: string) => AuthOutcome,
): AuthOutcome {
  const issued = input.tokens?.lookup(token);
  if (state.authMode === "off") return { verdict: "skipped", tenant: issued?.projectId ?? input.pathProject };
  if (!issued) return fail(AuthMessages.token);
  if (state.clock.now() >= issued.expiresAt)
    return fail(`${AuthMessages.tokenExpired}${keystoneTime(issued.expiresAt)}`);
  if (issued.projectId !== input.pathProject) return fail(AuthMessages.tokenProject);
  return { verdict: "ok", tenant: issued.projectId };
}

/** Checks the signature (or token) and resolves the tenant (the key's or token's project). */
export function authenticateV1(
  input: V1AuthInput,
  raw: IncomingCall,
  state: EmulatorState,
  requestId: string,
): AuthOutcome {
  const { credentials, pathProject } = input;
  const header = headerOf(raw, "authorization");
  const found = header ? parseWith(input.schemes, header) : undefined;
  const credential = found ? credentials.byKey(found.parsed.accessKey) : undefined;
  const fail = (message: string): AuthOutcome => ({
    verdict: "failed",
    tenant: credential?.projectId ?? credentials.byTenant(pathProject)?.projectId ?? pathProject,
    failure: authFailure(message, requestId),
  });
  const token = headerOf(raw, "x-auth-token");
  if (!header && token !== undefined && input.tokens) return authenticateToken(token, input, state, fail);
  if (state.authMode === "off") {
    return { verdict: "skipped", tenant: credential?.projectId ?? pathProject };
  }
  if (!header) return fail(token !== undefined ? AuthMessages.token : AuthMessages.missing);
  if (!found) return fail(AuthMessages.signature);
  if (!credential) return fail(AuthMessages.unknownKey);
  const { scheme, parsed } = found;
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
    input.region,
  );
  if (expected === undefined || !safeEqual(expected, parsed.signature)) return fail(AuthMessages.signature);
  return { verdict: "ok", tenant: credential.projectId };
}
