/**
 * The local emulator of the Huawei Cloud VPCEP and Tencent Cloud VPC endpoint APIs: one loopback
 * listener per cloud, each speaking its cloud's wire format, plus the control API under
 * `/_emulator/` on every port.
 *
 * @example
 * const emulator = await startEmulator({ auth: "strict" });
 * process.env.VPCEP_HUAWEICLOUD_ENDPOINT = emulator.urls.huaweicloud;
 * // …
 * await emulator.close();
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createClock } from "./core/clock.js";
import type { CloudModule } from "./core/cloud-module.js";
import { createControlHandler } from "./core/control.js";
import { Faults } from "./core/faults.js";
import { isLoopbackHost } from "./core/http.js";
import { Journal } from "./core/journal.js";
import { DEFAULT_SEED, SeededRandom } from "./core/random.js";
import { createCloudServer } from "./core/server.js";
import { readSnapshot, restoreSnapshot, saveSnapshot } from "./core/snapshot.js";
import type { EmulatorState } from "./core/state.js";
import { Store } from "./core/store.js";
import { parseProgression, Transitions, type Progression } from "./core/transitions.js";
import { AUTH_MODES, CLOUDS, type AuthMode, type CloudName } from "./core/types.js";
import { CredentialRegistry } from "./credentials.js";
import { LIBRARY_DEFAULT_PROGRESSION, registerModels } from "./defaults.js";
import { createHuaweiModule } from "./clouds/huaweicloud/index.js";
import { createTencentModule } from "./clouds/tencentcloud/index.js";

export { EMULATOR_CREDENTIALS, type HuaweiCredential, type TencentCredential } from "./credentials.js";
export { providerConfig, PROVIDER_SECRET_KEYS } from "./provider-config.js";
export type { AuthMode, CloudName } from "./core/types.js";
export type { Progression } from "./core/transitions.js";
export type { FaultRule, FaultAction } from "./core/faults.js";
export type { JournalEntry } from "./core/journal.js";
export { CLI_DEFAULT_PROGRESSION, LIBRARY_DEFAULT_PROGRESSION } from "./defaults.js";
export { parseProgression } from "./core/transitions.js";
export { SNAPSHOT_SCHEMA_VERSION } from "./core/snapshot.js";

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** Clouds to serve (default both). */
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
  /** Enforce signature time windows (±15 min Huawei, ±300 s Tencent); default true. */
  checkSkew?: boolean;
  /** Region of Huawei requests whose Host does not name one (default `cn-north-4`). */
  huaweicloudRegion?: string;
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

/** The region Huawei requests fall back to. */
export const DEFAULT_HUAWEICLOUD_REGION = "cn-north-4";

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
    credentials: new CredentialRegistry(),
    random: new SeededRandom(seed),
    seed,
    authMode: auth,
    checkSkew: options.checkSkew ?? true,
    huaweiRegion: options.huaweicloudRegion ?? DEFAULT_HUAWEICLOUD_REGION,
  };
  const factories: Record<CloudName, (s: EmulatorState) => CloudModule> = {
    huaweicloud: createHuaweiModule,
    tencentcloud: createTencentModule,
  };
  const modules = clouds.map((cloud) => factories[cloud](state));
  registerModels(state.transitions, modules, progression);

  if (options.stateFile) {
    const snapshot = await readSnapshot(options.stateFile);
    if (snapshot) restoreSnapshot(state, snapshot);
  }

  const urls: Record<CloudName, string> = { huaweicloud: "", tencentcloud: "" };
  const save = async () => (options.stateFile ? saveSnapshot(state, options.stateFile) : undefined);
  const control = createControlHandler({
    state,
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
