/**
 * Open Telekom Cloud, the second profile of the VPCEP v1 family (shared/reference/seed-audit.md
 * B.2; the current OTC API reference wins over the seeds' older editions): hosts
 * `vpcep.{region}.otc.t-systems.com`; three ways in (Huawei's `Access=` form, OTC's scoped
 * `Credential=…/sdk_request` form and Keystone tokens from the IAM on the same port); no endpoint
 * PUT, policy or route-table updates and no connection descriptions; domain permissions only, with
 * no `permission_type` field; tags of `[A-Za-z0-9_@-]`, 20 per resource of either kind; server types
 * LB, VM, VIP and BMS; no `vip_port_id` on services; a create-endpoint answer without `ip` and
 * `dns_names`; no `server_type` filter on the service list; `EndPoint.0022` (HTTP 400) when
 * throttled.
 * @link https://docs.otc.t-systems.com/vpc-endpoint/api-ref/
 */
import { HUAWEI_SIGNATURE } from "../huaweicloud/signature.js";
import { V1Errors } from "../vpcep-v1/errors.js";
import type { TagRules, VpcepV1Profile } from "../vpcep-v1/profile.js";
import { OTC_SCOPED_SIGNATURE } from "./signature.js";

/** The cloud's registry name. */
export const OTC_CLOUD = "opentelekomcloud" as const;

// Endpoint and service docs alike: "It can contain only digits, letters, hyphens (-), underscores
// (_), and at signs (@)"; 20 tags per resource since 2021-02-05 (seed 004 still says 10).
const OTC_TAGS: TagRules = {
  maxCount: 20,
  keyMaxLength: 36,
  valueMaxLength: 43,
  charset: /^[A-Za-z0-9_@-]*$/,
  noEdgeSpaces: true,
  charsetDescription: "may contain only letters, digits, -, _ and @",
};

/** The OTC profile. */
export const OTC_PROFILE: VpcepV1Profile = {
  cloud: OTC_CLOUD,
  models: { endpoint: "otc::vpcep_endpoint", service: "otc::vpcep_service" },
  host: /^vpcep\.([a-z0-9-]+)\.otc\.t-systems\.com(?::\d+)?$/i,
  dnsZone: (region) => `vpcep.${region}.otc.t-systems.com`,
  // OTC's tooling signs the scoped form; Huawei's form is expected to work too (unverified on OTC).
  signatures: [OTC_SCOPED_SIGNATURE, HUAWEI_SIGNATURE],
  features: {
    endpointUpdate: false,
    endpointPolicyAndRoutes: false,
    connectionDescriptions: false,
    keystoneTokens: true,
  },
  fields: {
    permissionType: false,
    // Removed from service create and modify on 2023-05-25; cidr_type left the answers in 2022.
    serviceVipPortId: false,
    serviceListServerType: false,
    endpointCreateAddresses: false,
    serviceEnablePolicy: false,
  },
  permissionTypes: ["domainId"],
  tags: { endpoint: OTC_TAGS, service: OTC_TAGS },
  // VIP and BMS are documented as deprecated, but the API still lists them.
  serverTypes: ["LB", "VM", "VIP", "BMS"],
  // VPCEP's own rate limit, HTTP 400 (not 429).
  throttle: V1Errors.RateLimited,
};
