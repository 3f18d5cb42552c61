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

/** Whether a setting is given in stack config, only in the environment, or not at all. */
export function settingSource(spec: { key: string; env: readonly string[] }): "config" | "env" | undefined {
  const fromConfig = configSource(`vpcep:${spec.key}`);
  if (fromConfig !== undefined && fromConfig !== "") return "config";
  return spec.env.some((name) => (process.env[name] ?? "") !== "") ? "env" : undefined;
}

/** One documented setting: a stack config key and the environment variables read after it. */
export interface SettingSpec {
  /** The config key without the `vpcep:` namespace, e.g. `huaweicloudAccessKey`. */
  key: string;
  /** Environment variables, in the order they are read. */
  env: readonly string[];
  /** What it is, e.g. "Huawei Cloud access key"; also the start of the missing-value message. */
  description: string;
  /** Set it as a secret (`pulumi config set --secret`). */
  secret?: boolean;
  /** A call fails with a message naming the key and the variables when it is missing. */
  required?: boolean;
  /** The value used when neither the key nor a variable is set. */
  default?: string;
}

type SettingValues<T extends Record<string, SettingSpec>> = {
  [K in keyof T]: T[K]["required"] extends true ? string : string | undefined;
};

/** Reads every setting of a spec now; a missing required one names its key and variables. */
export function readSettings<T extends Record<string, SettingSpec>>(specs: T): SettingValues<T> {
  const values: Record<string, string | undefined> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = setting(spec.key, ...spec.env);
    if (value === undefined && spec.required) {
      throw new ValidationError(
        `missing ${spec.description}: set the stack config "vpcep:${spec.key}"${spec.secret ? " (as a secret)" : ""} or the environment variable ${spec.env.join(" or ")}`,
      );
    }
    values[name] = value;
  }
  return values as SettingValues<T>;
}

/** A tuning setting: a duration ("2s") or a number with a lower bound. */
type TuningSpec = SettingSpec & { default: string } & ({ kind: "duration" } | { kind: "count"; min: number });

/** How the provider paces itself; tests shorten these through the environment. */
export const TUNING_SETTINGS = {
  pollMinMs: {
    key: "pollInterval",
    env: ["VPCEP_POLL_INTERVAL"],
    description:
      "First delay between status polls; later delays double up to the cloud's documented provisioning time, then gather inside it",
    kind: "duration",
    default: "2s",
  },
  pollMaxMs: {
    key: "pollMaxInterval",
    env: ["VPCEP_POLL_MAX_INTERVAL"],
    description: "Longest delay between polls",
    kind: "duration",
    default: "15s",
  },
  progressEveryMs: {
    key: "progressInterval",
    env: ["VPCEP_PROGRESS_INTERVAL"],
    description: "How often a waiting resource prints a progress line",
    kind: "duration",
    default: "5s",
  },
  maxRequestsPerSecond: {
    key: "maxRequestsPerSecond",
    env: ["VPCEP_MAX_REQUESTS_PER_SECOND"],
    description: "Client-side rate limit per cloud, region and account",
    kind: "count",
    min: 0.1,
    default: "10",
  },
  maxRetries: {
    key: "maxRetries",
    env: ["VPCEP_MAX_RETRIES"],
    description: "Retries of retryable errors",
    kind: "count",
    min: 0,
    default: "5",
  },
  retryBaseMs: {
    key: "retryBaseDelay",
    env: ["VPCEP_RETRY_BASE_DELAY"],
    description:
      "First retry delay (doubles, with jitter, up to 20 s; a `Retry-After` answer wins, up to 60 s)",
    kind: "duration",
    default: "1s",
  },
} as const satisfies Record<string, TuningSpec>;

export type Tuning = { [K in keyof typeof TUNING_SETTINGS]: number };

function tuningValue(spec: TuningSpec): number {
  const value = setting(spec.key, ...spec.env) ?? spec.default;
  const where = `"vpcep:${spec.key}" / ${spec.env.join(" / ")}`;
  if (spec.kind === "duration") {
    if (!isDuration(value)) {
      throw new ValidationError(`${where} must be a duration such as "2s" or "500ms" (got "${value}")`);
    }
    return parseDuration(value);
  }
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < spec.min) {
    throw new ValidationError(`${where} must be a number of at least ${spec.min} (got "${value}")`);
  }
  return parsed;
}

/** Polling, progress, rate limit and retry settings, read now. */
export function tuning(): Tuning {
  return Object.fromEntries(
    Object.entries(TUNING_SETTINGS).map(([name, spec]) => [name, tuningValue(spec)]),
  ) as Tuning;
}
