/**
 * The Tencent Cloud VPC endpoint registration (API 3.0, `vpc` 2017-03-12): the Tencent module,
 * the Tencent default keys, its `vpcep:tencentcloud*` provider config and CLI port 18081.
 */
import { defineCloud } from "../../core/registration.js";
import { TENCENT_CREDENTIALS } from "./credentials.js";
import { TENCENT_CLOUD } from "./models.js";
import { createTencentModule } from "./module.js";

export type { TencentCredential } from "./credentials.js";

/** Tencent Cloud VPC endpoints (Private Link). */
export const tencentcloud = defineCloud({
  name: TENCENT_CLOUD,
  label: "Tencent Cloud VPC endpoint",
  credentials: TENCENT_CREDENTIALS,
  providerConfig: {
    entries: (url, credential) => ({
      "vpcep:tencentcloudEndpoint": url,
      "vpcep:tencentcloudSecretId": credential.secretId,
      "vpcep:tencentcloudSecretKey": credential.secretKey,
    }),
    secretKeys: ["vpcep:tencentcloudSecretKey"],
  },
  cli: { portVariable: "VPCEP_EMULATOR_TENCENTCLOUD_PORT", defaultPort: 18081 },
  options: {},
  createModule: createTencentModule,
});
