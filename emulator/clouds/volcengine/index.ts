/**
 * The Volcengine PrivateLink registration (OpenAPI `privatelink` 2020-04-01): the Volcengine
 * module in the RPC family, the default keys, its `vpcep:volcengine*` provider config, CLI port
 * 18083 and its start options (the region of requests that name none, and how a replayed create
 * answers while its object is still being created).
 */
import { defineCloud } from "../../core/registration.js";
import { VOLCENGINE_CREDENTIALS } from "./credentials.js";
import { VOLCENGINE_CLOUD } from "./models.js";
import { createVolcengineModule } from "./module.js";

export type { VolcengineCredential } from "./credentials.js";
export { volcengineNetwork } from "./network.js";

/** The region of requests whose credential scope names none (unsigned calls with auth off). */
export const DEFAULT_VOLCENGINE_REGION = "cn-guangzhou";

// Shape only (`cn-guangzhou`, `cn-beijing`, `ap-southeast-1`).
const REGION = /^[a-z]{2}(-[a-z0-9]+)+$/;

const registration = defineCloud({
  name: VOLCENGINE_CLOUD,
  label: "Volcengine PrivateLink",
  credentials: VOLCENGINE_CREDENTIALS,
  providerConfig: {
    entries: (url, credential) => ({
      "vpcep:volcengineEndpoint": url,
      "vpcep:volcengineAccessKey": credential.accessKeyId,
      "vpcep:volcengineSecretKey": credential.secretAccessKey,
    }),
    secretKeys: ["vpcep:volcengineSecretKey"],
  },
  cli: { portVariable: "VPCEP_EMULATOR_VOLCENGINE_PORT", defaultPort: 18083 },
  options: {
    region: {
      description: "region of Volcengine requests whose credential scope names none",
      default: DEFAULT_VOLCENGINE_REGION,
      env: "VPCEP_EMULATOR_VOLCENGINE_REGION",
      validate(value) {
        if (!REGION.test(value)) throw new RangeError(`"${value}" is not a region name such as cn-guangzhou`);
      },
    },
    replayWhileCreating: {
      description:
        "a create replayed with the same ClientToken while its object is Creating: answer (its id) | processing (412 IdempotentProcessing)",
      default: "answer",
      env: "VPCEP_EMULATOR_VOLCENGINE_REPLAY",
      validate(value) {
        if (value !== "answer" && value !== "processing")
          throw new RangeError(`"${value}" is not answer or processing`);
      },
    },
  },
  createModule: createVolcengineModule,
});

/**
 * Volcengine PrivateLink. Its credential kind keeps the declared defaults' type, so the temporary
 * (STS) key is typed in `EMULATOR_CREDENTIALS.volcengine` next to the two accounts.
 */
export const volcengine: typeof registration & { readonly credentials: typeof VOLCENGINE_CREDENTIALS } = {
  ...registration,
  credentials: VOLCENGINE_CREDENTIALS,
};
