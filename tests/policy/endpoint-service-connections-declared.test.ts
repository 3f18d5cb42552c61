import { endpointServiceConnectionsDeclared } from "../../policy/policies/index.js";
import { runStackPolicy, UNKNOWN, urnOf, type StackMember } from "../support/policy.js";
import { CONNECTION, ENDPOINT, huaweiEndpoint, huaweiService, ourConnection, SERVICE } from "./resources.js";

const policy = endpointServiceConnectionsDeclared;
const SERVICE_ID = "5c1e0f7a-2b3d-4e5f-8a9b-0c1d2e3f4a5b";
const ENDPOINT_ID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
const OTHER_ENDPOINT_ID = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

/** After `up`: an approval-required service, an endpoint on it and a connection accepting it, by id. */
function stack(overrides: { service?: object; endpoint?: object; connection?: object | null } = {}) {
  const members: StackMember[] = [
    { type: SERVICE, name: "orders", props: huaweiService({ serviceId: SERVICE_ID, ...overrides.service }) },
    {
      type: ENDPOINT,
      name: "orders-ep",
      props: huaweiEndpoint({ serviceId: SERVICE_ID, endpointId: ENDPOINT_ID, ...overrides.endpoint }),
    },
  ];
  if (overrides.connection !== null) {
    members.push({
      type: CONNECTION,
      name: "orders-ep-accept",
      props: ourConnection({ serviceId: SERVICE_ID, endpointId: ENDPOINT_ID, ...overrides.connection }),
    });
  }
  return members;
}

/** During preview: ids unknown, every reference traced by its property's dependencies. */
function previewStack(withConnection: boolean): StackMember[] {
  const members: StackMember[] = [
    { type: SERVICE, name: "orders", props: huaweiService({ serviceId: UNKNOWN }) },
    {
      type: ENDPOINT,
      name: "orders-ep",
      props: huaweiEndpoint({ serviceId: UNKNOWN, endpointId: UNKNOWN }),
      propertyDependencies: { serviceId: ["orders"] },
    },
  ];
  if (withConnection) {
    members.push({
      type: CONNECTION,
      name: "orders-ep-accept",
      props: ourConnection({ serviceId: UNKNOWN, endpointId: UNKNOWN }),
      propertyDependencies: { serviceId: ["orders"], endpointId: ["orders-ep"] },
    });
  }
  return members;
}

const PENDING = (reference: string, approval = "approvalRequired = true") =>
  `VpcEndpoint "orders-ep": ${reference} VpcEndpointService "orders", which requires approval (${approval}), and no connection in the stack decides on this endpoint, so it would stay pending; declare a VpcEndpointConnection with its serviceId and endpointId.`;

