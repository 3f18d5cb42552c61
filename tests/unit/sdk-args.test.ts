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

const volcengineEndpoint: VpcEndpointArgs = {
  cloud: "volcengine",
  region: "cn-guangzhou",
  vpcId: "vpc-13fpdgwk7rxfk3n6nu44wisg7",
  serviceId: "epsvc-2d72mvzvfvz5s58ozfe3v4nm3",
  securityGroupIds: ["sg-bp67acfmxazb4p0000000000"],
  zones: [{ zoneId: "cn-guangzhou-a", subnetId: "subnet-bp15zckdt37pq72zv0000", privateIp: "172.16.0.20" }],
  waitForAcceptance: true,
};

export const volcengineCompileTimeChecks: VpcEndpointArgs[] = [
  volcengineEndpoint,
  // @ts-expect-error Volcengine endpoints take zones with their subnets, not one subnetId
  { ...volcengineEndpoint, subnetId: "subnet-bp15zckdt37pq72zv0000" },
  // @ts-expect-error the fixed address is per zone on Volcengine
  { ...volcengineEndpoint, privateIp: "172.16.0.20" },
  {
    ...volcengineEndpoint,
    // @ts-expect-error a zone names its zone and subnet; "ip" is not a field
    zones: [{ zoneId: "cn-guangzhou-a", subnetId: "subnet-bp15zckdt37pq72zv0000", ip: "172.16.0.20" }],
  },
];

export const volcengineServiceCompileTimeChecks: VpcEndpointServiceArgs[] = [
  {
    cloud: "volcengine",
    region: "cn-guangzhou",
    resources: [{ resourceId: "clb-13g2m6vtywef43n6nu4fjbj4z", zoneIds: ["cn-guangzhou-a"] }],
    serviceResourceType: "CLB",
    approvalRequired: false,
    permissions: ["2100000002"],
  },
  // @ts-expect-error NLB is not a Volcengine ServiceResourceType
  { cloud: "volcengine", region: "cn-guangzhou", resources: [], serviceResourceType: "NLB" },
  // @ts-expect-error Volcengine services have no port mappings (the backend's listeners are used)
  { cloud: "volcengine", region: "cn-guangzhou", resources: [], ports: [] },
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

  test("fail fast on a missing required Volcengine property, naming it", () => {
    const { zones: _zones, ...withoutZones } = volcengineEndpoint as Extract<
      VpcEndpointArgs,
      { cloud: "volcengine" }
    >;
    expect(() => new VpcEndpoint("ep", withoutZones as VpcEndpointArgs)).toThrow(
      "Missing required property 'zones'",
    );
    expect(
      () =>
        new VpcEndpointService("svc", {
          cloud: "volcengine",
          region: "cn-guangzhou",
        } as VpcEndpointServiceArgs),
    ).toThrow("Missing required property 'resources'");
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
