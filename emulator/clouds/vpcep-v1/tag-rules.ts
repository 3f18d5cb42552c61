/**
 * Tag validation with the family's documented tag codes (3066 empty, 3067 duplicate key, 3068
 * charset, 3069 too many, 3072/3073 key/value size) and each profile's limits. Lengths count
 * Unicode code points ("a maximum of 36 Unicode characters"), as the provider does.
 * @link https://github.com/opentelekomcloud-docs/vpc-endpoint/blob/main/api-ref/source/appendix/error_codes.rst
 */
import { codePoints } from "../../core/text.js";
import { v1Error, V1Errors } from "./errors.js";
import type { TagRules } from "./profile.js";

/** A `{key, value}` tag as the API carries it. */
export interface V1Tag {
  key: string;
  value: string;
}

function checkText(text: string, what: string, rules: TagRules): void {
  if (!rules.charset.test(text) || (rules.noEdgeSpaces && text.trim() !== text)) {
    throw v1Error(
      V1Errors.TagInvalid,
      `${what} ${JSON.stringify(text)} ${rules.charsetDescription}${rules.noEdgeSpaces ? " and must not start or end with a space" : ""}.`,
    );
  }
}

/** Validates a tag list against one resource kind's rules; keys must be unique. */
export function parseTags(value: unknown, rules: TagRules, field = "tags"): V1Tag[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw v1Error(V1Errors.InvalidParameter, `${field} must be an array.`);
  if (value.length > rules.maxCount)
    throw v1Error(V1Errors.TooManyTags, `At most ${rules.maxCount} tags are allowed.`);
  const seen = new Set<string>();
  return value.map((item: unknown) => {
    const tag = (typeof item === "object" && item !== null ? item : {}) as { key?: unknown; value?: unknown };
    const key = tag.key;
    if (typeof key !== "string" || key === "") throw v1Error(V1Errors.TagEmpty, "Every tag needs a key.");
    if (codePoints(key) > rules.keyMaxLength)
      throw v1Error(V1Errors.TagKeySize, `Tag keys have at most ${rules.keyMaxLength} characters.`);
    checkText(key, "Tag key", rules);
    const tagValue = tag.value ?? "";
    if (typeof tagValue !== "string")
      throw v1Error(V1Errors.TagInvalid, `The value of tag "${key}" must be a string.`);
    if (codePoints(tagValue) > rules.valueMaxLength)
      throw v1Error(V1Errors.TagValueSize, `Tag values have at most ${rules.valueMaxLength} characters.`);
    if (tagValue !== "") checkText(tagValue, "Tag value", rules);
    if (seen.has(key)) throw v1Error(V1Errors.TagKeyDuplicated, `Duplicate tag key "${key}".`);
    seen.add(key);
    return { key, value: tagValue };
  });
}
