/**
 * Check refuses what the cloud refuses, exactly: addresses in standard form, each cloud's own
 * reserved-range rule, and the seed and reference limits. Every case asserts the property path.
 */
import { checkInputs } from "../../provider/schema/check.js";
import { UNKNOWN } from "../../provider/core/unknown.js";
import { Lifecycle } from "../../provider/resources/lifecycle.js";

const HW_UUID = (n: number) => `4189d3c2-8882-4871-a3c2-d380272eed8${n}`;

const huaweiEndpoint = (extra: Record<string, unknown> = {}) => ({
  cloud: "huaweicloud",
  region: "cn-north-4",
  vpcId: HW_UUID(0),
  subnetId: HW_UUID(1),
  serviceId: HW_UUID(2),
  ...extra,
});
const tencentEndpoint = (extra: Record<string, unknown> = {}) => ({
  cloud: "tencentcloud",
  region: "ap-guangzhou",
  vpcId: "vpc-abcd1234",
  subnetId: "subnet-abcd1234",
  serviceId: "vpcsvc-abcd1234",
  name: "orders",
  ...extra,
});
const huaweiService = (extra: Record<string, unknown> = {}) => ({
  cloud: "huaweicloud",
  region: "cn-north-4",
  vpcId: HW_UUID(0),
  portId: HW_UUID(3),
  serverType: "LB",
  ports: [{ clientPort: 443, serverPort: 8443 }],
  ...extra,
});
const tencentService = (extra: Record<string, unknown> = {}) => ({
  cloud: "tencentcloud",
  region: "ap-guangzhou",
  vpcId: "vpc-abcd1234",
  serviceInstanceId: "lb-abcd1234",
  serviceName: "orders",
  ...extra,
});

const endpointFailures = (news: Record<string, unknown>) => checkInputs("endpoint", news).failures;
const serviceFailures = (news: Record<string, unknown>) => checkInputs("endpointService", news).failures;

describe("addresses in standard form only", () => {
  test.each([
    ["a bare integer", "167772161"],
    ["hexadecimal", "0x0a000001"],
    ["a shortened address", "10.1"],
    ["a leading zero", "012.0.0.1"],
    ["an octal-looking octet that a lenient parser reads as 198.19.127.1", "198.19.0177.1"],
    ["an octet over 255", "10.0.0.256"],
    ["surrounding spaces", " 10.0.0.8"],
  ])("a whitelist entry with %s is refused", (_label, entry) => {
    expect(endpointFailures(huaweiEndpoint({ whitelist: [entry] }))).toEqual([
      { property: "whitelist.0", reason: expect.stringMatching(/dotted-decimal form without leading zeros/) },
    ]);
  });

  test.each(["010.0.0.8", "10.0.0.08", "4294967295"])("privateIp %s is refused on both clouds", (ip) => {
    expect(endpointFailures(huaweiEndpoint({ privateIp: ip }))).toEqual([
      { property: "privateIp", reason: expect.stringMatching(/dotted-decimal form/) },
    ]);
    expect(endpointFailures(tencentEndpoint({ privateIp: ip }))).toEqual([
      { property: "privateIp", reason: expect.stringMatching(/dotted-decimal form/) },
    ]);
  });

  test("a CIDR with host bits set is refused with the canonical form to write instead", () => {
    expect(endpointFailures(huaweiEndpoint({ whitelist: ["10.0.0.1/24"] }))).toEqual([
      {
        property: "whitelist.0",
        reason: expect.stringMatching(/canonical CIDR without host bits: write 10\.0\.0\.0\/24/),
      },
    ]);
  });

  test.each(["10.0.0.0/024", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/8/8"])("CIDR %s is refused", (cidr) => {
    expect(endpointFailures(huaweiEndpoint({ whitelist: [cidr] }))).toEqual([
      { property: "whitelist.0", reason: expect.stringMatching(/CIDR|prefix length/) },
    ]);
  });

  test("standard addresses and canonical CIDRs pass, and the whitelist is a sorted set", () => {
    const { inputs, failures } = checkInputs(
      "endpoint",
      huaweiEndpoint({ whitelist: ["10.1.0.0/16", "0.0.0.0/0", "192.168.0.7"], privateIp: "10.0.0.8" }),
    );
    expect(failures).toEqual([]);
    expect(inputs.whitelist).toEqual(["0.0.0.0/0", "10.1.0.0/16", "192.168.0.7"]);
  });
});

