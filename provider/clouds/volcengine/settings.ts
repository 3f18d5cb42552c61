/** Volcengine keys: stack config `vpcep:volcengine*`, then the variables Volcengine's tools read. */
export const VOLCENGINE_SETTINGS = {
  accessKey: {
    key: "volcengineAccessKey",
    env: ["VOLCENGINE_ACCESS_KEY"],
    description: "Volcengine access key id",
    required: true,
  },
  secretKey: {
    key: "volcengineSecretKey",
    env: ["VOLCENGINE_SECRET_KEY"],
    description: "Volcengine secret access key",
    required: true,
    secret: true,
  },
  sessionToken: {
    key: "volcengineSessionToken",
    env: ["VOLCENGINE_SESSION_TOKEN"],
    description: "Volcengine STS session token, sent as `X-Security-Token`",
    secret: true,
  },
  endpoint: {
    key: "volcengineEndpoint",
    env: ["VPCEP_VOLCENGINE_ENDPOINT"],
    description: "Base URL override, e.g. the emulator; default `https://open.volcengineapi.com`",
  },
} as const;
