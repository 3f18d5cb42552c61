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

  test("regions: eu-de and eu-nl (eu-ch2 through the endpoint override); the reserved range holds", () => {
    expect(endpointFailures(otcEndpoint({ region: "eu-nl" }))).toEqual([]);
    expect(endpointFailures(otcEndpoint({ region: "cn-north-4" }))).toEqual([
      { property: "region", reason: expect.stringMatching(/Open Telekom Cloud region such as eu-de/) },
    ]);
    expect(endpointFailures(otcEndpoint({ privateIp: "198.19.128.10" }))).toEqual([
      { property: "privateIp", reason: expect.stringMatching(/inside 198\.19\.128\.0\/17/) },
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
