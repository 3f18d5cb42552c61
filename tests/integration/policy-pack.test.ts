/**
 * The real policy pack, served as the CLI serves it, over the Analyzer gRPC protocol: its info and
 * config, and programs run through the engine-protocol runner, whose Analyze and AnalyzeStack
 * requests come from real resource registrations. The quickstart passes; the example that breaks
 * every rule is reported rule by rule; preview unknowns raise nothing; our own resources pass the
 * provider's check with what only the organisation forbids, and the pack stops them.
 */
import {
  providerConfig,
  PROVIDER_SECRET_KEYS,
  startEmulator,
  type RunningEmulator,
} from "../../emulator/index.js";
import { networkReservedRange, endpointWhitelistNotOpen } from "../../policy/policies/index.js";
import { PolicyAnalyzer } from "../engine/analyzer.js";
import type { OperationReport } from "../engine/cli.js";
import { FAST, type Declared } from "../support/engine.js";
import { POLICY_PACK, runWithPolicies, violationsOf } from "../support/policy-engine.js";
import {
  ENDPOINT,
  HUAWEI_ENDPOINT_ARGS,
  huaweiEndpoint,
  TENCENT_ENDPOINT_ARGS,
} from "../policy/resources.js";

const QUICKSTART = "dist/examples/quickstart/index.js";
const VIOLATIONS = "dist/examples/policy-violations/index.js";
/** The test program whose resources come from config `fixture:resources`. */
const DECLARED = "dist/tests/fixtures/programs/declared.js";

describe("the policy pack over the analyzer protocol", () => {
  let analyzer: PolicyAnalyzer;
  beforeAll(async () => {
    analyzer = await PolicyAnalyzer.start({ packDir: POLICY_PACK });
  });
  afterAll(() => analyzer.close());

  it("describes itself: name, version, every policy with its level and config schema", async () => {
    const info = await analyzer.info();
    expect(info.name).toBe("vpcep");
    expect(info.version).toBe("0.1.0");
    expect(info.supportsConfig).toBe(true);
    const levels = Object.fromEntries(info.policies.map((p) => [p.name, p.enforcementLevel]));
    expect(levels).toEqual({
      "vpcep-network-reserved-range": "mandatory",
      "vpcep-endpoint-network-reserved-range": "mandatory",
      "vpcep-resource-tag-limits": "mandatory",
      "vpcep-endpoint-service-not-public": "advisory",
      "vpcep-endpoint-whitelist-not-open": "mandatory",
      "vpcep-endpoint-service-port-conflict": "mandatory",
      "vpcep-endpoint-service-connections-declared": "advisory",
    });
    const tags = info.policies.find((p) => p.name === "vpcep-resource-tag-limits")!;
    expect(Object.keys((tags.configSchema as { properties: object }).properties).sort()).toEqual([
      "maxCount",
      "requiredKeys",
    ]);
    for (const policy of info.policies) expect(policy.description).toMatch(/\.$/);
  });

  it("reports a violation with the pack's name, the level and the message", async () => {
    const result = await analyzer.analyze({
      type: "huaweicloud:Vpc/vpc:Vpc",
      name: "main",
      urn: "urn:pulumi:dev::p::huaweicloud:Vpc/vpc:Vpc::main",
      properties: { cidr: "198.19.200.0/24" },
    });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      policyName: "vpcep-network-reserved-range",
      policyPackName: "vpcep",
      enforcementLevel: "mandatory",
      severity: "high",
    });
    expect(result.diagnostics[0]!.message).toContain(
      'Vpc "main": cidr = "198.19.200.0/24" overlaps 198.19.128.0/17, which Huawei Cloud and Open Telekom Cloud reserve for VPC endpoints (kept free on every cloud).',
    );
  });

  it("gives no diagnostic at all, not even 'can't run', for unknown values during preview", async () => {
    const result = await analyzer.analyze({
      type: ENDPOINT,
      name: "ep",
      urn: `urn:pulumi:dev::p::${ENDPOINT}::ep`,
      properties: huaweiEndpoint({
        privateIp: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
        serviceId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
        tags: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
      }),
    });
    expect(result.diagnostics).toEqual([]);
  });

  it("takes config: a level from the file and policy settings", async () => {
    await analyzer.configure({
      "vpcep-resource-tag-limits": { enforcementLevel: "advisory", requiredKeys: ["owner"] },
    });
    const result = await analyzer.analyze({
      type: ENDPOINT,
      name: "ep",
      urn: `urn:pulumi:dev::p::${ENDPOINT}::ep`,
      properties: huaweiEndpoint(),
    });
    expect(result.diagnostics.map((d) => [d.policyName, d.enforcementLevel])).toEqual([
      ["vpcep-resource-tag-limits", "advisory"],
    ]);
    expect(result.diagnostics[0]!.message).toContain('tags lacks "owner"');
    await analyzer.configure({});
  });
});

