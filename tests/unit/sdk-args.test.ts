/**
 * The resource args are a discriminated union on `cloud`: a field the chosen cloud does not support
 * is a compile error (checked by tsc, which builds this file before the tests run: an unused
 * `@ts-expect-error` fails the build), and a missing required property fails before any I/O.
 */
import {
  VpcEndpoint,
  VpcEndpointService,
  type VpcEndpointArgs,
  type VpcEndpointServiceArgs,
} from "../../sdk/index.js";

const tencentEndpoint: VpcEndpointArgs = {
  cloud: "tencentcloud",
  region: "ap-guangzhou",
  vpcId: "vpc-abcd1234",
  subnetId: "subnet-abcd1234",
  serviceId: "vpcsvc-abcd1234",
  name: "orders",
  securityGroupIds: ["sg-abcd1234"],
};

export const compileTimeChecks: VpcEndpointArgs[] = [
  tencentEndpoint,
  // @ts-expect-error whitelist exists only on Huawei Cloud endpoints
  { ...tencentEndpoint, whitelist: ["10.0.0.0/24"] },
  {
    cloud: "huaweicloud",
    region: "cn-north-4",
    vpcId: "v",
    subnetId: "s",
    serviceId: "x",
    // @ts-expect-error security groups exist only on Tencent Cloud endpoints
    securityGroupIds: ["sg-abcd1234"],
  },
];

const otcService: VpcEndpointServiceArgs = {
  cloud: "opentelekomcloud",
  region: "eu-de",
  vpcId: "v",
  portId: "p",
  serverType: "BMS",
  ports: [{ clientPort: 443, serverPort: 8443 }],
  permissions: ["*"],
};

export const otcCompileTimeChecks: VpcEndpointServiceArgs[] = [
  otcService,
  // @ts-expect-error OTC removed vip_port_id from the service calls
  { ...otcService, vipPortId: "p" },
  // @ts-expect-error Tencent's serviceType is not an OTC input
  { ...otcService, serviceType: "CLB" },
];

export const otcEndpointCompileTimeChecks: VpcEndpointArgs[] = [
  {
    cloud: "opentelekomcloud",
    region: "eu-de",
    vpcId: "v",
    subnetId: "s",
    serviceId: "x",
    routeTableIds: ["r"],
    whitelist: ["10.0.0.0/24"],
  },
  // @ts-expect-error an OTC endpoint has no name input (Tencent's)
  { cloud: "opentelekomcloud", region: "eu-de", vpcId: "v", subnetId: "s", serviceId: "x", name: "n" },
];

export const serviceCompileTimeChecks: VpcEndpointServiceArgs[] = [
  // @ts-expect-error a Huawei service needs its port mappings
  { cloud: "huaweicloud", region: "cn-north-4", vpcId: "v", portId: "p", serverType: "LB" },
  // @ts-expect-error serverType LB2 is not a Huawei server type
  { cloud: "huaweicloud", region: "cn-north-4", vpcId: "v", portId: "p", serverType: "LB2", ports: [] },
];

describe("SDK constructors", () => {
  test("fail fast on a missing required property, naming it", () => {
    const { name: _name, ...withoutName } = tencentEndpoint as Extract<
      VpcEndpointArgs,
      { cloud: "tencentcloud" }
    >;
    expect(() => new VpcEndpoint("ep", withoutName as VpcEndpointArgs)).toThrow(
      "Missing required property 'name'",
    );
    expect(
      () =>
        new VpcEndpointService("svc", {
          cloud: "huaweicloud",
          region: "cn-north-4",
          vpcId: "v",
        } as VpcEndpointServiceArgs),
    ).toThrow("Missing required property 'portId'");
  });

  test("carry the type tokens policies match on", () => {
    expect(VpcEndpoint.__pulumiType).toBe("pulumi-nodejs:dynamic/vpcep:VpcEndpoint");
    expect(VpcEndpointService.__pulumiType).toBe("pulumi-nodejs:dynamic/vpcep:VpcEndpointService");
    expect(VpcEndpoint.isInstance({ __pulumiType: "pulumi-nodejs:dynamic/vpcep:VpcEndpoint" })).toBe(true);
    expect(VpcEndpointService.isInstance({ __pulumiType: "pulumi-nodejs:dynamic/vpcep:VpcEndpoint" })).toBe(
      false,
    );
  });
});
