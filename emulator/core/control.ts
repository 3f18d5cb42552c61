/**
 * The control API under `/_emulator/` (moto's `/moto-api/*`, LocalStack's `/_localstack/*`):
 * health, reset, transitions, clock, faults, request log, resources, credentials and snapshots.
 * JSON in and out; no auth; the server only lets loopback peers reach it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseFaultRule, type FaultRule } from "./faults.js";
import { sendJson } from "./http.js";
import type { EmulatorState } from "./state.js";
import { settle } from "./state.js";
import { takeSnapshot } from "./snapshot.js";
import { parseProgression } from "./transitions.js";
import type { CloudName } from "./types.js";

/** What the control API needs from the running emulator. */
export interface ControlHost {
  state: EmulatorState;
  /** Every registered cloud (what `?cloud=`, fault rules and credentials may name). */
  knownClouds: readonly CloudName[];
  /** The clouds this instance serves. */
  clouds: CloudName[];
  urls: Partial<Record<CloudName, string>>;
  /** Clears resources, journal, faults and transition overrides (all clouds or one). */
  reset(cloud?: CloudName): void;
  /** Saves the snapshot; undefined when no state file is configured. */
  save(): Promise<string | undefined>;
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new ControlError(400, "body is not valid JSON");
  }
}

/** Builds the handler the cloud servers call for `/_emulator/*` paths. */
export function createControlHandler(host: ControlHost) {
  const { state } = host;

  function cloudParam(value: string | null): CloudName | undefined {
    if (value === null || value === "") return undefined;
    if (!host.knownClouds.includes(value as CloudName))
      throw new ControlError(400, `unknown cloud "${value}"`);
    return value as CloudName;
  }

  function ruleList(input: unknown): FaultRule[] {
    const list = Array.isArray(input) ? input : input === undefined ? [] : [input];
    try {
      return list.map((item) => parseFaultRule(item, host.knownClouds));
    } catch (error) {
      throw new ControlError(400, (error as Error).message);
    }
  }

  /** `{ "cloud": <name>, …that cloud's credential fields }`; the cloud's kind checks the fields. */
  function addCredential(body: Buffer): void {
    const input = parseJson(body);
    if (typeof input !== "object" || input === null || Array.isArray(input))
      throw new ControlError(400, "body must be a JSON object");
    const { cloud, ...fields } = input as Record<string, unknown>;
    if (typeof cloud !== "string" || !host.knownClouds.includes(cloud as CloudName))
      throw new ControlError(400, `cloud must be one of ${host.knownClouds.join(", ")}`);
    try {
      state.credentials.add(cloud as CloudName, fields);
    } catch (error) {
      throw new ControlError(400, (error as Error).message);
    }
  }

  async function route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Buffer,
  ): Promise<[number, unknown]> {
    if (path === "/_emulator/health" && method === "GET") {
      return [
        200,
        {
          status: "ok",
          clouds: host.clouds,
          urls: host.urls,
          authMode: state.authMode,
          seed: state.seed,
          clock: { now: new Date(state.clock.now()).toISOString(), offsetMs: state.clock.offsetMs() },
          resources: state.store.all().length,
        },
      ];
    }
    if (path === "/_emulator/reset" && method === "POST") {
      const cloud = cloudParam(query.get("cloud"));
      host.reset(cloud);
      return [200, { reset: cloud ?? "all" }];
    }
    if (path === "/_emulator/transitions") {
      if (method === "GET") return [200, { transitions: state.transitions.list() }];
      if (method === "PUT") {
        const input = parseJson(body);
        const items = Array.isArray(input) ? input : [input];
        for (const item of items) {
          const model = (item as { model?: unknown } | undefined)?.model;
          if (typeof model !== "string" || !state.transitions.model(model)) {
            throw new ControlError(
              400,
              `unknown model ${JSON.stringify(model)}; known: ${state.transitions.modelNames().join(", ")}`,
            );
          }
          try {
            state.transitions.set(model, parseProgression(item));
          } catch (error) {
            throw new ControlError(400, (error as Error).message);
          }
        }
        return [200, { transitions: state.transitions.list() }];
      }
      if (method === "DELETE") {
        const input = parseJson(body) as { model?: string } | undefined;
        const model = query.get("model") ?? input?.model;
        if (model !== undefined && model !== null && !state.transitions.model(model)) {
          throw new ControlError(400, `unknown model "${model}"`);
        }
        state.transitions.unset(model ?? undefined);
        return [200, { transitions: state.transitions.list() }];
      }
    }
    if (path === "/_emulator/clock" && method === "GET") {
      return [200, { now: new Date(state.clock.now()).toISOString(), offsetMs: state.clock.offsetMs() }];
    }
    if (path === "/_emulator/clock/advance" && method === "POST") {
      const input = parseJson(body) as { ms?: unknown; seconds?: unknown } | undefined;
      const ms =
        typeof input?.ms === "number"
          ? input.ms
          : typeof input?.seconds === "number"
            ? input.seconds * 1000
            : NaN;
      if (!Number.isFinite(ms) || ms < 0)
        throw new ControlError(400, 'body must be {"ms": <non-negative number>}');
      state.clock.advance(ms);
      return [200, { now: new Date(state.clock.now()).toISOString(), offsetMs: state.clock.offsetMs() }];
    }
    if (path === "/_emulator/faults") {
      if (method === "GET") return [200, { faults: state.faults.list() }];
      if (method === "PUT") return [200, { faults: state.faults.replace(ruleList(parseJson(body))) }];
      if (method === "PATCH" || method === "POST")
        return [200, { faults: state.faults.append(ruleList(parseJson(body))) }];
      if (method === "DELETE") {
        const removed = state.faults.remove(query.get("id") ?? undefined);
        return [200, { removed, faults: state.faults.list() }];
      }
    }
    if (path === "/_emulator/requests") {
      if (method === "GET") {
        const filter: { cloud?: string; operation?: string } = {};
        const cloud = query.get("cloud");
        const operation = query.get("operation");
        if (cloud) filter.cloud = cloud;
        if (operation) filter.operation = operation;
        return [200, { requests: state.journal.list(filter) }];
      }
      if (method === "DELETE") {
        state.journal.clear(cloudParam(query.get("cloud")));
        return [200, { cleared: true }];
      }
    }
    if (path === "/_emulator/resources" && method === "GET") {
      const cloud = cloudParam(query.get("cloud"));
      // A debugging view: settle time-based progress but count no reads.
      const resources = state.store
        .list(cloud ? { cloud } : {})
        .filter((record) => settle(state, record, false));
      return [200, { resources }];
    }
    const resourceMatch = /^\/_emulator\/resources\/([^/]+)(\/state)?$/.exec(path);
    if (resourceMatch) {
      const id = decodeURIComponent(resourceMatch[1]!);
      const record = settle(state, state.store.get(id), false);
      if (!record) throw new ControlError(404, `no resource "${id}"`);
      if (!resourceMatch[2] && method === "GET") return [200, record];
      if (!resourceMatch[2] && method === "DELETE") {
        // Out-of-band deletion, for "disappears" scenarios.
        state.store.remove(id);
        return [200, { deleted: id }];
      }
      if (resourceMatch[2] && method === "POST") {
        const input = parseJson(body) as
          { status?: unknown; errorCode?: unknown; errorMessage?: unknown } | undefined;
        const spec = state.transitions.model(record.model);
        const wanted = typeof input?.status === "string" ? input.status : "";
        const status = spec?.aliases?.[wanted] ?? wanted;
        if (!spec || !spec.states.includes(status)) {
          throw new ControlError(
            400,
            `status must be one of ${spec?.states.join(", ") ?? "(none)"} for ${record.model}`,
          );
        }
        state.transitions.force(record, status, state.clock.now());
        const attrs = record.attrs as Record<string, unknown>;
        if (typeof input?.errorCode === "string" || typeof input?.errorMessage === "string") {
          attrs.forcedError = {
            code: typeof input.errorCode === "string" ? input.errorCode : "",
            message: typeof input.errorMessage === "string" ? input.errorMessage : "",
          };
        } else delete attrs.forcedError;
        return [200, record];
      }
    }
    if (path === "/_emulator/credentials") {
      if (method === "GET") return [200, state.credentials.view()];
      if (method === "POST") {
        addCredential(body);
        return [201, state.credentials.view()];
      }
    }
    if (path === "/_emulator/state" && method === "GET") return [200, takeSnapshot(state)];
    if (path === "/_emulator/state/save" && method === "POST") {
      const saved = await host.save();
      if (saved === undefined)
        throw new ControlError(409, "no state file configured (VPCEP_EMULATOR_STATE_FILE / stateFile)");
      return [200, { saved }];
    }
    throw new ControlError(404, `no control endpoint ${method} ${path}`);
  }

  return async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<boolean> => {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    try {
      const [status, payload] = await route(
        (req.method ?? "GET").toUpperCase(),
        url.pathname,
        url.searchParams,
        body,
      );
      sendJson(res, status, payload);
    } catch (error) {
      const status = error instanceof ControlError ? error.status : 500;
      sendJson(res, status, { error: (error as Error).message });
    }
    return true;
  };
}
