import type { ResourceValidationPolicy } from "@pulumi/policy";
import { kindLabel, TAG_CLOUD_LABEL, TAG_LIMITS, tagProblems } from "pulumi-vpcep/schema";
import { resourceLabel } from "../lib/describe.js";
import { plainProps } from "../lib/known.js";
import { cloudOf, ENDPOINT_TYPES } from "../lib/resource-types.js";
import { readTags } from "../lib/tags.js";

export interface ResourceTagLimitsConfig {
  /** Tag keys every VPC endpoint and endpoint service must carry. */
  requiredKeys?: string[];
  /** A maximum below the cloud's own. */
  maxCount?: number;
}

/**
 * Tags on VPC endpoints and endpoint services must meet each cloud's rules (count, key and value
 * length, characters, reserved prefixes) and the platform's own: required keys and a lower count.
 * The cloud's limits come from the same table the provider checks inputs against.
 *
 * @severity medium
 */
export const resourceTagLimits: ResourceValidationPolicy = {
  name: "vpcep-resource-tag-limits",
  displayName: "Tags within each cloud's limits",
  description:
    "Tags on VPC endpoints and endpoint services must meet the cloud's count, length, character and reserved-prefix rules, and carry the tag keys the platform requires.",
  enforcementLevel: "mandatory",
  severity: "medium",
  configSchema: {
    properties: {
      requiredKeys: {
        type: "array",
        items: { type: "string", minLength: 1 },
        default: [],
        description: "Tag keys every VPC endpoint and endpoint service must have.",
      },
      maxCount: {
        type: "integer",
        minimum: 0,
        description: "At most this many tags, when lower than the cloud's own limit.",
      },
    },
  },
  validateResource: (args, reportViolation) => {
    const type = ENDPOINT_TYPES.get(args.type);
    if (type?.tags === undefined) return;
    const props = plainProps(args.props);
    const cloud = cloudOf(type, props.cloud);
    const known = readTags(props, type.tags);
    if (cloud === undefined || known === undefined) return;
    const { tags, partlyUnknown } = known;
    const path = type.tags.path;
    const label = resourceLabel(args.type, args.name);
    for (const problem of tagProblems(tags, cloud, type.kind)) {
      if (problem.key === undefined) {
        if (!partlyUnknown) reportViolation(`${label}: ${path}: ${problem.message}.`);
        continue;
      }
      reportViolation(
        `${label}: ${path}[${JSON.stringify(problem.key)}] = ${JSON.stringify(tags[problem.key])}: ${problem.message}.`,
      );
    }
    if (partlyUnknown) return;
    const config = args.getConfig<ResourceTagLimitsConfig>();
    const count = Object.keys(tags).length;
    const cloudMax = TAG_LIMITS[cloud][type.kind].maxCount;
    if (config.maxCount !== undefined && config.maxCount < cloudMax && count > config.maxCount) {
      reportViolation(
        `${label}: ${path} has ${count} tags; policy config allows at most ${config.maxCount} on a ${TAG_CLOUD_LABEL[cloud]} ${kindLabel(type.kind)} (maxCount).`,
      );
    }
    const missing = (config.requiredKeys ?? []).filter((key) => !(key in tags));
    if (missing.length > 0) {
      reportViolation(
        `${label}: ${path} lacks ${missing.map((k) => `"${k}"`).join(", ")}; policy config requires ${missing.length === 1 ? "this tag key" : "these tag keys"} (requiredKeys).`,
      );
    }
  },
};
