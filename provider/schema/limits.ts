/**
 * Every limit the clouds document for the inputs we send, defined once: the provider's check and the
 * policy pack both read this table.
 */
import type { CloudName } from "../core/errors.js";

export type ResourceKind = "endpoint" | "endpointService";

/** A cloud's rules for tags on one kind of resource. */
export interface TagLimits {
  maxCount: number;
  keyMinLength: number;
  keyMaxLength: number;
  valueMinLength: number;
  valueMaxLength: number;
  /** Characters allowed in keys and values, and the rule in words. */
  charset: RegExp;
  charsetDescription: string;
  /** Prefixes reserved by the cloud, compared case-insensitively. */
  reservedPrefixes: readonly string[];
  /** No leading or trailing space. */
  noEdgeSpaces: boolean;
}

/**
 * Huawei Cloud: key 1–36, value 0–43, anything except `=*<>\,|/`.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0201.html
 */
const huaweiTags = (maxCount: number): TagLimits => ({
  maxCount,
  keyMinLength: 1,
  keyMaxLength: 36,
  valueMinLength: 0,
  valueMaxLength: 43,
  charset: /^[^=*<>\\,|/]*$/u,
  charsetDescription: "must not contain = * < > \\ , | /",
  reservedPrefixes: ["_sys_"],
  noEdgeSpaces: true,
});

/**
 * Tencent Cloud tag service: 50 per resource, key 1–127, value 1–255, reserved `qcs:` and `project`.
 * @link https://www.tencentcloud.com/document/product/651/13354
 */
const tencentTags: TagLimits = {
  maxCount: 50,
  keyMinLength: 1,
  keyMaxLength: 127,
  valueMinLength: 1,
  valueMaxLength: 255,
  charset: /^[\p{L}\p{N} +\-=._:/@()[\],;><【】]*$/u,
  charsetDescription: "may contain only letters, digits, spaces and + - = . _ : / @ ( ) [ ] , ; > < 【 】",
  reservedPrefixes: ["qcs:", "project", "项目"],
  noEdgeSpaces: true,
};

/**
 * Open Telekom Cloud: key 1–36, value 0–43, letters, digits, `-`, `_`, `@` only (narrower than Huawei's).
 * @link https://docs.otc.t-systems.com/vpc-endpoint/api-ref/apis/vpc_endpoints/creating_a_vpc_endpoint.html
 */
const otcTags = (maxCount: number): TagLimits => ({
  maxCount,
  keyMinLength: 1,
  keyMaxLength: 36,
  valueMinLength: 0,
  valueMaxLength: 43,
  charset: /^[A-Za-z0-9_@-]*$/u,
  charsetDescription: "may contain only letters, digits, '-', '_' and '@'",
  reservedPrefixes: ["_sys_"],
  noEdgeSpaces: true,
});

/**
 * Volcengine: key 1–128, value 0–256, reserved `volc:` and `sys:` in any case; tags go in one call of
 * at most 20 (`LimitExceeded.TagOperation`).
 * @link https://www.volcengine.com/docs/6401/123125
 */
const volcengineTags: TagLimits = {
  maxCount: 20,
  keyMinLength: 1,
  keyMaxLength: 128,
  valueMinLength: 0,
  valueMaxLength: 256,
  charset: /^[\p{L}\p{N} _.:/=+\-@]*$/u,
  charsetDescription: "may contain only letters, digits, spaces and _ . : / = + - @",
  reservedPrefixes: ["volc:", "sys:"],
  noEdgeSpaces: true,
};

/** The clouds whose tag rules are known: ours, plus those the policy pack checks in official packages. */
export type TagCloud = CloudName | "opentelekomcloud" | "volcengine";

export const TAG_CLOUD_LABEL: Record<TagCloud, string> = {
  huaweicloud: "Huawei Cloud",
  tencentcloud: "Tencent Cloud",
  opentelekomcloud: "Open Telekom Cloud",
  volcengine: "Volcengine",
};

export const TAG_LIMITS: Record<TagCloud, Record<ResourceKind, TagLimits>> = {
  // Endpoints take 20 tags, services 10 (OTC endpoint doc; Huawei and OTC service docs).
  huaweicloud: { endpoint: huaweiTags(20), endpointService: huaweiTags(10) },
  tencentcloud: { endpoint: tencentTags, endpointService: tencentTags },
  opentelekomcloud: { endpoint: otcTags(20), endpointService: otcTags(10) },
  volcengine: { endpoint: volcengineTags, endpointService: volcengineTags },
};

export const LIMITS = {
  huaweicloud: {
    /** `service_name`: 1–16 letters, digits, `_`, `-`. */
    serviceName: { maxLength: 16, pattern: /^[A-Za-z0-9_-]+$/ },
    description: { maxLength: 128, forbidden: /[<>]/ },
    maxPortMappings: 200,
    maxWhitelistEntries: 20,
    serverTypes: ["VM", "VIP", "LB"] as const,
    protocols: ["TCP", "UDP"] as const,
    tcpProxy: ["close", "toa_open", "proxy_open", "open", "proxy_vni"] as const,
    /** `iam:domain::<32 hex>`, `*`, or an organisation path. */
    permission: /^(\*|iam:domain::[0-9a-f]{32}|organizations:orgPath::(\*|[A-Za-z0-9/_-]+))$/,
    uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    region: /^[a-z]{2}(-[a-z]+)+-\d+$/,
  },
  tencentcloud: {
    /** `EndPointName` and `EndPointServiceName`: at most 60 characters. */
    name: { maxLength: 60 },
    serviceTypes: ["CLB", "CDB", "CRS", "GWLB"] as const,
    /** Undocumented for endpoints; 5 is the limit Tencent applies to instance security groups. */
    maxSecurityGroups: 5,
    vpcId: /^vpc-[a-z0-9]{8}$/,
    subnetId: /^subnet-[a-z0-9]{8}$/,
    securityGroupId: /^sg-[a-z0-9]{8}$/,
    endpointServiceId: /^vpcsvc-[a-z0-9]{8}$/,
    endpointId: /^vpce-[a-z0-9]{8}$/,
    /** Account UIN for the service whitelist. */
    uin: /^\d{5,20}$/,
    region: /^[a-z]{2}-[a-z]+(-[a-z]+)?(-\d+)?$/,
  },
  ports: { min: 1, max: 65535 },
} as const;
