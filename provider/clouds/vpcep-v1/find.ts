/** Finders: the one place that reads Huawei VPCEP objects; not found becomes undefined. */
import { orUndefined } from "../../core/errors.js";
import collectPages from "../../core/paging.js";
import type { HuaweiClient } from "./client.js";
import type { HuaweiEndpoint, HuaweiPermission, HuaweiService, HuaweiServiceState } from "./types.js";

/** GET /vpc-endpoints/{id}; a mismatched id counts as not found (eventual-consistency guard). */
export async function findEndpointById(
  client: HuaweiClient,
  id: string,
): Promise<HuaweiEndpoint | undefined> {
  const endpoint = await orUndefined(() =>
    client.call<HuaweiEndpoint>({ method: "GET", path: `/vpc-endpoints/${id}`, operation: "GetEndpoint" }),
  );
  return endpoint?.id === id ? endpoint : undefined;
}

/** GET /vpc-endpoint-services/{id}. */
export async function findServiceById(client: HuaweiClient, id: string): Promise<HuaweiService | undefined> {
  const service = await orUndefined(() =>
    client.call<HuaweiService>({
      method: "GET",
      path: `/vpc-endpoint-services/${id}`,
      operation: "GetEndpointService",
    }),
  );
  return service?.id === id ? service : undefined;
}

const PERMISSION_PAGE = 500;
const LIST_PAGE = 500;

/** Every permission of a service, paging until total_count (the first page alone holds only 10). */
export async function findServicePermissions(client: HuaweiClient, id: string): Promise<string[]> {
  const entries = await collectPages(PERMISSION_PAGE, async (offset, limit) => {
    const page = await client.call<{ permissions?: HuaweiPermission[]; total_count?: number }>({
      method: "GET",
      path: `/vpc-endpoint-services/${id}/permissions`,
      query: { limit, offset },
      operation: "ListServicePermissions",
    });
    return { items: page.permissions ?? [], total: page.total_count ?? 0 };
  });
  return entries.map((p) => p.permission);
}

/** Endpoints listed with the API's filters (e.g. `vpc_id`), every page. */
export function findEndpoints(
  client: HuaweiClient,
  filters: Record<string, string>,
): Promise<HuaweiEndpoint[]> {
  return collectPages(LIST_PAGE, async (offset, limit) => {
    const page = await client.call<{ endpoints?: HuaweiEndpoint[]; total_count?: number }>({
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
  client: HuaweiClient,
  filters: Record<string, string>,
): Promise<HuaweiService[]> {
  return collectPages(LIST_PAGE, async (offset, limit) => {
    const page = await client.call<{ endpoint_services?: HuaweiService[]; total_count?: number }>({
      method: "GET",
      path: "/vpc-endpoint-services",
      query: { ...filters, limit, offset },
      operation: "ListEndpointServices",
    });
    return { items: page.endpoint_services ?? [], total: page.total_count ?? 0 };
  });
}

/** The service plus its permissions, or undefined when gone. */
export async function findServiceStateById(
  client: HuaweiClient,
  id: string,
): Promise<HuaweiServiceState | undefined> {
  const service = await findServiceById(client, id);
  if (!service) return undefined;
  const permissions = await orUndefined(() => findServicePermissions(client, id));
  if (permissions === undefined) return undefined;
  return { service, permissions };
}
