/**
 * Who may connect to a service and the connections themselves: Add/RemovePermissionTo/From
 * VpcEndpointService (one account per call), DescribeVpcEndpointServicePermissions,
 * Enable/DisableVpcEndpointConnection (one endpoint per call), DescribeVpcEndpointConnections.
 * The owner's own account may always connect.
 * @link https://www.volcengine.com/docs/6980/1158966
 */
import { settle } from "../../core/state.js";
import { ACCOUNT_ID } from "./credentials.js";
import { veError, VeErrors } from "./errors.js";
import { ConnectionStatus, VE_CONNECTION_MODEL, VE_ENDPOINT_MODEL, VOLCENGINE_CLOUD } from "./models.js";
import { pageOf } from "./params.js";
import {
  endpointZonesJson,
  veTime,
  type VeConnectionAttrs,
  type VeConnectionRecord,
  type VeEndpointAttrs,
  type VeEndpointRecord,
  type VeServiceRecord,
} from "./records.js";
import { ownService, requireServiceAvailable, type VeAction, type VeRequest } from "./request.js";

function permitAccount(req: VeRequest): string {
  const account = req.params.str("PermitAccountId", { required: true });
  if (!ACCOUNT_ID.test(account)) throw veError("InvalidPermitAccountId.Malformed", [], `(${account})`);
  return account;
}

/** AddPermissionToVpcEndpointService: one account; adding it twice changes nothing. */
export const addPermissionToVpcEndpointService: VeAction = {
  name: "AddPermissionToVpcEndpointService",
  params: ["ServiceId", "PermitAccountId"],
  handler(req) {
    const id = req.params.str("ServiceId", { required: true });
    const account = permitAccount(req);
    const record = ownService(req, id, false);
    requireServiceAvailable(record);
    if (!record.attrs.permissions.some((p) => p.PermitAccountId === account))
      record.attrs.permissions.push({ PermitAccountId: account, createdAt: req.ctx.state.clock.now() });
    return {};
  },
};

/** RemovePermissionFromVpcEndpointService: one account; existing connections stay. */
export const removePermissionFromVpcEndpointService: VeAction = {
  name: "RemovePermissionFromVpcEndpointService",
  params: ["ServiceId", "PermitAccountId"],
  handler(req) {
    const id = req.params.str("ServiceId", { required: true });
    const account = permitAccount(req);
    const record = ownService(req, id, false);
    requireServiceAvailable(record);
    record.attrs.permissions = record.attrs.permissions.filter((p) => p.PermitAccountId !== account);
    return {};
  },
};

/** DescribeVpcEndpointServicePermissions: paged, optionally for one account. */
export const describeVpcEndpointServicePermissions: VeAction = {
  name: "DescribeVpcEndpointServicePermissions",
  params: ["ServiceId", "PermitAccountId", "PageNumber", "PageSize"],
  handler(req) {
    const id = req.params.str("ServiceId", { required: true });
    const account = req.params.str("PermitAccountId");
    const paging = req.params.paging();
    const record = ownService(req, id, true);
    const rows = record.attrs.permissions
      .filter((p) => account === undefined || p.PermitAccountId === account)
      .map((p) => ({ PermitAccountId: p.PermitAccountId }));
    const page = pageOf(rows, paging);
    return {
      Permissions: page.items,
      PageNumber: page.PageNumber,
      PageSize: page.PageSize,
      TotalCount: page.TotalCount,
    };
  },
};

/**
 * The connections of a service with their endpoints (any account), brought up to date. A
 * connection whose endpoint is gone is dropped with it.
 */
function connectionsOf(
  req: VeRequest,
  service: VeServiceRecord,
  read: boolean,
): [VeConnectionRecord, VeEndpointRecord][] {
  const { state } = req.ctx;
  const out: [VeConnectionRecord, VeEndpointRecord][] = [];
  for (const connection of state.store.list<VeConnectionAttrs>({
    cloud: VOLCENGINE_CLOUD,
    model: VE_CONNECTION_MODEL,
    region: service.region,
  })) {
    if (connection.attrs.serviceId !== service.id) continue;
    const found = state.store.get<VeEndpointAttrs>(connection.attrs.endpointId);
    const endpoint = settle(state, found && found.model === VE_ENDPOINT_MODEL ? found : undefined, false);
    if (!endpoint) {
      state.store.remove(connection.id);
      continue;
    }
    const settled = settle(state, connection, read);
    if (settled) out.push([settled, endpoint]);
  }
  return out;
}

function connectionOfService(req: VeRequest, service: VeServiceRecord, endpointId: string) {
  // A write path: it settles the connection but counts no read.
  const pair = connectionsOf(req, service, false).find(([, endpoint]) => endpoint.id === endpointId);
  if (!pair) throw VeErrors.endpointNotFound(endpointId);
  return pair;
}

