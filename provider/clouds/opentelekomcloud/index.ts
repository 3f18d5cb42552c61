/**
 * Open Telekom Cloud: the second profile of the VPCEP v1 family, under `/v1/{project_id}` of
 * `vpcep.{region}.otc.t-systems.com`. AK/SK requests are signed in the scoped `Credential=…`
 * form OTC's tooling sends; a user's password yields an IAM token instead. OTC has no endpoint PUT
 * (whitelist changes replace), no organisation paths, no `vip_port_id`, 20 tags of a narrow
 * charset, and no `server_type` filter on the service list.
 * @link https://docs.otc.t-systems.com/vpc-endpoint/api-ref/
 */
import type { Clock } from "../../core/clock.js";
import { ValidationError } from "../../core/errors.js";
import type { SignableRequest } from "../../core/http.js";
import { readSettings, settingSource } from "../../core/settings.js";
import type { ArgsMatch } from "../cloud-module.js";
import { sdkDate } from "../huaweicloud/sign.js";
import { akskAuth, type AkSk } from "../vpcep-v1/aksk.js";
import { vpcepV1Module } from "../vpcep-v1/module.js";
import type { VpcepV1Auth, VpcepV1Profile } from "../vpcep-v1/profile.js";
import type { connectionSchema, endpointSchema, ServiceShapeOf } from "../vpcep-v1/schema.js";
import type { OtcVpcEndpointArgs, OtcVpcEndpointConnectionArgs, OtcVpcEndpointServiceArgs } from "./args.js";
import { passwordAuth } from "./iam.js";
import { OTC_SETTINGS } from "./settings.js";
import { scopedAuthorization } from "./sign.js";
import { OTC_TAG_LIMITS } from "./tag-limits.js";

/** The service name in the credential scope. */
const SERVICE = "vpcep";

/** Signed like OTC's tooling: the project id travels beside the signature, unsigned. */
function sign(request: SignableRequest, keys: AkSk, region: string, clock: Clock): void {
  const headers = request.headers;
  headers["content-type"] = "application/json";
  headers["host"] = request.url.host;
  headers["x-sdk-date"] = sdkDate(new Date(clock.now()));
  delete headers["authorization"];
  delete headers["x-auth-token"];
  const signed = {
    "content-type": headers["content-type"],
    host: headers["host"],
    "x-sdk-date": headers["x-sdk-date"],
  };
  headers["authorization"] = scopedAuthorization(
    {
      method: request.method,
      path: request.url.pathname,
      query: request.url.search.replace(/^\?/, ""),
      headers: signed,
      body: request.body,
    },
    keys,
    region,
    SERVICE,
  );
  headers["x-project-id"] = keys.projectId;
  if (keys.securityToken) headers["x-security-token"] = keys.securityToken;
}

type OtcSetting = keyof typeof OTC_SETTINGS;

const where = (keys: OtcSetting[]) =>
  keys.map((k) => `"vpcep:${OTC_SETTINGS[k].key}" / ${OTC_SETTINGS[k].env.join(" / ")}`).join(", ");

const AKSK: OtcSetting[] = ["accessKey", "secretKey", "projectId"];
const PASSWORD: OtcSetting[] = ["userName", "password", "domainName"];

/**
 * Which way to authenticate: the one stack config names wins over the environment as a whole, so
 * keys left in a shell never switch a stack configured for a password to another identity (and the
 * reverse); with nothing in config, the environment's, access keys first.
 */
function method(): "aksk" | "password" | undefined {
  const given = (keys: OtcSetting[], source: "config" | "env") =>
    keys.slice(0, 2).some((k) => settingSource(OTC_SETTINGS[k]) === source);
  for (const source of ["config", "env"] as const) {
    if (given(AKSK, source)) return "aksk";
    if (given(PASSWORD, source)) return "password";
  }
  return undefined;
}

/** Access keys or a user's password, as {@link method} decides; an error naming what is missing. */
function auth(region: string, clock: Clock): VpcepV1Auth {
  const s = readSettings(OTC_SETTINGS);
  const chosen = method();
  if (chosen === "aksk") {
    const absent = AKSK.filter((k) => !s[k]);
    if (absent.length > 0) {
      throw new ValidationError(
        `Open Telekom Cloud AK/SK authentication needs ${where(absent)}${absent.includes("projectId") && s.projectName ? " (a project name is used only with a password: set the project id)" : ""}`,
      );
    }
    const keys: AkSk = {
      accessKey: s.accessKey!,
      secretKey: s.secretKey!,
      projectId: s.projectId!,
      securityToken: s.securityToken,
      endpoint: s.endpoint,
    };
    return akskAuth(keys, (request, k) => sign(request, k, region, clock));
  }
  if (chosen === "password") {
    const absent = PASSWORD.filter((k) => !s[k]);
    if (absent.length > 0) {
      throw new ValidationError(`Open Telekom Cloud password authentication needs ${where(absent)}`);
    }
    return passwordAuth(
      {
        iamEndpoint: s.iamEndpoint ?? `https://iam.${region}.otc.t-systems.com/v3`,
        userName: s.userName!,
        password: s.password!,
        domainName: s.domainName!,
        project: s.projectId ? { id: s.projectId } : { name: s.projectName ?? region },
        endpoint: s.endpoint,
      },
      clock,
    );
  }
  throw new ValidationError(
    `missing Open Telekom Cloud credentials: set access keys (${where(AKSK)}) or a password (${where(PASSWORD)})`,
  );
}

export const otcProfile = {
  name: "opentelekomcloud",
  label: "Open Telekom Cloud",
  settings: OTC_SETTINGS,
  defaultBaseUrl: (region: string) => `https://vpcep.${region}.otc.t-systems.com`,
  // VPCEP is in the service catalogs of eu-de and eu-nl only (the Swiss cloud, eu-ch2, has other
  // hosts and no documented VPCEP).
  region: { pattern: /^eu-(de|nl)$/, example: "eu-de" },
  auth,
  tags: OTC_TAG_LIMITS,
  serverTypes: ["LB", "VM", "VIP", "BMS"],
  deprecatedServerTypes: ["VIP", "BMS"],
  endpointUpdate: false,
  routeTablesUpdate: false,
  orgPathPermissions: false,
  vipPortId: false,
  serviceListFilters: { serverType: false },
} as const satisfies VpcepV1Profile<"opentelekomcloud">;

type Args = {
  endpoint: OtcVpcEndpointArgs;
  endpointService: OtcVpcEndpointServiceArgs;
  connection: OtcVpcEndpointConnectionArgs;
};

export const opentelekomcloud = vpcepV1Module<"opentelekomcloud", Args>(otcProfile);

/** The documented arguments and the schemas name the same inputs (a drift fails the build). */
export const ARGS_MATCH = [true, true, true] as const satisfies [
  ArgsMatch<OtcVpcEndpointArgs, ReturnType<typeof endpointSchema<"opentelekomcloud">>["shape"]>,
  ArgsMatch<OtcVpcEndpointConnectionArgs, ReturnType<typeof connectionSchema<"opentelekomcloud">>["shape"]>,
  ArgsMatch<OtcVpcEndpointServiceArgs, ServiceShapeOf<typeof otcProfile>>,
];
