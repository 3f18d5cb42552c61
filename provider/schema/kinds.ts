/** The kinds of resource every cloud module provides. */
export const RESOURCE_KINDS = ["endpoint", "endpointService", "connection"] as const;

export type ResourceKind = (typeof RESOURCE_KINDS)[number];

const LABELS: Record<ResourceKind, { label: string; title: string }> = {
  endpoint: { label: "VPC endpoint", title: "VPC Endpoint" },
  endpointService: { label: "VPC endpoint service", title: "VPC Endpoint Service" },
  connection: { label: "VPC endpoint connection", title: "VPC Endpoint Connection" },
};

/** "VPC endpoint" / "VPC endpoint service" / "VPC endpoint connection", for messages. */
export function kindLabel(kind: ResourceKind): string {
  return LABELS[kind].label;
}

/** "VPC Endpoint" / "VPC Endpoint Service" / "VPC Endpoint Connection", as the clouds title their objects. */
export function kindTitle(kind: ResourceKind): string {
  return LABELS[kind].title;
}
