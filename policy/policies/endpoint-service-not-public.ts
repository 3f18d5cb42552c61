import type { ResourceValidationPolicy } from "@pulumi/policy";
import { resourceLabel } from "../lib/describe.js";
import { knownStrings, plainProps, UNKNOWN, valuesAt } from "../lib/known.js";
import { ENDPOINT_TYPES } from "../lib/resource-types.js";

/** Permission entries that let in every account, or every account of an organisation. */
const WILDCARDS: Record<string, string> = {
  "*": "every account",
  "organizations:orgPath::*": "every account in the organization",
};

/**
 * An endpoint service that accepts connections without approval and whose permissions hold a
 * wildcard lets any account reach the backend. Either require approval, or list the accounts.
 *
 * @severity high
 */
export const endpointServiceNotPublic: ResourceValidationPolicy = {
  name: "vpcep-endpoint-service-not-public",
  displayName: "Endpoint services not open to everyone",
  description:
    "VPC endpoint services must require approval of connections, or grant permission to listed accounts without a wildcard.",
  enforcementLevel: "advisory",
  severity: "high",
  validateResource: (args, reportViolation) => {
    const exposure = ENDPOINT_TYPES.get(args.type)?.exposure;
    if (exposure === undefined) return;
    const props = plainProps(args.props);
    const [flag] = valuesAt(props, exposure.approval);
    if (flag?.value === UNKNOWN) return;
    const approval = typeof flag?.value === "boolean" ? flag.value : exposure.defaultValue;
    if (approval !== exposure.openWhen) return;
    for (const found of exposure.permissions.flatMap((path) => knownStrings(props, `${path}[]`))) {
      const who = WILDCARDS[found.value.trim()];
      if (who === undefined) continue;
      reportViolation(
        `${resourceLabel(args.type, args.name)}: ${exposure.approval} = ${String(approval)} and ${found.path} = ${JSON.stringify(found.value)} let ${who} connect without approval; require approval or list the accounts allowed.`,
      );
    }
  },
};
