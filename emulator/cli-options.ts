/**
 * Turns the CLI's environment variables into `startEmulator` options, refusing anything that
 * would expose the emulator beyond loopback. Each cloud's port variable and option variables come
 * from its registration.
 */
import { REGISTRATIONS, type CloudName, type CloudOptions } from "./clouds/index.js";
import { isLoopbackHost } from "./core/http.js";
import { parseProgression } from "./core/transitions.js";
import { AUTH_MODES, type AuthMode } from "./core/types.js";
import { CLI_DEFAULT_PROGRESSION } from "./defaults.js";
import type { EmulatorOptions } from "./index.js";

/** Ports the CLI listens on unless told otherwise. */
export const CLI_DEFAULT_PORTS = Object.fromEntries(
  REGISTRATIONS.map((registration) => [registration.name, registration.cli.defaultPort]),
) as Record<CloudName, number>;

/** Every environment variable the CLI reads, for the README and `--help`. */
export const CLI_ENV_VARS: Readonly<Record<string, string>> = {
  VPCEP_EMULATOR_HOST: "bind address, loopback only (default 127.0.0.1)",
  ...Object.fromEntries(
    REGISTRATIONS.map((registration) => [
      registration.cli.portVariable,
      `${registration.label} port (default ${registration.cli.defaultPort}; 0 = kernel-assigned)`,
    ]),
  ),
  VPCEP_EMULATOR_AUTH: "strict | lenient | off (default strict)",
  VPCEP_EMULATOR_PROGRESSION: "immediate | time:<ms> | manual:<reads> (default time:1500)",
  VPCEP_EMULATOR_STATE_FILE: "JSON snapshot loaded at start and saved on shutdown (default none)",
  VPCEP_EMULATOR_SEED: "seed of the id generator (default fixed)",
  ...Object.fromEntries(
    REGISTRATIONS.flatMap((registration) =>
      Object.values(registration.options)
        .filter((spec) => spec.env !== undefined)
        .map((spec) => [spec.env!, `${spec.description} (default ${spec.default})`]),
    ),
  ),
};

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

/** Per-cloud options set through their variables; undefined when none is set. */
function cloudOptionsFromEnv(env: NodeJS.ProcessEnv): CloudOptions | undefined {
  const out: Record<string, Record<string, string>> = {};
  for (const registration of REGISTRATIONS) {
    for (const [key, spec] of Object.entries(registration.options)) {
      const value = spec.env === undefined ? undefined : env[spec.env];
      if (value === undefined || value === "") continue;
      try {
        spec.validate?.(value);
      } catch (error) {
        throw new CliConfigError(`${spec.env}: ${(error as Error).message}`);
      }
      (out[registration.name] ??= {})[key] = value;
    }
  }
  return Object.keys(out).length > 0 ? (out as CloudOptions) : undefined;
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
    ports: Object.fromEntries(
      REGISTRATIONS.map((registration) => [
        registration.name,
        port(env, registration.cli.portVariable, registration.cli.defaultPort),
      ]),
    ),
  };
  if (env.VPCEP_EMULATOR_STATE_FILE) options.stateFile = env.VPCEP_EMULATOR_STATE_FILE;
  if (env.VPCEP_EMULATOR_SEED) {
    if (!/^\d+$/.test(env.VPCEP_EMULATOR_SEED))
      throw new CliConfigError("VPCEP_EMULATOR_SEED must be a non-negative integer");
    options.seed = Number(env.VPCEP_EMULATOR_SEED);
  }
  const cloudOptions = cloudOptionsFromEnv(env);
  if (cloudOptions) options.cloudOptions = cloudOptions;
  return options;
}