describe("vpcep-endpoint-service-connections-declared", () => {
  it("is an advisory stack policy without config", () => {
    expect(policy.name).toBe("vpcep-endpoint-service-connections-declared");
    expect(policy.enforcementLevel).toBe("advisory");
    expect(policy.severity).toBe("medium");
    expect(policy.configSchema).toBeUndefined();
    expect(policy.description).toMatch(/\.$/);
  });

  it("#1 passes an endpoint whose connection is declared", async () => {
    expect(await runStackPolicy(policy, stack())).toEqual({ violations: [], urns: [] });
  });

  it("#2 reports an endpoint without a connection, on the endpoint's URN", async () => {
    const outcome = await runStackPolicy(policy, stack({ connection: null }));
    expect(outcome.violations).toEqual([PENDING(`serviceId = "${SERVICE_ID}" names`)]);
    expect(outcome.urns).toEqual([urnOf(ENDPOINT, "orders-ep")]);
  });

  it("#3 reports an endpoint whose connection names another endpoint", async () => {
    const outcome = await runStackPolicy(policy, stack({ connection: { endpointId: OTHER_ENDPOINT_ID } }));
    expect(outcome.violations).toEqual([PENDING(`serviceId = "${SERVICE_ID}" names`)]);
  });

  it("#4 counts a rejection as declared: the decision is in the stack", async () => {
    expect((await runStackPolicy(policy, stack({ connection: { accepted: false } }))).violations).toEqual([]);
  });

  it("#5 leaves endpoints of a service without approval alone", async () => {
    const outcome = await runStackPolicy(
      policy,
      stack({ service: { approvalRequired: false }, connection: null }),
    );
    expect(outcome.violations).toEqual([]);
  });

  it("#6 ignores an endpoint on a service outside the stack", async () => {
    const outcome = await runStackPolicy(
      policy,
      stack({ endpoint: { serviceId: "0b1c7f5e-3a55-4d2c-9a51-2f7a1c9e0a10" }, connection: null }),
    );
    expect(outcome.violations).toEqual([]);
  });

  it("#7 matches by property dependencies during preview, when no id is known yet", async () => {
    expect((await runStackPolicy(policy, previewStack(true))).violations).toEqual([]);
    const outcome = await runStackPolicy(policy, previewStack(false));
    expect(outcome.violations).toEqual([PENDING("serviceId comes from")]);
    expect(outcome.couldNotRun).toBeUndefined();
  });

  it("#8 reports nothing it cannot tell: an unknown approval flag, service reference or connection", async () => {
    const members = previewStack(false);
    members[1]!.propertyDependencies = {};
    expect((await runStackPolicy(policy, members)).violations).toEqual([]);

    const unknownFlag = stack({ service: { approvalRequired: UNKNOWN }, connection: null });
    expect((await runStackPolicy(policy, unknownFlag)).violations).toEqual([]);

    // A connection for this service whose endpoint is not known and not traced may be this one's.
    const untraced = stack({ connection: { endpointId: UNKNOWN } });
    expect((await runStackPolicy(policy, untraced)).violations).toEqual([]);
  });

  it("#9 reports each endpoint of the service that lacks its own connection", async () => {
    const members = stack();
    members.push({
      type: ENDPOINT,
      name: "second-ep",
      props: huaweiEndpoint({ serviceId: SERVICE_ID, endpointId: OTHER_ENDPOINT_ID }),
    });
    const outcome = await runStackPolicy(policy, members);
    expect(outcome.urns).toEqual([urnOf(ENDPOINT, "second-ep")]);
    expect(outcome.violations[0]).toMatch(
      /^VpcEndpoint "second-ep": serviceId = ".*" names VpcEndpointService "orders"/,
    );
  });

  it("#10 reads the official packages' approval flags, defaults and approval resources", async () => {
    // Open Telekom Cloud: approvalEnabled defaults to true; approvals list the endpoints.
    const otc: StackMember[] = [
      {
        type: "opentelekomcloud:index/vpcepServiceV1:VpcepServiceV1",
        name: "svc",
        props: { vpcId: "v", portId: "p", serverType: "LB", vpcepServiceV1Id: "svc-1" },
      },
      {
        type: "opentelekomcloud:index/vpcepEndpointV1:VpcepEndpointV1",
        name: "ep",
        props: { serviceId: "svc-1", vpcId: "v", vpcepEndpointV1Id: "ep-1" },
      },
    ];
    const otcOutcome = await runStackPolicy(policy, otc);
    expect(otcOutcome.violations).toEqual([
      'VpcepEndpointV1 "ep": serviceId = "svc-1" names VpcepServiceV1 "svc", which requires approval (approvalEnabled unset, true by default), and no connection in the stack decides on this endpoint, so it would stay pending; declare a VpcEndpointConnection with its serviceId and endpointId.',
    ]);
    otc.push({
      type: "opentelekomcloud:index/vpcepApprovalV1:VpcepApprovalV1",
      name: "approve",
      props: { serviceId: "svc-1", endpoints: ["ep-0", "ep-1"] },
    });
    expect((await runStackPolicy(policy, otc)).violations).toEqual([]);

    // Tencent Cloud: the inverse flag, and the connect resource, traced by dependencies.
    const tencent: StackMember[] = [
      {
        type: "tencentcloud:Vpc/endPointService:EndPointService",
        name: "svc",
        props: { vpcId: "v", autoAcceptFlag: false },
      },
      {
        type: "tencentcloud:Vpc/endPoint:EndPoint",
        name: "ep",
        props: { endPointServiceId: UNKNOWN, vpcId: "v", subnetId: "s" },
        propertyDependencies: { endPointServiceId: ["svc"] },
      },
    ];
    expect((await runStackPolicy(policy, tencent)).violations).toEqual([
      expect.stringContaining(
        'EndPoint "ep": endPointServiceId comes from EndPointService "svc", which requires approval (autoAcceptFlag = false)',
      ),
    ]);
    tencent.push({
      type: "tencentcloud:Vpc/enableEndPointConnect:EnableEndPointConnect",
      name: "connect",
      props: { endPointServiceId: UNKNOWN, endPointIds: [UNKNOWN], acceptFlag: true },
      propertyDependencies: { endPointServiceId: ["svc"], endPointIds: ["ep"] },
    });
    expect((await runStackPolicy(policy, tencent)).violations).toEqual([]);
    tencent[0]!.props = { vpcId: "v", autoAcceptFlag: true };
    tencent.pop();
    expect((await runStackPolicy(policy, tencent)).violations).toEqual([]);

    // Volcengine: autoAcceptEnabled unset waits for approval (the Terraform provider's default).
    const volcengine: StackMember[] = [
      {
        type: "volcengine:privatelink/vpcEndpointService:VpcEndpointService",
        name: "svc",
        props: { serviceId: "epsvc-1" },
      },
      {
        type: "volcengine:privatelink/vpcEndpoint:VpcEndpoint",
        name: "ep",
        props: { serviceId: "epsvc-1", endpointId: "ep-1" },
      },
    ];
    expect((await runStackPolicy(policy, volcengine)).violations).toEqual([
      expect.stringContaining("which requires approval (autoAcceptEnabled unset, false by default)"),
    ]);
    volcengine.push({
      type: "volcengine:privatelink/vpcEndpointConnection:VpcEndpointConnection",
      name: "accept",
      props: { serviceId: "epsvc-1", endpointId: "ep-1" },
    });
    expect((await runStackPolicy(policy, volcengine)).violations).toEqual([]);
  });

  it("#11 lets our connection decide on an official endpoint, and the reverse", async () => {
    const members: StackMember[] = [
      { type: SERVICE, name: "orders", props: huaweiService({ serviceId: SERVICE_ID }) },
      {
        type: "huaweicloud:Vpcep/endpoint:Endpoint",
        name: "theirs",
        props: { serviceId: UNKNOWN, vpcId: "v", networkId: "n" },
        propertyDependencies: { serviceId: ["orders"] },
      },
      {
        type: CONNECTION,
        name: "accept",
        props: ourConnection({ serviceId: SERVICE_ID, endpointId: UNKNOWN }),
        propertyDependencies: { endpointId: ["theirs"] },
      },
      {
        type: ENDPOINT,
        name: "ours",
        props: huaweiEndpoint({ serviceId: SERVICE_ID, endpointId: ENDPOINT_ID }),
      },
      {
        type: "huaweicloud:Vpcep/approval:Approval",
        name: "approve",
        props: { serviceId: SERVICE_ID, endpoints: [ENDPOINT_ID] },
      },
    ];
    expect((await runStackPolicy(policy, members)).violations).toEqual([]);
  });
});
