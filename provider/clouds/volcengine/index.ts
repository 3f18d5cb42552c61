/**
 * Volcengine PrivateLink (privatelink 2020-04-01): the second member of the RPC family, the first
 * cloud whose creates take a client token.
 * @link https://www.volcengine.com/docs/6980/155899
 */
import { erase } from "../../resources/backend.js";
import type { ArgsMatch, CloudModule } from "../cloud-module.js";
import { NO_TAGS } from "../../schema/tags.js";
import { connectionUnsettled } from "../common-connection.js";
import type {
  VolcengineVpcEndpointArgs,
  VolcengineVpcEndpointConnectionArgs,
  VolcengineVpcEndpointServiceArgs,
} from "./args.js";
import { connectionFields, volcengineConnectionBackend } from "./connection.js";
import { endpointFields, volcengineEndpointBackend } from "./endpoint.js";
import { serviceFields, volcengineServiceBackend } from "./endpoint-service.js";
import { connectionSchema, endpointSchema, endpointServiceSchema, LABEL } from "./schema.js";
import { VOLCENGINE_SETTINGS } from "./settings.js";
import { VOLCENGINE_TAG_LIMITS } from "./tag-limits.js";

type Args = {
  endpoint: VolcengineVpcEndpointArgs;
  endpointService: VolcengineVpcEndpointServiceArgs;
  connection: VolcengineVpcEndpointConnectionArgs;
};

/** Keys of the list entries in `known` (inputs or stored outputs) for which `has` holds. */
function keysWhere<T>(list: unknown, key: (item: T) => unknown, has: (item: T) => boolean): Set<string> {
  if (!Array.isArray(list)) return new Set();
  return new Set((list as T[]).filter((item) => item !== null && has(item)).map((item) => String(key(item))));
}

export const volcengine: CloudModule<"volcengine", Args> = {
  name: "volcengine",
  label: LABEL,
  settings: VOLCENGINE_SETTINGS,
  resources: {
    endpoint: {
      schema: endpointSchema,
      fields: endpointFields,
      tags: VOLCENGINE_TAG_LIMITS.endpoint,
      outputs: [
        "endpointId",
        "status",
        "state",
        "connectionStatus",
        "businessStatus",
        "privateIp",
        "zoneAddresses",
        "dnsNames",
        "endpointServiceName",
        "createdAt",
        "updatedAt",
      ],
      backend: ({ region, zones }) =>
        erase(
          volcengineEndpointBackend(
            region,
            keysWhere<{ zoneId?: unknown; privateIp?: unknown }>(
              zones,
              (z) => z.zoneId,
              (z) => typeof z.privateIp === "string",
            ),
          ),
        ),
    },
    endpointService: {
      schema: endpointServiceSchema,
      fields: serviceFields,
      tags: VOLCENGINE_TAG_LIMITS.endpointService,
      outputs: [
        "serviceId",
        "status",
        "state",
        "businessStatus",
        "endpointServiceName",
        "serviceDomain",
        "serviceOwner",
        "zoneIds",
        "connections",
        "createdAt",
        "updatedAt",
      ],
      backend: ({ region, resources }) =>
        erase(
          volcengineServiceBackend(
            region,
            keysWhere<{ resourceId?: unknown; zoneIds?: unknown }>(
              resources,
              (r) => r.resourceId,
              (r) => Array.isArray(r.zoneIds) && r.zoneIds.length > 0,
            ),
          ),
        ),
    },
    connection: {
      schema: connectionSchema,
      fields: connectionFields,
      tags: NO_TAGS,
      outputs: ["status", "state", "endpointOwner", "endpointVpcId", "privateIp", "createdAt", "updatedAt"],
      unsettled: connectionUnsettled,
      backend: ({ region, accepted }) => erase(volcengineConnectionBackend(region, accepted === true)),
    },
  },
};

/** The documented arguments and the schemas name the same inputs (a drift fails the build). */
export const ARGS_MATCH = [true, true, true] as const satisfies [
  ArgsMatch<VolcengineVpcEndpointArgs, typeof endpointSchema.shape>,
  ArgsMatch<VolcengineVpcEndpointConnectionArgs, typeof connectionSchema.shape>,
  ArgsMatch<VolcengineVpcEndpointServiceArgs, typeof endpointServiceSchema.shape>,
];