describe("each cloud's own reserved-range rule; org-wide rules belong to the policy pack", () => {
  test("Huawei refuses an endpoint address inside 198.19.128.0/17", () => {
    expect(endpointFailures(huaweiEndpoint({ privateIp: "198.19.200.1" }))).toEqual([
      { property: "privateIp", reason: expect.stringMatching(/inside 198\.19\.128\.0\/17/) },
    ]);
  });

  test("a whitelist lists client sources: 0.0.0.0/0 is open, not reserved, and passes check", () => {
    expect(endpointFailures(huaweiEndpoint({ whitelist: ["0.0.0.0/0", "198.19.128.0/17"] }))).toEqual([]);
  });

  test("Tencent documents no reserved range: an address inside it passes check", () => {
    expect(endpointFailures(tencentEndpoint({ privateIp: "198.19.140.3" }))).toEqual([]);
  });
});

describe("seed and reference limits", () => {
  test("Huawei organisation-path permissions are accepted next to accounts and *", () => {
    const { failures, inputs } = checkInputs(
      "endpointService",
      huaweiService({
        permissions: ["organizations:orgPath::o-1/r-2", "*", "iam:domain::" + "a".repeat(32)],
      }),
    );
    expect(failures).toEqual([]);
    expect(inputs.permissions).toEqual([
      "*",
      "iam:domain::" + "a".repeat(32),
      "organizations:orgPath::o-1/r-2",
    ]);
  });

  test("Tencent IpAddressType is an input (default Ipv4); the fixed address must be of that family", () => {
    expect(checkInputs("endpoint", tencentEndpoint()).inputs.ipAddressType).toBe("Ipv4");
    expect(
      endpointFailures(tencentEndpoint({ ipAddressType: "Ipv6", privateIp: "2402:4e00:1013::8" })),
    ).toEqual([]);
    expect(endpointFailures(tencentEndpoint({ ipAddressType: "Ipv6", privateIp: "10.0.0.8" }))).toEqual([
      {
        property: "privateIp",
        reason: expect.stringMatching(/must be an IPv6 address, as ipAddressType is Ipv6/),
      },
    ]);
    expect(endpointFailures(tencentEndpoint({ privateIp: "2402:4e00::8" }))).toEqual([
      {
        property: "privateIp",
        reason: expect.stringMatching(/must be an IPv4 address, as ipAddressType is Ipv4/),
      },
    ]);
    expect(endpointFailures(tencentEndpoint({ ipAddressType: "DualStack" }))).toEqual([
      { property: "ipAddressType", reason: expect.stringMatching(/must be one of Ipv4, Ipv6/) },
    ]);
    expect(serviceFailures(tencentService({ ipAddressType: "Ipv6" }))).toEqual([]);
  });

  test.each([
    ["2402:4E00:1013:0::8", /RFC 5952 form: write 2402:4e00:1013::8/],
    ["2402:4e00:0:0:0:0:0:8", /write 2402:4e00::8/],
    ["::", /IPv6 unicast address/],
    ["::ffff:10.0.0.1", /IPv6 unicast address|RFC 5952/],
  ])("a Tencent IPv6 address %s is refused with the form the cloud stores", (ip, reason) => {
    expect(endpointFailures(tencentEndpoint({ ipAddressType: "Ipv6", privateIp: ip }))).toEqual([
      { property: "privateIp", reason: expect.stringMatching(reason) },
    ]);
  });

  test("adoptId must be an id of the cloud's form", () => {
    expect(endpointFailures(huaweiEndpoint({ adoptId: "../vpc-endpoint-services" }))).toEqual([
      { property: "adoptId", reason: expect.stringMatching(/lowercase UUID/) },
    ]);
    expect(endpointFailures(tencentEndpoint({ adoptId: "vpcsvc-abcd1234" }))).toEqual([
      { property: "adoptId", reason: expect.stringMatching(/endpoint id such as vpce-/) },
    ]);
    expect(serviceFailures(tencentService({ adoptId: "vpcsvc-abcd1234" }))).toEqual([]);
  });

  test("Tencent regions are the seed's list", () => {
    expect(endpointFailures(tencentEndpoint({ region: "ap-mumbai" }))).toEqual([
      {
        property: "region",
        reason: expect.stringMatching(/must be one of ap-bangkok, .*sa-saopaulo \(got "ap-mumbai"\)/),
      },
    ]);
    expect(endpointFailures(tencentEndpoint({ region: "ap-shanghai-fsi" }))).toEqual([]);
  });

  test("Tencent security groups are an ordered list: the first is the primary, order is kept", () => {
    const groups = ["sg-zzzz9999", "sg-aaaa0000", "sg-mmmm5555"];
    expect(
      checkInputs("endpoint", tencentEndpoint({ securityGroupIds: groups })).inputs.securityGroupIds,
    ).toEqual(groups);
  });

  test.each([
    ["CLB", "lb-abcd1234", []],
    ["CDB", "cdb-abcd1234", []],
    ["CRS", "crs-abcd1234", []],
    ["GWLB", "gwlb-abcd1234", []],
    [
      "CLB",
      "cdb-abcd1234",
      [{ property: "serviceInstanceId", reason: expect.stringMatching(/CLB instance id such as lb-/) }],
    ],
    [
      "CDB",
      "lb-abcd1234",
      [{ property: "serviceInstanceId", reason: expect.stringMatching(/CDB instance id such as cdb-/) }],
    ],
    [
      "CLB",
      "lb-ABCD1234",
      [{ property: "serviceInstanceId", reason: expect.stringMatching(/backend instance id/) }],
    ],
    [
      "CLB",
      "lb-1",
      [{ property: "serviceInstanceId", reason: expect.stringMatching(/backend instance id/) }],
    ],
  ])("Tencent %s service with instance %s", (serviceType, serviceInstanceId, expected) => {
    expect(serviceFailures(tencentService({ serviceType, serviceInstanceId }))).toEqual(expected);
  });

  test("tag lengths count Unicode characters, as the clouds document them", () => {
    const emoji = "\u{1F680}";
    expect(endpointFailures(huaweiEndpoint({ tags: { [emoji.repeat(36)]: "v" } }))).toEqual([]);
    expect(endpointFailures(huaweiEndpoint({ tags: { [emoji.repeat(37)]: "v" } }))).toEqual([
      { property: `tags.${emoji.repeat(37)}`, reason: "tag key must be at most 36 characters (got 37)" },
    ]);
  });

  test("a tag key __proto__ is refused with a message, never silently dropped", () => {
    const tags = JSON.parse('{"__proto__": "x", "team": "a"}') as Record<string, string>;
    expect(endpointFailures(huaweiEndpoint({ tags }))).toEqual([
      { property: "tags.__proto__", reason: expect.stringMatching(/cannot pass through Pulumi/) },
    ]);
  });

  test("tag keys named like Object members are ordinary keys", () => {
    const { inputs, failures } = checkInputs(
      "endpoint",
      huaweiEndpoint({ tags: { constructor: "a", toString: "b" } }),
    );
    expect(failures).toEqual([]);
    expect(inputs.tags).toEqual({ constructor: "a", toString: "b" });
  });
});

