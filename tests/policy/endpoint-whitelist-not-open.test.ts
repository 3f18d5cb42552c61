import { endpointWhitelistNotOpen } from "../../policy/policies/index.js";
import { runResourcePolicy, UNKNOWN } from "../support/policy.js";
import { ENDPOINT, huaweiEndpoint, tencentEndpoint } from "./resources.js";

const policy = endpointWhitelistNotOpen;
const check = (type: string, props: Record<string, unknown>) =>
  runResourcePolicy(policy, { type, name: "web", props });

describe("vpcep-endpoint-whitelist-not-open", () => {
  it("is mandatory", () => {
    expect(policy.name).toBe("vpcep-endpoint-whitelist-not-open");
    expect(policy.enforcementLevel).toBe("mandatory");
  });

  it("passes a whitelist of client CIDRs, and endpoints without one", async () => {
    expect((await check(ENDPOINT, huaweiEndpoint())).violations).toEqual([]);
    expect((await check(ENDPOINT, tencentEndpoint())).violations).toEqual([]);
  });

  it("reports 0.0.0.0/0 in a whitelist, which the provider's check accepts and enables", async () => {
    const props = huaweiEndpoint({}, { whitelist: ["0.0.0.0/0", "10.0.0.0/8"] });
    expect(props.enableWhitelist).toBe(true);
    const outcome = await check(ENDPOINT, props);
    expect(outcome.violations).toEqual([
      'VpcEndpoint "web": whitelist[0] = "0.0.0.0/0" admits every address while the whitelist is enabled; list the client CIDRs instead.',
    ]);
  });

  it("reports 0.0.0.0/0 in the enabled whitelist of an official OTC endpoint", async () => {
    const type = "opentelekomcloud:index/vpcepEndpointV1:VpcepEndpointV1";
    expect((await check(type, { enableWhitelist: true, whitelists: ["0.0.0.0/0"] })).violations).toEqual([
      'VpcepEndpointV1 "web": whitelists[0] = "0.0.0.0/0" admits every address while the whitelist is enabled; list the client CIDRs instead.',
    ]);
  });

  it("reports ::/0 on the official Huawei endpoint when enabled, and not when disabled (its default)", async () => {
    const type = "huaweicloud:Vpcep/endpoint:Endpoint";
    expect((await check(type, { enableWhitelist: true, whitelists: ["::/0"] })).violations).toEqual([
      'Endpoint "web": whitelists[0] = "::/0" admits every address while the whitelist is enabled; list the client CIDRs instead.',
    ]);
    expect((await check(type, { whitelists: ["::/0"] })).violations).toEqual([]);
    expect((await check(type, { enableWhitelist: false, whitelists: ["0.0.0.0/0"] })).violations).toEqual([]);
  });

  it("leaves a disabled whitelist alone", async () => {
    expect(
      (await check(ENDPOINT, huaweiEndpoint({ whitelist: ["0.0.0.0/0"], enableWhitelist: false })))
        .violations,
    ).toEqual([]);
  });

  it("judges the known entries when some are unknown, and waits when the flag is unknown", async () => {
    const partly = await check(
      ENDPOINT,
      huaweiEndpoint({ whitelist: [UNKNOWN, "0.0.0.0/0"], enableWhitelist: true }),
    );
    expect(partly.violations).toHaveLength(1);
    expect(
      await check(ENDPOINT, huaweiEndpoint({ whitelist: ["0.0.0.0/0"], enableWhitelist: UNKNOWN })),
    ).toEqual({ violations: [], urns: [] });
  });
});
