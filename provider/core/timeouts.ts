/** Per-operation deadlines when a resource's `timeouts` input names none (Go-style durations). */
export const DEFAULT_TIMEOUTS = { create: "10m", update: "10m", delete: "10m" } as const;
