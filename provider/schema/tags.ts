/**
 * Tag rules: one function says every way a set of tags breaks a cloud's limits, shared by the
 * provider's check and the policy pack so that both say the same thing.
 */
import { z } from "zod";
import type { ResourceKind } from "./kinds.js";
import { kindLabel } from "./kinds.js";

/** A cloud's rules for tags on one kind of resource. */
export interface TagLimits {
  maxCount: number;
  keyMinLength: number;
  keyMaxLength: number;
  valueMinLength: number;
  valueMaxLength: number;
  /** Characters allowed in keys and values, and the rule in words. */
  charset: RegExp;
  charsetDescription: string;
  /** Prefixes reserved by the cloud, compared case-insensitively. */
  reservedPrefixes: readonly string[];
  /** No leading or trailing space. */
  noEdgeSpaces: boolean;
}

/**
 * The limits of a kind the cloud does not tag (a connection is a relation, not an object with
 * tags): any tag is one too many, and the count rule says so in the cloud's own words.
 */
export const NO_TAGS: TagLimits = {
  maxCount: 0,
  keyMinLength: 1,
  keyMaxLength: 0,
  valueMinLength: 0,
  valueMaxLength: 0,
  charset: /^$/,
  charsetDescription: "takes no tags",
  reservedPrefixes: [],
  noEdgeSpaces: false,
};

/** One broken tag rule: the key it concerns (none for the count) and the rule in words. */
export interface TagProblem {
  key?: string;
  message: string;
}

/**
 * Lengths in Unicode characters (code points), as the clouds document them ("Unicode characters"):
 * an emoji is one character, not two UTF-16 units. The emulator counts the same way.
 */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function textProblem(text: string, min: number, max: number, limits: TagLimits): string | undefined {
  const length = characterCount(text);
  if (length < min) return min === 1 ? "must not be empty" : `must be at least ${min} characters`;
  if (length > max) return `must be at most ${max} characters (got ${length})`;
  if (!limits.charset.test(text)) return limits.charsetDescription;
  if (limits.noEdgeSpaces && text !== text.trim()) return "must not start or end with a space";
  return undefined;
}

/** Every way `tags` breaks `limits` on a resource of `kind` of the cloud called `label`. */
export function tagProblemsFor(
  tags: Record<string, string>,
  limits: TagLimits,
  label: string,
  kind: ResourceKind,
): TagProblem[] {
  const problems: TagProblem[] = [];
  const entries = Object.entries(tags);
  if (entries.length > limits.maxCount) {
    problems.push({
      message: `at most ${limits.maxCount} tags are allowed on a ${label} ${kindLabel(kind)} (got ${entries.length})`,
    });
  }
  for (const [key, value] of entries) {
    const keyProblem = textProblem(key, limits.keyMinLength, limits.keyMaxLength, limits);
    if (keyProblem) problems.push({ key, message: `tag key ${keyProblem}` });
    const prefix = limits.reservedPrefixes.find((p) => key.toLowerCase().startsWith(p.toLowerCase()));
    if (prefix)
      problems.push({ key, message: `tag key must not start with "${prefix}", reserved by ${label}` });
    const valueProblem = textProblem(value, limits.valueMinLength, limits.valueMaxLength, limits);
    if (valueProblem) problems.push({ key, message: `tag value ${valueProblem}` });
  }
  return problems;
}

/**
 * `__proto__` cannot travel as an object key: assigning it to a plain object sets the prototype,
 * so the engine's and the host's conversions drop it without a word. It is refused instead.
 */
export const UNREPRESENTABLE_TAG_KEY = "__proto__";

/** The message for a tag key that cannot reach the cloud intact. */
export const unrepresentableTagKeyMessage = `tag key "${UNREPRESENTABLE_TAG_KEY}" cannot pass through Pulumi (object conversions drop it); use another key`;

/** Tags as a map, checked against one cloud's count, length, charset and reserved-prefix rules. */
export function tagsSchema(limits: TagLimits, label: string, kind: ResourceKind) {
  const map = z
    .record(z.string(), z.string({ error: "tag values must be strings" }))
    .superRefine((tags, ctx) => {
      for (const problem of tagProblemsFor(tags, limits, label, kind)) {
        ctx.addIssue({
          code: "custom",
          ...(problem.key === undefined ? {} : { path: [problem.key] }),
          message: problem.message,
        });
      }
    });
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (value !== null && typeof value === "object" && Object.hasOwn(value, UNREPRESENTABLE_TAG_KEY)) {
        ctx.addIssue({
          code: "custom",
          path: [UNREPRESENTABLE_TAG_KEY],
          message: unrepresentableTagKeyMessage,
        });
      }
    })
    .pipe(map);
}
