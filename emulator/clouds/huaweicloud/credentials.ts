/**
 * The documented Huawei Cloud default keys. Public on purpose: they only ever open the emulator.
 */
import { vpcepV1CredentialKind, type VpcepV1Credential } from "../vpcep-v1/credentials.js";

/** A Huawei Cloud AK/SK pair bound to one project of one account (domain). */
export type HuaweiCredential = VpcepV1Credential;

/** A primary account and a second one for cross-account tests. */
export const HUAWEI_DEFAULT_CREDENTIALS = {
  primary: {
    accessKey: "VPCEPEMULATORHWAK0001",
    secretKey: "vpcep-emulator-huaweicloud-secret-key",
    projectId: "0605767b5e00d5762fc8c0102dd4bb6b",
    domainId: "8a1b2c3d4e5f40718293a4b5c6d7e8f9",
  },
  secondary: {
    accessKey: "VPCEPEMULATORHWAK0002",
    secretKey: "vpcep-emulator-huaweicloud-secret-key-2",
    projectId: "1f2e3d4c5b6a47988776655443322110",
    domainId: "9f8e7d6c5b4a43210fedcba987654321",
  },
} as const satisfies Record<"primary" | "secondary", HuaweiCredential>;

/** The Huawei credential kind. */
export const HUAWEI_CREDENTIALS = vpcepV1CredentialKind<HuaweiCredential>(HUAWEI_DEFAULT_CREDENTIALS);
