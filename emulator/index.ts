/**
 * The local emulator of the VPC endpoint APIs of the registered clouds (`emulator/clouds/index.ts`):
 * one loopback listener per cloud, each speaking its cloud's wire format, plus the control API under
 * `/_emulator/` on every port.
 *
 * @example
 * const emulator = await startEmulator({ auth: "strict" });
 * // point each provider at emulator.urls[<cloud>]
 * await emulator.close();
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createClock } from "./core/clock.js";
import { createControlHandler } from "./core/control.js";
import { Faults } from "./core/faults.js";
import { isLoopbackHost } from "./core/http.js";
import { Journal } from "./core/journal.js";
import { DEFAULT_SEED, SeededRandom } from "./core/random.js";
import { createCloudServer } from "./core/server.js";
import { readSnapshot, restoreSnapshot, saveSnapshot } from "./core/snapshot.js";
import type { CloudRegistration } from "./core/registration.js";
import type { EmulatorState } from "./core/state.js";
import { Store } from "./core/store.js";
import { parseProgression, Transitions, type Progression } from "./core/transitions.js";
import { AUTH_MODES, type AuthMode } from "./core/types.js";
import { CredentialRegistry } from "./credentials.js";
import { LIBRARY_DEFAULT_PROGRESSION, registerModels } from "./defaults.js";
import {
  CLOUDS,
  REGISTRATIONS,
  registrationOf,
  type CloudName,
  type CloudOptionAliases,
  type CloudOptions,
} from "./clouds/index.js";

export { EMULATOR_CREDENTIALS } from "./credentials.js";
// The credential types the README documents, named by the registry that knows the clouds.
export type * from "./clouds/credential-types.js";
export { CLOUDS, type CloudOptions, type CloudOptionAliases } from "./clouds/index.js";
export { providerConfig, PROVIDER_SECRET_KEYS } from "./provider-config.js";
export type { AuthMode, CloudName } from "./core/types.js";
export type { CloudRegistration } from "./core/registration.js";
export type { Progression } from "./core/transitions.js";
export type { FaultRule, FaultAction } from "./core/faults.js";
export type { JournalEntry } from "./core/journal.js";
export { CLI_DEFAULT_PROGRESSION, LIBRARY_DEFAULT_PROGRESSION } from "./defaults.js";
export { parseProgression } from "./core/transitions.js";
export { SNAPSHOT_SCHEMA_VERSION } from "./core/snapshot.js";

/** Options of `startEmulator`, plus the top-level aliases clouds keep for their start options. */
export interface EmulatorOptions extends CloudOptionAliases {
  /** Clouds to serve (default every registered cloud). */
  clouds?: CloudName[];
  /** Bind address; loopback only (default `127.0.0.1`). */
  host?: string;
  /** Port per cloud; 0 (default) lets the kernel choose. */
  ports?: Partial<Record<CloudName, number>>;
  /** Signature checking (default `strict`). */
  auth?: AuthMode;
  /** Progression every model starts with (default immediate); a spec or `time:1500` / `manual:2`. */
  defaultProgression?: Progression | string;
  /** Seed of the id generator (default a fixed constant, so ids repeat run to run). */
  seed?: number;
  /** JSON snapshot: loaded at start when present, saved on close and on `POST /_emulator/state/save`. */
  stateFile?: string;
  /** Enforce each cloud's signature time window; default true. */
  checkSkew?: boolean;
  /** Per-cloud start options by cloud name (see each cloud's options in the README). */
  cloudOptions?: CloudOptions;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL per cloud (`http://127.0.0.1:PORT`); empty for clouds not served. */
  urls: Record<CloudName, string>;
  /** `http://127.0.0.1:PORT/_emulator` on the first served cloud's port. */
  controlUrl: string;
  /** Saves the snapshot (if configured) and closes every listener. */
  close(): Promise<void>;
}

/**
 * One cloud's start options: each option's default, overridden by its top-level alias, overridden
 * by `cloudOptions[cloud]`. Throws RangeError for unknown names or values the cloud refuses.
 */
