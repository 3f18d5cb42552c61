/**
 * Tag create/delete on endpoints and services: `POST /{resource_type}/{id}/tags/action`.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0501.html
 */
import { v1Error, V1Errors } from "./errors.js";
import type { TagRules } from "./profile.js";
import { ownEndpoint, ownService, type V1Handler, type V1Request } from "./request.js";
import { parseTags, type V1Tag } from "./tag-rules.js";
import { objectBody } from "./validate.js";

function tagAction(req: V1Request, target: { tags: V1Tag[] }, rules: TagRules, touch: () => void) {
  const body = objectBody(req.body);
  const action = body.action;
  if (action !== "create" && action !== "delete")
    throw v1Error(V1Errors.InvalidAction, 'action must be "create" or "delete".');
  const tags = parseTags(body.tags, rules);
  if (tags.length === 0) throw v1Error(V1Errors.InvalidParameter, "tags must not be empty.");
  if (action === "create") {
    const merged = new Map(target.tags.map((tag) => [tag.key, tag.value]));
    for (const tag of tags) merged.set(tag.key, tag.value);
    if (merged.size > rules.maxCount)
      throw v1Error(V1Errors.TooManyTags, `At most ${rules.maxCount} tags are allowed.`);
    target.tags = [...merged].map(([key, value]) => ({ key, value }));
  } else {
    const keys = new Set(tags.map((tag) => tag.key));
    target.tags = target.tags.filter((tag) => !keys.has(tag.key));
  }
  touch();
  return { status: 204 };
}

/** POST /endpoint/{id}/tags/action */
export const endpointTags: V1Handler = (req) => {
  const record = ownEndpoint(req, false);
  return tagAction(
    req,
    record.attrs,
    req.profile.tags.endpoint,
    () => (record.updatedAt = req.ctx.state.clock.now()),
  );
};

/** POST /endpoint_service/{id}/tags/action */
export const serviceTags: V1Handler = (req) => {
  const record = ownService(req, false);
  return tagAction(
    req,
    record.attrs,
    req.profile.tags.service,
    () => (record.updatedAt = req.ctx.state.clock.now()),
  );
};
