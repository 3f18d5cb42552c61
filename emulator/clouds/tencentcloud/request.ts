/**
 * The per-request view the Tencent handlers get, and lookups scoped to the caller's account.
 */
import type { CallContext } from "../../core/cloud-module.js";
import { ownRecord } from "../../core/observe.js";
import { TcErrors } from "./errors.js";
import { TC_ENDPOINT_MODEL, TC_SERVICE_MODEL } from "./models.js";
import type { Params } from "./params.js";
import type { TcEndpointAttrs, TcEndpointRecord, TcServiceAttrs, TcServiceRecord } from "./records.js";

/** A routed Tencent request. */
export interface TcRequest {
  ctx: CallContext;
  params: Params;
  region: string;
}

/** A handler returns the fields of `Response` (RequestId is added by the module). */
export type TcHandler = (req: TcRequest) => Record<string, unknown>;

/** One action: its accepted parameters (anything else is `UnknownParameter`) and handler. */
export interface TcAction {
  name: string;
  params: readonly string[];
  creates?: boolean;
  handler: TcHandler;
}

/** A service of the caller's account in this region, or ResourceNotFound. */
export function ownService(req: TcRequest, id: string, read: boolean): TcServiceRecord {
  const record = ownRecord<TcServiceAttrs>(req.ctx, id, TC_SERVICE_MODEL, req.region, read);
  if (!record) throw TcErrors.notFound(id);
  return record;
}

/** An endpoint of the caller's account in this region, or ResourceNotFound. */
export function ownEndpoint(req: TcRequest, id: string, read: boolean): TcEndpointRecord {
  const record = ownRecord<TcEndpointAttrs>(req.ctx, id, TC_ENDPOINT_MODEL, req.region, read);
  if (!record) throw TcErrors.notFound(id);
  return record;
}

/** Offset/Limit applied to a list. */
export function page<T>(items: T[], paging: { offset: number; limit: number }): T[] {
  return items.slice(paging.offset, paging.offset + paging.limit);
}