describe("examples through the engine with the pack attached", () => {
  it("the quickstart passes: preview (with unknown ids) and up against the emulator", async () => {
    const emulator = await startEmulator();
    try {
      const config = providerConfig(emulator.urls);
      const secretConfig = Object.fromEntries(
        Object.entries(config).filter(([k]) => PROVIDER_SECRET_KEYS.includes(k)),
      );
      const plain = Object.fromEntries(
        Object.entries(config).filter(([k]) => !PROVIDER_SECRET_KEYS.includes(k)),
      );
      const [preview, up] = await runWithPolicies({
        program: QUICKSTART,
        project: "vpcep-quickstart",
        ops: ["preview", "up"],
        config: { ...plain, "vpcep:pollInterval": "20ms", "vpcep:pollMaxInterval": "100ms" },
        secretConfig,
      });
      expect(preview!.errors).toEqual([]);
      expect(preview!.policyViolations).toEqual([]);
      expect(up!.ok).toBe(true);
      expect(up!.policyViolations).toEqual([]);
      expect(up!.steps.filter((s) => s.op === "create")).toHaveLength(8);
    } finally {
      await emulator.close();
    }
  });

  it("the example that breaks every rule is reported, rule by rule, and the preview fails", async () => {
    const [preview] = await runWithPolicies({ program: VIOLATIONS, ops: ["preview"] });
    expect(preview!.ok).toBe(false);
    expect(
      violationsOf(preview!).filter((v) => !v.startsWith("vpcep-endpoint-service-port-conflict")),
    ).toEqual(
      [
        "vpcep-endpoint-network-reserved-range mandatory reserved-range-vpc",
        "vpcep-endpoint-service-connections-declared advisory left-pending",
        "vpcep-endpoint-network-reserved-range mandatory hosting-subnet",
        "vpcep-endpoint-network-reserved-range mandatory reserved-range-route",
        "vpcep-endpoint-service-not-public advisory open-to-everyone",
        "vpcep-endpoint-whitelist-not-open mandatory open-whitelist",
        "vpcep-network-reserved-range mandatory reserved-range-vpc",
        "vpcep-network-reserved-range mandatory hosting-subnet",
        "vpcep-network-reserved-range mandatory reserved-range-route",
        "vpcep-resource-tag-limits mandatory too-many-tags",
      ].sort(),
    );
    // Reported on whichever of the two services the stack lists second, naming the other.
    const conflicts = preview!.policyViolations.filter(
      (d) => d.policyName === "vpcep-endpoint-service-port-conflict",
    );
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.message).toMatch(
      /VpcEndpointService "(open-to-everyone|port-conflict)".*client port 443\/TCP/,
    );
    expect(conflicts[0]!.message).toContain('"open-to-everyone"');
    expect(conflicts[0]!.message).toContain('"port-conflict"');
    const stack = preview!.policyViolations.find(
      (d) =>
        d.policyName === "vpcep-endpoint-network-reserved-range" && d.urn.endsWith("::reserved-range-vpc"),
    );
    expect(stack!.message).toContain('it hosts VpcEndpoint "hosted-endpoint"');
  });

  it("a stricter config turns the advisory rule mandatory and adds required tags", async () => {
    const [preview] = await runWithPolicies({
      program: QUICKSTART,
      project: "vpcep-quickstart",
      ops: ["preview"],
      policyConfig: { "vpcep-resource-tag-limits": { requiredKeys: ["team"] } },
    });
    // The quickstart's Tencent resources carry no "team" tag.
    expect(violationsOf(preview!)).toEqual([
      "vpcep-resource-tag-limits mandatory orders-tc",
      "vpcep-resource-tag-limits mandatory orders-tc-consumer",
    ]);
    expect(preview!.ok).toBe(false);
  });
});

