/**
 * The per-request view the Tencent handlers get, and lookups scoped to the caller's account.
 */
import type { CallContext } from "../../core/cloud-module.js";
import { ownRecord } from "../../core/observe.js";
import type { CredentialScope } from "../../core/registration.js";
import type { RpcAction } from "../rpc/actions.js";
import type { TencentCredential } from "./credentials.js";
import { TcErrors } from "./errors.js";
import { TC_ENDPOINT_MODEL, TC_SERVICE_MODEL } from "./models.js";
import type { TcParams } from "./params.js";
import type { TcEndpointAttrs, TcEndpointRecord, TcServiceAttrs, TcServiceRecord } from "./records.js";

/** A routed Tencent request. */
export interface TcRequest {
  ctx: CallContext;
  params: TcParams;
  region: string;
  credentials: CredentialScope<TencentCredential>;
}

/** One action: its accepted parameters (anything else is `UnknownParameter`) and handler, which returns the fields of `Response`. */
export type TcAction = RpcAction<TcRequest>;

/** The caller's AppId (`EndPointOwner` / `ServiceOwner`), or "" for an account without a known key. */
export function callerAppId(req: TcRequest): string {
  return req.credentials.byTenant(req.ctx.tenant)?.appId ?? "";
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
