/**
 * The VPCEP v1 route table (paths below `/v1/{project_id}`). Every route names its upstream
 * operation; the names are what fault rules and the request log use. Routes without a handler are
 * known but declined (501). Routes with a `feature` exist only where the profile has it; elsewhere
 * they are unknown APIs (the gateway's 404).
 */
import { actOnConnection, listServiceConnections } from "./connections.js";
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  updateEndpoint,
  updateEndpointRoutetables,
} from "./endpoint.js";
import {
  createEndpointService,
  deleteEndpointService,
  getEndpointService,
  listEndpointServices,
  updateEndpointService,
} from "./endpoint-service.js";
import { changeServicePermissions, listServicePermissions } from "./permissions.js";
import type { V1Features, VpcepV1Profile } from "./profile.js";
import type { V1Handler } from "./request.js";
import { endpointTags, serviceTags } from "./tags.js";

/** One route. `operation` may depend on the body's `action`. */
export interface V1Route {
  method: string;
  pattern: RegExp;
  operation: string | ((action: unknown) => string);
  creates?: boolean;
  /** Absent: a real API the emulator knowingly declines. */
  handler?: V1Handler;
  /** The route exists only in profiles with this feature. */
  feature?: keyof V1Features;
}

const ID = "([0-9A-Za-z-]+)";
const path = (source: string) => new RegExp(`^${source.replace(/\{id\}/g, ID)}$`);
const byAction = (names: Record<string, string>, fallback: string) => (action: unknown) =>
  typeof action === "string" && names[action] ? names[action] : fallback;

/** The routes, most specific first. */
const ROUTES: V1Route[] = [
  {
    method: "GET",
    pattern: path("/vpc-endpoint-services/describe"),
    operation: "ListServiceDescribeDetails",
  },
  { method: "GET", pattern: path("/vpc-endpoint-services/public"), operation: "ListServicePublicDetails" },
  {
    method: "POST",
    pattern: path("/vpc-endpoint-services"),
    operation: "CreateEndpointService",
    creates: true,
    handler: createEndpointService,
  },
  {
    method: "GET",
    pattern: path("/vpc-endpoint-services"),
    operation: "ListEndpointServices",
    handler: listEndpointServices,
  },
  {
    method: "GET",
    pattern: path("/vpc-endpoint-services/{id}"),
    operation: "GetEndpointService",
    handler: getEndpointService,
  },
  {
    method: "PUT",
    pattern: path("/vpc-endpoint-services/{id}"),
    operation: "UpdateEndpointService",
    handler: updateEndpointService,
  },
  {
    method: "DELETE",
    pattern: path("/vpc-endpoint-services/{id}"),
    operation: "DeleteEndpointService",
    handler: deleteEndpointService,
  },
  {
    method: "GET",
    pattern: path("/vpc-endpoint-services/{id}/permissions"),
    operation: "ListServicePermissions",
    handler: listServicePermissions,
  },
  {
    method: "POST",
    pattern: path("/vpc-endpoint-services/{id}/permissions/action"),
    operation: byAction(
      { add: "AddServicePermissions", remove: "RemoveServicePermissions" },
      "ServicePermissionsAction",
    ),
    handler: changeServicePermissions,
  },
  {
    method: "GET",
    pattern: path("/vpc-endpoint-services/{id}/connections"),
    operation: "ListServiceConnections",
    handler: listServiceConnections,
  },
  {
    method: "POST",
    pattern: path("/vpc-endpoint-services/{id}/connections/action"),
    operation: "AcceptOrRejectEndpoint",
    handler: actOnConnection,
  },
  {
    method: "PUT",
    pattern: path("/vpc-endpoint-services/{id}/connections/description"),
    operation: "UpdateEndpointConnectionDescription",
    feature: "connectionDescriptions",
  },
  {
    method: "POST",
    pattern: path("/vpc-endpoints"),
    operation: "CreateEndpoint",
    creates: true,
    handler: createEndpoint,
  },
  { method: "GET", pattern: path("/vpc-endpoints"), operation: "ListEndpoints", handler: listEndpoints },
  { method: "GET", pattern: path("/vpc-endpoints/{id}"), operation: "GetEndpoint", handler: getEndpoint },
  {
    method: "PUT",
    pattern: path("/vpc-endpoints/{id}"),
    operation: "UpdateEndpoint",
    handler: updateEndpoint,
    feature: "endpointUpdate",
  },
  {
    method: "DELETE",
    pattern: path("/vpc-endpoints/{id}"),
    operation: "DeleteEndpoint",
    handler: deleteEndpoint,
  },
  {
    method: "PUT",
    pattern: path("/vpc-endpoints/{id}/policy"),
    operation: "UpdateEndpointPolicy",
    feature: "endpointPolicyAndRoutes",
  },
  {
    method: "PUT",
    pattern: path("/vpc-endpoints/{id}/routetables"),
    operation: "UpdateEndpointRoutetable",
    handler: updateEndpointRoutetables,
    feature: "endpointPolicyAndRoutes",
  },
  {
    method: "POST",
    pattern: path("/endpoint/{id}/tags/action"),
    operation: byAction({ create: "CreateTags", delete: "DeleteTags" }, "TagsAction"),
    handler: endpointTags,
  },
  {
    method: "POST",
    pattern: path("/endpoint_service/{id}/tags/action"),
    operation: byAction({ create: "CreateTags", delete: "DeleteTags" }, "TagsAction"),
    handler: serviceTags,
  },
  { method: "GET", pattern: path("/endpoint/tags"), operation: "ListEndpointTags" },
  { method: "GET", pattern: path("/endpoint_service/tags"), operation: "ListEndpointServiceTags" },
  { method: "POST", pattern: path("/endpoint/resource_instances/action"), operation: "ListEndpointsByTags" },
  {
    method: "POST",
    pattern: path("/endpoint_service/resource_instances/action"),
    operation: "ListEndpointServicesByTags",
  },
  { method: "GET", pattern: path("/quotas"), operation: "ListQuotaDetails" },
];

/** Refuses overlapping registrations at load time: a collision is a bug that must surface early. */
function assertNoDuplicates(routes: V1Route[]): void {
  const seen = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.pattern.source}`;
    if (seen.has(key)) throw new Error(`duplicate VPCEP v1 route ${key}`);
    seen.add(key);
  }
}
assertNoDuplicates(ROUTES);

/** The routes one profile serves, most specific first. */
export function routesFor(profile: VpcepV1Profile): V1Route[] {
  return ROUTES.filter((route) => route.feature === undefined || profile.features[route.feature]);
}
