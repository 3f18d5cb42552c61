/**
 * Tags in place through TagResources / UntagResources, at most 20 per call
 * (`LimitExceeded.TagOperation`): larger changes go in batches.
 * @link https://www.volcengine.com/docs/6401/123125
 */
import type { UpdateStep } from "../../resources/backend.js";
import type { VolcengineClient } from "./client.js";
import type { VolcengineTag } from "./types.js";

export type TagResourceType = "endpoint" | "endpointservice";

/** Tags per TagResources / UntagResources call. */
export const TAGS_PER_CALL = 20;

export function toTagList(tags: Record<string, string>): VolcengineTag[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

export function fromTagList(tags: VolcengineTag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).map((t) => [t.Key, t.Value ?? ""]));
}

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += TAGS_PER_CALL) out.push(items.slice(i, i + TAGS_PER_CALL));
  return out;
}

/** Removes keys no longer wanted, then sets new and changed values (a set overwrites a key's value). */
export function tagSteps(
  client: VolcengineClient,
  resourceType: TagResourceType,
  id: string,
  from: Record<string, string>,
  to: Record<string, string>,
): UpdateStep[] {
  const removed = Object.keys(from).filter((key) => !Object.hasOwn(to, key));
  const set = Object.keys(to).filter((key) => !Object.hasOwn(from, key) || from[key] !== to[key]);
  const target = { ResourceIds: [id], ResourceType: resourceType };
  return [
    ...batches(removed).map((keys): UpdateStep => ({
      fields: ["tags"],
      call: "UntagResources",
      settle: true,
      apply: () => client.call("UntagResources", { ...target, TagKeys: keys }, true),
    })),
    ...batches(set).map((keys): UpdateStep => ({
      fields: ["tags"],
      call: "TagResources",
      settle: true,
      apply: () =>
        client.call("TagResources", { ...target, Tags: keys.map((Key) => ({ Key, Value: to[Key]! })) }, true),
    })),
  ];
}
