/** Tencent tags are set at creation only (the VPC API has no tag update), so changes replace. */
import type { TencentTag } from "./types.js";

export function toTagList(tags: Record<string, string>): TencentTag[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

export function fromTagList(tags: TencentTag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).map((t) => [t.Key, t.Value]));
}
