/** Field rules every cloud shares: where the object lives replaces it; provider-side settings never reach the cloud. */
import type { FieldRule } from "../resources/backend.js";

/** `cloud` and `region`: another place is another object. */
export const PLACEMENT_RULES: Record<"cloud" | "region", FieldRule> = {
  cloud: { change: "replace" },
  region: { change: "replace" },
};

/** `timeouts` and `adoptId`: settings of the provider, recorded in state, never sent. */
export const PROVIDER_SIDE_RULES: Record<"timeouts" | "adoptId", FieldRule> = {
  timeouts: { change: "ignore" },
  adoptId: { change: "ignore" },
};

/** An endpoint's provider-side settings, with `waitForAcceptance`. */
export const ENDPOINT_PROVIDER_SIDE_RULES: Record<"waitForAcceptance" | "timeouts" | "adoptId", FieldRule> = {
  waitForAcceptance: { change: "ignore" },
  ...PROVIDER_SIDE_RULES,
};
