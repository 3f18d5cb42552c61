/**
 * Huawei Cloud tags: key 1–36, value 0–43, anything except `=*<>\,|/`, no edge spaces; 20 per
 * endpoint, 10 per service (seed 003).
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0201.html
 */
import type { TagLimits } from "../../schema/tags.js";

const huaweiTags = (maxCount: number): TagLimits => ({
  maxCount,
  keyMinLength: 1,
  keyMaxLength: 36,
  valueMinLength: 0,
  valueMaxLength: 43,
  charset: /^[^=*<>\\,|/]*$/u,
  charsetDescription: "must not contain = * < > \\ , | /",
  reservedPrefixes: ["_sys_"],
  noEdgeSpaces: true,
});

export const HUAWEI_TAG_LIMITS = { endpoint: huaweiTags(20), endpointService: huaweiTags(10) };
