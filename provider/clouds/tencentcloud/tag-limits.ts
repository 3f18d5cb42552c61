/**
 * Tencent Cloud tag service: 50 per resource, key 1–127, value 1–255, reserved `qcs:` and `project`.
 * @link https://www.tencentcloud.com/document/product/651/13354
 */
import type { TagLimits } from "../../schema/tags.js";

const tencentTags: TagLimits = {
  maxCount: 50,
  keyMinLength: 1,
  keyMaxLength: 127,
  valueMinLength: 1,
  valueMaxLength: 255,
  charset: /^[\p{L}\p{N} +\-=._:/@()[\],;><【】]*$/u,
  charsetDescription: "may contain only letters, digits, spaces and + - = . _ : / @ ( ) [ ] , ; > < 【 】",
  reservedPrefixes: ["qcs:", "project", "项目"],
  noEdgeSpaces: true,
};

export const TENCENT_TAG_LIMITS = { endpoint: tencentTags, endpointService: tencentTags };
