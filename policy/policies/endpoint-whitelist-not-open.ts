import type { ResourceValidationPolicy } from "@pulumi/policy";
import { violation } from "../lib/describe.js";
import { knownStrings, plainProps, UNKNOWN, valuesAt } from "../lib/known.js";
import { coversEverything } from "../lib/ranges.js";
import { ENDPOINT_TYPES } from "../lib/resource-types.js";

/**
 * An enabled endpoint whitelist that holds 0.0.0.0/0 or ::/0 admits the whole internet and only
 * looks like a restriction. A disabled whitelist is not enforced, so its entries don't matter.
 * Whitelist entries are the client sources let in, not addresses the endpoint takes, so this is the
 * one policy that judges them: the reserved-range policies leave them alone, and the provider's
 * check accepts any well-formed entry.
 *
 * @severity high
 */
export const endpointWhitelistNotOpen: ResourceValidationPolicy = {
  name: "vpcep-endpoint-whitelist-not-open",
  displayName: "Endpoint whitelists don't allow the whole internet",
  description:
    "An enabled VPC endpoint whitelist must not contain 0.0.0.0/0 or ::/0 (any CIDR with prefix length 0).",
  enforcementLevel: "mandatory",
  severity: "high",
  validateResource: (args, reportViolation) => {
    const whitelist = ENDPOINT_TYPES.get(args.type)?.whitelist;
    if (whitelist === undefined) return;
    const props = plainProps(args.props);
    const entries = knownStrings(props, `${whitelist.entries}[]`);
    const [flag] = valuesAt(props, whitelist.enabled);
    if (flag?.value === UNKNOWN) return;
    const enabled =
      typeof flag?.value === "boolean"
        ? flag.value
        : whitelist.enabledWhenUnset === "when-non-empty"
          ? valuesAt(props, `${whitelist.entries}[]`).length > 0
          : whitelist.enabledWhenUnset;
    if (!enabled) return;
    for (const found of entries) {
      if (!coversEverything(found.value)) continue;
      reportViolation(
        violation(
          args.type,
          args.name,
          found.path,
          found.value,
          "admits every address while the whitelist is enabled; list the client CIDRs instead.",
        ),
      );
    }
  },
};
