import type { StackValidationPolicy } from "@pulumi/policy";
import { resourceLabel } from "../lib/describe.js";
import { knownStrings, UNKNOWN, valuesAt } from "../lib/known.js";
import type { ConnectionType, EndpointType } from "../lib/resource-types.js";
import { dependenciesAt, stackIndex, type Indexed, type StackIndex } from "../lib/stack-index.js";

type Resource = Indexed<EndpointType>;

/** Which resources one side of a reference (a connection's service or endpoint) may name. */
interface Side {
  urns: ReadonlySet<string>;
  values: ReadonlySet<string>;
  /** Some value is unknown and no dependency says where it comes from: it may name anything. */
  anything: boolean;
}

interface Service {
  resource: Resource;
  /** The values endpoints and connections name it by. */
  ids: readonly string[];
  /** How the service requires approval, for the message: `approvalRequired = true`. */
  approval: string;
}

/**
 * An endpoint connecting to an endpoint service that requires approval waits, pending, until the
 * service's owner accepts it. When both are in the stack, the acceptance belongs there too: a
 * VpcEndpointConnection (or an official package's approval resource) for that service and
 * endpoint. Without one, `up` leaves the endpoint pending, and nothing in the program says so.
 *
 * A reference matches by value (the service's or endpoint's id or name in its outputs) or, when the
 * value is not known yet during preview, by the property's dependencies on the resource. A value
 * that is neither known nor traced to a resource could name anything, so it is never reported.
 *
 * @severity medium
 */
export const endpointServiceConnectionsDeclared: StackValidationPolicy = {
  name: "vpcep-endpoint-service-connections-declared",
  displayName: "Connections to approval-required services are declared",
  description:
    "Every VPC endpoint that connects to an endpoint service of the same stack requiring approval must have a connection resource in the stack deciding on it (VpcEndpointConnection, or an approval resource of the official packages), or it stays pending.",
  enforcementLevel: "advisory",
  severity: "medium",
  validateStack: (args, reportViolation) => {
    for (const { message, urn } of stackIndex(args.resources).derive(undeclaredConnections)) {
      reportViolation(message, urn);
    }
  },
};

/** Every endpoint left pending, in stack order, each once per service it waits for. */
function undeclaredConnections(index: StackIndex): { message: string; urn: string }[] {
  const services = approvalServices(index);
  if (services.length === 0) return [];
  const byUrn = new Map<string, Service>();
  const byId = new Map<string, Service[]>();
  for (const service of services) {
    byUrn.set(service.resource.urn, service);
    for (const id of service.ids) byId.set(id, [...(byId.get(id) ?? []), service]);
  }
  const named = (side: Side): Set<Service> => {
    const found = new Set<Service>();
    for (const urn of side.urns) {
      const service = byUrn.get(urn);
      if (service) found.add(service);
    }
    for (const value of side.values) for (const service of byId.get(value) ?? []) found.add(service);
    return found;
  };
  // The endpoint side of every connection, by the service it is for; `anyService` for a service
  // that is not known yet and could be any of them.
  const decisions = new Map<Service, Side[]>();
  const anyService: Side[] = [];
  for (const connection of index.connections) {
    const service = sideOf(connection, [connection.type.servicePath]);
    const endpoint = sideOf(connection, [connection.type.endpointPath]);
    if (service.anything) anyService.push(endpoint);
    else for (const s of named(service)) decisions.set(s, [...(decisions.get(s) ?? []), endpoint]);
  }

  const found: { message: string; urn: string }[] = [];
  for (const endpoint of index.endpoints) {
    const paths = endpoint.type.servicePaths;
    if (paths === undefined) continue;
    const target = sideOf(endpoint, paths);
    if (target.anything) continue;
    const ids = idsOf(endpoint);
    for (const service of named(target)) {
      const sides = [...(decisions.get(service) ?? []), ...anyService];
      if (sides.some((side) => side.anything || names(side, endpoint.urn, ids))) continue;
      found.push({
        message: `${resourceLabel(endpoint.token, endpoint.name)}: ${referenceText(endpoint, paths, service)} ${resourceLabel(service.resource.token, service.resource.name)}, which requires approval (${service.approval}), and no connection in the stack decides on this endpoint, so it would stay pending; declare a VpcEndpointConnection with its serviceId and endpointId.`,
        urn: endpoint.urn,
      });
    }
  }
  return found;
}

/** The endpoint services in the stack that make endpoints wait for approval. */
function approvalServices(index: StackIndex): Service[] {
  const services: Service[] = [];
  for (const resource of index.endpoints) {
    const exposure = resource.type.exposure;
    if (exposure === undefined) continue;
    const [flag] = valuesAt(resource.props, exposure.approval);
    // An approval flag not known yet: whether endpoints will wait cannot be told.
    if (flag?.value === UNKNOWN) continue;
    const set = typeof flag?.value === "boolean";
    const value = set ? (flag!.value as boolean) : exposure.defaultValue;
    if (value === exposure.openWhen) continue;
    services.push({
      resource,
      ids: idsOf(resource),
      approval: set
        ? `${exposure.approval} = ${String(value)}`
        : `${exposure.approval} unset, ${String(value)} by default`,
    });
  }
  return services;
}

/** Where the values at `paths` point: the resources they depend on and their known values. */
function sideOf(resource: Indexed<EndpointType | ConnectionType>, paths: readonly string[]): Side {
  const urns = new Set<string>();
  const values = new Set<string>();
  let unknown = false;
  for (const path of paths) {
    for (const urn of dependenciesAt(resource, path)) urns.add(urn);
    for (const found of valuesAt(resource.props, path)) {
      if (found.value === UNKNOWN) unknown = true;
      else if (typeof found.value === "string") values.add(found.value);
    }
  }
  return { urns, values, anything: unknown && urns.size === 0 };
}

/** The known values other resources name this one by (its id or name outputs). */
function idsOf(resource: Resource): string[] {
  return (resource.type.idPaths ?? []).flatMap((path) =>
    knownStrings(resource.props, path).map((f) => f.value),
  );
}

function names(side: Side, urn: string, ids: readonly string[]): boolean {
  return side.urns.has(urn) || ids.some((id) => side.values.has(id));
}

/** `serviceId = "…" names` when the value is known, else `serviceId comes from`. */
function referenceText(endpoint: Resource, paths: readonly string[], service: Service): string {
  for (const path of paths) {
    const found = knownStrings(endpoint.props, path).find((f) => service.ids.includes(f.value));
    if (found !== undefined) return `${found.path} = ${JSON.stringify(found.value)} names`;
  }
  const path = paths.find((p) => dependenciesAt(endpoint, p).includes(service.resource.urn)) ?? paths[0]!;
  return `${path} comes from`;
}
