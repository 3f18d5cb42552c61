import { endpointNetworkReservedRange } from "../../policy/policies/index.js";
import { runStackPolicy, UNKNOWN, urnOf, type StackMember } from "../support/policy.js";
import { ENDPOINT, huaweiEndpoint, SERVICE, huaweiService } from "./resources.js";

const policy = endpointNetworkReservedRange;
const HW_VPC = "huaweicloud:Vpc/vpc:Vpc";
const HW_SUBNET = "huaweicloud:Vpc/subnet:Subnet";

/** A VPC whose CIDR overlaps, a subnet in it, and an endpoint placed in both by dependency. */
function stack(vpc: Record<string, unknown>, endpoint: Partial<StackMember> = {}): StackMember[] {
  return [
    { type: HW_VPC, name: "main", props: vpc },
    {
      type: HW_SUBNET,
      name: "apps",
      props: { cidr: "10.0.1.0/24", vpcId: UNKNOWN },
      propertyDependencies: { vpcId: ["main"] },
    },
    {
      type: ENDPOINT,
      name: "orders-ep",
      props: huaweiEndpoint({ vpcId: UNKNOWN, subnetId: UNKNOWN }),
      propertyDependencies: { vpcId: ["main"], subnetId: ["apps"] },
      ...endpoint,
    },
  ];
}

describe("vpcep-endpoint-network-reserved-range", () => {
  it("is a mandatory stack policy with the extra ranges config", () => {
    expect(policy.name).toBe("vpcep-endpoint-network-reserved-range");
    expect(policy.enforcementLevel).toBe("mandatory");
    expect(Object.keys(policy.configSchema!.properties!)).toEqual(["extraReservedRanges"]);
  });

  it("passes a stack whose hosting networks stay clear of the range", async () => {
    expect((await runStackPolicy(policy, stack({ cidr: "10.0.0.0/16" }))).violations).toEqual([]);
  });

  it("reports the VPC an endpoint is placed in through a dependency, on the VPC's URN", async () => {
    const outcome = await runStackPolicy(
      policy,
      stack({ cidr: "10.0.0.0/8", secondaryCidrs: ["198.19.128.0/18"] }),
    );
    expect(outcome.violations).toEqual([
      'Vpc "main": secondaryCidrs[0] = "198.19.128.0/18" overlaps 198.19.128.0/17, which Huawei Cloud and Open Telekom Cloud reserve for VPC endpoints (kept free on every cloud); it hosts VpcEndpoint "orders-ep".',
    ]);
    expect(outcome.urns).toEqual([urnOf(HW_VPC, "main")]);
  });

  it("finds networks by id when the endpoint names them with a literal id", async () => {
    const members: StackMember[] = [
      // Dynamically bridged OTC resources carry their id as `<resource>Id` in their outputs.
      {
        type: "opentelekomcloud:index/vpcV1:VpcV1",
        name: "otc",
        props: { cidr: "198.19.0.0/16", vpcV1Id: "vpc-1" },
      },
      { type: ENDPOINT, name: "ep", props: huaweiEndpoint({ vpcId: "vpc-1" }) },
    ];
    const outcome = await runStackPolicy(policy, members);
    expect(outcome.violations).toEqual([
      expect.stringContaining('VpcV1 "otc": cidr = "198.19.0.0/16" overlaps'),
    ]);
  });

  it("reports a subnet the resource policy could not see: its CIDR came from outputs", async () => {
    const members = stack({ cidr: "10.0.0.0/16" });
    members[1]!.props = { cidr: "198.19.130.0/24", vpcId: "v" };
    const outcome = await runStackPolicy(policy, members);
    expect(outcome.violations).toEqual([
      'Subnet "apps": cidr = "198.19.130.0/24" overlaps 198.19.128.0/17, which Huawei Cloud and Open Telekom Cloud reserve for VPC endpoints (kept free on every cloud); it hosts VpcEndpoint "orders-ep".',
    ]);
  });

  it("covers the subnets, route tables and routes of a hosting VPC, through the route table", async () => {
    const members: StackMember[] = [
      { type: "tencentcloud:Vpc/instance:Instance", name: "vpc", props: { cidrBlock: "10.0.0.0/16" } },
      {
        type: "tencentcloud:Route/table:Table",
        name: "rt",
        props: { vpcId: UNKNOWN },
        propertyDependencies: { vpcId: ["vpc"] },
      },
      {
        type: "tencentcloud:Route/tableEntry:TableEntry",
        name: "to-range",
        props: { routeTableId: UNKNOWN, destinationCidrBlock: "198.19.128.0/24" },
        propertyDependencies: { routeTableId: ["rt"] },
      },
      {
        type: "tencentcloud:Subnet/instance:Instance",
        name: "sub",
        props: { cidrBlock: "10.0.2.0/24" },
        propertyDependencies: { vpcId: ["vpc"] },
      },
      {
        type: SERVICE,
        name: "svc",
        props: { cloud: "tencentcloud", vpcId: UNKNOWN, serviceInstanceId: "lb-1", serviceName: "s" },
        propertyDependencies: { vpcId: ["vpc"] },
      },
    ];
    const outcome = await runStackPolicy(policy, members);
    expect(outcome.violations).toEqual([
      'TableEntry "to-range": destinationCidrBlock = "198.19.128.0/24" lies inside 198.19.128.0/17, which Huawei Cloud and Open Telekom Cloud reserve for VPC endpoints (kept free on every cloud); it hosts VpcEndpointService "svc".',
    ]);
  });

  it("counts a subnet's VPC as hosting when an endpoint names only the subnet", async () => {
    const members: StackMember[] = [
      { type: "volcengine:vpc/vpc:Vpc", name: "vpc", props: { cidrBlock: "198.19.0.0/16" } },
      {
        type: "volcengine:vpc/subnet:Subnet",
        name: "sub",
        props: { cidrBlock: "10.0.0.0/24" },
        propertyDependencies: { vpcId: ["vpc"] },
      },
      {
        type: "volcengine:privatelink/vpcEndpointZone:VpcEndpointZone",
        name: "zone-a",
        props: { subnetId: UNKNOWN },
        propertyDependencies: { subnetId: ["sub"] },
      },
    ];
    const outcome = await runStackPolicy(policy, members);
    expect(outcome.violations).toEqual([
      expect.stringContaining('Vpc "vpc": cidrBlock = "198.19.0.0/16" overlaps'),
    ]);
  });

  it("leaves networks that host no endpoint to the resource policy", async () => {
    const members: StackMember[] = [
      { type: HW_VPC, name: "lonely", props: { cidr: "198.19.128.0/17" } },
      { type: SERVICE, name: "svc", props: huaweiService() },
    ];
    expect((await runStackPolicy(policy, members)).violations).toEqual([]);
  });

  it("applies extra reserved ranges from config", async () => {
    const outcome = await runStackPolicy(policy, stack({ cidr: "100.64.0.0/16" }), {
      extraReservedRanges: ["100.64.0.0/10"],
    });
    expect(outcome.violations).toEqual([
      expect.stringContaining("overlaps 100.64.0.0/10, a range reserved by policy config"),
    ]);
  });

  it("stays quiet about unknown CIDRs during preview and still runs", async () => {
    const outcome = await runStackPolicy(policy, stack({ cidr: UNKNOWN, secondaryCidrs: UNKNOWN }));
    expect(outcome).toEqual({ violations: [], urns: [] });
  });
});
