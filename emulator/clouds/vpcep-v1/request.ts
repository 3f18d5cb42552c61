/**
 * The per-request view the family's handlers get, and lookups that enforce project ownership.
 */
import type { CallContext, CloudReply } from "../../core/cloud-module.js";
import { ownRecord } from "../../core/observe.js";
import type { CredentialScope } from "../../core/registration.js";
import type { VpcepV1Credential } from "./credentials.js";
import { v1Error, V1Errors } from "./errors.js";
import type { VpcepV1Profile } from "./profile.js";
import type { V1EndpointAttrs, V1EndpointRecord, V1ServiceAttrs, V1ServiceRecord } from "./records.js";

/** A routed request of the family. */
export interface V1Request {
  ctx: CallContext;
  profile: VpcepV1Profile;
  credentials: CredentialScope<VpcepV1Credential>;
  /** The `{id}` path parameter, when the route has one. */
  id: string;
  query: URLSearchParams;
  body: Buffer;
  region: string;
}

/** A route handler. */
export type V1Handler = (req: V1Request) => CloudReply;

/** A 200 JSON answer. */
export function ok(body: unknown, status = 200): CloudReply {
  return { status, body };
}

/** The account (domain) of the calling project, or "" when the project has no known key. */
export function callerDomain(req: V1Request): string {
  return req.credentials.byTenant(req.ctx.tenant)?.domainId ?? "";
}

/**
 * A service of the caller's project in this region. `read` counts as a read (lifecycle progress and
 * notVisibleYet); writes only settle progress. Anything else is 404 EndPoint.0005.
 */
export function ownService(req: V1Request, read: boolean): V1ServiceRecord {
  const record = ownRecord<V1ServiceAttrs>(req.ctx, req.id, req.profile.models.service, req.region, read);
  if (!record) throw v1Error(V1Errors.NotFound);
  return record;
}

/** An endpoint of the caller's project in this region (same rules as ownService). */
export function ownEndpoint(req: V1Request, read: boolean): V1EndpointRecord {
  const record = ownRecord<V1EndpointAttrs>(req.ctx, req.id, req.profile.models.endpoint, req.region, read);
  if (!record) throw v1Error(V1Errors.NotFound);
  return record;
}
