/**
 * Tencent tags are set at creation only: the VPC API has no tag update, and the Tag API
 * (tag 2018-08-13) addresses resources by a prefix undocumented for endpoints and services, so
 * changes replace.
 * @link https://www.tencentcloud.com/document/product/651/55662
 */
import type { TencentTag } from "./types.js";

export function toTagList(tags: Record<string, string>): TencentTag[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

export function fromTagList(tags: TencentTag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).map((t) => [t.Key, t.Value]));
}