function resolveCloudOptions(
  registration: CloudRegistration<CloudName>,
  options: EmulatorOptions,
): Record<string, string> {
  const given = (options.cloudOptions as Record<string, Record<string, unknown> | undefined> | undefined)?.[
    registration.name
  ];
  for (const key of Object.keys(given ?? {})) {
    if (!(key in registration.options))
      throw new RangeError(`unknown option "${key}" for ${registration.name}`);
  }
  const aliases = options as Record<string, unknown>;
  const resolved: Record<string, string> = {};
  for (const [key, spec] of Object.entries(registration.options)) {
    const value =
      given?.[key] ?? (spec.alias !== undefined ? aliases[spec.alias] : undefined) ?? spec.default;
    if (typeof value !== "string")
      throw new RangeError(`${registration.name} option ${key} must be a string`);
    spec.validate?.(value);
    resolved[key] = value;
  }
  return resolved;
}
function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts the emulator. Rejects on a non-loopback host, a bad option or a newer snapshot. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopbackHost(host))
    throw new RangeError(`the emulator binds loopback addresses only, not "${host}"`);
  const clouds = options.clouds ?? [...CLOUDS];
  for (const cloud of clouds) if (!CLOUDS.includes(cloud)) throw new RangeError(`unknown cloud "${cloud}"`);
  if (clouds.length === 0) throw new RangeError("at least one cloud must be served");
  for (const cloud of Object.keys(options.cloudOptions ?? {}))
    if (!CLOUDS.includes(cloud as CloudName))
      throw new RangeError(`cloudOptions names unknown cloud "${cloud}"`);
  const served = clouds.map((cloud) => registrationOf(cloud));
  const cloudOptions = served.map((registration) => resolveCloudOptions(registration, options));
  const auth = options.auth ?? "strict";
  if (!AUTH_MODES.includes(auth)) throw new RangeError(`auth must be one of ${AUTH_MODES.join(", ")}`);
  const progression =
    options.defaultProgression === undefined
      ? LIBRARY_DEFAULT_PROGRESSION
      : parseProgression(options.defaultProgression);
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;

  const state: EmulatorState = {
    clock: createClock(),
    store: new Store(),
    transitions: new Transitions(),
    faults: new Faults(() => seed),
    journal: new Journal(),
    credentials: new CredentialRegistry(
      REGISTRATIONS.map((registration) => [registration.name, registration.credentials] as const),
    ),
    random: new SeededRandom(seed),
    seed,
    authMode: auth,
    checkSkew: options.checkSkew ?? true,
  };
  const modules = served.map((registration, index) =>
    registration.createModule({
      state,
      credentials: state.credentials.scope(registration.name),
      options: cloudOptions[index]!,
    }),
  );
  registerModels(state.transitions, modules, progression);

  if (options.stateFile) {
    const snapshot = await readSnapshot(options.stateFile);
    if (snapshot) restoreSnapshot(state, snapshot);
  }

  const urls = Object.fromEntries(CLOUDS.map((cloud) => [cloud, ""])) as Record<CloudName, string>;
  const save = async () => (options.stateFile ? saveSnapshot(state, options.stateFile) : undefined);
  const control = createControlHandler({
    state,
    knownClouds: CLOUDS,
    clouds,
    urls,
    save,
    reset(cloud?: CloudName) {
      state.store.clear(cloud);
      state.journal.clear(cloud);
      if (cloud === undefined) {
        state.faults.remove();
        state.transitions.unset();
        state.random.restore(seed);
        state.clock.setOffset(0);
        return;
      }
      state.faults.removeCloud(cloud);
      for (const module of modules) {
        if (module.cloud === cloud) for (const spec of module.models) state.transitions.unset(spec.model);
      }
    },
  });

  const servers: Server[] = [];
  try {
    for (const module of modules) {
      const server = createCloudServer(module, state, control);
      servers.push(server);
      const port = await listen(server, host, options.ports?.[module.cloud] ?? 0);
      const shownHost = host.includes(":") ? `[${host}]` : host;
      urls[module.cloud] = `http://${shownHost}:${port}`;
    }
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    throw error;
  }

  let closed = false;
  return {
    urls,
    controlUrl: `${urls[clouds[0]!]}/_emulator`,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await save();
      } finally {
        await Promise.all(servers.map(closeServer));
      }
    },
  };
}