describe("our resources through the engine: check refuses what the cloud refuses, the pack the rest", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  /** Preview and up of these resources with the pack attached, against the emulator. */
  const previewAndUp = (resources: Declared[]): Promise<OperationReport[]> => {
    const config = providerConfig(emulator.urls);
    const secret = (key: string) => PROVIDER_SECRET_KEYS.includes(key);
    return runWithPolicies({
      program: DECLARED,
      project: "fixture",
      ops: ["preview", "up"],
      config: {
        ...Object.fromEntries(Object.entries(config).filter(([key]) => !secret(key))),
        ...FAST,
        "fixture:resources": JSON.stringify(resources),
      },
      secretConfig: Object.fromEntries(Object.entries(config).filter(([key]) => secret(key))),
    });
  };

  /** `[policy, level, message]` of each diagnostic; the message is the description, then the violation. */
  const diagnostics = (report: OperationReport) =>
    report.policyViolations.map((d) => [d.policyName, d.enforcementLevel, d.message]);

  /**
   * Check passed (a planned create, no failures) and the one mandatory violation failed the preview;
   * up stopped the step before create, so nothing reached the cloud.
   */
  function expectStoppedByPolicy(
    preview: OperationReport,
    up: OperationReport,
    name: string,
    expected: string[][],
  ): void {
    expect(preview.steps).toEqual([expect.objectContaining({ name, op: "create" })]);
    expect(preview.steps[0]!.failures).toBeUndefined();
    expect(diagnostics(preview)).toEqual(expected);
    expect(preview.ok).toBe(false);

    expect(up.ok).toBe(false);
    expect(up.steps).toEqual([expect.objectContaining({ name, op: "failed" })]);
    expect(up.steps[0]!.failures).toBeUndefined();
    expect(up.steps[0]!.id).toBeUndefined();
    expect(up.steps[0]!.error).toBe(
      `${up.steps[0]!.urn}: mandatory policy violation: [${expected[0]![0]}] ${expected[0]![2]}`,
    );
  }

  it("a Huawei endpoint whitelisting 0.0.0.0/0 passes check and gets only the open-whitelist violation", async () => {
    const name = "open-whitelist";
    const [preview, up] = await previewAndUp([
      { kind: "VpcEndpoint", name, args: { ...HUAWEI_ENDPOINT_ARGS, whitelist: ["0.0.0.0/0"] } },
    ]);
    const violation = `VpcEndpoint "${name}": whitelist[0] = "0.0.0.0/0" admits every address while the whitelist is enabled; list the client CIDRs instead.`;
    const expected = [
      [endpointWhitelistNotOpen.name, "mandatory", `${endpointWhitelistNotOpen.description}\n${violation}`],
    ];

    expectStoppedByPolicy(preview!, up!, name, expected);
    expect(diagnostics(up!)).toEqual(expected);
  });

  it("a Tencent endpoint IP inside 198.19.128.0/17 passes check and is stopped by the reserved-range policy", async () => {
    const name = "reserved-ip";
    const [preview, up] = await previewAndUp([
      { kind: "VpcEndpoint", name, args: { ...TENCENT_ENDPOINT_ARGS, privateIp: "198.19.130.9" } },
    ]);
    const violation = `VpcEndpoint "${name}": privateIp = "198.19.130.9" overlaps 198.19.128.0/17, which Huawei Cloud and Open Telekom Cloud reserve for VPC endpoints (kept free on every cloud).`;
    const expected = [
      [networkReservedRange.name, "mandatory", `${networkReservedRange.description}\n${violation}`],
    ];

    expectStoppedByPolicy(preview!, up!, name, expected);
  });

  it("a Huawei endpoint IP inside the range is refused by check, before the pack sees it", async () => {
    const name = "refused-ip";
    const [preview] = await previewAndUp([
      { kind: "VpcEndpoint", name, args: { ...HUAWEI_ENDPOINT_ARGS, privateIp: "198.19.130.7" } },
    ]);
    expect(preview!.steps).toEqual([expect.objectContaining({ name, op: "failed" })]);
    expect(preview!.steps[0]!.failures?.map((f) => f.property)).toEqual(["privateIp"]);
    expect(preview!.policyViolations).toEqual([]);
  });
});
