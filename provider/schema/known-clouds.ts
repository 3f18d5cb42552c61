/**
 * Tag rules of every cloud the project knows: those the registry manages, and those whose official
 * Pulumi packages the policy pack checks before their modules are built. The facts live in each
 * cloud's folder; this only gathers them.
 */
import { HUAWEI_TAG_LIMITS } from "../clouds/huaweicloud/tag-limits.js";
import { OTC_TAG_LIMITS } from "../clouds/opentelekomcloud/tag-limits.js";
import { TENCENT_TAG_LIMITS } from "../clouds/tencentcloud/tag-limits.js";
import { VOLCENGINE_TAG_LIMITS } from "../clouds/volcengine/tag-limits.js";
import type { ResourceKind } from "./kinds.js";
import { tagProblemsFor, type TagLimits, type TagProblem } from "./tags.js";

export const TAG_LIMITS = {
  huaweicloud: HUAWEI_TAG_LIMITS,
  tencentcloud: TENCENT_TAG_LIMITS,
  opentelekomcloud: OTC_TAG_LIMITS,
  volcengine: VOLCENGINE_TAG_LIMITS,
} as const satisfies Record<string, Record<ResourceKind, TagLimits>>;

/** The clouds whose tag rules are known. */
export type TagCloud = keyof typeof TAG_LIMITS;

export const TAG_CLOUD_LABEL: Record<TagCloud, string> = {
  huaweicloud: "Huawei Cloud",
  tencentcloud: "Tencent Cloud",
  opentelekomcloud: "Open Telekom Cloud",
  volcengine: "Volcengine",
};

/** Every way a set of tags breaks a known cloud's rules for one kind of resource. */
export function tagProblems(tags: Record<string, string>, cloud: TagCloud, kind: ResourceKind): TagProblem[] {
  return tagProblemsFor(tags, TAG_LIMITS[cloud][kind], TAG_CLOUD_LABEL[cloud], kind);
}
