/**
 * Tags of endpoints and services: TagResources, UntagResources, ListTagsForResources
 * (`ResourceType` `endpoint` | `endpointservice`; at most 20 tags per call; `volc:` and `sys:`
 * keys refused in any case). Tags are not a state change: the object stays as it is.
 * @link https://www.volcengine.com/docs/6980/1158967
 */
import { observe } from "../../core/observe.js";
import type { ResourceRecord } from "../../core/store.js";
import { veError, VeErrors } from "./errors.js";
import { VE_ENDPOINT_MODEL, VE_SERVICE_MODEL, VOLCENGINE_CLOUD } from "./models.js";
import type { VeEndpointAttrs, VeServiceAttrs } from "./records.js";
import { ownEndpoint, ownService, type VeAction, type VeRequest } from "./request.js";

/** `ResourceType` → how its records are found. */
const RESOURCE_TYPES = ["endpoint", "endpointservice"] as const;
type ResourceType = (typeof RESOURCE_TYPES)[number];

function resourceType(req: VeRequest): ResourceType {
  const value = req.params.str("ResourceType", { required: true });
  if (!(RESOURCE_TYPES as readonly string[]).includes(value))
    throw VeErrors.invalid("ResourceType", `must be one of ${RESOURCE_TYPES.join(", ")}`);
  return value as ResourceType;
}

function resourceIds(req: VeRequest, required: boolean): string[] | undefined {
  const ids = req.params.strList("ResourceIds", { required, nonEmpty: required });
  if (ids && ids.length > 20) throw VeErrors.invalid("ResourceIds", "at most 20 ids");
  return ids;
}

type Tagged = ResourceRecord<VeEndpointAttrs | VeServiceAttrs>;

function target(req: VeRequest, type: ResourceType, id: string, read: boolean): Tagged {
  return type === "endpoint" ? ownEndpoint(req, id, read) : ownService(req, id, read);
}

/** TagResources: adds or overwrites tags (the key count per resource is not limited here). */
export const tagResources: VeAction = {
  name: "TagResources",
  params: ["ResourceIds", "ResourceType", "Tags"],
  handler(req) {
    const ids = resourceIds(req, true)!;
    const type = resourceType(req);
    const tags = req.params.tags();
    if (tags.length === 0) throw VeErrors.missing("Tags");
    const records = ids.map((id) => target(req, type, id, false));
    for (const record of records) {
      for (const tag of tags) {
        const existing = record.attrs.Tags.find((t) => t.Key === tag.Key);
        if (existing) existing.Value = tag.Value;
        else record.attrs.Tags.push({ ...tag });
      }
      record.updatedAt = req.ctx.state.clock.now();
    }
    return {};
  },
};

/** UntagResources: removes keys; absent keys are ignored. */
export const untagResources: VeAction = {
  name: "UntagResources",
  params: ["ResourceIds", "ResourceType", "TagKeys"],
  handler(req) {
    const ids = resourceIds(req, true)!;
    const type = resourceType(req);
    const keys = req.params.tagKeys();
    const records = ids.map((id) => target(req, type, id, false));
    for (const record of records) {
      record.attrs.Tags = record.attrs.Tags.filter((tag) => !keys.includes(tag.Key));
      record.updatedAt = req.ctx.state.clock.now();
    }
    return {};
  },
};

/** ListTagsForResources: `ResourceTags[]`, `MaxResults` (1–100, default 10) and an opaque `NextToken`. */
export const listTagsForResources: VeAction = {
  name: "ListTagsForResources",
  params: ["ResourceIds", "ResourceType", "TagFilters", "TagType", "MaxResults", "NextToken"],
  handler(req) {
    const { params } = req;
    const ids = resourceIds(req, false);
    const type = resourceType(req);
    const tagType = params.str("TagType");
    if (tagType !== undefined && tagType !== "custom" && tagType !== "system")
      throw VeErrors.invalid("TagType", "must be custom or system");
    const filters = (params.objList("TagFilters") ?? []).map((filter) => ({
      key: String(filter.Key ?? ""),
      values: Array.isArray(filter.Values) ? (filter.Values as unknown[]).map(String) : [],
    }));
    const max = params.int("MaxResults", 10, 1, 100);
    const tokenText = params.str("NextToken");
    let start = 0;
    if (tokenText !== undefined && tokenText !== "") {
      if (!/^\d+$/.test(tokenText)) throw VeErrors.invalid("NextToken", "not a token this API issued");
      start = Number(tokenText);
    }
    const model = type === "endpoint" ? VE_ENDPOINT_MODEL : VE_SERVICE_MODEL;
    const records: Tagged[] = ids
      ? ids.map((id) => target(req, type, id, true))
      : req.ctx.state.store
          .list<VeEndpointAttrs | VeServiceAttrs>({
            cloud: VOLCENGINE_CLOUD,
            model,
            tenant: req.ctx.tenant,
            region: req.region,
          })
          .map((record) => observe(req.ctx, record))
          .filter((record): record is Tagged => record !== undefined);
    // System tags are not emulated: a `system` listing is empty.
    const rows =
      tagType === "system"
        ? []
        : records.flatMap((record) =>
            record.attrs.Tags.filter(
              (tag) =>
                filters.length === 0 ||
                filters.some(
                  (f) => f.key === tag.Key && (f.values.length === 0 || f.values.includes(tag.Value)),
                ),
            ).map((tag) => ({
              ResourceId: record.id,
              ResourceType: type,
              TagKey: tag.Key,
              TagValue: tag.Value,
            })),
          );
    const page = rows.slice(start, start + max);
    const next = start + max < rows.length ? String(start + max) : "";
    if (start > rows.length) throw veError("InvalidParameter", ["NextToken", "past the end"]);
    return { ResourceTags: page, NextToken: next };
  },
};
