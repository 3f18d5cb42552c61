/**
 * Tag rules of every cloud the project knows: those the registry manages (from their modules), and
 * those whose official Pulumi packages the policy pack checks before a module of ours exists. Once
 * such a cloud is registered, its module's rules take precedence here without a change.
 */
import { CLOUD_MODULES, type CloudName } from "../clouds/index.js";
import { RESOURCE_KINDS, type ResourceKind } from "./kinds.js";
import { tagProblemsFor, type TagLimits, type TagProblem } from "./tags.js";

type KindLimits = Record<ResourceKind, TagLimits>;

/**
 * Clouds the policy pack knows from their official packages only: none now that every cloud the
 * pack checks has a module (a new cloud's tag limits can live here until its module lands).
 */
const POLICY_ONLY = {} as const satisfies Record<string, { label: string; tags: KindLimits }>;

/** The clouds whose tag rules are known. */
export type TagCloud = CloudName | keyof typeof POLICY_ONLY;

const KNOWN: Record<TagCloud, { label: string; tags: KindLimits }> = {
  ...POLICY_ONLY,
  ...(Object.fromEntries(
    CLOUD_MODULES.map((m) => [
      m.name,
      {
        label: m.label,
        tags: Object.fromEntries(RESOURCE_KINDS.map((kind) => [kind, m.resources[kind].tags])) as KindLimits,
      },
    ]),
  ) as Record<CloudName, { label: string; tags: KindLimits }>),
};

export const TAG_LIMITS = Object.fromEntries(
  Object.entries(KNOWN).map(([cloud, known]) => [cloud, known.tags]),
) as Record<TagCloud, KindLimits>;

export const TAG_CLOUD_LABEL = Object.fromEntries(
  Object.entries(KNOWN).map(([cloud, known]) => [cloud, known.label]),
) as Record<TagCloud, string>;

/** Every way a set of tags breaks a known cloud's rules for one kind of resource. */
export function tagProblems(tags: Record<string, string>, cloud: TagCloud, kind: ResourceKind): TagProblem[] {
  return tagProblemsFor(tags, TAG_LIMITS[cloud][kind], TAG_CLOUD_LABEL[cloud], kind);
}
