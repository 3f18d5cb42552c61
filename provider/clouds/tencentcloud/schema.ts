/**
 * Inputs of Tencent Cloud Private Link endpoints and endpoint services (vpc 2017-03-12).
 * @link https://www.tencentcloud.com/document/api/215/54679
 */
import { z } from "zod";
import { ipv6Problem, isStandardIpv4, isStandardIpv6 } from "../../schema/addresses.js";
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
import { TENCENT_TAG_LIMITS } from "./tag-limits.js";

export const LABEL = "Tencent Cloud";

/** The regions CreateVpcEndPoint is documented for (seed 000). */
export const TENCENT_REGIONS = [
  "ap-bangkok",
  "ap-beijing",
  "ap-chengdu",
  "ap-chongqing",
  "ap-guangzhou",
  "ap-hongkong",
  "ap-jakarta",
  "ap-nanjing",
  "ap-seoul",
  "ap-shanghai",
  "ap-shanghai-fsi",
  "ap-shenzhen-fsi",
  "ap-singapore",
  "ap-tokyo",
  "eu-frankfurt",
  "na-ashburn",
  "na-siliconvalley",
  "sa-saopaulo",
] as const;

/** `ServiceInstanceId` per `ServiceType`: the backend's own id form. */
export const SERVICE_INSTANCE_PREFIX = { CLB: "lb", CDB: "cdb", CRS: "crs", GWLB: "gwlb" } as const;
export const SERVICE_TYPES = ["CLB", "CDB", "CRS", "GWLB"] as const;
export const IP_ADDRESS_TYPES = ["Ipv4", "Ipv6"] as const;

export const TENCENT_LIMITS = {
  /** `EndPointName` and `EndPointServiceName`: at most 60 characters. */
  name: { maxLength: 60 },
  vpcId: /^vpc-[a-z0-9]{8}$/,
  subnetId: /^subnet-[a-z0-9]{8}$/,
  securityGroupId: /^sg-[a-z0-9]{8}$/,
  endpointServiceId: /^vpcsvc-[a-z0-9]{8}$/,
  endpointId: /^vpce-[a-z0-9]{8}$/,
  serviceInstanceId: /^(?:lb|cdb|crs|gwlb)-[a-z0-9]{8}$/,
  /** Account UIN for the service whitelist. */
  uin: /^\d{5,20}$/,
} as const;

const L = TENCENT_LIMITS;
const region = oneOf(TENCENT_REGIONS);
const name = z
  .string()
  .min(1, { error: "must not be empty" })
  .max(L.name.maxLength, { error: `must be at most ${L.name.maxLength} characters` });
const ipAddressType = oneOf(IP_ADDRESS_TYPES).default("Ipv4");

/** An IPv4 or IPv6 address in standard form; which one must match `ipAddressType`. */
const vip = z.string().superRefine((v, ctx) => {
  if (isStandardIpv4(v)) return;
  if (v.includes(":")) {
    const problem = ipv6Problem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    return;
  }
  ctx.addIssue({
    code: "custom",
    message: `must be an IPv4 address in dotted-decimal form such as 10.0.0.8, without leading zeros, or an IPv6 address (got "${v}")`,
  });
});

function vipMatchesFamily(values: Record<string, unknown>): RuleIssue[] {
  const ip = values.privateIp;
  if (typeof ip !== "string") return [];
  const wantsV6 = values.ipAddressType === "Ipv6";
  if (wantsV6 === isStandardIpv6(ip)) return [];
  return [
    {
      path: ["privateIp"],
      message: `must be an ${wantsV6 ? "IPv6" : "IPv4"} address, as ipAddressType is ${String(values.ipAddressType)} (got "${ip}")`,
    },
  ];
}

function instanceMatchesType(values: Record<string, unknown>): RuleIssue[] {
  const type = values.serviceType as keyof typeof SERVICE_INSTANCE_PREFIX;
  const prefix = SERVICE_INSTANCE_PREFIX[type];
  const id = String(values.serviceInstanceId);
  if (prefix === undefined || id.startsWith(`${prefix}-`)) return [];
  return [
    {
      path: ["serviceInstanceId"],
      message: `must be a ${type} instance id such as ${prefix}-abcd1234, as serviceType is ${type} (got "${id}")`,
    },
  ];
}

export const endpointSchema = inputSchema({
  shape: {
    cloud: z.literal("tencentcloud"),
    region,
    vpcId: patterned(L.vpcId, "a VPC id such as vpc-abcd1234"),
    subnetId: patterned(L.subnetId, "a subnet id such as subnet-abcd1234"),
    serviceId: patterned(L.endpointServiceId, "an endpoint service id such as vpcsvc-abcd1234"),
    name,
    ipAddressType,
    privateIp: vip.optional(),
    // Ordered: the first group is the primary one and the order is the priority.
    securityGroupIds: orderedList(
      patterned(L.securityGroupId, "a security group id such as sg-abcd1234"),
      undefined,
      "security groups",
    ).default([]),
    tags: tagsSchema(TENCENT_TAG_LIMITS.endpoint, LABEL, "endpoint").default({}),
    waitForAcceptance,
    ...lifecycleFields,
    adoptId: patterned(L.endpointId, "an endpoint id such as vpce-abcd1234").optional(),
  },
  rules: [{ fields: ["privateIp", "ipAddressType"], check: vipMatchesFamily }],
});

export const endpointServiceSchema = inputSchema({
  shape: {
    cloud: z.literal("tencentcloud"),
    region,
    vpcId: patterned(L.vpcId, "a VPC id such as vpc-abcd1234"),
    serviceType: oneOf(SERVICE_TYPES).default("CLB"),
    serviceInstanceId: patterned(
      L.serviceInstanceId,
      "a backend instance id such as lb-abcd1234 (CLB), cdb-… (CDB), crs-… (CRS) or gwlb-… (GWLB)",
    ),
    serviceName: name,
    approvalRequired: z.boolean().default(true),
    permissions: stringSet(patterned(L.uin, "an account UIN (digits)"), undefined, "permissions").default([]),
    ipAddressType,
    tags: tagsSchema(TENCENT_TAG_LIMITS.endpointService, LABEL, "endpointService").default({}),
    ...lifecycleFields,
    adoptId: patterned(L.endpointServiceId, "an endpoint service id such as vpcsvc-abcd1234").optional(),
  },
  rules: [{ fields: ["serviceInstanceId", "serviceType"], check: instanceMatchesType }],
});

/** The service owner's decision on one endpoint of the service. */
export const connectionSchema = inputSchema({
  shape: {
    cloud: z.literal("tencentcloud"),
    region,
    serviceId: patterned(L.endpointServiceId, "an endpoint service id such as vpcsvc-abcd1234"),
    endpointId: patterned(L.endpointId, "an endpoint id such as vpce-abcd1234"),
    accepted: z.boolean().default(true),
    timeouts: timeoutsSchema,
  },
});

export type TencentConnectionInputs = z.output<z.ZodObject<typeof connectionSchema.shape>>;
export type TencentEndpointInputs = z.output<z.ZodObject<typeof endpointSchema.shape>>;
export type TencentServiceInputs = z.output<z.ZodObject<typeof endpointServiceSchema.shape>>;
