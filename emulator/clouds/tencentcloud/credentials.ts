/**
 * Tencent Cloud keys: a SecretId/SecretKey pair bound to one account (UIN, AppId), and the
 * documented defaults. Public on purpose: they only ever open the emulator.
 */
import type { CredentialKind } from "../../core/registration.js";

/** A Tencent Cloud API key pair bound to one account. */
export interface TencentCredential {
  secretId: string;
  secretKey: string;
  /** Account UIN, what service white lists name (`UserUin`). */
  uin: string;
  /** AppId, shown as `EndPointOwner` / `ServiceOwner`. */
  appId: string;
}

/** A primary account and a second one for cross-account tests. */
export const TENCENT_DEFAULT_CREDENTIALS = {
  primary: {
    secretId: "AKIDvpcepEmulator00000000000000000001",
    secretKey: "vpcepEmulatorTencentSecretKey0001",
    uin: "100000000001",
    appId: "1302384414",
  },
  secondary: {
    secretId: "AKIDvpcepEmulator00000000000000000002",
    secretKey: "vpcepEmulatorTencentSecretKey0002",
    uin: "100000000002",
    appId: "1302384415",
  },
} as const satisfies Record<"primary" | "secondary", TencentCredential>;

const DIGITS = /^\d{5,20}$/;

function field(input: Record<string, unknown>, name: string): string {
  const value = input[name];
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}

/** The Tencent credential kind: keys by SecretId, tenants by UIN. */
export const TENCENT_CREDENTIALS: CredentialKind<TencentCredential> = {
  defaults: TENCENT_DEFAULT_CREDENTIALS,
  keyOf: (credential) => credential.secretId,
  tenantOf: (credential) => credential.uin,
  parse(input) {
    const credential: TencentCredential = {
      secretId: field(input, "secretId"),
      secretKey: field(input, "secretKey"),
      uin: field(input, "uin"),
      appId: field(input, "appId"),
    };
    if (!credential.secretId || !credential.secretKey)
      throw new RangeError("secretId and secretKey are required");
    if (!DIGITS.test(credential.uin)) throw new RangeError("uin must be digits");
    if (!DIGITS.test(credential.appId)) throw new RangeError("appId must be digits");
    return credential;
  },
  view: ({ secretId, uin, appId }) => ({ secretId, uin, appId }),
};
