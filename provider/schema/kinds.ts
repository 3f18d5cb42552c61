/** The two kinds of resource every cloud module provides. */
export const RESOURCE_KINDS = ["endpoint", "endpointService"] as const;

export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** "VPC endpoint" / "VPC endpoint service", for messages. */
export function kindLabel(kind: ResourceKind): string {
  return kind === "endpoint" ? "VPC endpoint" : "VPC endpoint service";
}

/** "VPC Endpoint" / "VPC Endpoint Service", as the clouds title their objects. */
export function kindTitle(kind: ResourceKind): string {
  return kind === "endpoint" ? "VPC Endpoint" : "VPC Endpoint Service";
}
