/** The pack's policies, apart from the `PolicyPack` entry so that tests import them without serving. */
import type { Policies } from "@pulumi/policy";
import {
  endpointNetworkReservedRange,
  endpointServiceConnectionsDeclared,
  endpointServiceNotPublic,
  endpointServicePortConflict,
  endpointWhitelistNotOpen,
  networkReservedRange,
  resourceTagLimits,
} from "./policies/index.js";

export const policies: Policies = [
  networkReservedRange,
  endpointNetworkReservedRange,
  resourceTagLimits,
  endpointServiceNotPublic,
  endpointWhitelistNotOpen,
  endpointServicePortConflict,
  endpointServiceConnectionsDeclared,
];
