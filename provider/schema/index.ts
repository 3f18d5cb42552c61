/** Input schemas and limits, shared by the provider's check and the policy pack. */
export { RESOURCE_KINDS, kindLabel, type ResourceKind } from "./kinds.js";
export { TAG_LIMITS, TAG_CLOUD_LABEL, tagProblems, type TagCloud } from "./known-clouds.js";
export {
  characterCount,
  NO_TAGS,
  UNREPRESENTABLE_TAG_KEY,
  unrepresentableTagKeyMessage,
  type TagLimits,
  type TagProblem,
} from "./tags.js";
export { isStandardIpv4, ipv4CidrProblem } from "./addresses.js";
export { CLOUD_NAMES, type CloudName } from "../clouds/index.js";
export {
  RESERVED_CIDR,
  overlapsReserved,
  parseAddressOrCidr,
  rangesOverlap,
} from "../core/reserved-range.js";
