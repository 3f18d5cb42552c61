/** Stack config that points pulumi-vpcep's provider at a running emulator, with its documented keys. */
import { EMULATOR_CREDENTIALS } from "./credentials.js";

/**
 * `vpcep:*` config keys (endpoints and credentials) for one of the emulator's accounts; set them
 * with `pulumi config set` (the secret keys with `--secret`) or pass them to the Automation API.
 */
export function providerConfig(
  urls: { huaweicloud: string; tencentcloud: string },
  account: "primary" | "secondary" = "primary",
): Record<string, string> {
  const hw = EMULATOR_CREDENTIALS.huaweicloud[account];
  const tc = EMULATOR_CREDENTIALS.tencentcloud[account];
  return {
    "vpcep:huaweicloudEndpoint": urls.huaweicloud,
    "vpcep:huaweicloudAccessKey": hw.accessKey,
    "vpcep:huaweicloudSecretKey": hw.secretKey,
    "vpcep:huaweicloudProjectId": hw.projectId,
    "vpcep:tencentcloudEndpoint": urls.tencentcloud,
    "vpcep:tencentcloudSecretId": tc.secretId,
    "vpcep:tencentcloudSecretKey": tc.secretKey,
  };
}

/** The keys of {@link providerConfig} that hold secrets. */
export const PROVIDER_SECRET_KEYS = ["vpcep:huaweicloudSecretKey", "vpcep:tencentcloudSecretKey"];
