/** Building blocks shared by both resources' schemas. */
import ipaddr from "ipaddr.js";
import { z } from "zod";
import { isDuration } from "../core/duration.js";
import type { CloudName } from "../core/errors.js";
import { overlapsReserved, parseAddressOrCidr, RESERVED_CIDR } from "../core/reserved-range.js";
import { TAG_CLOUD_LABEL, TAG_LIMITS, type ResourceKind, type TagCloud } from "./limits.js";

/** The clouds this provider manages, by name. */
export const CLOUD_LABEL: Record<CloudName, string> = {
  huaweicloud: TAG_CLOUD_LABEL.huaweicloud,
  tencentcloud: TAG_CLOUD_LABEL.tencentcloud,
};

/** One broken tag rule: the key it concerns (none for the count) and the rule in words. */
export interface TagProblem {
  key?: string;
  message: string;
}

/**
 * Every way a set of tags breaks a cloud's rules for one kind of resource. Shared by the provider's
 * check and the policy pack, so both say the same thing.
 */
export function tagProblems(tags: Record<string, string>, cloud: TagCloud, kind: ResourceKind): TagProblem[] {
  const limits = TAG_LIMITS[cloud][kind];
  const label = TAG_CLOUD_LABEL[cloud];
  const problems: TagProblem[] = [];
  const entries = Object.entries(tags);
  if (entries.length > limits.maxCount) {
    problems.push({
      message: `at most ${limits.maxCount} tags are allowed on a ${label} ${kindLabel(kind)} (got ${entries.length})`,
    });
  }
  for (const [key, value] of entries) {
    const keyProblem = tagTextProblem(key, limits.keyMinLength, limits.keyMaxLength, limits);
    if (keyProblem) problems.push({ key, message: `tag key ${keyProblem}` });
    const prefix = limits.reservedPrefixes.find((p) => key.toLowerCase().startsWith(p.toLowerCase()));
    if (prefix)
      problems.push({ key, message: `tag key must not start with "${prefix}", reserved by ${label}` });
    const valueProblem = tagTextProblem(value, limits.valueMinLength, limits.valueMaxLength, limits);
    if (valueProblem) problems.push({ key, message: `tag value ${valueProblem}` });
  }
  return problems;
}

/** Tags as a map, checked against the cloud's count, length, charset and reserved-prefix rules. */
export function tagsSchema(cloud: CloudName, kind: ResourceKind) {
  return z.record(z.string(), z.string({ error: "tag values must be strings" })).superRefine((tags, ctx) => {
    for (const problem of tagProblems(tags, cloud, kind)) {
      ctx.addIssue({
        code: "custom",
        ...(problem.key === undefined ? {} : { path: [problem.key] }),
        message: problem.message,
      });
    }
  });
}

function tagTextProblem(
  text: string,
  min: number,
  max: number,
  limits: { charset: RegExp; charsetDescription: string; noEdgeSpaces: boolean },
): string | undefined {
  const length = [...text].length;
  if (length < min) return min === 1 ? "must not be empty" : `must be at least ${min} characters`;
  if (length > max) return `must be at most ${max} characters (got ${length})`;
  if (!limits.charset.test(text)) return limits.charsetDescription;
  if (limits.noEdgeSpaces && text !== text.trim()) return "must not start or end with a space";
  return undefined;
}

export function kindLabel(kind: ResourceKind): string {
  return kind === "endpoint" ? "VPC endpoint" : "VPC endpoint service";
}

/** The `timeouts` input: Go-style durations per operation. */
export const timeoutsSchema = z
  .strictObject({
    create: z.string().refine(isDuration, { error: 'must be a duration such as "10m" or "90s"' }).optional(),
    update: z.string().refine(isDuration, { error: 'must be a duration such as "10m" or "90s"' }).optional(),
    delete: z.string().refine(isDuration, { error: 'must be a duration such as "10m" or "90s"' }).optional(),
  })
  .optional();

export type Timeouts = z.infer<typeof timeoutsSchema>;

/** A single IPv4 address outside the reserved range. */
export const ipv4AddressSchema = z.string().superRefine((value, ctx) => {
  if (!ipaddr.IPv4.isValidFourPartDecimal(value)) {
    ctx.addIssue({ code: "custom", message: `must be an IPv4 address such as 10.0.0.8 (got "${value}")` });
  } else if (overlapsReserved(value)) {
    ctx.addIssue({
      code: "custom",
      message: `${value} is inside ${RESERVED_CIDR}, which the clouds reserve for VPC endpoints`,
    });
  }
});

/** An IPv4 address or CIDR outside the reserved range. */
export const ipv4AddressOrCidrSchema = z.string().superRefine((value, ctx) => {
  const range = parseAddressOrCidr(value);
  if (!range || range[0].kind() !== "ipv4") {
    ctx.addIssue({
      code: "custom",
      message: `must be an IPv4 address or CIDR such as 10.0.0.0/24 (got "${value}")`,
    });
  } else if (value.includes("/") && !ipaddr.IPv4.isValidCIDR(value)) {
    ctx.addIssue({ code: "custom", message: `must be an IPv4 CIDR such as 10.0.0.0/24 (got "${value}")` });
  } else if (overlapsReserved(value)) {
    ctx.addIssue({
      code: "custom",
      message: `${value} overlaps ${RESERVED_CIDR}, which the clouds reserve for VPC endpoints`,
    });
  }
});

/** A list treated as a set: duplicates are reported, order is not significant (sorted on output). */
export function stringSet(item: z.ZodType<string>, max?: number, what = "entries") {
  return z
    .array(item)
    .superRefine((values, ctx) => {
      const seen = new Set<string>();
      values.forEach((value, index) => {
        if (seen.has(value))
          ctx.addIssue({ code: "custom", path: [index], message: `duplicate entry "${value}"` });
        seen.add(value);
      });
      if (max !== undefined && values.length > max) {
        ctx.addIssue({
          code: "custom",
          message: `at most ${max} ${what} are allowed (got ${values.length})`,
        });
      }
    })
    .transform((values) => [...values].sort());
}

/** A string matching a pattern, with a message naming the rule. */
export function patterned(pattern: RegExp, rule: string) {
  return z.string().regex(pattern, { error: (issue) => `must be ${rule} (got "${String(issue.input)}")` });
}

/** Settings that shape how the provider acts, not what the cloud holds; they never replace. */
export const lifecycleFields = {
  timeouts: timeoutsSchema,
  /** Take over an existing object with this id instead of creating one. */
  adoptId: z.string().min(1, { error: "must not be empty" }).optional(),
};
