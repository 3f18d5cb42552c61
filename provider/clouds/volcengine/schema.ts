/**
 * Inputs of Volcengine PrivateLink endpoints and endpoint services (privatelink 2020-04-01), with
 * the limits of the CreateVpcEndpoint reference (seed 001) and the fact sheet. Volcengine
 * documents no reserved range: none applies here (the policy pack enforces the org-wide rule).
 * @link https://www.volcengine.com/docs/6980/155899
 */
import { z } from "zod";
import { isStandardIpv4 } from "../../schema/addresses.js";
import {
  lifecycleFields,
  oneOf,
  orderedList,
  patterned,
  stringSet,
  timeoutsSchema,
  waitForAcceptance,
} from "../../schema/common.js";
import { inputSchema, type RuleIssue } from "../../schema/input-schema.js";
import { tagsSchema } from "../../schema/tags.js";
import { VOLCENGINE_TAG_LIMITS } from "./tag-limits.js";

export const LABEL = "Volcengine";

/**
 * Regions of Volcengine's SDK region list. PrivateLink is documented for cn-beijing and
 * cn-guangzhou (seed 001, fact sheet); the others are listed by the SDK, unverified for PrivateLink.
 */
export const VOLCENGINE_REGIONS = [
  "cn-beijing",
  "cn-shanghai",
  "cn-guangzhou",
  "cn-hongkong",
  "ap-southeast-1",
  "ap-southeast-3",
] as const;

/** `ServiceResourceType` values, and the id prefix of each backend kind. */
export const SERVICE_RESOURCE_TYPES = ["CLB", "ALB", "RDSMySQL"] as const;
export const RESOURCE_ID_PREFIX = { CLB: "clb", ALB: "alb", RDSMySQL: "mysql" } as const;

/**
 * Letters, digits or Chinese characters (the CJK Unified Ideographs block U+4E00–U+9FA5 that
 * Volcengine's own validators spell out): how names and descriptions must start.
 */
const LEAD = "A-Za-z0-9\\u4e00-\\u9fa5";

export const VOLCENGINE_LIMITS = {
  /** `EndpointName`: 1–128; starts with a letter, digit or Chinese character; then also `. _ -`. */
  name: { maxLength: 128, pattern: new RegExp(`^(?:[${LEAD}][${LEAD}._-]*)?$`, "u") },
  /** `Description`: 0–255; starts like a name; then also `, . _ space = - ，。`. */
  description: { maxLength: 255, pattern: new RegExp(`^(?:[${LEAD}][${LEAD},._ =\\-，。]*)?$`, "u") },
  securityGroups: { min: 1, max: 5 },
  zones: { min: 1, max: 10 },
  /** `Resources.N` of CreateVpcEndpointService, N = 1–20 (the quota is 100 per zone). */
  resources: { min: 1, max: 20 },
  projectName: /^[A-Za-z0-9_.-]{1,64}$/,
  vpcId: /^vpc-[a-z0-9]{6,40}$/,
  subnetId: /^subnet-[a-z0-9]{6,40}$/,
  securityGroupId: /^sg-[a-z0-9]{6,40}$/,
  endpointId: /^ep-[a-z0-9]{6,40}$/,
  serviceId: /^epsvc-[a-z0-9]{6,40}$/,
  resourceId: /^(?:clb|alb|mysql)-[a-z0-9]{6,40}$/,
  /** `com.volces.privatelink.<region>.<service id>`, or a custom name of the service. */
  serviceName: /^[A-Za-z0-9][A-Za-z0-9.-]{0,254}$/,
  zoneId: /^[a-z]{2}-[a-z]+(?:-\d+)?-?[a-z]$/,
  /** Volcengine account ids (`PermitAccountId`) are digits. */
  accountId: /^\d{1,20}$/,
  privateDnsName:
    /^(?=.{1,253}$)(?:\*\.)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/,
} as const;

const L = VOLCENGINE_LIMITS;
const region = oneOf(VOLCENGINE_REGIONS);

const name = z
  .string()
  .min(1, { error: "must not be empty" })
  .max(L.name.maxLength, { error: `must be at most ${L.name.maxLength} characters` })
  .regex(L.name.pattern, {
    error:
      "must start with a letter, digit or Chinese character and contain only letters, digits, Chinese characters and . _ -",
  });

const description = z
  .string()
  .max(L.description.maxLength, { error: `must be at most ${L.description.maxLength} characters` })
  .regex(L.description.pattern, {
    error:
      "must start with a letter, digit or Chinese character and contain only letters, digits, Chinese characters, spaces and , . _ = - ， 。",
  })
  .default("");

const projectName = patterned(L.projectName, "a project name of 1–64 letters, digits, _ . -").optional();

const zoneId = patterned(L.zoneId, "a zone id such as cn-guangzhou-a");

