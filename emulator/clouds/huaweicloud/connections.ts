/**
 * The service owner's view of endpoints (connections) and the receive/reject action.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0209.html
 */
import { current, observe } from "../../core/observe.js";
import { hwError, HwErrors } from "./errors.js";
import { EndpointStatus } from "./models.js";
import { attachedEndpoints, type HwEndpointRecord } from "./records.js";
import { ok, ownService, type HwHandler } from "./request.js";
import { hwTime, objectBody, paging, sortRecords } from "./validate.js";

function connectionJson(record: HwEndpointRecord): Record<string, unknown> {
  return {
    id: record.id,
    marker_id: record.attrs.marker_id,
    domain_id: record.attrs.domainId,
    status: record.status,
    created_at: hwTime(record.createdAt),
    updated_at: hwTime(record.updatedAt),
    description: record.attrs.connectionDescription,
    error: record.attrs.forcedError
      ? [{ error_code: record.attrs.forcedError.code, error_message: record.attrs.forcedError.message }]
      : [],
  };
}

/** GET /vpc-endpoint-services/{id}/connections (default 10 per page, at most 1000). */
export const listServiceConnections: HwHandler = (req) => {
  const service = ownService(req, true);
  const { limit, offset } = paging(req.query, 10, 1000);
  const id = req.query.get("id");
  const marker = req.query.get("marker_id");
  const status = req.query.get("status");
  const all = attachedEndpoints(req.ctx.state, service)
    .map((endpoint) => observe(req.ctx, endpoint))
    .filter((endpoint): endpoint is HwEndpointRecord => endpoint !== undefined)
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
export const actOnConnection: HwHandler = (req) => {
  const body = objectBody(req.body);
  const service = ownService(req, false);
  const action = body.action;
  if (action !== "receive" && action !== "reject")
    throw hwError(HwErrors.InvalidAction, 'action must be "receive" or "reject".');
  if (
    !Array.isArray(body.endpoints) ||
    body.endpoints.length !== 1 ||
    typeof body.endpoints[0] !== "string"
  ) {
    throw hwError(HwErrors.OneEndpointPerAction);
  }
  const { state } = req.ctx;
  const endpoint = current(req.ctx, state.store.get(body.endpoints[0])) as HwEndpointRecord | undefined;
  if (!endpoint || endpoint.cloud !== "huaweicloud") throw hwError(HwErrors.EndpointNotFound);
  if (endpoint.attrs.endpoint_service_id !== service.id) throw hwError(HwErrors.NotThisService);
  if (endpoint.deleting) throw hwError(HwErrors.BeingDeleted);
  if (endpoint.status === EndpointStatus.Creating) throw hwError(HwErrors.BeingCreated);
  if (endpoint.status === EndpointStatus.Failed) throw hwError(HwErrors.FailedNotModifiable);
  const now = state.clock.now();
  if (action === "receive") {
    if (endpoint.status === EndpointStatus.Accepted && endpoint.pending.length === 0)
      throw hwError(HwErrors.AlreadyConnected);
    state.transitions.begin(endpoint, "receive", now);
  } else if (endpoint.status !== EndpointStatus.Rejected || endpoint.pending.length > 0) {
    state.transitions.begin(endpoint, "reject", now);
  }
  return ok({ connections: [connectionJson(endpoint)] });
};
