/**
 * Volcengine tags: key 1–128, value 0–256, reserved `volc:` and `sys:` in any case; tags go in one
 * call of at most 20 (`LimitExceeded.TagOperation`).
 * @link https://www.volcengine.com/docs/6401/123125
 */
import type { TagLimits } from "../../schema/tags.js";

const volcengineTags: TagLimits = {
  maxCount: 20,
  keyMinLength: 1,
  keyMaxLength: 128,
  valueMinLength: 0,
  valueMaxLength: 256,
  charset: /^[\p{L}\p{N} _.:/=+\-@]*$/u,
  charsetDescription: "may contain only letters, digits, spaces and _ . : / = + - @",
  reservedPrefixes: ["volc:", "sys:"],
  noEdgeSpaces: true,
};

export const VOLCENGINE_TAG_LIMITS = { endpoint: volcengineTags, endpointService: volcengineTags };
