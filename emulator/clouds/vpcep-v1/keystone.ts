/**
 * A Keystone v3 IAM for the profiles with `features.keystoneTokens`: `POST /v3/auth/tokens` with
 * the password method answers 201, the token in `X-Subject-Token` and the token body (24 h on the
 * emulator clock, the scoped project, a catalog whose URLs point at the emulator). The VPCEP
 * routes then accept `X-Auth-Token`; the gateway refuses unknown, expired and other-project tokens.
 * Tokens live in memory: a reset keeps them (IAM is not VPCEP state), a restart forgets them.
 * @link https://docs.otc.t-systems.com/identity-access-management/api-ref/apis/token_management/obtaining_a_user_token_through_password_authentication.html
 */
import { createHash, randomBytes } from "node:crypto";
import type { CloudReply, IncomingCall } from "../../core/cloud-module.js";
import { headerOf } from "../../core/http.js";
import type { CredentialScope } from "../../core/registration.js";
import { hasLogin, type V1PasswordLogin, type VpcepV1LoginCredential } from "./credentials.js";

/** Tokens are valid for 24 hours. */
export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The IAM route, below the root (not below `/v1/{project_id}`). */
export const TOKEN_PATH = "/v3/auth/tokens";

/** The operation name of the token call (IAM's API name) in fault rules and the request log. */
export const TOKEN_OPERATION = "KeystoneCreateUserTokenByPassword";

/** An issued token. */
export interface IssuedToken {
  /** Undefined for domain-scoped or unscoped tokens, which no VPCEP path accepts. */
  projectId?: string;
  expiresAt: number;
}

type Login = VpcepV1LoginCredential & V1PasswordLogin;

/** Keystone's time format: UTC with microseconds. */
export function keystoneTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

function keystoneError(status: number, message: string): CloudReply {
  const title = status === 400 ? "Bad Request" : status === 401 ? "Unauthorized" : "Error";
  return { status, body: { error: { code: status, message, title } }, errorCode: `IAM.${status}` };
}

// The Keystone error texts: the API reference documents the statuses only (201, 400, 401, …).
const UNAUTHORIZED = "The username or password is wrong.";
const BAD_SCOPE = "The request you have made requires authentication.";

function object(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function id32(seed: string): string {
  return createHash("sha256").update(seed).digest("hex").slice(0, 32);
}

/** The request body with every password masked, for the request log. */
export function redactPasswords(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(redactPasswords);
  const record = object(body);
  if (!record) return body;
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [
      key,
      key === "password" && typeof value === "string" ? "******" : redactPasswords(value),
    ]),
  );
}

/** Issues and looks up tokens for one cloud's credentials. */
export class KeystoneTokens {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly credentials: CredentialScope<VpcepV1LoginCredential>,
    private readonly now: () => number,
  ) {}

  /** The token behind an `X-Auth-Token` value, expired or not; undefined when never issued. */
  lookup(token: string): IssuedToken | undefined {
    return this.tokens.get(token);
  }

  /**
   * `POST /v3/auth/tokens`: the password method, scoped to a project (by name or id) or to the
   * user's domain. `region` names the catalog's endpoints; `base` is the emulator URL they use.
   */
  issue(raw: IncomingCall, region: string, base: string): CloudReply {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.body.toString("utf8"));
    } catch {
      return keystoneError(400, "The request body is not valid JSON.");
    }
    const auth = object(object(parsed)?.auth);
    const identity = object(auth?.identity);
    const methods = identity?.methods;
    if (!Array.isArray(methods) || !methods.includes("password"))
      return keystoneError(400, "auth.identity.methods must include password.");
    const user = object(object(identity?.password)?.user);
    const userDomain = object(user?.domain);
    const name = user?.name;
    const password = user?.password;
    if (typeof name !== "string" || typeof password !== "string" || !userDomain)
      return keystoneError(400, "auth.identity.password.user needs name, password and domain.");
    const logins = this.credentials
      .list()
      .filter(hasLogin)
      .filter(
        (c) =>
          c.userName === name &&
          c.password === password &&
          (userDomain.name === c.domainName || userDomain.id === c.domainId),
      );
    if (logins.length === 0) return keystoneError(401, UNAUTHORIZED);

    const scope = object(auth?.scope);
    const project = object(scope?.project);
    let login: Login | undefined = logins[0];
    let projectId: string | undefined;
    if (project) {
      login = logins.find((c) =>
        project.id !== undefined ? c.projectId === project.id : c.projectName === project.name,
      );
      if (!login) return keystoneError(401, BAD_SCOPE);
      projectId = login.projectId;
    }
    const issuedAt = this.now();
    const expiresAt = issuedAt + TOKEN_LIFETIME_MS;
    const token = `MII${randomBytes(96).toString("base64url")}`;
    this.tokens.set(token, { ...(projectId !== undefined ? { projectId } : {}), expiresAt });

    const domain = { id: login!.domainId, name: login!.domainName };
    const nocatalog = new URLSearchParams(raw.rawQuery).get("nocatalog");
    const catalog = [
      {
        type: "identity",
        id: id32("identity"),
        name: "iam",
        endpoints: [
          {
            id: id32("identity-public"),
            interface: "public",
            region: "*",
            region_id: "*",
            url: `${base}/v3`,
          },
        ],
      },
      ...(projectId !== undefined
        ? [
            {
              type: "vpcep",
              id: id32("vpcep"),
              name: "vpcep",
              endpoints: [
                {
                  id: id32(`vpcep-${region}`),
                  interface: "public",
                  region,
                  region_id: region,
                  url: `${base}/v1/${projectId}`,
                },
              ],
            },
          ]
        : []),
    ];
    return {
      status: 201,
      headers: { "X-Subject-Token": token },
      body: {
        token: {
          methods: ["password"],
          expires_at: keystoneTime(expiresAt),
          issued_at: keystoneTime(issuedAt),
          user: { id: id32(`${login!.domainId}/${login!.userName}`), name: login!.userName, domain },
          ...(projectId !== undefined
            ? { project: { id: projectId, name: login!.projectName, domain } }
            : { domain }),
          ...(nocatalog ? {} : { catalog }),
          roles: [{ id: "0", name: "admin" }],
        },
      },
    };
  }
}

/** The emulator's own base URL as the client reached it (catalog URLs point back at it). */
export function baseUrlOf(raw: IncomingCall): string {
  return `http://${headerOf(raw, "host") ?? "127.0.0.1"}`;
}
