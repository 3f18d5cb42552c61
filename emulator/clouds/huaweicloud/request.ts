/**
 * The per-request view the Huawei handlers get, and lookups that enforce project ownership.
 */
import type { CallContext, CloudReply } from "../../core/cloud-module.js";
import { ownRecord } from "../../core/observe.js";
import { hwError, HwErrors } from "./errors.js";
import { HW_ENDPOINT_MODEL, HW_SERVICE_MODEL } from "./models.js";
import type { HwEndpointAttrs, HwEndpointRecord, HwServiceAttrs, HwServiceRecord } from "./records.js";

/** A routed Huawei request. */
export interface HwRequest {
  ctx: CallContext;
  /** The `{id}` path parameter, when the route has one. */
  id: string;
  query: URLSearchParams;
  body: Buffer;
  region: string;
}

/** A route handler. */
export type HwHandler = (req: HwRequest) => CloudReply;

/** A 200 JSON answer. */
export function ok(body: unknown, status = 200): CloudReply {
  return { status, body };
}

/**
 * A service of the caller's project in this region. `read` counts as a read (lifecycle progress and
 * notVisibleYet); writes only settle progress. Anything else is 404 EndPoint.0005.
 */
export function ownService(req: HwRequest, read: boolean): HwServiceRecord {
  const record = ownRecord<HwServiceAttrs>(req.ctx, req.id, HW_SERVICE_MODEL, req.region, read);
  if (!record) throw hwError(HwErrors.NotFound);
  return record;
}

/** An endpoint of the caller's project in this region (same rules as ownService). */
export function ownEndpoint(req: HwRequest, read: boolean): HwEndpointRecord {
  const record = ownRecord<HwEndpointAttrs>(req.ctx, req.id, HW_ENDPOINT_MODEL, req.region, read);
  if (!record) throw hwError(HwErrors.NotFound);
  return record;
}
