/**
 * The Huawei Cloud VPCEP registration: the family's module with the Huawei profile, the Huawei
 * default keys, its `vpcep:huaweicloud*` provider config, CLI port 18080 and the fallback region.
 */
import { defineCloud } from "../../core/registration.js";
import { createVpcepV1Module } from "../vpcep-v1/module.js";
import { HUAWEI_CREDENTIALS } from "./credentials.js";
import { HUAWEI_CLOUD, HUAWEI_PROFILE } from "./profile.js";

export type { HuaweiCredential } from "./credentials.js";

/** The region Huawei requests fall back to when the Host names none. */
export const DEFAULT_HUAWEICLOUD_REGION = "cn-north-4";

// Shape only (`cn-north-4`, `eu-west-0`, `eu-de`): the emulator serves any region.
const REGION = /^[a-z]{2}(-[a-z0-9]+)+$/;

/** Huawei Cloud VPCEP. */
export const huaweicloud = defineCloud({
  name: HUAWEI_CLOUD,
  label: "Huawei Cloud VPCEP",
  credentials: HUAWEI_CREDENTIALS,
  providerConfig: {
    entries: (url, credential) => ({
      "vpcep:huaweicloudEndpoint": url,
      "vpcep:huaweicloudAccessKey": credential.accessKey,
      "vpcep:huaweicloudSecretKey": credential.secretKey,
      "vpcep:huaweicloudProjectId": credential.projectId,
    }),
    secretKeys: ["vpcep:huaweicloudSecretKey"],
  },
  cli: { portVariable: "VPCEP_EMULATOR_HUAWEICLOUD_PORT", defaultPort: 18080 },
  options: {
    region: {
      description: "region of Huawei requests whose Host names none",
      default: DEFAULT_HUAWEICLOUD_REGION,
      env: "VPCEP_EMULATOR_HUAWEICLOUD_REGION",
      alias: "huaweicloudRegion",
      validate(value) {
        if (!REGION.test(value))
          throw new RangeError(`"${value}" is not a region name such as cn-north-4 or eu-west-0`);
      },
    },
  },
  createModule: (init) => createVpcepV1Module(HUAWEI_PROFILE, init),
});
