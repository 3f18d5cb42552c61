/**
 * Provider settings and credentials, read in the host at call time: stack config handed to
 * `configure()` first, then the clouds' usual environment variables. Nothing here is ever captured
 * in `__provider`, written to inputs or outputs, or logged.
 */
import { isDuration, parseDuration } from "./duration.js";
import { ValidationError } from "./errors.js";

/** Reads one stack config key such as `vpcep:huaweicloudAccessKey`. */
export type ConfigSource = (key: string) => string | undefined;

let configSource: ConfigSource = () => undefined;

/** Called from the provider's `configure()` with the engine's stack config. */
export function setConfigSource(source: ConfigSource): void {
  configSource = source;
}

/** First non-empty value among the config key and the environment variables, in that order. */
export function setting(configKey: string | undefined, ...envVars: string[]): string | undefined {
  const fromConfig = configKey ? configSource(`vpcep:${configKey}`) : undefined;
  if (fromConfig !== undefined && fromConfig !== "") return fromConfig;
  for (const name of envVars) {
    const value = process.env[name];
    if (value !== undefined && value !== "") return value;
  }
  return undefined;
}

function required(what: string, configKey: string, envVars: string[], secret = false): string {
  const value = setting(configKey, ...envVars);
  if (value === undefined) {
    throw new ValidationError(
      `missing ${what}: set the stack config "vpcep:${configKey}"${secret ? " (as a secret)" : ""} or the environment variable ${envVars.join(" or ")}`,
    );
  }
  return value;
}

export interface HuaweiCredentials {
  accessKey: string;
  secretKey: string;
  projectId: string;
  securityToken?: string;
  /** Base URL override, e.g. the emulator. */
  endpoint?: string;
}

/** Huawei Cloud AK/SK and project, from `vpcep:huaweicloud*` config or `HW_*` / `HUAWEICLOUD_SDK_*`. */
export function huaweiCredentials(): HuaweiCredentials {
  const securityToken = setting(
    "huaweicloudSecurityToken",
    "HW_SECURITY_TOKEN",
    "HUAWEICLOUD_SDK_SECURITY_TOKEN",
  );
  const endpoint = setting("huaweicloudEndpoint", "VPCEP_HUAWEICLOUD_ENDPOINT");
  return {
    accessKey: required("Huawei Cloud access key", "huaweicloudAccessKey", [
      "HW_ACCESS_KEY",
      "HUAWEICLOUD_SDK_AK",
    ]),
    secretKey: required(
      "Huawei Cloud secret key",
      "huaweicloudSecretKey",
      ["HW_SECRET_KEY", "HUAWEICLOUD_SDK_SK"],
      true,
    ),
    projectId: required("Huawei Cloud project id", "huaweicloudProjectId", [
      "HW_PROJECT_ID",
      "HUAWEICLOUD_SDK_PROJECT_ID",
    ]),
    ...(securityToken ? { securityToken } : {}),
    ...(endpoint ? { endpoint } : {}),
  };
}

export interface TencentCredentials {
  secretId: string;
  secretKey: string;
  sessionToken?: string;
  endpoint?: string;
}

/** Tencent Cloud API keys, from `vpcep:tencentcloud*` config or `TENCENTCLOUD_*`. */
export function tencentCredentials(): TencentCredentials {
  const sessionToken = setting("tencentcloudSessionToken", "TENCENTCLOUD_SESSION_TOKEN");
  const endpoint = setting("tencentcloudEndpoint", "VPCEP_TENCENTCLOUD_ENDPOINT");
  return {
    secretId: required("Tencent Cloud SecretId", "tencentcloudSecretId", ["TENCENTCLOUD_SECRET_ID"]),
    secretKey: required(
      "Tencent Cloud SecretKey",
      "tencentcloudSecretKey",
      ["TENCENTCLOUD_SECRET_KEY"],
      true,
    ),
    ...(sessionToken ? { sessionToken } : {}),
    ...(endpoint ? { endpoint } : {}),
  };
}

/** How the provider paces itself; tests shorten these through the environment. */
export interface Tuning {
  pollMinMs: number;
  pollMaxMs: number;
  progressEveryMs: number;
  maxRequestsPerSecond: number;
  maxRetries: number;
  retryBaseMs: number;
}

function durationSetting(configKey: string, envVar: string, fallback: number): number {
  const value = setting(configKey, envVar);
  if (value === undefined) return fallback;
  if (!isDuration(value)) {
    throw new ValidationError(
      `"vpcep:${configKey}" / ${envVar} must be a duration such as "2s" or "500ms" (got "${value}")`,
    );
  }
  return parseDuration(value);
}

function countSetting(configKey: string, envVar: string, fallback: number, min: number): number {
  const value = setting(configKey, envVar);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min) {
    throw new ValidationError(
      `"vpcep:${configKey}" / ${envVar} must be a number of at least ${min} (got "${value}")`,
    );
  }
  return parsed;
}

/** Polling, progress, rate limit and retry settings. */
export function tuning(): Tuning {
  return {
    pollMinMs: durationSetting("pollInterval", "VPCEP_POLL_INTERVAL", 2000),
    pollMaxMs: durationSetting("pollMaxInterval", "VPCEP_POLL_MAX_INTERVAL", 15_000),
    progressEveryMs: durationSetting("progressInterval", "VPCEP_PROGRESS_INTERVAL", 5000),
    maxRequestsPerSecond: countSetting("maxRequestsPerSecond", "VPCEP_MAX_REQUESTS_PER_SECOND", 10, 0.1),
    maxRetries: countSetting("maxRetries", "VPCEP_MAX_RETRIES", 5, 0),
    retryBaseMs: durationSetting("retryBaseDelay", "VPCEP_RETRY_BASE_DELAY", 1000),
  };
}
