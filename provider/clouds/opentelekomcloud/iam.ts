/**
 * Password authentication on Open Telekom Cloud: a project-scoped IAM v3 token (`POST
 * /v3/auth/tokens`, 201 with `X-Subject-Token`), sent as `X-Auth-Token`. Tokens live 24 hours;
 * one is cached per user, project and IAM endpoint in the host process and renewed before it
 * expires, so a stack of hundreds of resources asks IAM once.
 * @link https://docs.otc.t-systems.com/identity-access-management/api-ref/apis/token_management/obtaining_a_user_token.html
 */
import type { Clock } from "../../core/clock.js";
import { sha256Hex } from "../../core/crypto.js";
import { CloudApiError } from "../../core/errors.js";
import { sharedTransport, type CloudResponse, type SignableRequest } from "../../core/http.js";
import type { VpcepV1Auth, VpcepV1Session } from "../vpcep-v1/profile.js";

export interface PasswordCredentials {
  /** IAM base URL, with or without the trailing `/v3`. */
  iamEndpoint: string;
  userName: string;
  password: string;
  domainName: string;
  /** The project the token is scoped to: its id, or else its name. */
  project: { id: string } | { name: string };
  /** VPCEP base URL override. */
  endpoint?: string | undefined;
}

interface CachedToken {
  token: string;
  projectId: string;
  expiresAt: number;
  /** When to ask for the next one: well before expiry, so no request goes out with a dying token. */
  renewAt: number;
}

/** Renew an hour before expiry, or at three quarters of a shorter lifetime. */
const RENEW_BEFORE_MS = 60 * 60 * 1000;
/** A token this close to expiry is not sent, even when IAM cannot give a new one. */
const EXPIRY_MARGIN_MS = 60 * 1000;

const tokens = new Map<string, CachedToken>();
const pending = new Map<string, Promise<CachedToken>>();

/** For tests: forget every cached token. */
export function clearTokenCache(): void {
  tokens.clear();
  pending.clear();
  refusedLogins.clear();
}

function tokensUrl(iamEndpoint: string): URL {
  const base = iamEndpoint.replace(/\/+$/, "").replace(/\/v3$/, "");
  // The catalog is not needed: the VPCEP host is known, and the catalog is most of the answer.
  return new URL(`${base}/v3/auth/tokens?nocatalog=true`);
}

function header(response: CloudResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Keystone errors are `{"error":{"code","title","message"}}`; the gateway's are `{"error_code","error_msg"}`. */
function classifyIam(response: CloudResponse, operation: string): CloudApiError | undefined {
  if (response.status < 400) return undefined;
  let code = `IAM.${response.status}`;
  let message = `HTTP ${response.status}`;
  try {
    const body = JSON.parse(response.body) as {
      error?: { title?: string; message?: string };
      error_code?: string;
      error_msg?: string;
    };
    if (body.error_code) code = body.error_code;
    message = body.error?.message ?? body.error_msg ?? message;
  } catch {
    // Not JSON: the status says enough.
  }
  const throttled = response.status === 429;
  return new CloudApiError({
    cloud: "opentelekomcloud",
    code,
    httpStatus: response.status,
    ...(header(response, "x-request-id") ? { requestId: header(response, "x-request-id")! } : {}),
    message: response.status === 401 ? `IAM refused the user name, password or domain: ${message}` : message,
    throttled,
    notFound: false,
    retryable: throttled || response.status >= 500,
    operation,
  });
}

async function requestToken(credentials: PasswordCredentials, clock: Clock): Promise<CachedToken> {
  const url = tokensUrl(credentials.iamEndpoint);
  const transport = sharedTransport(
    `opentelekomcloud-iam|${url.origin}`,
    {
      cloud: "opentelekomcloud",
      sign: (request) => {
        request.headers["content-type"] = "application/json";
      },
      classify: classifyIam,
    },
    clock,
  );
  const response = await transport.send({
    method: "POST",
    url,
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ["password"],
          password: {
            user: {
              name: credentials.userName,
              password: credentials.password,
              domain: { name: credentials.domainName },
            },
          },
        },
        scope: { project: credentials.project },
      },
    }),
    operation: "CreateToken",
    // A token request changes nothing; asking twice only yields two valid tokens.
    idempotent: true,
  });
  const token = header(response, "x-subject-token");
  const body = JSON.parse(response.body) as {
    token?: { expires_at?: string; issued_at?: string; project?: { id?: string } };
  };
  const projectId = body.token?.project?.id;
  const expiresAt = Date.parse(body.token?.expires_at ?? "");
  if (!token || !projectId || Number.isNaN(expiresAt)) {
    throw new CloudApiError({
      cloud: "opentelekomcloud",
      code: "IAM.UnexpectedAnswer",
      httpStatus: response.status,
      message: "IAM answered without X-Subject-Token, a project-scoped token or its expiry",
      throttled: false,
      notFound: false,
      retryable: false,
      operation: "CreateToken",
    });
  }
  const now = clock.now();
  const issuedAt = Date.parse(body.token?.issued_at ?? "");
  const lifetime = expiresAt - (Number.isNaN(issuedAt) ? now : issuedAt);
  return { token, projectId, expiresAt, renewAt: expiresAt - Math.min(RENEW_BEFORE_MS, lifetime / 4) };
}

