/**
 * Open Telekom Cloud settings: stack config `vpcep:opentelekomcloud*` first, then the `OS_*`
 * variables OTC's own tools (the Terraform provider, otcextensions, the OpenStack client) read.
 * Either access keys or a user's password; with a password the provider asks IAM for a
 * project-scoped token.
 */
import type { VpcepV1Settings } from "../vpcep-v1/profile.js";

export const OTC_SETTINGS = {
  accessKey: {
    key: "opentelekomcloudAccessKey",
    env: ["OS_ACCESS_KEY"],
    description: "Open Telekom Cloud access key (AK/SK authentication)",
  },
  secretKey: {
    key: "opentelekomcloudSecretKey",
    env: ["OS_SECRET_KEY"],
    description: "Open Telekom Cloud secret key (AK/SK authentication)",
    secret: true,
  },
  securityToken: {
    key: "opentelekomcloudSecurityToken",
    env: ["OS_SECURITY_TOKEN"],
    description: "Open Telekom Cloud security token of temporary AK/SK",
    secret: true,
  },
  projectId: {
    key: "opentelekomcloudProjectId",
    env: ["OS_PROJECT_ID"],
    description: "Open Telekom Cloud project id (required with AK/SK; with a password it comes from IAM)",
  },
  projectName: {
    key: "opentelekomcloudProjectName",
    env: ["OS_PROJECT_NAME"],
    description:
      "Project the password token is scoped to when no project id is set; default: the region (`eu-de`)",
  },
  userName: {
    key: "opentelekomcloudUserName",
    env: ["OS_USERNAME"],
    description: "Open Telekom Cloud IAM user name (password authentication)",
  },
  password: {
    key: "opentelekomcloudPassword",
    env: ["OS_PASSWORD"],
    description: "Open Telekom Cloud IAM user password (password authentication)",
    secret: true,
  },
  domainName: {
    key: "opentelekomcloudDomainName",
    env: ["OS_DOMAIN_NAME", "OS_USER_DOMAIN_NAME"],
    description: "Open Telekom Cloud account (domain) name of the user (password authentication)",
  },
  iamEndpoint: {
    key: "opentelekomcloudIamEndpoint",
    env: ["OS_AUTH_URL"],
    description:
      "IAM URL for password authentication, e.g. the emulator; default `https://iam.{region}.otc.t-systems.com/v3`",
  },
  endpoint: {
    key: "opentelekomcloudEndpoint",
    env: ["VPCEP_OPENTELEKOMCLOUD_ENDPOINT"],
    description: "Base URL override, e.g. the emulator; default `https://vpcep.{region}.otc.t-systems.com`",
  },
} as const satisfies VpcepV1Settings;
