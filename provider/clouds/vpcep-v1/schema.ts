/**
 * Inputs of the VPCEP v1 family's endpoints and endpoint services, built from a profile: input
 * names are the same on Huawei Cloud and OTC wherever the API is, so a program moves between them
 * by changing `cloud` and ids.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0201.html
 * @link https://docs.otc.t-systems.com/vpc-endpoint/api-ref/apis/vpc_endpoints/creating_a_vpc_endpoint.html
 */
import { z } from "zod";
import { ipv4Address, ipv4AddressOrCidr } from "../../schema/addresses.js";
import {
  lifecycleFields,
  oneOf,
  patterned,
  stringSet,
  timeoutsSchema,
  waitForAcceptance,
} from "../../schema/common.js";
import { inputSchema, type RuleIssue } from "../../schema/input-schema.js";
import { tagsSchema } from "../../schema/tags.js";
import type { VpcepV1Profile } from "./profile.js";

/** Limits the family documents, the same on every profile. */
export const VPCEP_V1_LIMITS = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  /** `service_name`: 1–16 letters, digits, `_`, `-`. */
  serviceName: { maxLength: 16, pattern: /^[A-Za-z0-9_-]+$/ },
  description: { maxLength: 128, forbidden: /[<>]/ },
  maxPortMappings: 200,
  /** `EndPoint.2045` beyond this (Huawei provider docs). */
  maxWhitelistEntries: 20,
  /** Seed 003 and the current OTC doc: "The protocol can be TCP". */
  protocols: ["TCP"] as const,
  tcpProxy: ["close", "toa_open", "proxy_open", "open", "proxy_vni"] as const,
  ports: { min: 1, max: 65535 },
} as const;

const L = VPCEP_V1_LIMITS;
const uuid = patterned(L.uuid, "a lowercase UUID");

const description = z
  .string()
  .max(L.description.maxLength, { error: `must be at most ${L.description.maxLength} characters` })
  .refine((d) => !L.description.forbidden.test(d), { error: "must not contain < or >" })
  .default("");

const port = z
  .int({ error: "must be an integer" })
  .min(L.ports.min, { error: "must be between 1 and 65535" })
  .max(L.ports.max, { error: "must be between 1 and 65535" });

const portMapping = z.strictObject({
  clientPort: port,
  serverPort: port,
  protocol: oneOf(L.protocols).default("TCP"),
});

