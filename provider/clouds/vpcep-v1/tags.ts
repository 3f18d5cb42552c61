/** Tag changes through the batch tag action, as a diff: no window without tags. */
import type { HuaweiClient } from "./client.js";
import type { HuaweiTag } from "./types.js";

export type TagResourceType = "endpoint" | "endpoint_service";

export function toTagList(tags: Record<string, string>): HuaweiTag[] {
  return Object.entries(tags).map(([key, value]) => ({ key, value }));
}

export function fromTagList(tags: HuaweiTag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).map((t) => [t.key, t.value ?? ""]));
}

/** Deletes removed and changed keys, then creates added and changed ones. */
export async function updateTags(
  client: HuaweiClient,
  resourceType: TagResourceType,
  id: string,
  from: Record<string, string>,
  to: Record<string, string>,
): Promise<void> {
  const stale = Object.keys(from).filter((key) => !(key in to) || to[key] !== from[key]);
  const fresh = Object.keys(to).filter((key) => !(key in from) || to[key] !== from[key]);
  const path = `/${resourceType}/${id}/tags/action`;
  if (stale.length > 0) {
    await client.call({
      method: "POST",
      path,
      body: { action: "delete", tags: stale.map((key) => ({ key, value: from[key] })) },
      operation: "DeleteTags",
      idempotent: true,
    });
  }
  if (fresh.length > 0) {
    await client.call({
      method: "POST",
      path,
      body: { action: "create", tags: fresh.map((key) => ({ key, value: to[key] })) },
      operation: "CreateTags",
      idempotent: true,
    });
  }
}
