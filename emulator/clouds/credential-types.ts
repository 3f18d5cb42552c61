/**
 * The public credential types of the clouds, re-exported by `emulator/index.ts` (the README
 * documents them). A new cloud adds its own type here only if it wants a public name for it;
 * `EMULATOR_CREDENTIALS` is typed from the registry either way.
 */
export type { HuaweiCredential } from "./huaweicloud/index.js";
export type { OpenTelekomCloudCredential } from "./opentelekomcloud/index.js";
export type { TencentCredential } from "./tencentcloud/index.js";
export type { VolcengineCredential } from "./volcengine/index.js";
