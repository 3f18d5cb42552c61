import { networkReservedRange } from "../../policy/policies/index.js";
import { runResourcePolicy, UNKNOWN } from "../support/policy.js";
import {
  ENDPOINT,
  huaweiEndpoint,
  SERVICE,
  huaweiService,
  tencentEndpoint,
  volcengineEndpoint,
} from "./resources.js";

const policy = networkReservedRange;
const check = (type: string, props: Record<string, unknown>, config = {}, name = "subject") =>
  runResourcePolicy(policy, { type, name, props }, config);

describe("vpcep-network-reserved-range", () => {
  it("is mandatory, named by convention, and describes the rule", () => {
    expect(policy.name).toBe("vpcep-network-reserved-range");
    expect(policy.enforcementLevel).toBe("mandatory");
    expect(policy.description).toMatch(/^On every cloud, .* must not overlap 198\.19\.128\.0\/17, /);
    expect(Object.keys(policy.configSchema!.properties!)).toEqual(["extraReservedRanges", "networks"]);
  });

  it("passes compliant endpoints, services and networks of every cloud", async () => {
    for (const [type, props] of [
      [ENDPOINT, huaweiEndpoint()],
      [ENDPOINT, tencentEndpoint()],
      [ENDPOINT, volcengineEndpoint()],
      [SERVICE, huaweiService()],
      ["huaweicloud:Vpc/vpc:Vpc", { cidr: "10.0.0.0/16", secondaryCidrs: ["172.16.0.0/16"] }],
      ["opentelekomcloud:index/vpcSubnetV1:VpcSubnetV1", { cidr: "192.168.0.0/24", vpcId: "v" }],
      ["tencentcloud:Route/tableEntry:TableEntry", { destinationCidrBlock: "0.0.0.0/0" }],
      ["volcengine:vpc/vpc:Vpc", { cidrBlock: "172.16.0.0/12", ipv6CidrBlock: "2408:4000::/56" }],
    ] as const) {
      expect((await check(type, props)).violations).toEqual([]);
    }
  });

  it("reports an endpoint's private IP inside the range, naming resource, property, value and rule", async () => {
    const outcome = await check(ENDPOINT, huaweiEndpoint({ privateIp: "198.19.130.7" }), {}, "orders-ep");
    expect(outcome.violations).toEqual([
      'VpcEndpoint "orders-ep": privateIp = "198.19.130.7" overlaps 198.19.128.0/17, which Huawei Cloud and Open Telekom Cloud reserve for VPC endpoints (kept free on every cloud).',
    ]);
  });

  it("reports a Tencent endpoint's private IP inside the range, which Tencent's check lets through", async () => {
    const outcome = await check(
      ENDPOINT,
      tencentEndpoint({}, { privateIp: "198.19.130.9" }),
      {},
      "orders-tc",
    );
    expect(outcome.violations).toEqual([
      'VpcEndpoint "orders-tc": privateIp = "198.19.130.9" overlaps 198.19.128.0/17, which Huawei Cloud and Open Telekom Cloud reserve for VPC endpoints (kept free on every cloud).',
    ]);
  });

  it("reports a Volcengine zone's fixed address inside the range, which Volcengine's check lets through", async () => {
    const zones = [
      { zoneId: "cn-guangzhou-a", subnetId: "subnet-bp15zckdt37pq72zv0000", privateIp: "172.16.0.20" },
      { zoneId: "cn-guangzhou-b", subnetId: "subnet-bp15zckdt37pq72zv0001", privateIp: "198.19.140.3" },
    ];
    const outcome = await check(ENDPOINT, volcengineEndpoint({}, { zones }), {}, "orders-ve");
    expect(outcome.violations).toEqual([
      expect.stringMatching(
        /^VpcEndpoint "orders-ve": zones\[1\]\.privateIp = "198\.19\.140\.3" overlaps 198\.19\.128\.0\/17/,
      ),
    ]);
  });

  it("leaves whitelist entries alone: they are client sources, not addresses the endpoint takes", async () => {
    const open = huaweiEndpoint({}, { whitelist: ["0.0.0.0/0", "198.19.0.0/16", "198.19.128.7"] });
    expect((await check(ENDPOINT, open)).violations).toEqual([]);
    for (const type of [
      "huaweicloud:Vpcep/endpoint:Endpoint",
      "opentelekomcloud:index/vpcepEndpointV1:VpcepEndpointV1",
    ]) {
      const official = { enableWhitelist: true, whitelists: ["0.0.0.0/0", "198.19.128.0/24"] };
      expect((await check(type, official)).violations).toEqual([]);
    }
  });

  it.each([
    ["huaweicloud:Vpc/vpc:Vpc", { cidr: "198.19.128.0/20" }, 'Vpc "subject": cidr = "198.19.128.0/20"'],
    [
      "huaweicloud:Vpc/vpc:Vpc",
      { cidr: "10.0.0.0/8", secondaryCidrs: ["198.0.0.0/8"] },
      'secondaryCidrs[0] = "198.0.0.0/8"',
    ],
    ["huaweicloud:Vpc/subnet:Subnet", { cidr: "198.19.200.0/24", vpcId: "v" }, 'Subnet "subject": cidr'],
    [
      "huaweicloud:Vpc/routeTable:RouteTable",
      { vpcId: "v", routes: [{ destination: "0.0.0.0/0" }, { destination: "198.19.140.0/22" }] },
      'routes[1].destination = "198.19.140.0/22" lies inside 198.19.128.0/17',
    ],
    ["opentelekomcloud:index/vpcV1:VpcV1", { cidr: "198.19.128.0/17" }, 'VpcV1 "subject": cidr'],
    ["opentelekomcloud:index/vpcRouteV2:VpcRouteV2", { destination: "198.19.255.0/24" }, "destination"],
    [
      "tencentcloud:Vpc/instance:Instance",
      { cidrBlock: "10.0.0.0/16", assistantCidrs: ["198.19.192.0/18"] },
      "assistantCidrs[0]",
    ],
    [
      "tencentcloud:Subnet/instance:Instance",
      { cidrBlock: "198.19.129.0/24" },
      'Instance "subject": cidrBlock',
    ],
    [
      "volcengine:vpc/subnet:Subnet",
      { cidrBlock: "198.19.129.0/24", vpcId: "v" },
      'Subnet "subject": cidrBlock',
    ],
    ["volcengine:Vpc/vpc:Vpc", { cidrBlock: "198.16.0.0/12" }, "cidrBlock"],
    [
      "volcengine:privatelink/vpcEndpointZone:VpcEndpointZone",
      { subnetId: "s", privateIpAddress: "198.19.128.1" },
      "privateIpAddress",
    ],
    [
      "tencentcloud:Vpc/endPoint:EndPoint",
      { endPointVip: "198.19.128.10" },
      'EndPoint "subject": endPointVip',
    ],
  ])("reports %s", async (type, props, expected) => {
    const outcome = await check(type, props);
    expect(outcome.violations).toHaveLength(1);
    expect(outcome.violations[0]).toContain(expected);
    expect(outcome.violations[0]).toMatch(
      /(overlaps|lies inside) 198\.19\.128\.0\/17, which Huawei Cloud and Open Telekom Cloud reserve for VPC endpoints \(kept free on every cloud\)\.$/,
    );
  });

  it("lets a route wider than the range through: longest prefix keeps endpoint traffic on the system route", async () => {
    for (const destination of ["0.0.0.0/0", "198.0.0.0/8", "198.19.0.0/16"]) {
      const outcome = await check("huaweicloud:Vpc/route:Route", { vpcId: "v", destination });
      expect(outcome.violations).toEqual([]);
    }
    const vpc = await check("huaweicloud:Vpc/vpc:Vpc", { cidr: "198.19.0.0/16" });
    expect(vpc.violations).toHaveLength(1);
  });

  it("treats IPv4-mapped IPv6 addresses as the IPv4 address they carry", async () => {
    const outcome = await check("huaweicloud:Vpc/route:Route", { destination: "::ffff:198.19.130.0/120" });
    expect(outcome.violations).toHaveLength(1);
  });

  it("checks extra reserved ranges from config, IPv4 and IPv6", async () => {
    const config = { extraReservedRanges: ["100.64.0.0/10", "fd00:ec2::/32"] };
    const v4 = await check("huaweicloud:Vpc/vpc:Vpc", { cidr: "100.100.0.0/16" }, config);
    expect(v4.violations).toEqual([
      'Vpc "subject": cidr = "100.100.0.0/16" overlaps 100.64.0.0/10, a range reserved by policy config (extraReservedRanges).',
    ]);
    const v6 = await check(
      "volcengine:vpc/vpc:Vpc",
      { cidrBlock: "10.0.0.0/16", ipv6CidrBlock: "fd00:ec2:1::/48" },
      config,
    );
    expect(v6.violations).toEqual([
      'Vpc "subject": ipv6CidrBlock = "fd00:ec2:1::/48" overlaps fd00:ec2::/32, a range reserved by policy config (extraReservedRanges).',
    ]);
    expect((await check("huaweicloud:Vpc/vpc:Vpc", { cidr: "10.0.0.0/16" }, config)).violations).toEqual([]);
  });

  it("refuses a malformed extra range, naming the config key", async () => {
    await expect(check(ENDPOINT, huaweiEndpoint(), { extraReservedRanges: ["10.0.0.0/33"] })).rejects.toThrow(
      'policy config extraReservedRanges[0] must be an IPv4 or IPv6 address or CIDR (got "10.0.0.0/33")',
    );
  });

  it('leaves VPCs, subnets and routes to the stack policy with networks = "endpoint-hosting"', async () => {
    const config = { networks: "endpoint-hosting" };
    expect((await check("huaweicloud:Vpc/vpc:Vpc", { cidr: "198.19.128.0/20" }, config)).violations).toEqual(
      [],
    );
    const endpoint = await check(ENDPOINT, huaweiEndpoint({ privateIp: "198.19.130.7" }), config);
    expect(endpoint.violations).toHaveLength(1);
  });

  it("checks the known values and skips unknown ones during preview, without a false violation", async () => {
    const unknownIp = await check(ENDPOINT, huaweiEndpoint({ privateIp: UNKNOWN }));
    expect(unknownIp).toEqual({ violations: [], urns: [] });
    const partly = await check("huaweicloud:Vpc/vpc:Vpc", {
      cidr: UNKNOWN,
      secondaryCidrs: [UNKNOWN, "198.19.128.0/24"],
    });
    expect(partly.violations).toEqual([expect.stringContaining('secondaryCidrs[1] = "198.19.128.0/24"')]);
    expect(partly.couldNotRun).toBeUndefined();
    const unknownList = await check("huaweicloud:Vpc/routeTable:RouteTable", {
      vpcId: UNKNOWN,
      routes: UNKNOWN,
    });
    expect(unknownList).toEqual({ violations: [], urns: [] });
  });

  it("ignores resources of other types and values that are not addresses", async () => {
    expect((await check("aws:ec2/vpc:Vpc", { cidrBlock: "198.19.128.0/17" })).violations).toEqual([]);
    expect((await check("huaweicloud:Vpc/route:Route", { destination: "not-an-ip" })).violations).toEqual([]);
  });
});
