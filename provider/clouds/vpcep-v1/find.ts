/** Finders: the one place that reads VPCEP v1 objects; not found becomes undefined. */
import type { LookupDepth } from "../../resources/backend.js";
import { orUndefined } from "../../core/errors.js";
import collectPages from "../../core/paging.js";
import type { VpcepV1Client } from "./client.js";
import type {
  VpcepConnection,
  VpcepConnectionState,
  VpcepEndpoint,
  VpcepPermission,
  VpcepService,
  VpcepServiceState,
} from "./types.js";

/** GET /vpc-endpoints/{id}; a mismatched id counts as not found (eventual-consistency guard). */
export async function findEndpointById(
  client: VpcepV1Client,
  id: string,
): Promise<VpcepEndpoint | undefined> {
  const endpoint = await orUndefined(() =>
    client.call<VpcepEndpoint>({
      method: "GET",
      path: `/vpc-endpoints/${encodeURIComponent(id)}`,
      operation: "GetEndpoint",
    }),
  );
  return endpoint?.id === id ? endpoint : undefined;
}

/** GET /vpc-endpoint-services/{id}. */
export async function findServiceById(client: VpcepV1Client, id: string): Promise<VpcepService | undefined> {
  const service = await orUndefined(() =>
    client.call<VpcepService>({
      method: "GET",
      path: `/vpc-endpoint-services/${encodeURIComponent(id)}`,
      operation: "GetEndpointService",
    }),
  );
  return service?.id === id ? service : undefined;
}

const PERMISSION_PAGE = 500;
const LIST_PAGE = 500;

/** Every permission of a service, paging until total_count (the first page alone holds only 10). */
export async function findServicePermissions(client: VpcepV1Client, id: string): Promise<string[]> {
  const entries = await collectPages(PERMISSION_PAGE, async (offset, limit) => {
    const page = await client.call<{ permissions?: VpcepPermission[]; total_count?: number }>({
      method: "GET",
      path: `/vpc-endpoint-services/${encodeURIComponent(id)}/permissions`,
      query: { limit, offset },
      operation: "ListServicePermissions",
    });
    return { items: page.permissions ?? [], total: page.total_count ?? 0 };
  });
  return entries.map((p) => p.permission);
}

/** Endpoints listed with the API's filters (e.g. `vpc_id`), every page. */
export function findEndpoints(
  client: VpcepV1Client,
  filters: Record<string, string>,
): Promise<VpcepEndpoint[]> {
  return collectPages(LIST_PAGE, async (offset, limit) => {
    const page = await client.call<{ endpoints?: VpcepEndpoint[]; total_count?: number }>({
      method: "GET",
      path: "/vpc-endpoints",
      query: { ...filters, limit, offset },
      operation: "ListEndpoints",
    });
    return { items: page.endpoints ?? [], total: page.total_count ?? 0 };
  });
}

/** Endpoint services listed with the API's filters (e.g. `server_type`), every page. */
export function findServices(
  client: VpcepV1Client,
  filters: Record<string, string>,
): Promise<VpcepService[]> {
  return collectPages(LIST_PAGE, async (offset, limit) => {
    const page = await client.call<{ endpoint_services?: VpcepService[]; total_count?: number }>({
      method: "GET",
      path: "/vpc-endpoint-services",
      query: { ...filters, limit, offset },
      operation: "ListEndpointServices",
    });
    return { items: page.endpoint_services ?? [], total: page.total_count ?? 0 };
  });
}

/** The service plus (at full depth) its permissions, or undefined when gone. */
export async function findServiceStateById(
  client: VpcepV1Client,
  id: string,
  depth: LookupDepth = "full",
): Promise<VpcepServiceState | undefined> {
  const service = await findServiceById(client, id);
  if (!service) return undefined;
  if (depth === "status") return { service };
  return completeServiceState(client, id, { service });
}

/** Adds the permissions to a service read at status depth; undefined when the service is gone. */
export async function completeServiceState(
  client: VpcepV1Client,
  id: string,
  { service }: VpcepServiceState,
): Promise<VpcepServiceState | undefined> {
  const permissions = await orUndefined(() => findServicePermissions(client, id));
  if (permissions === undefined) return undefined;
  return { service, permissions };
}

/** The largest page of a connection list (the default is 10: a first page alone truncated lists). */
const CONNECTION_PAGE = 1000;

/** A service's connections, filtered where the API allows (`id` of one endpoint), every page. */
export function findServiceConnections(
  client: VpcepV1Client,
  serviceId: string,
  filters: Record<string, string> = {},
): Promise<VpcepConnection[]> {
  return collectPages(CONNECTION_PAGE, async (offset, limit) => {
    const page = await client.call<{ connections?: VpcepConnection[]; total_count?: number }>({
      method: "GET",
      path: `/vpc-endpoint-services/${encodeURIComponent(serviceId)}/connections`,
      query: { ...filters, limit, offset },
      operation: "ListServiceConnections",
    });
    return { items: page.connections ?? [], total: page.total_count ?? 0 };
  });
}

/**
 * One endpoint's connection, read from the service's side: the owner may not see another
 * project's endpoint itself (a GET of it once answered EndPoint.0005 to approvals). Undefined when
 * the service is gone or lists no such endpoint.
 */
export async function findConnection(
  client: VpcepV1Client,
  serviceId: string,
  endpointId: string,
): Promise<VpcepConnectionState | undefined> {
  const rows = await orUndefined(() => findServiceConnections(client, serviceId, { id: endpointId }));
  const matching = (rows ?? []).filter((row) => row.id === endpointId);
  if (matching.length > 1)
    throw new Error(`expected one connection of ${endpointId}, the cloud listed ${matching.length}`);
  return matching[0] ? { serviceId, connection: matching[0] } : undefined;
}
