/**
 * The documented Open Telekom Cloud default keys and IAM users. Public on purpose: they only ever
 * open the emulator.
 */
import {
  vpcepV1CredentialKind,
  type V1PasswordLogin,
  type VpcepV1Credential,
} from "../vpcep-v1/credentials.js";

/**
 * An OTC AK/SK pair bound to one project of one account (domain), with the IAM user that may also
 * log in with a password (`POST /v3/auth/tokens`).
 */
export type OpenTelekomCloudCredential = VpcepV1Credential & V1PasswordLogin;

/** A primary account and a second one for cross-account tests; both projects are named `eu-de`. */
export const OTC_DEFAULT_CREDENTIALS = {
  primary: {
    accessKey: "VPCEPEMULATOROTCAK0001",
    secretKey: "vpcep-emulator-opentelekomcloud-secret-key",
    projectId: "5c0e1a2b3d4f45a6b7c8d9e0f1a2b3c4",
    domainId: "7d1e2f3a4b5c46d7e8f90a1b2c3d4e5f",
    userName: "vpcep-emulator",
    password: "vpcep-emulator-otc-password",
    domainName: "OTC-EU-DE-00000000001000000001",
    projectName: "eu-de",
  },
  secondary: {
    accessKey: "VPCEPEMULATOROTCAK0002",
    secretKey: "vpcep-emulator-opentelekomcloud-secret-key-2",
    projectId: "6d1f2b3c4e5a46b7c8d9e0f1a2b3c4d5",
    domainId: "8e2f3a4b5c6d47e8f90a1b2c3d4e5f60",
    userName: "vpcep-emulator-2",
    password: "vpcep-emulator-otc-password-2",
    domainName: "OTC-EU-DE-00000000001000000002",
    projectName: "eu-de",
  },
} as const satisfies Record<"primary" | "secondary", OpenTelekomCloudCredential>;

/** The OTC credential kind (keys plus optional password logins). */
export const OTC_CREDENTIALS = vpcepV1CredentialKind<OpenTelekomCloudCredential>(OTC_DEFAULT_CREDENTIALS, {
  passwordLogin: true,
});