/** A fixed address in the zone's subnet: IPv4, dotted decimal. */
const privateIp = z.string().superRefine((value, ctx) => {
  if (!isStandardIpv4(value)) {
    ctx.addIssue({
      code: "custom",
      message: `must be an IPv4 address in dotted-decimal form such as 10.0.0.8, without leading zeros (got "${value}")`,
    });
  }
});

/** Items of a list keyed by one field: each key once, reported on the duplicate's key. */
function uniqueBy<T>(key: (item: T) => string, keyName: string, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = key(item);
      if (seen.has(value))
        ctx.addIssue({ code: "custom", path: [index, keyName], message: `duplicate ${what} "${value}"` });
      seen.add(value);
    });
  };
}

function sizeBetween(min: number, max: number, what: string) {
  return (items: readonly unknown[], ctx: z.RefinementCtx) => {
    if (items.length < min || items.length > max) {
      ctx.addIssue({
        code: "custom",
        message: `must list ${min === max ? min : `${min} to ${max}`} ${what} (got ${items.length})`,
      });
    }
  };
}

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** One zone of an endpoint: its subnet there, and optionally a fixed address in that subnet. */
const zone = z.strictObject({
  zoneId,
  subnetId: patterned(L.subnetId, "a subnet id such as subnet-2fe630gurkl37k5gfuy3"),
  privateIp: privateIp.optional(),
});

/** A set keyed by zone: one entry per zone, sorted, so order never shows as a change. */
const zones = z
  .array(zone)
  .superRefine(sizeBetween(L.zones.min, L.zones.max, "zones"))
  .superRefine(uniqueBy((z: { zoneId: string }) => z.zoneId, "zoneId", "zone"))
  .transform((items) => [...items].sort(byKey((z) => z.zoneId)));

/** One backend of a service, optionally limited to some of its zones. */
const resource = z.strictObject({
  resourceId: patterned(L.resourceId, "a load balancer or database id such as clb-2fe630gurkl37k5gfuy3"),
  // An empty list would mean "no zone"; the API reads absence as "every zone of the backend".
  zoneIds: stringSet(zoneId, undefined, "zones")
    .refine((ids) => ids.length > 0, { error: "must list at least one zone; leave it out for all of them" })
    .optional(),
});

const resources = z
  .array(resource)
  .superRefine(sizeBetween(L.resources.min, L.resources.max, "resources"))
  .superRefine(uniqueBy((r: { resourceId: string }) => r.resourceId, "resourceId", "resource"))
  .transform((items) => [...items].sort(byKey((r) => r.resourceId)));

function zonesInRegion(values: Record<string, unknown>, given: Record<string, unknown>): RuleIssue[] {
  const region = String(values.region);
  const issues: RuleIssue[] = [];
  const check = (id: unknown, path: (string | number)[]) => {
    if (typeof id === "string" && !id.startsWith(region))
      issues.push({ path, message: `must be a zone of ${region} such as ${region}-a (got "${id}")` });
  };
  ((given.zones as { zoneId: string }[] | undefined) ?? []).forEach((z, i) =>
    check(z.zoneId, ["zones", i, "zoneId"]),
  );
  ((given.resources as { zoneIds?: string[] }[] | undefined) ?? []).forEach((r, i) =>
    (r.zoneIds ?? []).forEach((id, j) => check(id, ["resources", i, "zoneIds", j])),
  );
  return issues;
}

/** The service id inside a name of the standard form, if it is one. */
export function serviceIdInName(serviceName: string): string | undefined {
  return /^com\.volces\.privatelink\.[a-z0-9-]+\.(epsvc-[a-z0-9]+)$/.exec(serviceName)?.[1];
}

function serviceNamedOnce(values: Record<string, unknown>): RuleIssue[] {
  const { serviceId, serviceName } = values as { serviceId?: string; serviceName?: string };
  if (serviceId === undefined && serviceName === undefined) {
    return [{ path: ["serviceId"], message: "is required unless serviceName is given" }];
  }
  const inRegion = serviceName && /^com\.volces\.privatelink\.([a-z0-9-]+)\./.exec(serviceName)?.[1];
  if (inRegion && values.region !== undefined && inRegion !== values.region) {
    return [
      {
        path: ["serviceName"],
        message: `names a service of ${inRegion}; an endpoint in ${String(values.region)} connects to services of its own region`,
      },
    ];
  }
  const named = serviceName === undefined ? undefined : serviceIdInName(serviceName);
  if (serviceId !== undefined && named !== undefined && named !== serviceId) {
    return [
      {
        path: ["serviceName"],
        message: `names service ${named}, but serviceId is ${serviceId}: give one of them, or two that agree`,
      },
    ];
  }
  return [];
}

