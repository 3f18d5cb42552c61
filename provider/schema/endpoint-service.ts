/** Inputs of `VpcEndpointService`, one branch per cloud, discriminated on `cloud`. */
import { z } from "zod";
import { lifecycleFields, patterned, stringSet, tagsSchema } from "./common.js";
import { LIMITS } from "./limits.js";

const HW = LIMITS.huaweicloud;
const TC = LIMITS.tencentcloud;
const uuid = patterned(HW.uuid, "a lowercase UUID");

const port = z
  .int({ error: "must be an integer" })
  .min(LIMITS.ports.min, { error: "must be between 1 and 65535" })
  .max(LIMITS.ports.max, { error: "must be between 1 and 65535" });

const portMapping = z.strictObject({
  clientPort: port,
  serverPort: port,
  protocol: z.enum(HW.protocols, { error: "must be TCP or UDP" }).default("TCP"),
});

/** Port mappings as a set, sorted so that order never shows as a diff. */
const portMappings = z
  .array(portMapping)
  .min(1, { error: "at least one port mapping is required" })
  .max(HW.maxPortMappings, { error: `at most ${HW.maxPortMappings} port mappings are allowed` })
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

export const huaweiServiceSchema = z.strictObject({
  cloud: z.literal("huaweicloud"),
  region: patterned(HW.region, "a Huawei Cloud region such as cn-north-4"),
  vpcId: uuid,
  portId: uuid,
  serverType: z.enum(HW.serverTypes, { error: "must be one of VM, VIP, LB" }),
  ports: portMappings,
  serviceName: z
    .string()
    .max(HW.serviceName.maxLength, { error: "must be at most 16 characters" })
    .regex(HW.serviceName.pattern, { error: "may contain only letters, digits, '_' and '-'" })
    .optional(),
  approvalRequired: z.boolean().default(true),
  permissions: stringSet(
    z
      .string()
      .refine((p) => p !== "iam:domain::*", {
        error: 'use "*" to allow every account; "iam:domain::*" is rejected by the API',
      })
      .pipe(patterned(HW.permission, 'iam:domain::<32-hex domain id>, organizations:orgPath::<path> or "*"')),
    undefined,
    "permissions",
  ).default([]),
  description: z
    .string()
    .max(HW.description.maxLength, { error: "must be at most 128 characters" })
    .refine((d) => !HW.description.forbidden.test(d), { error: "must not contain < or >" })
    .default(""),
  tcpProxy: z.enum(HW.tcpProxy, { error: `must be one of ${HW.tcpProxy.join(", ")}` }).default("close"),
  vipPortId: uuid.optional(),
  tags: tagsSchema("huaweicloud", "endpointService").default({}),
  ...lifecycleFields,
});

export const tencentServiceSchema = z.strictObject({
  cloud: z.literal("tencentcloud"),
  region: patterned(TC.region, "a Tencent Cloud region such as ap-guangzhou"),
  vpcId: patterned(TC.vpcId, "a VPC id such as vpc-abcd1234"),
  serviceInstanceId: z.string().min(1, { error: "must not be empty" }),
  serviceType: z
    .enum(TC.serviceTypes, { error: `must be one of ${TC.serviceTypes.join(", ")}` })
    .default("CLB"),
  serviceName: z
    .string()
    .min(1, { error: "must not be empty" })
    .max(TC.name.maxLength, { error: "must be at most 60 characters" }),
  approvalRequired: z.boolean().default(true),
  permissions: stringSet(patterned(TC.uin, "an account UIN (digits)"), undefined, "permissions").default([]),
  tags: tagsSchema("tencentcloud", "endpointService").default({}),
  ...lifecycleFields,
});

export const endpointServiceSchema = z.discriminatedUnion("cloud", [
  huaweiServiceSchema,
  tencentServiceSchema,
]);

export type HuaweiServiceInputs = z.output<typeof huaweiServiceSchema>;
export type TencentServiceInputs = z.output<typeof tencentServiceSchema>;
export type EndpointServiceInputs = z.output<typeof endpointServiceSchema>;
