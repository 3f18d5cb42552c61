/** Inputs of `VpcEndpoint`, one branch per cloud, discriminated on `cloud`. */
import { z } from "zod";
import {
  ipv4AddressOrCidrSchema,
  ipv4AddressSchema,
  lifecycleFields,
  patterned,
  stringSet,
  tagsSchema,
} from "./common.js";
import { LIMITS } from "./limits.js";

const HW = LIMITS.huaweicloud;
const TC = LIMITS.tencentcloud;
const uuid = patterned(HW.uuid, "a lowercase UUID");

/** Waiting for the service owner's approval is opt-in: by default a pending request is success. */
const waitForAcceptance = z.boolean().default(false);

export const huaweiEndpointSchema = z
  .strictObject({
    cloud: z.literal("huaweicloud"),
    region: patterned(HW.region, "a Huawei Cloud region such as cn-north-4"),
    vpcId: uuid,
    subnetId: uuid,
    serviceId: uuid,
    privateIp: ipv4AddressSchema.optional(),
    enableDns: z.boolean().default(false),
    whitelist: stringSet(ipv4AddressOrCidrSchema, HW.maxWhitelistEntries, "whitelist entries").default([]),
    enableWhitelist: z.boolean().optional(),
    description: z
      .string()
      .max(HW.description.maxLength, { error: "must be at most 128 characters" })
      .refine((d) => !HW.description.forbidden.test(d), { error: "must not contain < or >" })
      .default(""),
    tags: tagsSchema("huaweicloud", "endpoint").default({}),
    waitForAcceptance,
    ...lifecycleFields,
  })
  // A whitelist the user wrote is meant to be enforced; the API default (off) would silently ignore it.
  .transform((args) => ({ ...args, enableWhitelist: args.enableWhitelist ?? args.whitelist.length > 0 }));

export const tencentEndpointSchema = z.strictObject({
  cloud: z.literal("tencentcloud"),
  region: patterned(TC.region, "a Tencent Cloud region such as ap-guangzhou"),
  vpcId: patterned(TC.vpcId, "a VPC id such as vpc-abcd1234"),
  subnetId: patterned(TC.subnetId, "a subnet id such as subnet-abcd1234"),
  serviceId: patterned(TC.endpointServiceId, "an endpoint service id such as vpcsvc-abcd1234"),
  name: z
    .string()
    .min(1, { error: "must not be empty" })
    .max(TC.name.maxLength, { error: "must be at most 60 characters" }),
  privateIp: ipv4AddressSchema.optional(),
  securityGroupIds: stringSet(
    patterned(TC.securityGroupId, "a security group id such as sg-abcd1234"),
    TC.maxSecurityGroups,
    "security groups",
  ).default([]),
  tags: tagsSchema("tencentcloud", "endpoint").default({}),
  waitForAcceptance,
  ...lifecycleFields,
});

export const endpointSchema = z.discriminatedUnion("cloud", [huaweiEndpointSchema, tencentEndpointSchema]);

export type HuaweiEndpointInputs = z.output<typeof huaweiEndpointSchema>;
export type TencentEndpointInputs = z.output<typeof tencentEndpointSchema>;
export type EndpointInputs = z.output<typeof endpointSchema>;
