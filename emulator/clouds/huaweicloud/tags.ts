/**
 * Tag create/delete on endpoints and services: `POST /{resource_type}/{id}/tags/action`.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0501.html
 */
import { hwError, HwErrors } from "./errors.js";
import { ENDPOINT_TAG_LIMIT } from "./endpoint.js";
import { SERVICE_TAG_LIMIT } from "./endpoint-service.js";
import { ownEndpoint, ownService, type HwHandler, type HwRequest } from "./request.js";
import { objectBody, parseTags, type HwTag } from "./validate.js";

function tagAction(req: HwRequest, target: { tags: HwTag[] }, limit: number, touch: () => void) {
  const body = objectBody(req.body);
  const action = body.action;
  if (action !== "create" && action !== "delete")
    throw hwError(HwErrors.InvalidAction, 'action must be "create" or "delete".');
  const tags = parseTags(body.tags, limit);
  if (tags.length === 0) throw hwError(HwErrors.InvalidParameter, "tags must not be empty.");
  if (action === "create") {
    const merged = new Map(target.tags.map((tag) => [tag.key, tag.value]));
    for (const tag of tags) merged.set(tag.key, tag.value);
    if (merged.size > limit) throw hwError(HwErrors.InvalidParameter, `At most ${limit} tags are allowed.`);
    target.tags = [...merged].map(([key, value]) => ({ key, value }));
  } else {
    const keys = new Set(tags.map((tag) => tag.key));
    target.tags = target.tags.filter((tag) => !keys.has(tag.key));
  }
  touch();
  return { status: 204 };
}

/** POST /endpoint/{id}/tags/action */
export const endpointTags: HwHandler = (req) => {
  const record = ownEndpoint(req, false);
  return tagAction(
    req,
    record.attrs,
    ENDPOINT_TAG_LIMIT,
    () => (record.updatedAt = req.ctx.state.clock.now()),
  );
};

/** POST /endpoint_service/{id}/tags/action */
export const serviceTags: HwHandler = (req) => {
  const record = ownService(req, false);
  return tagAction(
    req,
    record.attrs,
    SERVICE_TAG_LIMIT,
    () => (record.updatedAt = req.ctx.state.clock.now()),
  );
};
