/** Tag changes through the batch tag action, as a diff: no window without tags. */
import type { UpdateStep } from "../../resources/backend.js";
import type { VpcepV1Client } from "./client.js";
import type { VpcepTag } from "./types.js";

export type TagResourceType = "endpoint" | "endpoint_service";

export function toTagList(tags: Record<string, string>): VpcepTag[] {
  return Object.entries(tags).map(([key, value]) => ({ key, value }));
}

export function fromTagList(tags: VpcepTag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).map((t) => [t.key, t.value ?? ""]));
}

/**
 * Deletes removed keys, then creates added and changed ones: `create` overwrites a key's value, so
 * a changed tag is never absent, and deleting first keeps the count within the limit throughout.
 */
export function tagSteps(
  client: VpcepV1Client,
  resourceType: TagResourceType,
  id: string,
  from: Record<string, string>,
  to: Record<string, string>,
): UpdateStep[] {
  const differs = (a: Record<string, string>, b: Record<string, string>, key: string) =>
    !Object.hasOwn(b, key) || a[key] !== b[key];
  const stale = Object.keys(from).filter((key) => !Object.hasOwn(to, key));
  const fresh = Object.keys(to).filter((key) => differs(to, from, key));
  const path = `/${resourceType}/${encodeURIComponent(id)}/tags/action`;
  const action = (name: "create" | "delete", operation: string, tags: VpcepTag[]): UpdateStep => ({
    fields: ["tags"],
    call: operation,
    apply: () =>
      client.call({ method: "POST", path, body: { action: name, tags }, operation, idempotent: true }),
  });
  const steps: UpdateStep[] = [];
  if (stale.length > 0) {
    steps.push(
      action(
        "delete",
        "DeleteTags",
        stale.map((key) => ({ key, value: from[key]! })),
      ),
    );
  }
  if (fresh.length > 0) {
    steps.push(
      action(
        "create",
        "CreateTags",
        fresh.map((key) => ({ key, value: to[key]! })),
      ),
    );
  }
  return steps;
}