function resourcesMatchType(values: Record<string, unknown>, given: Record<string, unknown>): RuleIssue[] {
  const type = values.serviceResourceType as keyof typeof RESOURCE_ID_PREFIX;
  const prefix = RESOURCE_ID_PREFIX[type];
  if (prefix === undefined) return [];
  const issues: RuleIssue[] = [];
  ((given.resources as { resourceId: string }[] | undefined) ?? []).forEach((r, i) => {
    if (!r.resourceId.startsWith(`${prefix}-`)) {
      issues.push({
        path: ["resources", i, "resourceId"],
        message: `must be a ${type} id such as ${prefix}-2fe630gurkl37k5gfuy3, as serviceResourceType is ${type} (got "${r.resourceId}")`,
      });
    }
  });
  return issues;
}

/** Private DNS serves a name: enabling it without one is refused (`MissingParameter PrivateDNSName`). */
function privateDnsNamed(values: Record<string, unknown>): RuleIssue[] {
  return values.privateDnsEnabled === true && values.privateDnsName === undefined
    ? [{ path: ["privateDnsName"], message: "is required when privateDnsEnabled is true" }]
    : [];
}

export const endpointSchema = inputSchema({
  shape: {
    cloud: z.literal("volcengine"),
    region,
    vpcId: patterned(L.vpcId, "a VPC id such as vpc-13fpdgwk7rxfk3n6nu44wisg7"),
    serviceId: patterned(
      L.serviceId,
      "an endpoint service id such as epsvc-2d72mvzvfvz5s58ozfe3v4nm3",
    ).optional(),
    serviceName: patterned(
      L.serviceName,
      "an endpoint service name such as com.volces.privatelink.cn-guangzhou.epsvc-2d72mvzvfvz5s58ozfe3v4nm3",
    ).optional(),
    // Ordered: the groups are bound in this order (SecurityGroupIds.1 first).
    securityGroupIds: orderedList(
      patterned(L.securityGroupId, "a security group id such as sg-bp67acfmxazb4p"),
      undefined,
      "security groups",
    ).superRefine(sizeBetween(L.securityGroups.min, L.securityGroups.max, "security groups")),
    zones,
    name: name.optional(),
    description,
    privateDnsEnabled: z.boolean().default(false),
    projectName,
    tags: tagsSchema(VOLCENGINE_TAG_LIMITS.endpoint, LABEL, "endpoint").default({}),
    waitForAcceptance,
    ...lifecycleFields,
    adoptId: patterned(L.endpointId, "an endpoint id such as ep-273yuq6q7bgn47fap8squ").optional(),
  },
  rules: [
    { fields: ["region", "serviceId", "serviceName"], check: serviceNamedOnce },
    { fields: ["region", "zones"], check: zonesInRegion },
  ],
});

export const endpointServiceSchema = inputSchema({
  shape: {
    cloud: z.literal("volcengine"),
    region,
    resources,
    serviceResourceType: oneOf(SERVICE_RESOURCE_TYPES).default("CLB"),
    approvalRequired: z.boolean().default(true),
    permissions: stringSet(
      patterned(L.accountId, "a Volcengine account id (digits)"),
      undefined,
      "permissions",
    ).default([]),
    description,
    privateDnsEnabled: z.boolean().default(false),
    privateDnsName: patterned(L.privateDnsName, "a domain name such as api.example.com").optional(),
    projectName,
    tags: tagsSchema(VOLCENGINE_TAG_LIMITS.endpointService, LABEL, "endpointService").default({}),
    ...lifecycleFields,
    adoptId: patterned(
      L.serviceId,
      "an endpoint service id such as epsvc-2d72mvzvfvz5s58ozfe3v4nm3",
    ).optional(),
  },
  rules: [
    { fields: ["resources", "serviceResourceType"], check: resourcesMatchType },
    { fields: ["region", "resources"], check: zonesInRegion },
    { fields: ["privateDnsEnabled", "privateDnsName"], check: privateDnsNamed },
  ],
});

/** The service owner's decision on one endpoint of the service. */
export const connectionSchema = inputSchema({
  shape: {
    cloud: z.literal("volcengine"),
    region,
    serviceId: patterned(L.serviceId, "an endpoint service id such as epsvc-2d72mvzvfvz5s58ozfe3v4nm3"),
    endpointId: patterned(L.endpointId, "an endpoint id such as ep-273yuq6q7bgn47fap8squ"),
    accepted: z.boolean().default(true),
    timeouts: timeoutsSchema,
  },
});

export type VolcengineConnectionInputs = z.output<z.ZodObject<typeof connectionSchema.shape>>;
export type VolcengineEndpointInputs = z.output<z.ZodObject<typeof endpointSchema.shape>>;
export type VolcengineServiceInputs = z.output<z.ZodObject<typeof endpointServiceSchema.shape>>;
