/**
 * The Open Telekom Cloud VPCEP registration: the family's module with the OTC profile, the OTC
 * default keys and IAM users, its `vpcep:opentelekomcloud*` provider config, CLI port 18082 and
 * the fallback region `eu-de`. The IAM (`POST /v3/auth/tokens`) answers on the same port, so the
 * provider's `vpcep:opentelekomcloudIamEndpoint` is the same URL as the endpoint.
 */
import { defineCloud } from "../../core/registration.js";
import { createVpcepV1Module } from "../vpcep-v1/module.js";
import { OTC_CREDENTIALS } from "./credentials.js";
import { OTC_CLOUD, OTC_PROFILE } from "./profile.js";

export type { OpenTelekomCloudCredential } from "./credentials.js";

/** The region OTC requests fall back to when the Host names none. */
export const DEFAULT_OPENTELEKOMCLOUD_REGION = "eu-de";

// VPCEP is in the catalogs of eu-de and eu-nl; the shape is checked, not the list.
const REGION = /^[a-z]{2}(-[a-z0-9]+)+$/;

/** Open Telekom Cloud VPCEP. */
export const opentelekomcloud = defineCloud({
  name: OTC_CLOUD,
  label: "Open Telekom Cloud VPCEP",
  credentials: OTC_CREDENTIALS,
  providerConfig: {
    entries: (url, credential) => ({
      "vpcep:opentelekomcloudEndpoint": url,
      "vpcep:opentelekomcloudAccessKey": credential.accessKey,
      "vpcep:opentelekomcloudSecretKey": credential.secretKey,
      "vpcep:opentelekomcloudProjectId": credential.projectId,
    }),
    secretKeys: ["vpcep:opentelekomcloudSecretKey"],
  },
  cli: { portVariable: "VPCEP_EMULATOR_OPENTELEKOMCLOUD_PORT", defaultPort: 18082 },
  options: {
    region: {
      description: "region of Open Telekom Cloud requests whose Host names none",
      default: DEFAULT_OPENTELEKOMCLOUD_REGION,
      env: "VPCEP_EMULATOR_OPENTELEKOMCLOUD_REGION",
      validate(value) {
        if (!REGION.test(value))
          throw new RangeError(`"${value}" is not a region name such as eu-de or eu-nl`);
      },
    },
  },
  createModule: (init) => createVpcepV1Module(OTC_PROFILE, init),
});
