/** Finders: the one place that reads Volcengine PrivateLink objects; not found becomes undefined. */
import type { LookupDepth } from "../../resources/backend.js";
import { orUndefined, ProviderError } from "../../core/errors.js";
import { collectNumberedPages } from "../../core/paging.js";
import type { VolcengineClient } from "./client.js";
import type {
  VolcengineEndpoint,
  VolcengineEndpointState,
  VolcengineEndpointZone,
  VolcengineService,
  VolcengineServiceResource,
  VolcengineServiceState,
} from "./types.js";

/** The largest page the Describe calls take (documented for DescribeVpcEndpoints). */
const PAGE = 100;

/** Every item of a PageNumber/PageSize list; a missing TotalCount ends it after the first page. */
function everyPage<T>(
  client: VolcengineClient,
  action: string,
  params: Record<string, unknown>,
  items: (result: Record<string, unknown>) => T[] | undefined,
): Promise<T[]> {
  return collectNumberedPages(PAGE, async (PageNumber, PageSize) => {
    const result = await client.call<Record<string, unknown>>(
      action,
      { ...params, PageNumber, PageSize },
      true,
    );
    const page = items(result) ?? [];
    const total = typeof result.TotalCount === "number" ? result.TotalCount : page.length;
    return { items: page, total };
  });
}

/**
 * Only the resource's not-found code says an object is gone: an answer about another id, or one
 * without the id, is an error, never "gone" (refresh would drop a live object and the next up
 * would make a second one).
 */
function describedAs<T extends object>(object: T, idField: keyof T & string, id: string): T {
  if (object[idField] === id) return object;
  throw new ProviderError(
    `the cloud's answer describes ${JSON.stringify(object[idField] ?? null)} instead of ${id}`,
    "UnexpectedAnswer",
    "volcengine",
  );
}

/** DescribeVpcEndpointAttributes: the fields sit at the top level and again under `Endpoint`. */
export async function findEndpointById(
  client: VolcengineClient,
  id: string,
): Promise<VolcengineEndpoint | undefined> {
  const result = await orUndefined(() =>
    client.call<VolcengineEndpoint & { Endpoint?: VolcengineEndpoint }>(
      "DescribeVpcEndpointAttributes",
      { EndpointId: id },
      true,
    ),
  );
  if (result === undefined) return undefined;
  return describedAs(result.Endpoint?.EndpointId === id ? result.Endpoint : result, "EndpointId", id);
}

export function findEndpointSecurityGroups(client: VolcengineClient, id: string): Promise<string[]> {
  return everyPage(
    client,
    "DescribeVpcEndpointSecurityGroups",
    { EndpointId: id },
    (r) => r.SecurityGroupIds as string[] | undefined,
  );
}

export function findEndpointZones(client: VolcengineClient, id: string): Promise<VolcengineEndpointZone[]> {
  return everyPage(
    client,
    "DescribeVpcEndpointZones",
    { EndpointId: id },
    (r) => r.EndpointZones as VolcengineEndpointZone[] | undefined,
  );
}

/** The endpoint with its security groups and zones; undefined once any read says it is gone. */
export async function findEndpointStateById(
  client: VolcengineClient,
  id: string,
  depth: LookupDepth = "full",
): Promise<VolcengineEndpointState | undefined> {
  const endpoint = await findEndpointById(client, id);
  if (!endpoint) return undefined;
  if (depth === "status") return { endpoint };
  return completeEndpointState(client, id, { endpoint });
}

/** Adds security groups and zones to an endpoint read at status depth. */
export async function completeEndpointState(
  client: VolcengineClient,
  id: string,
  { endpoint }: VolcengineEndpointState,
): Promise<VolcengineEndpointState | undefined> {
  const [securityGroupIds, zones] = await Promise.all([
    orUndefined(() => findEndpointSecurityGroups(client, id)),
    orUndefined(() => findEndpointZones(client, id)),
  ]);
  if (securityGroupIds === undefined || zones === undefined) return undefined;
  return { endpoint, securityGroupIds, zones };
}

export async function findServiceById(
  client: VolcengineClient,
  id: string,
): Promise<VolcengineService | undefined> {
  const result = await orUndefined(() =>
    client.call<VolcengineService & { VpcEndpointService?: VolcengineService }>(
      "DescribeVpcEndpointServiceAttributes",
      { ServiceId: id },
      true,
    ),
  );
  if (result === undefined) return undefined;
  return describedAs(
    result.VpcEndpointService?.ServiceId === id ? result.VpcEndpointService : result,
    "ServiceId",
    id,
  );
}

export function findServiceResources(
  client: VolcengineClient,
  id: string,
): Promise<VolcengineServiceResource[]> {
  return everyPage(
    client,
    "DescribeVpcEndpointServiceResources",
    { ServiceId: id },
    (r) => r.Resources as VolcengineServiceResource[] | undefined,
  );
}

/** Every permitted account, paged to the end: a first page alone once truncated whitelists. */
export async function findServicePermissions(client: VolcengineClient, id: string): Promise<string[]> {
  const permissions = await everyPage(
    client,
    "DescribeVpcEndpointServicePermissions",
    { ServiceId: id },
    (r) => r.Permissions as { PermitAccountId: string }[] | undefined,
  );
  return permissions.map((p) => p.PermitAccountId);
}

export async function findServiceStateById(
  client: VolcengineClient,
  id: string,
  depth: LookupDepth = "full",
): Promise<VolcengineServiceState | undefined> {
  const service = await findServiceById(client, id);
  if (!service) return undefined;
  if (depth === "status") return { service };
  return completeServiceState(client, id, { service });
}

/** Adds backends and permissions to a service read at status depth. */
export async function completeServiceState(
  client: VolcengineClient,
  id: string,
  { service }: VolcengineServiceState,
): Promise<VolcengineServiceState | undefined> {
  const [resources, permissions] = await Promise.all([
    orUndefined(() => findServiceResources(client, id)),
    orUndefined(() => findServicePermissions(client, id)),
  ]);
  if (resources === undefined || permissions === undefined) return undefined;
  return { service, resources, permissions };
}
