import type { StackValidationPolicy } from "@pulumi/policy";
import { resourceLabel } from "../lib/describe.js";
import { valuesAt, type Plain } from "../lib/known.js";
import { cloudOf, type PortMappingFields } from "../lib/resource-types.js";
import { stackIndex, type StackIndex } from "../lib/stack-index.js";

interface Mapping {
  path: string;
  protocol: string;
  clientPort: number;
  serverPort: number;
}

interface Service {
  label: string;
  urn: string;
  mappings: Mapping[];
}

/**
 * Two endpoint services in front of the same backend port must not map the same port for the same
 * protocol. The cloud accepts the second create and fails it later, asynchronously (Huawei Cloud
 * EndPoint.3044), so the stack is where this can be caught first.
 *
 * @severity medium
 */
export const endpointServicePortConflict: StackValidationPolicy = {
  name: "vpcep-endpoint-service-port-conflict",
  displayName: "No port mapping conflicts between endpoint services",
  description:
    "Endpoint services on the same backend port id must not map the same client or server port for the same protocol.",
  enforcementLevel: "mandatory",
  severity: "medium",
  validateStack: (args, reportViolation) => {
    for (const { message, urn } of stackIndex(args.resources).derive(portConflicts)) {
      reportViolation(message, urn);
    }
  },
};

/** Every clash, reported on the later service, in stack order. */
function portConflicts(index: StackIndex): { message: string; urn: string }[] {
  const found: { message: string; urn: string }[] = [];
  const byBackend = new Map<string, Service[]>();
  for (const resource of index.endpoints) {
    const ports = resource.type.ports;
    if (ports === undefined) continue;
    const [portId] = valuesAt(resource.props, ports.portId);
    if (typeof portId?.value !== "string") continue;
    const mappings = readMappings(resource.props, ports);
    if (mappings.length === 0) continue;
    const key = `${cloudOf(resource.type, resource.props.cloud) ?? "?"}/${portId.value}`;
    const group = byBackend.get(key) ?? [];
    const service: Service = {
      label: resourceLabel(resource.token, resource.name),
      urn: resource.urn,
      mappings,
    };
    for (const other of group) {
      for (const clash of clashes(service, other)) {
        found.push({
          message: `${service.label}: ${clash.mine.path} = ${describe(clash.mine)} uses ${clash.side} port ${clash.port}/${clash.mine.protocol}, already mapped by ${other.label} (${clash.theirs.path} = ${describe(clash.theirs)}) on backend port ${portId.value}; the cloud fails the later create.`,
          urn: service.urn,
        });
      }
    }
    group.push(service);
    byBackend.set(key, group);
  }
  return found;
}

function readMappings(props: Plain, ports: PortMappingFields): Mapping[] {
  const mappings: Mapping[] = [];
  for (const found of valuesAt(props, `${ports.mappings}[]`)) {
    const item = found.value as Plain;
    if (item === null || typeof item !== "object") continue;
    const protocol = item[ports.protocol] ?? ports.defaultProtocol;
    const clientPort = item[ports.clientPort];
    const serverPort = item[ports.serverPort];
    if (typeof protocol !== "string" || typeof clientPort !== "number" || typeof serverPort !== "number")
      continue;
    mappings.push({ path: found.path, protocol: protocol.toUpperCase(), clientPort, serverPort });
  }
  return mappings;
}

function* clashes(mine: Service, other: Service) {
  for (const a of mine.mappings) {
    for (const b of other.mappings) {
      if (a.protocol !== b.protocol) continue;
      if (a.clientPort === b.clientPort) yield { mine: a, theirs: b, side: "client", port: a.clientPort };
      else if (a.serverPort === b.serverPort)
        yield { mine: a, theirs: b, side: "server", port: a.serverPort };
    }
  }
}

function describe(m: Mapping): string {
  return `${m.protocol} ${m.clientPort}→${m.serverPort}`;
}