describe("a preview with unknown values plans what up does", () => {
  const lifecycle = new Lifecycle("endpoint", undefined, () => undefined);
  const stored = {
    ...checkInputs("endpoint", huaweiEndpoint({ tags: { team: "a" } })).inputs,
    privateIp: "192.168.0.10",
    status: "accepted",
    state: "available",
  };

  test("an unknown tag value on a Huawei endpoint plans an update, not a replacement", () => {
    const checked = lifecycle.check(stored, {
      ...huaweiEndpoint({ tags: { team: UNKNOWN } }),
      __provider: "x",
    }).inputs;
    expect(lifecycle.diff("id", { ...stored, __provider: "x" }, checked)).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  test("an unknown whitelist plans an update of the whitelist and its flag", () => {
    const checked = lifecycle.check(stored, {
      ...huaweiEndpoint({ whitelist: UNKNOWN }),
      __provider: "x",
    }).inputs;
    expect(checked.enableWhitelist).toBe(UNKNOWN);
    expect(lifecycle.diff("id", { ...stored, __provider: "x" }, checked).replaces).toEqual([]);
  });

  test("an unknown service id plans exactly the replacement up makes", () => {
    const checked = lifecycle.check(stored, {
      ...huaweiEndpoint({ serviceId: UNKNOWN }),
      __provider: "x",
    }).inputs;
    expect(lifecycle.diff("id", { ...stored, __provider: "x" }, checked).replaces).toEqual(["serviceId"]);
  });
});

describe("Open Telekom Cloud: the current API's limits (seed 004 is an old edition)", () => {
  const otcService = (extra: Record<string, unknown> = {}) => ({
    ...huaweiService(),
    cloud: "opentelekomcloud",
    region: "eu-de",
    ...extra,
  });
  const otcEndpoint = (extra: Record<string, unknown> = {}) => ({
    ...huaweiEndpoint(),
    cloud: "opentelekomcloud",
    region: "eu-de",
    ...extra,
  });

  test("defaults: approval required and DNS off, always sent; TCP; tcp_proxy close", () => {
    expect(checkInputs("endpointService", otcService()).inputs).toMatchObject({
      approvalRequired: true,
      tcpProxy: "close",
      ports: [{ clientPort: 443, serverPort: 8443, protocol: "TCP" }],
    });
    expect(checkInputs("endpoint", otcEndpoint()).inputs).toMatchObject({ enableDns: false });
  });

  test("server types LB, VM and the deprecated VIP and BMS; no others", () => {
    for (const serverType of ["LB", "VM", "VIP", "BMS"]) {
      expect(serviceFailures(otcService({ serverType }))).toEqual([]);
    }
    expect(serviceFailures(otcService({ serverType: "GATEWAY" }))).toEqual([
      { property: "serverType", reason: expect.stringMatching(/must be one of LB, VM, VIP, BMS/) },
    ]);
  });

  test("20 tags of letters, digits, - _ @ only; Huawei's wider charset is refused", () => {
    const twenty = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, "v"]));
    expect(serviceFailures(otcService({ tags: twenty }))).toEqual([]);
    expect(serviceFailures(otcService({ tags: { ...twenty, k20: "v" } }))).toEqual([
      { property: "tags", reason: expect.stringMatching(/at most 20/) },
    ]);
    expect(endpointFailures(otcEndpoint({ tags: { "team.name": "a" } }))).toEqual([
      { property: "tags.team.name", reason: expect.stringMatching(/letters, digits, '-', '_' and '@'/) },
    ]);
    expect(endpointFailures(otcEndpoint({ tags: { team: "a b" } }))).toEqual([
      { property: "tags.team", reason: expect.stringMatching(/letters, digits, '-', '_' and '@'/) },
    ]);
  });

  test("permissions: accounts or a bare *; no organisation paths, no permission type", () => {
    expect(serviceFailures(otcService({ permissions: ["*", "iam:domain::" + "b".repeat(32)] }))).toEqual([]);
    expect(serviceFailures(otcService({ permissions: ["organizations:orgPath::o-1/r-2"] }))).toEqual([
      { property: "permissions.0", reason: expect.stringMatching(/iam:domain::<32-hex domain id> or "\*"/) },
    ]);
  });

  test("fields OTC does not take are refused by name", () => {
    expect(serviceFailures(otcService({ vipPortId: HW_UUID(4) }))).toEqual([
      { property: "vipPortId", reason: expect.stringMatching(/not supported by Open Telekom Cloud/) },
    ]);
    expect(endpointFailures(otcEndpoint({ securityGroupIds: ["sg-1"] }))).toEqual([
      { property: "securityGroupIds", reason: expect.stringMatching(/not supported by Open Telekom Cloud/) },
    ]);
  });

  test("regions: eu-de and eu-nl, whose catalogs list VPCEP; the reserved range holds", () => {
    expect(endpointFailures(otcEndpoint({ region: "eu-nl" }))).toEqual([]);
    expect(endpointFailures(otcEndpoint({ region: "eu-ch2" }))).toEqual([
      { property: "region", reason: expect.stringMatching(/Open Telekom Cloud region/) },
    ]);
    expect(endpointFailures(otcEndpoint({ region: "cn-north-4" }))).toEqual([
      { property: "region", reason: expect.stringMatching(/Open Telekom Cloud region such as eu-de/) },
    ]);
    expect(endpointFailures(otcEndpoint({ privateIp: "198.19.128.10" }))).toEqual([
      { property: "privateIp", reason: expect.stringMatching(/inside 198\.19\.128\.0\/17/) },
    ]);
  });

  test("a gateway endpoint (route tables) may go without a subnet; an interface endpoint may not", () => {
    const { subnetId: _subnet, ...gateway } = otcEndpoint({ routeTableIds: [HW_UUID(6)] });
    expect(endpointFailures(gateway)).toEqual([]);
    const { subnetId: _none, ...noSubnet } = otcEndpoint();
    expect(endpointFailures(noSubnet)).toEqual([
      { property: "subnetId", reason: expect.stringMatching(/is required \(interface endpoints\)/) },
    ]);
  });

  test("tag keys may start with _sys_ on OTC (only Huawei reserves that prefix)", () => {
    expect(endpointFailures(otcEndpoint({ tags: { _sys_x: "a" } }))).toEqual([]);
    expect(endpointFailures(huaweiEndpoint({ tags: { _sys_x: "a" } }))).toEqual([
      { property: "tags._sys_x", reason: expect.any(String) },
    ]);
  });

  test("route tables are a set of UUIDs", () => {
    const { failures, inputs } = checkInputs(
      "endpoint",
      otcEndpoint({ routeTableIds: [HW_UUID(6), HW_UUID(5)] }),
    );
    expect(failures).toEqual([]);
    expect(inputs.routeTableIds).toEqual([HW_UUID(5), HW_UUID(6)]);
    expect(endpointFailures(otcEndpoint({ routeTableIds: ["rtb-1"] }))).toEqual([
      { property: "routeTableIds.0", reason: expect.stringMatching(/lowercase UUID/) },
    ]);
  });
});

