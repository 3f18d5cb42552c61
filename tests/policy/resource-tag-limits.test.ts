import { CLOUD_NAMES, kindLabel, TAG_CLOUD_LABEL, TAG_LIMITS } from "pulumi-vpcep/schema";
import { resourceTagLimits } from "../../policy/policies/index.js";
import { runResourcePolicy, UNKNOWN } from "../support/policy.js";
import {
  ENDPOINT,
  huaweiEndpoint,
  huaweiService,
  SERVICE,
  tencentEndpoint,
  tencentService,
} from "./resources.js";

const policy = resourceTagLimits;
const check = (type: string, props: Record<string, unknown>, config = {}) =>
  runResourcePolicy(policy, { type, name: "tagged", props }, config);
const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
/** Four UTF-16 units but one character: the clouds count lengths in Unicode code points. */
const KEY = "🔑";
const OTC_SERVICE = "opentelekomcloud:index/vpcepServiceV1:VpcepServiceV1";

describe("vpcep-resource-tag-limits", () => {
  it("is mandatory with requiredKeys and maxCount config", () => {
    expect(policy.name).toBe("vpcep-resource-tag-limits");
    expect(policy.enforcementLevel).toBe("mandatory");
    expect(Object.keys(policy.configSchema!.properties!)).toEqual(["requiredKeys", "maxCount"]);
  });

  it("passes compliant tags on both kinds and both clouds", async () => {
    for (const [type, props] of [
      [ENDPOINT, huaweiEndpoint()],
      [ENDPOINT, tencentEndpoint()],
      [SERVICE, huaweiService()],
      [SERVICE, tencentService()],
    ] as const) {
      expect((await check(type, props, { requiredKeys: ["team"] })).violations).toEqual([]);
    }
  });

  it("uses each cloud's count per kind: a Huawei service takes 10, a Huawei endpoint 20", async () => {
    expect((await check(ENDPOINT, huaweiEndpoint({ tags: many(20) }))).violations).toEqual([]);
    expect((await check(SERVICE, huaweiService({ tags: many(11) }))).violations).toEqual([
      'VpcEndpointService "tagged": tags: at most 10 tags are allowed on a Huawei Cloud VPC endpoint service (got 11).',
    ]);
    expect((await check(SERVICE, tencentService({ tags: many(11) }))).violations).toEqual([]);
  });

  it("gives an OTC endpoint service 20 tags, as the current OTC docs do (raised from 10 in 2021)", async () => {
    expect((await check(OTC_SERVICE, { tags: many(20) })).violations).toEqual([]);
    expect((await check(OTC_SERVICE, { tags: many(21) })).violations).toEqual([
      'VpcepServiceV1 "tagged": tags: at most 20 tags are allowed on a Open Telekom Cloud VPC endpoint service (got 21).',
    ]);
  });

  it("counts lengths in code points: a Huawei key of 36 emoji passes check and policy, 37 fails", async () => {
    const longest = KEY.repeat(36);
    expect(longest).toHaveLength(72);
    const fits = huaweiEndpoint({}, { tags: { [longest]: "v".repeat(43) } });
    expect((await check(ENDPOINT, fits)).violations).toEqual([]);
    const over = KEY.repeat(37);
    expect((await check(ENDPOINT, huaweiEndpoint({ tags: { [over]: "v" } }))).violations).toEqual([
      `VpcEndpoint "tagged": tags["${over}"] = "v": tag key must be at most 36 characters (got 37).`,
    ]);
  });

  it("knows the cloud of our resources from the provider's registry, with that cloud's limits", async () => {
    for (const cloud of CLOUD_NAMES) {
      const max = TAG_LIMITS[cloud].endpoint.maxCount;
      const props = { ...huaweiEndpoint(), cloud, tags: many(max + 1) };
      expect((await check(ENDPOINT, props)).violations).toEqual([
        `VpcEndpoint "tagged": tags: at most ${max} tags are allowed on a ${TAG_CLOUD_LABEL[cloud]} ${kindLabel("endpoint")} (got ${max + 1}).`,
      ]);
    }
    // A name the registry does not manage is refused by check; the policy has no rules for it.
    expect((await check(ENDPOINT, { ...huaweiEndpoint(), cloud: "aws", tags: many(60) })).violations).toEqual(
      [],
    );
  });

  it.each([
    [
      ENDPOINT,
      huaweiEndpoint({ tags: { ["k".repeat(37)]: "v" } }),
      `tags["${"k".repeat(37)}"] = "v": tag key must be at most 36 characters (got 37).`,
    ],
    [
      ENDPOINT,
      huaweiEndpoint({ tags: { env: "a|b" } }),
      'tags["env"] = "a|b": tag value must not contain = * < > \\ , | /.',
    ],
    [
      ENDPOINT,
      huaweiEndpoint({ tags: { _sys_owner: "x" } }),
      'tags["_sys_owner"] = "x": tag key must not start with "_sys_", reserved by Huawei Cloud.',
    ],
    [
      SERVICE,
      tencentService({ tags: { "qcs:env": "x" } }),
      'tags["qcs:env"] = "x": tag key must not start with "qcs:", reserved by Tencent Cloud.',
    ],
    [SERVICE, tencentService({ tags: { env: "" } }), 'tags["env"] = "": tag value must not be empty.'],
  ])("reports a broken rule on %s", async (type, props, expected) => {
    const outcome = await check(type, props);
    expect(outcome.violations).toEqual([
      `${type === ENDPOINT ? "VpcEndpoint" : "VpcEndpointService"} "tagged": ${expected}`,
    ]);
  });

  it("reports the tag keys the platform requires, and a lower maximum", async () => {
    const outcome = await check(ENDPOINT, huaweiEndpoint({ tags: { a: "1", b: "2", c: "3" } }), {
      requiredKeys: ["team", "cost-center", "a"],
      maxCount: 2,
    });
    expect(outcome.violations).toEqual([
      'VpcEndpoint "tagged": tags has 3 tags; policy config allows at most 2 on a Huawei Cloud VPC endpoint (maxCount).',
      'VpcEndpoint "tagged": tags lacks "team", "cost-center"; policy config requires these tag keys (requiredKeys).',
    ]);
  });

  it("never raises the cloud's own maximum", async () => {
    const outcome = await check(SERVICE, huaweiService({ tags: many(11) }), { maxCount: 40 });
    expect(outcome.violations).toHaveLength(1);
    expect(outcome.violations[0]).toContain("at most 10 tags");
  });

  it("applies the cloud's rules to the official packages' endpoints: OTC and Huawei maps", async () => {
    const otc = await check("opentelekomcloud:index/vpcepEndpointV1:VpcepEndpointV1", {
      tags: { "team name": "x" },
    });
    expect(otc.violations).toEqual([
      `VpcepEndpointV1 "tagged": tags["team name"] = "x": tag key may contain only letters, digits, '-', '_' and '@'.`,
    ]);
    const hw = await check("huaweicloud:Vpcep/service:Service", { tags: many(11) });
    expect(hw.violations).toEqual([
      expect.stringContaining("at most 10 tags are allowed on a Huawei Cloud VPC endpoint service"),
    ]);
  });

  it("judges what is known during preview and leaves counts and required keys for later", async () => {
    const unknownTags = await check(ENDPOINT, huaweiEndpoint({ tags: UNKNOWN }), { requiredKeys: ["team"] });
    expect(unknownTags).toEqual({ violations: [], urns: [] });
    const partly = await check(ENDPOINT, huaweiEndpoint({ tags: { team: UNKNOWN, _sys_x: "1" } }), {
      requiredKeys: ["owner"],
    });
    expect(partly.violations).toEqual([expect.stringContaining('tag key must not start with "_sys_"')]);
    expect(partly.couldNotRun).toBeUndefined();
    const unknownCloud = await check(ENDPOINT, { ...huaweiEndpoint({ tags: many(30) }), cloud: UNKNOWN });
    expect(unknownCloud.violations).toEqual([]);
  });
});
