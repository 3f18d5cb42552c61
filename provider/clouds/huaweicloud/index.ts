/**
 * Huawei Cloud: the first profile of the VPCEP v1 family. AK/SK requests are signed in the
 * `SDK-HMAC-SHA256 Access=…` form of Huawei's SDKs, under `/v1/{project_id}` of
 * `vpcep.{region}.myhuaweicloud.com`.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_02_0001.html
 */
import type { Clock } from "../../core/clock.js";
import type { SignableRequest } from "../../core/http.js";
import type { ArgsMatch } from "../cloud-module.js";
import { vpcepV1Module } from "../vpcep-v1/module.js";
import type { connectionSchema, endpointSchema, endpointServiceSchema } from "../vpcep-v1/schema.js";
import type {
  HuaweiVpcEndpointArgs,
  HuaweiVpcEndpointConnectionArgs,
  HuaweiVpcEndpointServiceArgs,
} from "./args.js";
import { readSettings } from "../../core/settings.js";
import { akskAuth, type AkSk } from "../vpcep-v1/aksk.js";
import type { VpcepV1Profile, VpcepV1Settings } from "../vpcep-v1/profile.js";
import { authorization, sdkDate } from "./sign.js";
import { HUAWEI_TAG_LIMITS } from "./tag-limits.js";

/** The headers Huawei's SDKs sign, in this order when present. */
const SIGNED_HEADERS = ["content-type", "host", "x-project-id", "x-sdk-date", "x-security-token"];

function sign(request: SignableRequest, keys: AkSk, clock: Clock): void {
  const headers = request.headers;
  headers["content-type"] = "application/json";
  headers["host"] = request.url.host;
  headers["x-project-id"] = keys.projectId;
  headers["x-sdk-date"] = sdkDate(new Date(clock.now()));
  if (keys.securityToken) headers["x-security-token"] = keys.securityToken;
  delete headers["authorization"];
  const signed: Record<string, string | undefined> = {};
  for (const name of SIGNED_HEADERS) if (headers[name] !== undefined) signed[name] = headers[name];
  headers["authorization"] = authorization(
    {
      method: request.method,
      path: request.url.pathname,
      query: request.url.search.replace(/^\?/, ""),
      headers: signed,
      body: request.body,
    },
    keys.accessKey,
    keys.secretKey,
  );
}

const HUAWEI_SETTINGS = {
  accessKey: {
    key: "huaweicloudAccessKey",
    env: ["HW_ACCESS_KEY", "HUAWEICLOUD_SDK_AK"],
    description: "Huawei Cloud access key",
    required: true,
  },
  secretKey: {
    key: "huaweicloudSecretKey",
    env: ["HW_SECRET_KEY", "HUAWEICLOUD_SDK_SK"],
    description: "Huawei Cloud secret key",
    required: true,
    secret: true,
  },
  projectId: {
    key: "huaweicloudProjectId",
    env: ["HW_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID"],
    description: "Huawei Cloud project id",
    required: true,
  },
  securityToken: {
    key: "huaweicloudSecurityToken",
    env: ["HW_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN"],
    description: "Huawei Cloud security token of temporary AK/SK",
    secret: true,
  },
  endpoint: {
    key: "huaweicloudEndpoint",
    env: ["VPCEP_HUAWEICLOUD_ENDPOINT"],
    description: "Base URL override, e.g. the emulator; default `https://vpcep.{region}.myhuaweicloud.com`",
  },
} as const satisfies VpcepV1Settings;

export const huaweiProfile = {
  name: "huaweicloud",
  label: "Huawei Cloud",
  settings: HUAWEI_SETTINGS,
  defaultBaseUrl: (region: string) => `https://vpcep.${region}.myhuaweicloud.com`,
  region: { pattern: /^[a-z]{2}(-[a-z]+)+-\d+$/, example: "cn-north-4" },
  auth: (_region: string, clock: Clock) =>
    akskAuth(readSettings(HUAWEI_SETTINGS), (request, keys) => sign(request, keys, clock)),
  tags: HUAWEI_TAG_LIMITS,
  serverTypes: ["VM", "VIP", "LB"],
  deprecatedServerTypes: [],
  endpointUpdate: true,
  routeTablesUpdate: true,
  orgPathPermissions: true,
  vipPortId: true,
  serviceListFilters: { serverType: true },
} as const satisfies VpcepV1Profile<"huaweicloud">;

type Args = {
  endpoint: HuaweiVpcEndpointArgs;
  endpointService: HuaweiVpcEndpointServiceArgs;
  connection: HuaweiVpcEndpointConnectionArgs;
};

export const huaweicloud = vpcepV1Module<"huaweicloud", Args>(huaweiProfile);

/** The documented arguments and the schemas name the same inputs (a drift fails the build). */
export const ARGS_MATCH = [true, true, true] as const satisfies [
  ArgsMatch<HuaweiVpcEndpointArgs, ReturnType<typeof endpointSchema<"huaweicloud">>["shape"]>,
  ArgsMatch<HuaweiVpcEndpointConnectionArgs, ReturnType<typeof connectionSchema<"huaweicloud">>["shape"]>,
  ArgsMatch<HuaweiVpcEndpointServiceArgs, ReturnType<typeof endpointServiceSchema<"huaweicloud">>["shape"]>,
];
