import { endpointServiceNotPublic } from "../../policy/policies/index.js";
import { runResourcePolicy, UNKNOWN } from "../support/policy.js";
import { huaweiService, SERVICE, tencentService } from "./resources.js";

const policy = endpointServiceNotPublic;
const check = (type: string, props: Record<string, unknown>) =>
  runResourcePolicy(policy, { type, name: "orders", props });

describe("vpcep-endpoint-service-not-public", () => {
  it("is advisory", () => {
    expect(policy.name).toBe("vpcep-endpoint-service-not-public");
    expect(policy.enforcementLevel).toBe("advisory");
  });

  it("passes a service that requires approval, even with a wildcard", async () => {
    expect(
      (await check(SERVICE, huaweiService({ approvalRequired: true, permissions: ["*"] }))).violations,
    ).toEqual([]);
  });

  it("passes auto-accept with listed accounts only, and Tencent's whitelist of UINs", async () => {
    const listed = huaweiService({
      approvalRequired: false,
      permissions: ["iam:domain::0123456789abcdef0123456789abcdef"],
    });
    expect((await check(SERVICE, listed)).violations).toEqual([]);
    expect((await check(SERVICE, tencentService())).violations).toEqual([]);
  });

  it("reports auto-accept with a wildcard permission", async () => {
    const outcome = await check(
      SERVICE,
      huaweiService({
        approvalRequired: false,
        permissions: ["iam:domain::0123456789abcdef0123456789abcdef", "*"],
      }),
    );
    expect(outcome.violations).toEqual([
      'VpcEndpointService "orders": approvalRequired = false and permissions[1] = "*" let every account connect without approval; require approval or list the accounts allowed.',
    ]);
  });

  it("reports an organization-wide wildcard on the official Huawei service, whose approval defaults to off", async () => {
    const outcome = await check("huaweicloud:Vpcep/service:Service", {
      organizationPermissions: ["organizations:orgPath::*"],
    });
    expect(outcome.violations).toEqual([
      'Service "orders": approval = false and organizationPermissions[0] = "organizations:orgPath::*" let every account in the organization connect without approval; require approval or list the accounts allowed.',
    ]);
  });

  it("takes OTC's default of approval on", async () => {
    const type = "opentelekomcloud:index/vpcepServiceV1:VpcepServiceV1";
    expect((await check(type, { whitelists: ["*"] })).violations).toEqual([]);
    expect((await check(type, { approvalEnabled: false, whitelists: ["*"] })).violations).toHaveLength(1);
  });

  it("does not guess while the approval flag is unknown", async () => {
    expect(await check(SERVICE, huaweiService({ approvalRequired: UNKNOWN, permissions: ["*"] }))).toEqual({
      violations: [],
      urns: [],
    });
  });
});
