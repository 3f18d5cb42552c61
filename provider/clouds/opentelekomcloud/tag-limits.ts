/**
 * Open Telekom Cloud tags: key 1–36, value 0–43, only letters, digits, `-`, `_` and `@`; 20 per
 * resource (raised from 10 for services on 2021-02-05; seed 004 predates it).
 * @link https://docs.otc.t-systems.com/vpc-endpoint/api-ref/apis/vpc_endpoints/creating_a_vpc_endpoint.html
 */
import type { TagLimits } from "../../schema/tags.js";

const otcTags: TagLimits = {
  maxCount: 20,
  keyMinLength: 1,
  keyMaxLength: 36,
  valueMinLength: 0,
  valueMaxLength: 43,
  charset: /^[A-Za-z0-9_@-]*$/u,
  charsetDescription: "may contain only letters, digits, '-', '_' and '@'",
  // The OTC tag docs reserve no prefix (Huawei's `_sys_` is not among their rules).
  reservedPrefixes: [],
  noEdgeSpaces: true,
};

export const OTC_TAG_LIMITS = { endpoint: otcTags, endpointService: otcTags };
