/**
 * Gateway endpoints, modelled as far as their route tables. Users cannot create gateway services
 * (operators configure them, e.g. for OBS; seed 003), so every region of a family cloud holds one
 * operator-owned gateway service that any project may connect to, made when first named. There
 * are no VPCs here: a VPC's default route table is an id derived from the VPC's, and any other
 * route table id exists.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/UpdateEndpointRoutetable.html
 */
import { createHash } from "node:crypto";
import { current } from "../../core/observe.js";
import { freshRecord } from "../../core/store.js";
import type { CloudName } from "../../core/types.js";
import { v1Error, V1Errors } from "./errors.js";
import { EndpointStatus, ServiceStatus } from "./models.js";
import type { V1EndpointAttrs, V1EndpointRecord, V1ServiceAttrs, V1ServiceRecord } from "./records.js";
import type { V1Request } from "./request.js";
import { isUuid } from "./validate.js";

/** The project that owns the operators' gateway services (no key signs for it). */
export const OPERATOR_PROJECT = "0".repeat(32);

/** A stable UUID-shaped id for a name, so tests and restarts agree on it. */
function derivedId(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex").split("");
  hex[12] = "4";
  hex[16] = "8";
  const s = hex.join("").slice(0, 32);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The id of the operators' gateway service in one region of a cloud. */
export function gatewayServiceId(cloud: CloudName, region: string): string {
  return derivedId(`${cloud}/${region}/gateway-service`);
}

/** The route table a VPC starts with: what a gateway endpoint given none is bound to. */
export function defaultRouteTableId(vpcId: string): string {
  return derivedId(`${vpcId.toLowerCase()}/default-route-table`);
}

/**
 * The service an endpoint create names: a stored one of this region, else the region's gateway
 * service when the id is its own (stored on first use, so it lists and snapshots like any other).
 */
export function serviceForEndpoint(req: V1Request, serviceId: string): V1ServiceRecord | undefined {
  const { state } = req.ctx;
  const id = serviceId.toLowerCase();
  const found = state.store.get<V1ServiceAttrs>(id);
  if (found) {
    const fits = found.model === req.profile.models.service && found.region === req.region;
    return fits ? current(req.ctx, found) : undefined;
  }
  if (id !== gatewayServiceId(req.profile.cloud, req.region)) return undefined;
  const now = state.clock.now();
  return state.store.add(
    freshRecord(now, {
      id,
      cloud: req.profile.cloud,
      model: req.profile.models.service,
      tenant: OPERATOR_PROJECT,
      region: req.region,
      status: ServiceStatus.Available,
      attrs: {
        name: "obs",
        port_id: derivedId(`${id}/port`),
        vpc_id: derivedId(`${id}/vpc`),
        server_type: "VM",
        service_type: "gateway",
        approval_enabled: false,
        ports: [],
        tcp_proxy: "close",
        description: "",
        tags: [],
        domainId: "",
        permissions: [
          {
            id: derivedId(`${id}/permission`),
            permission: "*",
            permission_type: "domainId",
            description: "",
            createdAt: now,
          },
        ],
      },
    }),
  );
}

/**
 * The `routetables` of a request: an array of route table ids (`EndPoint.1019` for one that is not),
 * duplicates dropped. `required` (the PUT) refuses an absent list; an empty one would leave the
 * endpoint without routes (`EndPoint.2040`).
 */
export function parseRouteTables(value: unknown, required: boolean): string[] | undefined {
  if (value === undefined || value === null) {
    if (required) throw v1Error(V1Errors.InvalidParameter, "routetables is required.");
    return undefined;
  }
  if (!Array.isArray(value)) throw v1Error(V1Errors.InvalidParameter, "routetables must be an array.");
  if (value.length === 0) {
    if (required) throw v1Error(V1Errors.NoRouteTable);
    return undefined;
  }
  for (const entry of value) {
    if (!isUuid(entry))
      throw v1Error(V1Errors.InvalidRouteTable, `${JSON.stringify(entry)} is not a route table ID.`);
  }
  return [...new Set((value as string[]).map((id) => id.toLowerCase()))];
}

/**
 * Refuses a route table another live endpoint of the same gateway service already routes through
 * (`EndPoint.2039`): two endpoints' routes to one service cannot share a table.
 */
export function assertRouteTablesFree(
  req: V1Request,
  serviceId: string,
  routetables: readonly string[],
  self?: string,
): void {
  const taken = req.ctx.state.store
    .list<V1EndpointAttrs>({
      cloud: req.profile.cloud,
      model: req.profile.models.endpoint,
      region: req.region,
    })
    .filter(
      (other: V1EndpointRecord) =>
        other.id !== self &&
        !other.deleting &&
        other.status !== EndpointStatus.Deleting &&
        other.attrs.endpoint_service_id === serviceId,
    )
    .flatMap((other) => (other.attrs.routetables ?? []).map((table) => ({ table, endpoint: other.id })));
  const clash = taken.find(({ table }) => routetables.includes(table));
  if (clash) {
    throw v1Error(
      V1Errors.RouteTableInUse,
      `Route table ${clash.table} is used by endpoint ${clash.endpoint}.`,
    );
  }
}