/** Port mappings as a set, sorted so that order never shows as a diff. */
const portMappings = z
  .array(portMapping)
  .min(1, { error: "at least one port mapping is required" })
  .max(L.maxPortMappings, { error: `at most ${L.maxPortMappings} port mappings are allowed` })
  .superRefine((mappings, ctx) => {
    const seen = new Map<string, number>();
    mappings.forEach((m, index) => {
      const key = `${m.protocol}/${m.clientPort}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [index, "clientPort"],
          message: `duplicate ${m.protocol} client port ${m.clientPort} (also in ports[${first}])`,
        });
      } else seen.set(key, index);
    });
  })
  .transform((mappings) =>
    [...mappings].sort(
      (a, b) =>
        a.protocol.localeCompare(b.protocol) || a.clientPort - b.clientPort || a.serverPort - b.serverPort,
    ),
  );

/** `iam:domain::<32 hex>` or a bare `*`, and on Huawei organisation paths. */
function permissionSchema(profile: VpcepV1Profile) {
  const domain = "iam:domain::[0-9a-f]{32}";
  const org = profile.orgPathPermissions ? "|organizations:orgPath::(?:\\*|[A-Za-z0-9/_-]+)" : "";
  const pattern = new RegExp(`^(?:\\*|${domain}${org})$`);
  const rule = profile.orgPathPermissions
    ? 'iam:domain::<32-hex domain id>, organizations:orgPath::<path> or "*"'
    : 'iam:domain::<32-hex domain id> or "*"';
  return z
    .string()
    .refine((p) => p !== "iam:domain::*", {
      error: 'use "*" to allow every account; "iam:domain::*" is refused by the API (EndPoint.3002)',
    })
    .pipe(patterned(pattern, rule));
}

function region(profile: VpcepV1Profile) {
  return patterned(profile.region.pattern, `a ${profile.label} region such as ${profile.region.example}`);
}

/** Interface endpoints take an address from a subnet; gateway endpoints route through route tables. */
function subnetUnlessGateway(values: Record<string, unknown>): RuleIssue[] {
  const gateway = Array.isArray(values.routeTableIds) && values.routeTableIds.length > 0;
  return values.subnetId === undefined && !gateway
    ? [
        {
          path: ["subnetId"],
          message:
            "is required (interface endpoints); only a gateway endpoint with routeTableIds goes without",
        },
      ]
    : [];
}

/** A VPC endpoint; the endpoint address must lie outside the range the family reserves. */
export function endpointSchema<Name extends string>(profile: VpcepV1Profile<Name>) {
  return inputSchema({
    shape: {
      cloud: z.literal(profile.name),
      region: region(profile),
      vpcId: uuid,
      subnetId: uuid.optional(),
      serviceId: uuid,
      privateIp: ipv4Address({ reserved: true }).optional(),
      enableDns: z.boolean().default(false),
      whitelist: stringSet(ipv4AddressOrCidr, L.maxWhitelistEntries, "whitelist entries").default([]),
      enableWhitelist: z.boolean().optional(),
      routeTableIds: stringSet(uuid, undefined, "route tables").optional(),
      description,
      tags: tagsSchema(profile.tags.endpoint, profile.label, "endpoint").default({}),
      waitForAcceptance,
      ...lifecycleFields,
      adoptId: uuid.optional(),
    },
    rules: [{ fields: ["subnetId", "routeTableIds"], check: subnetUnlessGateway }],
    derived: [
      {
        // A whitelist the user wrote is meant to be enforced; the API default (off) would ignore it.
        field: "enableWhitelist",
        from: ["whitelist"],
        value: (v) => Array.isArray(v.whitelist) && v.whitelist.length > 0,
      },
    ],
  });
}

/** A VPC endpoint service in front of a load balancer, VM or virtual IP. */
export function endpointServiceSchema<Name extends string>(profile: VpcepV1Profile<Name>) {
  const schema = inputSchema({
    shape: {
      cloud: z.literal(profile.name),
      region: region(profile),
      vpcId: uuid,
      portId: uuid,
      serverType: oneOf(profile.serverTypes),
      ports: portMappings,
      serviceName: z
        .string()
        .min(1, { error: "must not be empty" })
        .max(L.serviceName.maxLength, { error: `must be at most ${L.serviceName.maxLength} characters` })
        .regex(L.serviceName.pattern, { error: "may contain only letters, digits, '_' and '-'" })
        .optional(),
      // The API's default is true; it is always sent so that no default can differ.
      approvalRequired: z.boolean().default(true),
      permissions: stringSet(permissionSchema(profile), undefined, "permissions").default([]),
      description,
      tcpProxy: oneOf(L.tcpProxy).default("close"),
      vipPortId: uuid.optional(),
      tags: tagsSchema(profile.tags.endpointService, profile.label, "endpointService").default({}),
      ...lifecycleFields,
      adoptId: uuid.optional(),
    },
  });
  // Only where the API takes it; OTC removed it from the service calls (2023-05-25).
  if (!profile.vipPortId) delete (schema.shape as Partial<typeof schema.shape>).vipPortId;
  return schema;
}

/** The service owner's decision on one endpoint of the service (both UUIDs). */
export function connectionSchema<Name extends string>(profile: VpcepV1Profile<Name>) {
  return inputSchema({
    shape: {
      cloud: z.literal(profile.name),
      region: region(profile),
      serviceId: uuid,
      endpointId: uuid,
      accepted: z.boolean().default(true),
      timeouts: timeoutsSchema,
    },
  });
}

export type VpcepConnectionInputs = z.output<z.ZodObject<ReturnType<typeof connectionSchema>["shape"]>>;

export type VpcepEndpointInputs = z.output<z.ZodObject<ReturnType<typeof endpointSchema>["shape"]>> & {
  enableWhitelist: boolean;
};
export type VpcepServiceInputs = z.output<z.ZodObject<ReturnType<typeof endpointServiceSchema>["shape"]>>;

type FullServiceShape<Name extends string> = ReturnType<typeof endpointServiceSchema<Name>>["shape"];

/** A profile's service inputs as types: without `vipPortId` where the API dropped it. */
export type ServiceShapeOf<P extends VpcepV1Profile> = P["vipPortId"] extends true
  ? FullServiceShape<P["name"]>
  : Omit<FullServiceShape<P["name"]>, "vipPortId">;
