/** Input schemas and limits, shared by the provider's check and the policy pack. */
export * from "./limits.js";
export * from "./endpoint.js";
export * from "./endpoint-service.js";
export { tagProblems, kindLabel, type TagProblem } from "./common.js";
export { checkInputs, type CheckFailure, type CheckOutcome } from "./check.js";
export {
  RESERVED_CIDR,
  overlapsReserved,
  parseAddressOrCidr,
  rangesOverlap,
} from "../core/reserved-range.js";
