/** Tencent Cloud API keys: stack config `vpcep:tencentcloud*`, then the variables Tencent's tools read. */
export const TENCENT_SETTINGS = {
  secretId: {
    key: "tencentcloudSecretId",
    env: ["TENCENTCLOUD_SECRET_ID"],
    description: "Tencent Cloud SecretId",
    required: true,
  },
  secretKey: {
    key: "tencentcloudSecretKey",
    env: ["TENCENTCLOUD_SECRET_KEY"],
    description: "Tencent Cloud SecretKey",
    required: true,
    secret: true,
  },
  sessionToken: {
    key: "tencentcloudSessionToken",
    env: ["TENCENTCLOUD_SESSION_TOKEN"],
    description: "Tencent Cloud session token of temporary keys",
    secret: true,
  },
  endpoint: {
    key: "tencentcloudEndpoint",
    env: ["VPCEP_TENCENTCLOUD_ENDPOINT"],
    description: "Base URL override, e.g. the emulator; default `https://vpc.tencentcloudapi.com`",
  },
} as const;
