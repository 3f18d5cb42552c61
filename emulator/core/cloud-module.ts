/**
 * The contract between the neutral pipeline and one cloud's wire layer. The core never names a
 * cloud's codes or shapes; a module never touches sockets, faults or the journal.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { FaultRule } from "./faults.js";
import type { EmulatorState } from "./state.js";
import type { ModelSpec } from "./transitions.js";
import type { CloudName } from "./types.js";

/** A request as read off the wire. */
export interface IncomingCall {
  method: string;
  /** Path as sent, without the query. */
  path: string;
  /** Query string as sent, without `?`. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What a module makes of a request before auth (enough to match faults and fill the journal). */
export interface Identified {
  /** Upstream operation name; `Unknown` when no route matches. */
  operation: string;
  region: string;
  resourceIds: string[];
  /** True for calls that create a resource. */
  creates: boolean;
  /** Parsed parameters for the journal (never headers). */
  requestBody?: unknown;
  /** An answer to send before auth (e.g. a gateway's 404 for an unknown API). */
  reject?: CloudReply;
  /** Module-private routing data, handed back to `handle` through the context. */
  data?: unknown;
}

/** An answer in the cloud's own format. */
export interface CloudReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The cloud error code, for the journal. */
  errorCode?: string;
}

/** The result of signature checking. */
export interface AuthOutcome {
  verdict: "ok" | "failed" | "skipped";
  /** Tenant the request acts for (project id / UIN), when known. */
  tenant?: string;
  /** The failure to send in strict mode. */
  failure?: CloudReply;
}

/** Per-request context handed to a module's handler. */
export interface CallContext {
  state: EmulatorState;
  call: Identified;
  raw: IncomingCall;
  tenant: string;
  requestId: string;
  /** Ids of resources this request created (notVisibleYet applies to them). */
  created: string[];
  /** Set when a notVisibleYet fault hid a resource from this read. */
  injected?: string;
}

/** One cloud's wire layer. */
export interface CloudModule {
  cloud: CloudName;
  /** The models this cloud declares, registered with the transition engine at start. */
  models: ModelSpec[];
  /** A fresh request id in the cloud's format. */
  requestId(): string;
  identify(raw: IncomingCall): Identified;
  authenticate(raw: IncomingCall, call: Identified, state: EmulatorState, requestId: string): AuthOutcome;
  handle(ctx: CallContext): CloudReply;
  /** Renders any thrown error (CloudError or a bug) in the cloud's envelope; never HTML. */
  renderError(error: unknown, requestId: string): CloudReply;
  /**
   * The answer for an injected throttle / error / auth fault: the rule's code with the message
   * and HTTP status the cloud documents for it (the core adds `Retry-After` when asked).
   */
  faultReply(rule: FaultRule & { id: string }, requestId: string): CloudReply;
  /**
   * The answer for a request whose body exceeded the emulator's limit. The core stopped reading
   * the body (the call was identified from its head only); the cloud decides what it answers.
   */
  oversizedReply(requestId: string): CloudReply;
  /**
   * Adds the cloud's request-id header or body field to a reply. `call` is the identified request
   * (absent only when a request failed before it was identified), for envelopes that echo it.
   */
  finish(reply: CloudReply, requestId: string, call?: Identified): CloudReply;
}
