/**
 * Tencent Cloud Private Link (vpc 2017-03-12): the first member of the RPC family.
 * @link https://www.tencentcloud.com/document/api/215/54679
 */
import { erase } from "../../resources/backend.js";
import type { ArgsMatch, CloudModule } from "../cloud-module.js";
import { NO_TAGS } from "../../schema/tags.js";
import { connectionUnsettled } from "../common-connection.js";
import type {
  TencentVpcEndpointArgs,
  TencentVpcEndpointConnectionArgs,
  TencentVpcEndpointServiceArgs,
} from "./args.js";
import { connectionFields, tencentConnectionBackend } from "./connection.js";
import { endpointFields, tencentEndpointBackend } from "./endpoint.js";
import { serviceFields, tencentServiceBackend } from "./endpoint-service.js";
import { connectionSchema, endpointSchema, endpointServiceSchema, LABEL } from "./schema.js";
import { TENCENT_SETTINGS } from "./settings.js";
import { TENCENT_TAG_LIMITS } from "./tag-limits.js";

type Args = {
  endpoint: TencentVpcEndpointArgs;
  endpointService: TencentVpcEndpointServiceArgs;
  connection: TencentVpcEndpointConnectionArgs;
};

export const tencentcloud: CloudModule<"tencentcloud", Args> = {
  name: "tencentcloud",
  label: LABEL,
  settings: TENCENT_SETTINGS,
  resources: {
    endpoint: {
      schema: endpointSchema,
      fields: endpointFields,
      tags: TENCENT_TAG_LIMITS.endpoint,
      outputs: [
        "endpointId",
        "status",
        "state",
        "privateIp",
        "dnsNames",
        "endpointServiceName",
        "serviceVip",
        "serviceVpcId",
        "endpointOwner",
        "createdAt",
      ],
      backend: ({ region, ipAddressType }) => erase(tencentEndpointBackend(region, ipAddressType)),
    },
    endpointService: {
      schema: endpointServiceSchema,
      fields: serviceFields,
      tags: TENCENT_TAG_LIMITS.endpointService,
      outputs: [
        "serviceId",
        "status",
        "state",
        "endpointServiceName",
        "serviceVip",
        "serviceOwner",
        "connections",
        "createdAt",
      ],
      backend: ({ region, ipAddressType }) => erase(tencentServiceBackend(region, ipAddressType)),
    },
    connection: {
      schema: connectionSchema,
      fields: connectionFields,
      tags: NO_TAGS,
      outputs: ["status", "state", "endpointOwner", "privateIp", "endpointVpcId", "createdAt"],
      unsettled: connectionUnsettled,
      backend: ({ region, accepted }) => erase(tencentConnectionBackend(region, accepted === true)),
    },
  },
};

/** The documented arguments and the schemas name the same inputs (a drift fails the build). */
export const ARGS_MATCH = [true, true, true] as const satisfies [
  ArgsMatch<TencentVpcEndpointArgs, typeof endpointSchema.shape>,
  ArgsMatch<TencentVpcEndpointConnectionArgs, typeof connectionSchema.shape>,
  ArgsMatch<TencentVpcEndpointServiceArgs, typeof endpointServiceSchema.shape>,
];
