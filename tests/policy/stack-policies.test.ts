/**
 * The stack policies in the real pack, served as the CLI serves it and driven over gRPC: one index of
 * the stack per AnalyzeStack call, shared by the three stack policies, must give each its own name,
 * level, config and messages, and must never carry one call's answers into the next.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { PolicyAnalyzer, type AnalyzerStackResource, type Diagnostic } from "../engine/analyzer.js";
import { CONNECTION, ENDPOINT, huaweiEndpoint, huaweiService, ourConnection, SERVICE } from "./resources.js";

const PACK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../policy");
const VPC = "huaweicloud:Vpc/vpc:Vpc";
const PORT = "6a0e3f8b-9d1c-4b7e-8f23-5c4d2e1a9b30";
const SERVICE_ID = "5c1e0f7a-2b3d-4e5f-8a9b-0c1d2e3f4a5b";
const ENDPOINT_ID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
const urn = (type: string, name: string) => `urn:pulumi:dev::vpcep::${type}::${name}`;
const STACK_POLICIES = [
  "vpcep-endpoint-network-reserved-range",
  "vpcep-endpoint-service-port-conflict",
  "vpcep-endpoint-service-connections-declared",
];

/** Outputs after `up`. `broken`: a hosting VPC in the range, a port clash and a pending endpoint. */
function stack(broken: boolean): AnalyzerStackResource[] {
  const r = (
    type: string,
    name: string,
    properties: Record<string, unknown>,
    deps: Record<string, string[]> = {},
  ) => ({
    type,
    name,
    urn: urn(type, name),
    properties: JSON.parse(JSON.stringify(properties)) as Record<string, unknown>,
    propertyDependencies: deps,
    dependencies: [...new Set(Object.values(deps).flat())],
  });
  const vpc = r(VPC, "main", { cidr: broken ? "198.19.0.0/16" : "10.0.0.0/16" });
  const orders = r(
    SERVICE,
    "orders",
    huaweiService({
      portId: PORT,
      serviceId: SERVICE_ID,
      ports: [{ protocol: "TCP", clientPort: 443, serverPort: 8443 }],
    }),
  );
  const billing = r(
    SERVICE,
    "billing",
    huaweiService({
      portId: PORT,
      ports: [{ protocol: "TCP", clientPort: broken ? 443 : 444, serverPort: 9443 }],
    }),
  );
  const endpoint = r(
    ENDPOINT,
    "orders-ep",
    { ...huaweiEndpoint({ serviceId: SERVICE_ID, endpointId: ENDPOINT_ID }), __provider: undefined },
    { vpcId: [vpc.urn], serviceId: [orders.urn] },
  );
  const members = [vpc, orders, billing, endpoint];
  if (!broken)
    members.push(
      r(CONNECTION, "accept", {
        ...ourConnection({ serviceId: SERVICE_ID, endpointId: ENDPOINT_ID }),
        __provider: undefined,
      }),
    );
  return members;
}

const summary = (diagnostics: Diagnostic[]) =>
  diagnostics
    .map((d) => `${d.policyName} ${d.enforcementLevel} ${d.urn.slice(d.urn.lastIndexOf("::") + 2)}`)
    .sort();

describe("the pack's stack policies over one shared index", () => {
  let pack: PolicyAnalyzer;
  beforeAll(async () => {
    pack = await PolicyAnalyzer.start({ packDir: PACK });
  });
  afterAll(() => pack.close());

  it("lists the three stack policies with their own levels", async () => {
    const info = await pack.info();
    const stackPolicies = info.policies.filter((p) => p.type === "stack");
    expect(stackPolicies.map((p) => [p.name, p.enforcementLevel, p.severity])).toEqual([
      ["vpcep-endpoint-network-reserved-range", "mandatory", "high"],
      ["vpcep-endpoint-service-port-conflict", "mandatory", "medium"],
      ["vpcep-endpoint-service-connections-declared", "advisory", "medium"],
    ]);
  });

  it("reports each rule under its own policy, level, description and URN", async () => {
    const { diagnostics } = await pack.analyzeStack(stack(true));
    expect(summary(diagnostics)).toEqual([
      "vpcep-endpoint-network-reserved-range mandatory main",
      "vpcep-endpoint-service-connections-declared advisory orders-ep",
      "vpcep-endpoint-service-port-conflict mandatory billing",
    ]);
    const info = await pack.info();
    for (const d of diagnostics) {
      const policy = info.policies.find((p) => p.name === d.policyName)!;
      expect(d.description).toBe(policy.description);
      expect(d.message.startsWith(`${policy.description}\n`)).toBe(true);
    }
    expect(diagnostics.find((d) => d.policyName === STACK_POLICIES[2])!.message).toContain(
      `VpcEndpoint "orders-ep": serviceId = "${SERVICE_ID}" names VpcEndpointService "orders", which requires approval (approvalRequired = true)`,
    );
  });

  it("answers every call from that call's resources: the same URNs fixed report nothing", async () => {
    expect((await pack.analyzeStack(stack(true))).diagnostics).toHaveLength(3);
    expect((await pack.analyzeStack(stack(false))).diagnostics).toEqual([]);
    expect((await pack.analyzeStack(stack(true))).diagnostics).toHaveLength(3);
  });

  it("applies each policy's own config and level to the shared findings", async () => {
    await pack.configure({
      "vpcep-endpoint-network-reserved-range": "disabled",
      "vpcep-endpoint-service-connections-declared": "mandatory",
    });
    try {
      expect(summary((await pack.analyzeStack(stack(true))).diagnostics)).toEqual([
        "vpcep-endpoint-service-connections-declared mandatory orders-ep",
        "vpcep-endpoint-service-port-conflict mandatory billing",
      ]);
      // An extra reserved range, set on the stack policy alone, catches the fixed stack's VPC.
      await pack.configure({
        "vpcep-endpoint-network-reserved-range": { extraReservedRanges: ["10.0.0.0/8"] },
      });
      expect(summary((await pack.analyzeStack(stack(false))).diagnostics)).toEqual([
        "vpcep-endpoint-network-reserved-range mandatory main",
      ]);
    } finally {
      await pack.configure({});
    }
  });
});
