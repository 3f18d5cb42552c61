/**
 * Volcengine keys: an AccessKeyId/SecretAccessKey pair bound to one account, optionally a
 * temporary (STS) key that only works with its session token (`X-Security-Token`). The documented
 * defaults are public on purpose: they only ever open the emulator.
 */
import type { CredentialKind } from "../../core/registration.js";

/** A Volcengine API key bound to one account. */
export interface VolcengineCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** The account id (what service permissions name as `PermitAccountId`). */
  accountId: string;
  /** Set for a temporary key: requests must carry it as `X-Security-Token`. */
  sessionToken?: string;
}

/**
 * A primary account, a second one for cross-account tests, and a temporary (STS) key of the
 * primary account with its session token.
 */
export const VOLCENGINE_DEFAULT_CREDENTIALS = {
  primary: {
    accessKeyId: "AKLTdnBjZXBlbXVsYXRvcjAwMDE",
    secretAccessKey: "vpcepEmulatorVolcengineSecretKey0001",
    accountId: "2100000001",
  },
  secondary: {
    accessKeyId: "AKLTdnBjZXBlbXVsYXRvcjAwMDI",
    secretAccessKey: "vpcepEmulatorVolcengineSecretKey0002",
    accountId: "2100000002",
  },
  temporary: {
    accessKeyId: "AKTPdnBjZXBlbXVsYXRvcnN0czE",
    secretAccessKey: "vpcepEmulatorVolcengineStsSecretKey01",
    accountId: "2100000001",
    sessionToken: "STS2dnBjZXBlbXVsYXRvci1zZXNzaW9uLXRva2VuLTE",
  },
} as const satisfies {
  primary: VolcengineCredential;
  secondary: VolcengineCredential;
  temporary: VolcengineCredential;
};

/** Volcengine account ids are digits (`2100012345`). */
export const ACCOUNT_ID = /^\d{5,20}$/;

function field(input: Record<string, unknown>, name: string): string {
  const value = input[name];
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}

/** The Volcengine credential kind: keys by AccessKeyId, tenants by account id. */
export const VOLCENGINE_CREDENTIALS: CredentialKind<VolcengineCredential> & {
  /** Typed as declared, so `EMULATOR_CREDENTIALS.volcengine.temporary` is known to the compiler. */
  readonly defaults: typeof VOLCENGINE_DEFAULT_CREDENTIALS;
} = {
  defaults: VOLCENGINE_DEFAULT_CREDENTIALS,
  keyOf: (credential) => credential.accessKeyId,
  tenantOf: (credential) => credential.accountId,
  parse(input) {
    const credential: VolcengineCredential = {
      accessKeyId: field(input, "accessKeyId"),
      secretAccessKey: field(input, "secretAccessKey"),
      accountId: field(input, "accountId"),
    };
    const token = field(input, "sessionToken");
    if (token) credential.sessionToken = token;
    if (!credential.accessKeyId || !credential.secretAccessKey)
      throw new RangeError("accessKeyId and secretAccessKey are required");
    if (!ACCOUNT_ID.test(credential.accountId)) throw new RangeError("accountId must be digits");
    return credential;
  },
  view: ({ accessKeyId, accountId, sessionToken }) => ({
    accessKeyId,
    accountId,
    ...(sessionToken ? { temporary: "true" } : {}),
  }),
};
