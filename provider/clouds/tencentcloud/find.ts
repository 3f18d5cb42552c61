/** Finders: the one place that reads Tencent Private Link objects; not found becomes undefined. */
import { orUndefined } from "../../core/errors.js";
import collectPages from "../../core/paging.js";
import type { LookupDepth } from "../../resources/backend.js";
import type { TencentClient } from "./client.js";
import type { TencentEndpoint, TencentService, TencentServiceState, TencentWhitelistEntry } from "./types.js";

const PAGE = 100;

/** Exactly one result is the object; none is not found; more than one is an error. */
function single<T>(items: T[] | undefined, what: string): T | undefined {
  if (!items || items.length === 0) return undefined;
  if (items.length > 1) throw new Error(`expected one ${what}, the cloud returned ${items.length}`);
  return items[0];
}

/** DescribeVpcEndPoint by id; an empty set or ResourceNotFound is undefined. */
export async function findEndpointById(
  client: TencentClient,
  id: string,
  extra: Record<string, unknown> = {},
): Promise<TencentEndpoint | undefined> {
  const page = await orUndefined(() =>
    client.call<{ EndPointSet?: TencentEndpoint[] }>(
      "DescribeVpcEndPoint",
      { EndPointId: [id], ...extra },
      true,
    ),
  );
  const endpoint = single(page?.EndPointSet, "endpoint");
  return endpoint?.EndPointId === id ? endpoint : undefined;
}

/** DescribeVpcEndPointService by id. */
export async function findServiceById(
  client: TencentClient,
  id: string,
  extra: Record<string, unknown> = {},
): Promise<TencentService | undefined> {
  const page = await orUndefined(() =>
    client.call<{ EndPointServiceSet?: TencentService[] }>(
      "DescribeVpcEndPointService",
      { EndPointServiceIds: [id], ...extra },
      true,
    ),
  );
  const service = single(page?.EndPointServiceSet, "endpoint service");
  return service?.EndPointServiceId === id ? service : undefined;
}

/** Every whitelisted UIN of a service, paging by Offset/Limit until TotalCount. */
export async function findServiceWhitelist(client: TencentClient, id: string): Promise<string[]> {
  const entries = await collectPages(PAGE, async (Offset, Limit) => {
    const page = await client.call<{
      VpcEndPointServiceUserSet?: TencentWhitelistEntry[];
      VpcEndpointServiceUserSet?: TencentWhitelistEntry[];
      TotalCount?: number;
    }>(
      "DescribeVpcEndPointServiceWhiteList",
      { Filters: [{ Name: "end-point-service-id", Values: [id] }], Offset, Limit },
      true,
    );
    // Prefer the current field; the lower-case "p" one is deprecated.
    return {
      items: page.VpcEndPointServiceUserSet ?? page.VpcEndpointServiceUserSet ?? [],
      total: page.TotalCount ?? 0,
    };
  });
  return entries.map((e) => e.UserUin);
}

type Filters = { Name: string; Values: string[] }[];

/** Endpoints matching Describe filters (`vpc-id`, `end-point-name`, …), every page. */
export function findEndpoints(
  client: TencentClient,
  filters: Filters,
  extra: Record<string, unknown> = {},
): Promise<TencentEndpoint[]> {
  return collectPages(PAGE, async (Offset, Limit) => {
    const page = await client.call<{ EndPointSet?: TencentEndpoint[]; TotalCount?: number }>(
      "DescribeVpcEndPoint",
      { Filters: filters, Offset, Limit, ...extra },
      true,
    );
    return { items: page.EndPointSet ?? [], total: page.TotalCount ?? 0 };
  });
}

/** Endpoint services matching Describe filters (`service-name`, …), every page. */
export function findServices(client: TencentClient, filters: Filters): Promise<TencentService[]> {
  return collectPages(PAGE, async (Offset, Limit) => {
    const page = await client.call<{ EndPointServiceSet?: TencentService[]; TotalCount?: number }>(
      "DescribeVpcEndPointService",
      { Filters: filters, Offset, Limit },
      true,
    );
    return { items: page.EndPointServiceSet ?? [], total: page.TotalCount ?? 0 };
  });
}

/** The service, and at `full` depth its whitelist. */
export async function findServiceStateById(
  client: TencentClient,
  id: string,
  extra: Record<string, unknown> = {},
  depth: LookupDepth = "full",
): Promise<TencentServiceState | undefined> {
  const service = await findServiceById(client, id, extra);
  if (!service) return undefined;
  if (depth === "status") return { service };
  return completeServiceState(client, id, { service });
}

/** Adds the whitelist to a service read at status depth. */
export async function completeServiceState(
  client: TencentClient,
  id: string,
  { service }: TencentServiceState,
): Promise<TencentServiceState> {
  return { service, permissions: await findServiceWhitelist(client, id) };
}
