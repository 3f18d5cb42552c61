import { checkInputs } from "../../provider/schema/check.js";
import { UNKNOWN } from "../../provider/core/unknown.js";

const HW_UUID = (n: number) => `4189d3c2-8882-4871-a3c2-d380272eed8${n}`;

const huaweiEndpoint = () => ({
  cloud: "huaweicloud",
  region: "cn-north-4",
  vpcId: HW_UUID(0),
  subnetId: HW_UUID(1),
  serviceId: HW_UUID(2),
  __provider: "stub",
});

const tencentEndpoint = () => ({
  cloud: "tencentcloud",
  region: "ap-guangzhou",
  vpcId: "vpc-abcd1234",
  subnetId: "subnet-abcd1234",
  serviceId: "vpcsvc-abcd1234",
  name: "orders",
});

const huaweiService = () => ({
  cloud: "huaweicloud",
  region: "cn-north-4",
  vpcId: HW_UUID(0),
  portId: HW_UUID(3),
  serverType: "LB",
  ports: [{ clientPort: 443, serverPort: 8443 }],
});

const tencentService = () => ({
  cloud: "tencentcloud",
  region: "ap-guangzhou",
  vpcId: "vpc-abcd1234",
  serviceInstanceId: "lb-abcd1234",
  serviceName: "orders",
});

const endpointFailures = (news: Record<string, unknown>) => checkInputs("endpoint", news).failures;
const serviceFailures = (news: Record<string, unknown>) => checkInputs("endpointService", news).failures;