const TRANSITIONAL: readonly string[] = [ConnectionStatus.Connecting, ConnectionStatus.Disconnecting];

/**
 * Enable/DisableVpcEndpointConnection: one endpoint's connection moves towards `settled` through
 * the named transition; a call on a connection already there is a no-op, one mid-change refused.
 */
function connectionDecision(
  name: string,
  extra: string,
  settled: string,
  transition: "accept" | "reject",
): VeAction {
  return {
    name,
    params: ["ServiceId", "EndpointId", "ZoneId", extra],
    handler(req) {
      const id = req.params.str("ServiceId", { required: true });
      const endpointId = req.params.str("EndpointId", { required: true });
      req.params.str("ZoneId");
      if (extra === "ResourcesAllocate") req.params.objList(extra);
      else req.params.str(extra);
      const service = ownService(req, id, false);
      requireServiceAvailable(service);
      const [connection] = connectionOfService(req, service, endpointId);
      if (connection.status === settled) return {};
      if (TRANSITIONAL.includes(connection.status) || connection.status === ConnectionStatus.ServiceDeleted)
        throw veError("UnsupportedOperation.ConnectionStatus", [], `(${connection.status})`);
      req.ctx.state.transitions.begin(connection, transition, req.ctx.state.clock.now());
      return {};
    },
  };
}

/** EnableVpcEndpointConnection: accepts one endpoint (`Connecting → Connected`). */
export const enableVpcEndpointConnection = connectionDecision(
  "EnableVpcEndpointConnection",
  "ResourcesAllocate",
  ConnectionStatus.Connected,
  "accept",
);

/** DisableVpcEndpointConnection: rejects or disconnects one endpoint (`Disconnecting → Rejected`). */
export const disableVpcEndpointConnection = connectionDecision(
  "DisableVpcEndpointConnection",
  "ReplacingResource",
  ConnectionStatus.Rejected,
  "reject",
);

/** ModifyVpcEndpointConnections: the bandwidth (`Bps`) and connection limits (`Cps`) of one connection. */
export const modifyVpcEndpointConnections: VeAction = {
  name: "ModifyVpcEndpointConnections",
  params: ["ServiceId", "EndpointId", "Bps", "Cps"],
  handler(req) {
    const id = req.params.str("ServiceId", { required: true });
    const endpointId = req.params.str("EndpointId", { required: true });
    const bps = req.params.has("Bps") ? req.params.int("Bps", 0, 0, 100_000) : undefined;
    const cps = req.params.has("Cps") ? req.params.int("Cps", 0, 0, 10_000_000) : undefined;
    const service = ownService(req, id, false);
    requireServiceAvailable(service);
    const [connection] = connectionOfService(req, service, endpointId);
    if (bps !== undefined) connection.attrs.bps = bps;
    if (cps !== undefined) connection.attrs.cps = cps;
    connection.updatedAt = req.ctx.state.clock.now();
    return {};
  },
};

/** DescribeVpcEndpointConnections: the service owner's view, paged. */
export const describeVpcEndpointConnections: VeAction = {
  name: "DescribeVpcEndpointConnections",
  params: ["ServiceId", "EndpointId", "EndpointOwnerAccountId", "PageNumber", "PageSize"],
  handler(req) {
    const id = req.params.str("ServiceId", { required: true });
    const endpointId = req.params.str("EndpointId");
    const owner = req.params.str("EndpointOwnerAccountId");
    const paging = req.params.paging();
    const service = ownService(req, id, true);
    const rows = connectionsOf(req, service, true)
      .filter(
        ([, endpoint]) =>
          (endpointId === undefined || endpoint.id === endpointId) &&
          (owner === undefined || endpoint.tenant === owner),
      )
      .map(([connection, endpoint]) => ({
        EndpointId: endpoint.id,
        ServiceId: service.id,
        ConnectionStatus: connection.status,
        EndpointOwnerAccountId: endpoint.tenant,
        EndpointVpcId: endpoint.attrs.VpcId,
        ReplaceResourceId: "",
        Bps: connection.attrs.bps ?? 0,
        Cps: connection.attrs.cps ?? 0,
        CreationTime: veTime(connection.createdAt),
        UpdateTime: veTime(connection.updatedAt),
        Zones: endpointZonesJson(endpoint, connection.status),
      }));
    const page = pageOf(rows, paging);
    return {
      EndpointConnections: page.items,
      PageNumber: page.PageNumber,
      PageSize: page.PageSize,
      TotalCount: page.TotalCount,
    };
  },
};
