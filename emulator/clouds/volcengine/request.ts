/**
 * The per-request view the Volcengine handlers get, lookups scoped to the caller's account and
 * region, busy checks, and ClientToken replay.
 */
import { createHash } from "node:crypto";
import type { CallContext } from "../../core/cloud-module.js";
import { current, ownRecord } from "../../core/observe.js";
import type { CredentialScope } from "../../core/registration.js";
import type { RpcAction } from "../rpc/actions.js";
import type { VolcengineCredential } from "./credentials.js";
import { veError, VeErrors } from "./errors.js";
import {
  EndpointStatus,
  ServiceStatus,
  VE_ENDPOINT_MODEL,
  VE_SERVICE_MODEL,
  VOLCENGINE_CLOUD,
} from "./models.js";
import { volcengineNetwork, type SeedNetwork } from "./network.js";
import type { VeParams } from "./params.js";
import type {
  Idempotency,
  VeEndpointAttrs,
  VeEndpointRecord,
  VeServiceAttrs,
  VeServiceRecord,
} from "./records.js";

/** How a replayed create answers while the first one's object is still `Creating`. */
export type ReplayWhileCreating = "answer" | "processing";

/** A routed Volcengine request. */
export interface VeRequest {
  ctx: CallContext;
  params: VeParams;
  region: string;
  credentials: CredentialScope<VolcengineCredential>;
  replayWhileCreating: ReplayWhileCreating;
}

/** One action: its accepted parameters and handler, which returns the fields of `Result`. */
export type VeAction = RpcAction<VeRequest>;

/** The caller's seeded network in the request's region. */
export function networkOf(req: VeRequest): SeedNetwork {
  return volcengineNetwork(req.ctx.tenant, req.region);
}

/** A new id: prefix plus 25 lowercase letters and digits from the seeded generator. */
export function newId(req: VeRequest, prefix: string): string {
  return `${prefix}-${req.ctx.state.random.chars("abcdefghijklmnopqrstuvwxyz0123456789", 25)}`;
}

/** An endpoint of the caller in this region, or `InvalidEndpoint.NotFound`. */
export function ownEndpoint(req: VeRequest, id: string, read: boolean): VeEndpointRecord {
  const record = ownRecord<VeEndpointAttrs>(req.ctx, id, VE_ENDPOINT_MODEL, req.region, read);
  if (!record) throw VeErrors.endpointNotFound(id);
  return record;
}

/** A service of the caller in this region, or `InvalidEndpointService.NotFound`. */
export function ownService(req: VeRequest, id: string, read: boolean): VeServiceRecord {
  const record = ownRecord<VeServiceAttrs>(req.ctx, id, VE_SERVICE_MODEL, req.region, read);
  if (!record) throw VeErrors.serviceNotFound(id);
  return record;
}

/** Changes wait for `Available`: a Creating, Pending, Deleting or Inactive endpoint is busy. */
export function requireEndpointAvailable(record: VeEndpointRecord): void {
  if (record.status !== EndpointStatus.Available) throw VeErrors.endpointBusy(record.id, record.status);
}

/** The same rule for services. */
export function requireServiceAvailable(record: VeServiceRecord): void {
  if (record.status !== ServiceStatus.Available) throw VeErrors.serviceBusy(record.id, record.status);
}

/** Starts a named chain on a record (e.g. `modify`: `Available → Pending → Available`). */
export function begin(req: VeRequest, record: VeEndpointRecord | VeServiceRecord, chain: string): void {
  req.ctx.state.transitions.begin(record, chain, req.ctx.state.clock.now());
}

function canonical(value: unknown): unknown {
  // The query form carries strings, a JSON body typed values: the same request hashes alike.
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value === undefined || value === null ? value : String(value);
}

/** The fingerprint of a create's parameters, ClientToken left out. */
export function requestHash(raw: Record<string, unknown>): string {
  const { ClientToken: _token, Action: _action, Version: _version, ...rest } = raw;
  return createHash("sha256")
    .update(JSON.stringify(canonical(rest)))
    .digest("hex");
}

/**
 * A replayed create (fact sheet §8): the object an earlier create with the same token made (even
 * if that answer was lost), `IdempotentParameterMismatch` when the parameters differ, and — when
 * the emulator is started with `replayWhileCreating: "processing"` — `IdempotentProcessing`
 * (412) while that object is still `Creating`. Undefined when the token is new.
 */
export function replayed<A extends { idempotency?: Idempotency }>(
  req: VeRequest,
  model: string,
  token: string | undefined,
): { id: string; record: A } | undefined {
  if (token === undefined) return undefined;
  const hash = requestHash(req.params.raw);
  // Settled first: under `time` progression the earlier object leaves Creating as the clock runs.
  const earlier = current(
    req.ctx,
    req.ctx.state.store
      .list<A>({ cloud: VOLCENGINE_CLOUD, model, tenant: req.ctx.tenant, region: req.region })
      .find((record) => record.attrs.idempotency?.clientToken === token),
  );
  if (!earlier) return undefined;
  if (earlier.attrs.idempotency!.requestHash !== hash) throw veError("IdempotentParameterMismatch");
  if (req.replayWhileCreating === "processing" && earlier.status === "Creating")
    throw veError("IdempotentProcessing");
  return { id: earlier.id, record: earlier.attrs };
}