describe("VpcEndpoint check", () => {
  test("a minimal Huawei endpoint passes and gets the documented defaults, keeping __provider", () => {
    const { inputs, failures } = checkInputs("endpoint", huaweiEndpoint());
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({
      enableDns: false,
      whitelist: [],
      enableWhitelist: false,
      description: "",
      tags: {},
      waitForAcceptance: false,
      __provider: "stub",
    });
  });

  test("a whitelist turns enforcement on unless the user said otherwise", () => {
    const on = checkInputs("endpoint", { ...huaweiEndpoint(), whitelist: ["10.0.1.0/24", "10.0.0.5"] });
    expect(on.inputs).toMatchObject({ enableWhitelist: true, whitelist: ["10.0.0.5", "10.0.1.0/24"] });
    const off = checkInputs("endpoint", {
      ...huaweiEndpoint(),
      whitelist: ["10.0.0.5"],
      enableWhitelist: false,
    });
    expect(off.inputs).toMatchObject({ enableWhitelist: false });
  });

  test.each([
    ["privateIp", { privateIp: "198.19.128.1" }, "privateIp", /inside 198\.19\.128\.0\/17/],
    [
      "privateIp at the top of the range",
      { privateIp: "198.19.255.255" },
      "privateIp",
      /inside 198\.19\.128\.0\/17/,
    ],
    ["malformed IP", { privateIp: "10.0.0.300" }, "privateIp", /must be an IPv4 address/],
    ["malformed CIDR", { whitelist: ["10.0.0.0/33"] }, "whitelist.0", /prefix length from 0 to 32/],
    ["IPv6 in a v4 whitelist", { whitelist: ["::/0"] }, "whitelist.0", /IPv4 CIDR/],
    ["duplicate whitelist entry", { whitelist: ["10.0.0.1", "10.0.0.1"] }, "whitelist.1", /duplicate/],
    [
      "too many whitelist entries",
      { whitelist: Array.from({ length: 21 }, (_, i) => `10.0.${i}.0/24`) },
      "whitelist",
      /at most 20/,
    ],
    ["description too long", { description: "x".repeat(129) }, "description", /at most 128/],
    ["description with markup", { description: "<b>" }, "description", /< or >/],
    ["vpcId not a UUID", { vpcId: "vpc-1" }, "vpcId", /lowercase UUID/],
    ["bad region", { region: "north" }, "region", /Huawei Cloud region/],
    [
      "21 tags",
      { tags: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"])) },
      "tags",
      /at most 20 tags/,
    ],
    ["tag key with a forbidden character", { tags: { "a=b": "v" } }, "tags.a=b", /must not contain/],
    ["tag key too long", { tags: { ["k".repeat(37)]: "v" } }, `tags.${"k".repeat(37)}`, /at most 36/],
    ["tag value too long", { tags: { k: "v".repeat(44) } }, "tags.k", /tag value must be at most 43/],
    ["tag key with edge spaces", { tags: { " k": "v" } }, "tags. k", /start or end with a space/],
    ["bad timeout", { timeouts: { create: "ten minutes" } }, "timeouts.create", /duration/],
    [
      "a Tencent-only field",
      { securityGroupIds: ["sg-abcd1234"] },
      "securityGroupIds",
      /not supported by Huawei Cloud VPC endpoint/,
    ],
  ])("Huawei: %s fails naming the property and the rule", (_label, change, property, reason) => {
    const failures = endpointFailures({ ...huaweiEndpoint(), ...change });
    expect(failures).toContainEqual({ property, reason: expect.stringMatching(reason) });
  });

  test.each([
    ["name too long", { name: "n".repeat(61) }, "name", /at most 60/],
    ["missing name", { name: undefined }, "name", /.+/],
    ["bad security group id", { securityGroupIds: ["group1"] }, "securityGroupIds.0", /security group id/],
    [
      "duplicate security group",
      { securityGroupIds: ["sg-abcd1234", "sg-abcd1234"] },
      "securityGroupIds.1",
      /duplicate/,
    ],
    ["bad service id", { serviceId: "svc-1" }, "serviceId", /vpcsvc-/],
    ["reserved tag prefix", { tags: { "qcs:owner": "x" } }, "tags.qcs:owner", /reserved by Tencent Cloud/],
    ["empty tag value", { tags: { k: "" } }, "tags.k", /tag value must not be empty/],
    ["a Huawei-only field", { whitelist: ["10.0.0.0/24"] }, "whitelist", /not supported by Tencent Cloud/],
  ])("Tencent: %s fails naming the property and the rule", (_label, change, property, reason) => {
    const failures = endpointFailures({ ...tencentEndpoint(), ...change });
    expect(failures).toContainEqual({ property, reason: expect.stringMatching(reason) });
  });

  test("an unsupported cloud is named", () => {
    expect(endpointFailures({ ...tencentEndpoint(), cloud: "aws" })).toEqual([
      { property: "cloud", reason: expect.stringMatching(/must be one of huaweicloud, tencentcloud/) },
    ]);
  });

  test("unknown values during preview are not failures; known fields are checked and get their defaults", () => {
    const news = { ...huaweiEndpoint(), serviceId: UNKNOWN, whitelist: UNKNOWN, tags: { a: UNKNOWN } };
    const outcome = checkInputs("endpoint", news);
    expect(outcome.failures).toEqual([]);
    expect(outcome.inputs).toEqual({
      ...huaweiEndpoint(),
      serviceId: UNKNOWN,
      whitelist: UNKNOWN,
      tags: { a: UNKNOWN },
      // A default that depends on an unknown field is unknown; the others are filled.
      enableWhitelist: UNKNOWN,
      enableDns: false,
      description: "",
      waitForAcceptance: false,
    });
    // Known fields are still checked alongside unknown ones.
    expect(endpointFailures({ ...news, privateIp: "198.19.128.9" })).toEqual([
      { property: "privateIp", reason: expect.stringMatching(/reserve/) },
    ]);
  });
});

describe("VpcEndpointService check", () => {
  test("a minimal Huawei service gets the API's defaults", () => {
    const { inputs, failures } = checkInputs("endpointService", huaweiService());
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({
      approvalRequired: true,
      permissions: [],
      tcpProxy: "close",
      description: "",
      ports: [{ clientPort: 443, serverPort: 8443, protocol: "TCP" }],
    });
  });

  test("port mappings and permissions are sets: sorted on the way in", () => {
    const { inputs } = checkInputs("endpointService", {
      ...huaweiService(),
      ports: [
        { clientPort: 8080, serverPort: 80 },
        { clientPort: 53, serverPort: 53 },
        { clientPort: 443, serverPort: 8443 },
      ],
      permissions: ["iam:domain::ffffffffffffffffffffffffffffffff", "*"],
    });
    expect((inputs as { ports: unknown[] }).ports).toEqual([
      { clientPort: 53, serverPort: 53, protocol: "TCP" },
      { clientPort: 443, serverPort: 8443, protocol: "TCP" },
      { clientPort: 8080, serverPort: 80, protocol: "TCP" },
    ]);
    expect((inputs as { permissions: string[] }).permissions).toEqual([
      "*",
      "iam:domain::ffffffffffffffffffffffffffffffff",
    ]);
  });

  test.each([
    ["port 0", { ports: [{ clientPort: 0, serverPort: 80 }] }, "ports.0.clientPort", /between 1 and 65535/],
    [
      "port 65536",
      { ports: [{ clientPort: 80, serverPort: 65536 }] },
      "ports.0.serverPort",
      /between 1 and 65535/,
    ],
    ["fractional port", { ports: [{ clientPort: 80.5, serverPort: 80 }] }, "ports.0.clientPort", /integer/],
    ["no ports", { ports: [] }, "ports", /at least one/],
    [
      "201 ports",
      { ports: Array.from({ length: 201 }, (_, i) => ({ clientPort: i + 1, serverPort: 80 })) },
      "ports",
      /at most 200/,
    ],
    [
      "duplicate client port",
      {
        ports: [
          { clientPort: 80, serverPort: 1 },
          { clientPort: 80, serverPort: 2 },
        ],
      },
      "ports.1.clientPort",
      /duplicate TCP client port 80/,
    ],
    [
      "UDP (seed 003: the protocol can be TCP)",
      { ports: [{ clientPort: 53, serverPort: 53, protocol: "UDP" }] },
      "ports.0.protocol",
      /must be one of TCP \(got "UDP"\)/,
    ],
    ["bad server type", { serverType: "ELB" }, "serverType", /VM, VIP, LB/],
    ["service name too long", { serviceName: "s".repeat(17) }, "serviceName", /at most 16/],
    ["service name charset", { serviceName: "my.service" }, "serviceName", /letters, digits/],
    ["wildcard domain permission", { permissions: ["iam:domain::*"] }, "permissions.0", /use "\*"/],
    ["malformed permission", { permissions: ["domain-1"] }, "permissions.0", /iam:domain::/],
    ["bad tcpProxy", { tcpProxy: "on" }, "tcpProxy", /close, toa_open/],
    [
      "11 tags",
      { tags: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"])) },
      "tags",
      /at most 10 tags/,
    ],
    [
      "a Tencent-only field",
      { serviceInstanceId: "lb-1" },
      "serviceInstanceId",
      /not supported by Huawei Cloud/,
    ],
  ])("Huawei: %s fails naming the property and the rule", (_label, change, property, reason) => {
    expect(serviceFailures({ ...huaweiService(), ...change })).toContainEqual({
      property,
      reason: expect.stringMatching(reason),
    });
  });

  test.each([
    ["name too long", { serviceName: "n".repeat(61) }, "serviceName", /at most 60/],
    ["bad service type", { serviceType: "ELB" }, "serviceType", /CLB, CDB, CRS, GWLB/],
    ["permission not a UIN", { permissions: ["alice"] }, "permissions.0", /UIN/],
    [
      "51 tags",
      { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) },
      "tags",
      /at most 50 tags/,
    ],
    [
      "tag key of 128 characters",
      { tags: { ["k".repeat(128)]: "v" } },
      `tags.${"k".repeat(128)}`,
      /at most 127/,
    ],
    ["a Huawei-only field", { ports: [] }, "ports", /not supported by Tencent Cloud VPC endpoint service/],
  ])("Tencent: %s fails naming the property and the rule", (_label, change, property, reason) => {
    expect(serviceFailures({ ...tencentService(), ...change })).toContainEqual({
      property,
      reason: expect.stringMatching(reason),
    });
  });
});
