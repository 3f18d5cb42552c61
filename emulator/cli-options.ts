/**
 * Turns the CLI's environment variables into `startEmulator` options, refusing anything that
 * would expose the emulator beyond loopback.
 */
import { isLoopbackHost } from "./core/http.js";
import { parseProgression } from "./core/transitions.js";
import { AUTH_MODES, type AuthMode } from "./core/types.js";
import { CLI_DEFAULT_PROGRESSION } from "./defaults.js";
import type { EmulatorOptions } from "./index.js";

/** Ports the CLI listens on unless told otherwise. */
export const CLI_DEFAULT_PORTS = { huaweicloud: 18080, tencentcloud: 18081 } as const;

/** Every environment variable the CLI reads, for the README and `--help`. */
export const CLI_ENV_VARS = {
  VPCEP_EMULATOR_HOST: "bind address, loopback only (default 127.0.0.1)",
  VPCEP_EMULATOR_HUAWEICLOUD_PORT: "Huawei Cloud port (default 18080; 0 = kernel-assigned)",
  VPCEP_EMULATOR_TENCENTCLOUD_PORT: "Tencent Cloud port (default 18081; 0 = kernel-assigned)",
  VPCEP_EMULATOR_AUTH: "strict | lenient | off (default strict)",
  VPCEP_EMULATOR_PROGRESSION: "immediate | time:<ms> | manual:<reads> (default time:1500)",
  VPCEP_EMULATOR_STATE_FILE: "JSON snapshot loaded at start and saved on shutdown (default none)",
  VPCEP_EMULATOR_SEED: "seed of the id generator (default fixed)",
  VPCEP_EMULATOR_HUAWEICLOUD_REGION: "region of Huawei requests whose Host names none (default cn-north-4)",
} as const;

/** A configuration mistake; the CLI prints it and exits with status 2. */
export class CliConfigError extends Error {
  override name = "CliConfigError";
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535)
    throw new CliConfigError(`${name} must be a port number (0-65535), not "${raw}"`);
  return Number(raw);
}

/** Options from the environment; throws CliConfigError on bad values or a non-loopback host. */
export function optionsFromEnv(env: NodeJS.ProcessEnv): EmulatorOptions {
  const host = env.VPCEP_EMULATOR_HOST || "127.0.0.1";
  if (!isLoopbackHost(host)) {
    throw new CliConfigError(
      `VPCEP_EMULATOR_HOST must be a loopback address (127.0.0.1, ::1, localhost), not "${host}"`,
    );
  }
  const auth = (env.VPCEP_EMULATOR_AUTH || "strict") as AuthMode;
  if (!AUTH_MODES.includes(auth))
    throw new CliConfigError(`VPCEP_EMULATOR_AUTH must be one of ${AUTH_MODES.join(", ")}`);
  let progression;
  try {
    progression = env.VPCEP_EMULATOR_PROGRESSION
      ? parseProgression(env.VPCEP_EMULATOR_PROGRESSION)
      : CLI_DEFAULT_PROGRESSION;
  } catch (error) {
    throw new CliConfigError(`VPCEP_EMULATOR_PROGRESSION: ${(error as Error).message}`);
  }
  const options: EmulatorOptions = {
    host,
    auth,
    defaultProgression: progression,
    ports: {
      huaweicloud: port(env, "VPCEP_EMULATOR_HUAWEICLOUD_PORT", CLI_DEFAULT_PORTS.huaweicloud),
      tencentcloud: port(env, "VPCEP_EMULATOR_TENCENTCLOUD_PORT", CLI_DEFAULT_PORTS.tencentcloud),
    },
  };
  if (env.VPCEP_EMULATOR_STATE_FILE) options.stateFile = env.VPCEP_EMULATOR_STATE_FILE;
  if (env.VPCEP_EMULATOR_SEED) {
    if (!/^\d+$/.test(env.VPCEP_EMULATOR_SEED))
      throw new CliConfigError("VPCEP_EMULATOR_SEED must be a non-negative integer");
    options.seed = Number(env.VPCEP_EMULATOR_SEED);
  }
  if (env.VPCEP_EMULATOR_HUAWEICLOUD_REGION)
    options.huaweicloudRegion = env.VPCEP_EMULATOR_HUAWEICLOUD_REGION;
  return options;
}