/** Signs nothing: the token is the credential (no date header, no skew window). */
function tokenSign(token: CachedToken) {
  return (request: SignableRequest) => {
    request.headers["content-type"] = "application/json";
    request.headers["x-project-id"] = token.projectId;
    request.headers["x-auth-token"] = token.token;
    delete request.headers["authorization"];
  };
}

/**
 * IAM refused these credentials (401): remembered for the host process, so a mistyped password
 * fails every resource at once instead of trying IAM again for each (accounts lock after repeated
 * failures).
 */
const refusedLogins = new Map<string, unknown>();

export function passwordAuth(credentials: PasswordCredentials, clock: Clock): VpcepV1Auth {
  const scope =
    "id" in credentials.project ? `id:${credentials.project.id}` : `name:${credentials.project.name}`;
  const key = `${tokensUrl(credentials.iamEndpoint).origin}|${credentials.domainName}|${credentials.userName}|${scope}`;
  // The refusal is remembered for this password only: a corrected one is tried.
  const loginKey = `${key}|${sha256Hex(credentials.password)}`;
  async function current(): Promise<CachedToken> {
    const refused = refusedLogins.get(loginKey);
    if (refused !== undefined) throw refused;
    const cached = tokens.get(key);
    if (cached && clock.now() < cached.renewAt) return cached;
    let request = pending.get(key);
    if (!request) {
      // One request per key at a time: every resource waiting for a token shares it.
      request = requestToken(credentials, clock).finally(() => pending.delete(key));
      pending.set(key, request);
    }
    try {
      const fresh = await request;
      tokens.set(key, fresh);
      return fresh;
    } catch (err) {
      if (err instanceof CloudApiError && err.details.httpStatus === 401) refusedLogins.set(loginKey, err);
      // IAM unreachable while renewing early: the cached token still serves until it expires.
      else if (cached && clock.now() < cached.expiresAt - EXPIRY_MARGIN_MS) return cached;
      throw err;
    }
  }
  let used: CachedToken | undefined;
  return {
    account: `token|${credentials.domainName}|${credentials.userName}|${scope}`,
    endpoint: credentials.endpoint,
    async session(): Promise<VpcepV1Session> {
      const token = await current();
      used = token;
      return { projectId: token.projectId, sign: tokenSign(token) };
    },
    refused() {
      // A token can be revoked before it expires (a password change): forget it, unless another
      // call has already replaced it, and ask for a new one once.
      if (used !== undefined && tokens.get(key) === used) tokens.delete(key);
      return true;
    },
  };
}
