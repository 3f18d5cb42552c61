/**
 * The service owner's view of endpoints (connections) and the receive/reject action.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0209.html
 */
import { current, observe } from "../../core/observe.js";
import { v1Error, V1Errors } from "./errors.js";
import { EndpointStatus } from "./models.js";
import { attachedEndpoints, type V1EndpointRecord } from "./records.js";
import { ok, ownService, type V1Handler } from "./request.js";
import { objectBody, paging, sortRecords, v1Time } from "./validate.js";

function connectionJson(record: V1EndpointRecord): Record<string, unknown> {
  return {
    id: record.id,
    marker_id: record.attrs.marker_id,
    domain_id: record.attrs.domainId,
    status: record.status,
    created_at: v1Time(record.createdAt),
    updated_at: v1Time(record.updatedAt),
    description: record.attrs.connectionDescription,
    error: record.attrs.forcedError
      ? [{ error_code: record.attrs.forcedError.code, error_message: record.attrs.forcedError.message }]
      : [],
  };
}

/** GET /vpc-endpoint-services/{id}/connections (default 10 per page, at most 1000). */
export const listServiceConnections: V1Handler = (req) => {
  const service = ownService(req, true);
  const { limit, offset } = paging(req.query, 10, 1000);
  const id = req.query.get("id");
  const marker = req.query.get("marker_id");
  const status = req.query.get("status");
  const all = attachedEndpoints(req.ctx.state, req.profile, service)
    .map((endpoint) => observe(req.ctx, endpoint))
    .filter((endpoint): endpoint is V1EndpointRecord => endpoint !== undefined)
    .filter(
      (endpoint) =>
        (!id || endpoint.id === id) &&
        (!marker || String(endpoint.attrs.marker_id) === marker) &&
        (!status || endpoint.status === status),
    );
  const sorted = sortRecords(all, req.query);
  return ok({
    connections: sorted.slice(offset, offset + limit).map(connectionJson),
    total_count: sorted.length,
  });
};

/** POST /vpc-endpoint-services/{id}/connections/action: one endpoint per call. */
export const actOnConnection: V1Handler = (req) => {
  const body = objectBody(req.body);
  const service = ownService(req, false);
  const action = body.action;
  if (action !== "receive" && action !== "reject")
    throw v1Error(V1Errors.InvalidAction, 'action must be "receive" or "reject".');
  if (
    !Array.isArray(body.endpoints) ||
    body.endpoints.length !== 1 ||
    typeof body.endpoints[0] !== "string"
  ) {
    throw v1Error(V1Errors.OneEndpointPerAction);
  }
  const { state } = req.ctx;
  const endpoint = current(req.ctx, state.store.get(body.endpoints[0])) as V1EndpointRecord | undefined;
  if (!endpoint || endpoint.model !== req.profile.models.endpoint) throw v1Error(V1Errors.EndpointNotFound);
  if (endpoint.attrs.endpoint_service_id !== service.id) throw v1Error(V1Errors.NotThisService);
  if (endpoint.deleting) throw v1Error(V1Errors.BeingDeleted);
  if (endpoint.status === EndpointStatus.Creating) throw v1Error(V1Errors.BeingCreated);
  if (endpoint.status === EndpointStatus.Failed) throw v1Error(V1Errors.FailedNotModifiable);
  const now = state.clock.now();
  if (action === "receive") {
    if (endpoint.status === EndpointStatus.Accepted && endpoint.pending.length === 0)
      throw v1Error(V1Errors.AlreadyConnected);
    state.transitions.begin(endpoint, "receive", now);
  } else if (endpoint.status !== EndpointStatus.Rejected || endpoint.pending.length > 0) {
    state.transitions.begin(endpoint, "reject", now);
  }
  return ok({ connections: [connectionJson(endpoint)] });
};
