/**
 * One HTTP listener per cloud and the request pipeline, in LocalStack's handler-chain order:
 * control API → identify → size limit → fault → auth → route → journal. Every answer is JSON in the cloud's
 * envelope; a bug becomes the cloud's internal error, never an HTML page.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { CallContext, CloudModule, CloudReply, IncomingCall } from "./cloud-module.js";
import { isLoopbackAddress, MAX_BODY_BYTES, readBody, sendJson } from "./http.js";
import type { JournalEntry } from "./journal.js";
import type { EmulatorState } from "./state.js";

/** Answers `/_emulator/*`; returns false when the path is not a control path. */
export type ControlHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<boolean>;

/** Header that marks answers shaped by a fault rule. */
export const INJECTED_HEADER = "X-Emulator-Injected";

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What the server read of a request body. */
export interface BodyOutcome {
  body: Buffer;
  /** The body was over the limit and was drained, not kept. */
  tooLarge: boolean;
}

function withRetryAfter(reply: CloudReply, seconds: number | undefined): CloudReply {
  if (seconds === undefined) return reply;
  return { ...reply, headers: { ...(reply.headers ?? {}), "Retry-After": String(seconds) } };
}

/** Runs one cloud request through the pipeline and writes the answer. */
export async function handleCloudRequest(
  module: CloudModule,
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  { body, tooLarge }: BodyOutcome,
): Promise<void> {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const raw: IncomingCall = {
    method: (req.method ?? "GET").toUpperCase(),
    path: q < 0 ? url : url.slice(0, q),
    rawQuery: q < 0 ? "" : url.slice(q + 1),
    headers: req.headers,
    body,
  };
  const requestId = module.requestId();
  const call = module.identify(raw);
  const entry: Omit<JournalEntry, "seq"> = {
    time: new Date(state.clock.now()).toISOString(),
    cloud: module.cloud,
    method: raw.method,
    path: raw.path,
    operation: call.operation,
    region: call.region,
    status: 0,
    auth: "skipped",
    ...(call.requestBody !== undefined ? { requestBody: call.requestBody } : {}),
  };
  const respond = (reply: CloudReply, injected?: string) => {
    const finished = module.finish(reply, requestId, call);
    entry.status = finished.status;
    if (finished.errorCode) entry.errorCode = finished.errorCode;
    if (injected) entry.injected = injected;
    state.journal.add(entry);
    sendJson(res, finished.status, finished.body, {
      ...(finished.headers ?? {}),
      ...(injected ? { [INJECTED_HEADER]: injected } : {}),
    });
  };

  // Gateways refuse an oversized request before any fault, signature or route applies.
  if (tooLarge) {
    respond(module.oversizedReply(requestId));
    return;
  }

  const fault = state.faults.match({
    cloud: module.cloud,
    operation: call.operation,
    region: call.region,
    resourceIds: call.resourceIds,
    creates: call.creates,
  });
  let latencyBy: string | undefined;
  let hideBy: typeof fault;
  // The cloud acts, but its answer never arrives: the client cannot tell whether a create happened.
  let lostBy: string | undefined;
  if (fault) {
    switch (fault.action) {
      case "drop":
        entry.injected = fault.id;
        state.journal.add(entry);
        req.socket.destroy();
        return;
      case "latency":
        await sleep(fault.latencyMs ?? 1000);
        latencyBy = fault.id;
        break;
      case "notVisibleYet":
        hideBy = fault;
        break;
      case "lostReply":
        lostBy = fault.id;
        break;
      default:
        respond(withRetryAfter(module.faultReply(fault, requestId), fault.retryAfter), fault.id);
        return;
    }
  }
  if (call.reject) {
    respond(call.reject, latencyBy);
    return;
  }

  const auth = module.authenticate(raw, call, state, requestId);
  entry.auth = auth.verdict;
  if (auth.tenant !== undefined) entry.tenant = auth.tenant;
  if (auth.verdict === "failed" && state.authMode === "strict") {
    respond(auth.failure ?? module.renderError(new Error("auth failed"), requestId), latencyBy);
    return;
  }

  const ctx: CallContext = {
    state,
    call,
    raw,
    tenant: auth.tenant ?? "",
    requestId,
    created: [],
  };
  let reply: CloudReply;
  try {
    reply = module.handle(ctx);
  } catch (error) {
    reply = module.renderError(error, requestId);
  }
  if (lostBy) {
    entry.injected = lostBy;
    state.journal.add(entry);
    req.socket.destroy();
    return;
  }
  if (hideBy && ctx.created.length > 0 && reply.status < 400 && !reply.errorCode) {
    for (const id of ctx.created) {
      const record = state.store.get(id);
      if (record) record.hidden = { ruleId: hideBy.id, reads: hideBy.reads ?? 1 };
    }
  }
  respond(reply, ctx.injected ?? latencyBy ?? (hideBy && ctx.created.length > 0 ? hideBy.id : undefined));
}

/** A listener for one cloud; control paths go to `control`, loopback peers only. */
export function createCloudServer(
  module: CloudModule,
  state: EmulatorState,
  control: ControlHandler,
): Server {
  const server = createServer((req, res) => {
    void (async () => {
      const read = await readBody(req);
      if ((req.url ?? "").startsWith("/_emulator")) {
        if (!isLoopbackAddress(req.socket.remoteAddress)) {
          sendJson(res, 403, { error: "the control API answers loopback clients only" });
          return;
        }
        if (read.tooLarge) {
          sendJson(res, 413, { error: `request body over ${MAX_BODY_BYTES} bytes` });
          return;
        }
        if (await control(req, res, read.body)) return;
      }
      await handleCloudRequest(module, state, req, res, read);
    })().catch((error: unknown) => {
      // Last line of defence: still the cloud's JSON envelope, never a stack page.
      if (!res.headersSent) {
        const reply = module.finish(module.renderError(error, module.requestId()), module.requestId());
        sendJson(res, reply.status, reply.body, reply.headers ?? {});
      } else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  return server;
}