describe("Volcengine: the limits of seed 001 and the fact sheet, each on its property path", () => {
  const ID = (prefix: string, n = 1) => `${prefix}-${String(n).repeat(3)}fpdgwk7rxfk3n6nu44wisg7`;
  const volcEndpoint = (extra: Record<string, unknown> = {}) => ({
    cloud: "volcengine",
    region: "cn-guangzhou",
    vpcId: ID("vpc"),
    serviceId: ID("epsvc"),
    securityGroupIds: [ID("sg")],
    zones: [{ zoneId: "cn-guangzhou-a", subnetId: ID("subnet") }],
    ...extra,
  });
  const volcService = (extra: Record<string, unknown> = {}) => ({
    cloud: "volcengine",
    region: "cn-guangzhou",
    resources: [{ resourceId: ID("clb") }],
    ...extra,
  });

  test("a list entry a cross-field rule refuses is named by the program's index, not the sorted one", () => {
    const zones = [
      { zoneId: "cn-guangzhou-b", subnetId: ID("subnet", 2) },
      { zoneId: "cn-guangzhou-c", subnetId: ID("subnet", 3) },
      { zoneId: "cn-beijing-a", subnetId: ID("subnet", 4) },
    ];
    expect(endpointFailures(volcEndpoint({ zones }))).toEqual([
      { property: "zones.2.zoneId", reason: expect.stringMatching(/must be a zone of cn-guangzhou/) },
    ]);
    const resources = [{ resourceId: ID("clb", 2) }, { resourceId: ID("alb") }];
    expect(serviceFailures(volcService({ serviceResourceType: "ALB", resources }))).toEqual([
      { property: "resources.0.resourceId", reason: expect.stringMatching(/must be a ALB id/) },
    ]);
  });

  test("a backend's zoneIds list is never empty (absent means all zones); private DNS needs its name", () => {
    expect(serviceFailures(volcService({ resources: [{ resourceId: ID("clb"), zoneIds: [] }] }))).toEqual([
      { property: "resources.0.zoneIds", reason: expect.stringMatching(/at least one zone/) },
    ]);
    expect(serviceFailures(volcService({ privateDnsEnabled: true }))).toEqual([
      { property: "privateDnsName", reason: "is required when privateDnsEnabled is true" },
    ]);
    expect(
      serviceFailures(volcService({ privateDnsEnabled: true, privateDnsName: "api.example.com" })),
    ).toEqual([]);
  });

  test("a service name of another region is refused on serviceName", () => {
    const { serviceId: _id, ...byName } = volcEndpoint({
      serviceName: `com.volces.privatelink.cn-beijing.${ID("epsvc")}`,
    });
    expect(endpointFailures(byName)).toEqual([
      { property: "serviceName", reason: expect.stringMatching(/names a service of cn-beijing/) },
    ]);
  });

  test("Chinese characters are those of U+4E00–U+9FA5, as the cloud's validators take them", () => {
    expect(endpointFailures(volcEndpoint({ name: "订单-1" }))).toEqual([]);
    expect(endpointFailures(volcEndpoint({ name: "々abc" }))).toEqual([
      { property: "name", reason: expect.any(String) },
    ]);
  });

  test("a minimal endpoint and service pass, with the documented defaults filled in", () => {
    const endpoint = checkInputs("endpoint", volcEndpoint());
    expect(endpoint.failures).toEqual([]);
    expect(endpoint.inputs).toMatchObject({ description: "", privateDnsEnabled: false, tags: {} });
    const service = checkInputs("endpointService", volcService());
    expect(service.failures).toEqual([]);
    // approvalRequired is always sent as AutoAcceptEnabled, so it always has a value.
    expect(service.inputs).toMatchObject({
      serviceResourceType: "CLB",
      approvalRequired: true,
      permissions: [],
    });
  });

  test.each([
    ["", /must not be empty/],
    ["x".repeat(129), /at most 128 characters/],
    ["-lead", /must start with a letter, digit or Chinese character/],
    ["has space", /only letters, digits, Chinese characters and \. _ -/],
  ])("endpoint name %j is refused", (name, reason) => {
    expect(endpointFailures(volcEndpoint({ name }))).toEqual([
      { property: "name", reason: expect.stringMatching(reason) },
    ]);
  });

  test("names and descriptions take Chinese characters and the documented punctuation", () => {
    expect(
      endpointFailures(volcEndpoint({ name: "订单.ep_1-a", description: "订单服务，内网。a=b, c_d-e." })),
    ).toEqual([]);
  });

  test.each([
    ["x".repeat(256), /at most 255 characters/],
    [" lead", /must start with a letter, digit or Chinese character/],
    ["semi;colon", /spaces and , \. _ = - ， 。/],
  ])("description %j is refused on endpoints and services", (description, reason) => {
    expect(endpointFailures(volcEndpoint({ description }))).toEqual([
      { property: "description", reason: expect.stringMatching(reason) },
    ]);
    expect(serviceFailures(volcService({ description }))).toEqual([
      { property: "description", reason: expect.stringMatching(reason) },
    ]);
  });

  test("tags: volc: and sys: are reserved in any case, at most 20, no edge spaces, the documented charset", () => {
    expect(endpointFailures(volcEndpoint({ tags: { "VOLC:x": "a", "Sys:y": "b" } }))).toEqual([
      { property: "tags.VOLC:x", reason: expect.stringMatching(/must not start with "volc:"/) },
      { property: "tags.Sys:y", reason: expect.stringMatching(/must not start with "sys:"/) },
    ]);
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"]));
    expect(serviceFailures(volcService({ tags: many }))).toEqual([
      { property: "tags", reason: expect.stringMatching(/at most 20 tags/) },
    ]);
    expect(endpointFailures(volcEndpoint({ tags: { " k": "v", k2: "v#" } }))).toEqual([
      { property: "tags. k", reason: "tag key must not start or end with a space" },
      { property: "tags.k2", reason: expect.stringMatching(/tag value may contain only/) },
    ]);
    expect(endpointFailures(volcEndpoint({ tags: { "a:b/c=d+e-f@g.h_i j": "" } }))).toEqual([]);
  });

  test("security groups: 1 to 5, no duplicates, order kept", () => {
    expect(endpointFailures(volcEndpoint({ securityGroupIds: [] }))).toEqual([
      { property: "securityGroupIds", reason: "must list 1 to 5 security groups (got 0)" },
    ]);
    const six = [1, 2, 3, 4, 5, 6].map((n) => ID("sg", n));
    expect(endpointFailures(volcEndpoint({ securityGroupIds: six }))).toEqual([
      { property: "securityGroupIds", reason: "must list 1 to 5 security groups (got 6)" },
    ]);
    expect(endpointFailures(volcEndpoint({ securityGroupIds: [ID("sg"), ID("sg")] }))).toEqual([
      { property: "securityGroupIds.1", reason: expect.stringMatching(/duplicate entry/) },
    ]);
    const ordered = [ID("sg", 3), ID("sg", 1), ID("sg", 2)];
    expect(
      checkInputs("endpoint", volcEndpoint({ securityGroupIds: ordered })).inputs.securityGroupIds,
    ).toEqual(ordered);
  });

  test("zones: 1 to 10, one per zone, of the region; a fixed IP must be an address; the set is sorted", () => {
    expect(endpointFailures(volcEndpoint({ zones: [] }))).toEqual([
      { property: "zones", reason: "must list 1 to 10 zones (got 0)" },
    ]);
    const twice = [
      { zoneId: "cn-guangzhou-a", subnetId: ID("subnet", 1) },
      { zoneId: "cn-guangzhou-a", subnetId: ID("subnet", 2) },
    ];
    expect(endpointFailures(volcEndpoint({ zones: twice }))).toEqual([
      { property: "zones.1.zoneId", reason: 'duplicate zone "cn-guangzhou-a"' },
    ]);
    expect(
      endpointFailures(
        volcEndpoint({
          zones: [{ zoneId: "cn-guangzhou-a", subnetId: ID("subnet"), privateIp: "172.16.0.256" }],
        }),
      ),
    ).toEqual([{ property: "zones.0.privateIp", reason: expect.stringMatching(/must be an IPv4 address/) }]);
    expect(
      endpointFailures(volcEndpoint({ zones: [{ zoneId: "cn-beijing-a", subnetId: ID("subnet") }] })),
    ).toEqual([
      { property: "zones.0.zoneId", reason: expect.stringMatching(/must be a zone of cn-guangzhou/) },
    ]);
    expect(
      endpointFailures(
        volcEndpoint({ zones: [{ zoneId: "cn-guangzhou-a", subnetId: ID("subnet"), ip: "1.2.3.4" }] }),
      ),
    ).toEqual([{ property: "zones.0.ip", reason: "is not supported by Volcengine VPC endpoint" }]);
    const unsorted = [
      { zoneId: "cn-guangzhou-b", subnetId: ID("subnet", 2) },
      { zoneId: "cn-guangzhou-a", subnetId: ID("subnet", 1) },
    ];
    const zones = checkInputs("endpoint", volcEndpoint({ zones: unsorted })).inputs.zones as {
      zoneId: string;
    }[];
    expect(zones.map((z) => z.zoneId)).toEqual(["cn-guangzhou-a", "cn-guangzhou-b"]);
  });

  test("Volcengine documents no reserved range: an address inside 198.19.128.0/17 passes check", () => {
    expect(
      endpointFailures(
        volcEndpoint({
          zones: [{ zoneId: "cn-guangzhou-a", subnetId: ID("subnet"), privateIp: "198.19.130.4" }],
        }),
      ),
    ).toEqual([]);
  });

  test("serviceId or serviceName: one is required, and two must agree", () => {
    const { serviceId: _id, ...withoutService } = volcEndpoint();
    expect(endpointFailures(withoutService)).toEqual([
      { property: "serviceId", reason: "is required unless serviceName is given" },
    ]);
    const name = `com.volces.privatelink.cn-guangzhou.${ID("epsvc")}`;
    expect(endpointFailures({ ...withoutService, serviceName: name })).toEqual([]);
    expect(endpointFailures(volcEndpoint({ serviceName: name }))).toEqual([]);
    expect(
      endpointFailures(
        volcEndpoint({ serviceName: `com.volces.privatelink.cn-guangzhou.${ID("epsvc", 2)}` }),
      ),
    ).toEqual([
      {
        property: "serviceName",
        reason: expect.stringMatching(/names service epsvc-222.*but serviceId is epsvc-111/),
      },
    ]);
  });

  test("ids, regions and the service's backends have the cloud's forms", () => {
    expect(endpointFailures(volcEndpoint({ vpcId: "vpc-abc" }))).toEqual([
      { property: "vpcId", reason: expect.stringMatching(/VPC id such as vpc-/) },
    ]);
    expect(endpointFailures(volcEndpoint({ region: "cn-shenzhen" }))).toEqual([
      { property: "region", reason: expect.stringMatching(/must be one of cn-beijing, .*ap-southeast-3/) },
    ]);
    expect(endpointFailures(volcEndpoint({ adoptId: ID("epsvc") }))).toEqual([
      { property: "adoptId", reason: expect.stringMatching(/endpoint id such as ep-/) },
    ]);
    expect(serviceFailures(volcService({ serviceResourceType: "ALB" }))).toEqual([
      { property: "resources.0.resourceId", reason: expect.stringMatching(/must be a ALB id such as alb-/) },
    ]);
    expect(serviceFailures(volcService({ serviceResourceType: "NLB" }))).toEqual([
      { property: "serviceResourceType", reason: expect.stringMatching(/must be one of CLB, ALB, RDSMySQL/) },
    ]);
    expect(serviceFailures(volcService({ resources: [] }))).toEqual([
      { property: "resources", reason: "must list 1 to 20 resources (got 0)" },
    ]);
    expect(
      serviceFailures(volcService({ resources: [{ resourceId: ID("clb") }, { resourceId: ID("clb") }] })),
    ).toEqual([{ property: "resources.1.resourceId", reason: expect.stringMatching(/duplicate resource/) }]);
    expect(
      serviceFailures(volcService({ resources: [{ resourceId: ID("clb"), zoneIds: ["cn-beijing-a"] }] })),
    ).toEqual([
      { property: "resources.0.zoneIds.0", reason: expect.stringMatching(/must be a zone of cn-guangzhou/) },
    ]);
    expect(serviceFailures(volcService({ permissions: ["2100000001", "acct-1"] }))).toEqual([
      { property: "permissions.1", reason: expect.stringMatching(/Volcengine account id/) },
    ]);
  });

  test("fields Volcengine does not take fail check, naming the cloud", () => {
    expect(endpointFailures(volcEndpoint({ subnetId: ID("subnet") }))).toEqual([
      { property: "subnetId", reason: "is not supported by Volcengine VPC endpoint" },
    ]);
    expect(serviceFailures(volcService({ ports: [] }))).toEqual([
      { property: "ports", reason: "is not supported by Volcengine VPC endpoint service" },
    ]);
  });
});
