/**
 * Huawei Cloud, the first profile of the VPCEP v1 family: `vpcep.{region}.myhuaweicloud.com`,
 * the `Access=` signature form, endpoint PUT (IP whitelist), organisation-path permissions, the
 * service doc's tag rules (anything but `=*<>\,|/`; 20 per endpoint, 10 per service) and
 * `enable_policy` in service answers.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0201.html
 */
import { GATEWAY_CODES } from "../vpcep-v1/errors.js";
import type { TagRules, VpcepV1Profile } from "../vpcep-v1/profile.js";
import { HUAWEI_SIGNATURE } from "./signature.js";

/** The cloud's registry name. */
export const HUAWEI_CLOUD = "huaweicloud" as const;

const huaweiTags = (maxCount: number): TagRules => ({
  maxCount,
  keyMaxLength: 36,
  valueMaxLength: 43,
  charset: /^[^=*<>\\,|/]*$/u,
  noEdgeSpaces: true,
  charsetDescription: "must not contain = * < > \\ , | /",
});

/** The Huawei profile. */
export const HUAWEI_PROFILE: VpcepV1Profile = {
  cloud: HUAWEI_CLOUD,
  models: { endpoint: "huawei::vpcep_endpoint", service: "huawei::vpcep_service" },
  host: /^vpcep\.([a-z0-9-]+)\.myhuaweicloud\.com(?::\d+)?$/i,
  dnsZone: (region) => `vpcep.${region}.myhuaweicloud.com`,
  signatures: [HUAWEI_SIGNATURE],
  features: {
    endpointUpdate: true,
    endpointPolicyAndRoutes: true,
    connectionDescriptions: true,
    // Huawei's IAM is a separate host the emulator does not serve; X-Auth-Token is refused.
    keystoneTokens: false,
  },
  fields: {
    permissionType: true,
    serviceVipPortId: true,
    serviceListServerType: true,
    endpointCreateAddresses: true,
    serviceEnablePolicy: true,
  },
  permissionTypes: ["domainId", "orgPath"],
  // Seed 003: "A maximum of 10 tags can be added to each VPC endpoint service"; endpoints take 20.
  tags: { endpoint: huaweiTags(20), service: huaweiTags(10) },
  // VIP is documented but "cannot be used"; the API still takes it.
  serverTypes: ["VM", "VIP", "LB"],
  // Without a code, a throttle fault is the gateway's 429 APIG.0308 (Huawei and OTC FAQs).
  throttle: GATEWAY_CODES.Throttled,
};
