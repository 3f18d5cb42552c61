export { networkReservedRange } from "./network-reserved-range.js";
export { endpointNetworkReservedRange } from "./endpoint-network-reserved-range.js";
export { resourceTagLimits } from "./resource-tag-limits.js";
export { endpointServiceNotPublic } from "./endpoint-service-not-public.js";
export { endpointWhitelistNotOpen } from "./endpoint-whitelist-not-open.js";
export { endpointServicePortConflict } from "./endpoint-service-port-conflict.js";
export { endpointServiceConnectionsDeclared } from "./endpoint-service-connections-declared.js";
