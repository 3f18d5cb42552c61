/** The resources the integration suites declare, with overrides per test. */
import { EMULATOR_CREDENTIALS } from "../../emulator/index.js";
import { volcengineNetwork } from "../../emulator/clouds/volcengine/network.js";
import type { Declared } from "./engine.js";

type Args = Record<string, unknown>;

/** A Huawei endpoint service on an LB port, auto-accepting. */
export const huaweiService = (overrides: Args = {}, name = "svc"): Declared => ({
  kind: "VpcEndpointService",
  name,
  args: {
    cloud: "huaweicloud",
    region: "cn-north-4",
    vpcId: "0b1c7f5e-3a55-4d2c-9a51-2f7a1c9e0a10",
    portId: "6a0e3f8b-9d1c-4b7e-8f23-5c4d2e1a9b30",
    serverType: "LB",
    serviceName: "orders",
    ports: [{ clientPort: 443, serverPort: 8443 }],
    approvalRequired: false,
    tags: { team: "platform" },
    ...overrides,
  },
});

/** A Huawei endpoint connecting to the service named `svc`. */
export const huaweiEndpoint = (overrides: Args = {}, name = "ep"): Declared => ({
  kind: "VpcEndpoint",
  name,
  args: {
    cloud: "huaweicloud",
    region: "cn-north-4",
    vpcId: "7d2e9c41-5b6a-4f38-8e1d-0c9b8a7f6e50",
    subnetId: "3f4a5b6c-7d8e-4f90-a1b2-c3d4e5f6a7b8",
    serviceId: { ref: "svc" },
    whitelist: ["10.0.0.0/24"],
    tags: { team: "payments" },
    ...overrides,
  },
});

/** A Tencent endpoint service on a CLB, auto-accepting. */
export const tencentService = (overrides: Args = {}, name = "svc"): Declared => ({
  kind: "VpcEndpointService",
  name,
  args: {
    cloud: "tencentcloud",
    region: "ap-guangzhou",
    vpcId: "vpc-hj3he929",
    serviceInstanceId: "lb-p1hiksdg",
    serviceName: "orders",
    approvalRequired: false,
    tags: { team: "platform" },
    ...overrides,
  },
});

/** A Tencent endpoint connecting to the service named `svc`, with two security groups. */
export const tencentEndpoint = (overrides: Args = {}, name = "ep"): Declared => ({
  kind: "VpcEndpoint",
  name,
  args: {
    cloud: "tencentcloud",
    region: "ap-guangzhou",
    vpcId: "vpc-coekkqtd",
    subnetId: "subnet-4t7fr3fi",
    serviceId: { ref: "svc" },
    name: "orders-consumer",
    securityGroupIds: ["sg-abcd1234", "sg-bcde2345"],
    tags: { tier: "standard" },
    ...overrides,
  },
});

/** An Open Telekom Cloud endpoint service on an LB port, auto-accepting (same inputs as Huawei's). */
export const otcService = (overrides: Args = {}, name = "svc"): Declared =>
  huaweiService({ cloud: "opentelekomcloud", region: "eu-de", ...overrides }, name);

/** An Open Telekom Cloud endpoint connecting to the service named `svc`. */
export const otcEndpoint = (overrides: Args = {}, name = "ep"): Declared =>
  huaweiEndpoint({ cloud: "opentelekomcloud", region: "eu-de", ...overrides }, name);
/**
 * The emulator's seeded Volcengine network of an account in cn-guangzhou (it serves no VPC API):
 * VPC 1 with a subnet per zone (`subnets.a` … `subnets.c`, and `subnets.a2`) and six security
 * groups, the second VPC, and the backends (two CLBs, an ALB, an RDS MySQL instance).
 */
export function volcengineIds(account: "primary" | "secondary" = "primary") {
  const network = volcengineNetwork(EMULATOR_CREDENTIALS.volcengine[account].accountId, "cn-guangzhou");
  const [vpc1, vpc2] = network.vpcs.map((v) => v.id);
  const inVpc1 = network.subnets.filter((s) => s.vpcId === vpc1);
  const byType = (type: string) => network.resources.filter((r) => r.type === type).map((r) => r.id);
  return {
    vpc: vpc1!,
    otherVpc: vpc2!,
    subnets: {
      a: inVpc1.find((s) => s.zoneId === "cn-guangzhou-a" && s.cidr === "172.16.0.0/24")!.id,
      b: inVpc1.find((s) => s.zoneId === "cn-guangzhou-b")!.id,
      c: inVpc1.find((s) => s.zoneId === "cn-guangzhou-c")!.id,
      a2: inVpc1.find((s) => s.cidr === "172.16.10.0/24")!.id,
    },
    securityGroups: network.securityGroups.filter((g) => g.vpcId === vpc1).map((g) => g.id),
    /** The second VPC's subnet (zone a) and security group. */
    other: {
      subnet: network.subnets.find((s) => s.vpcId === vpc2)!.id,
      securityGroup: network.securityGroups.find((g) => g.vpcId === vpc2)!.id,
    },
    clbs: byType("CLB"),
    alb: byType("ALB")[0]!,
  };
}

/** A Volcengine endpoint service on a CLB, auto-accepting. */
export const volcengineService = (overrides: Args = {}, name = "svc"): Declared => ({
  kind: "VpcEndpointService",
  name,
  args: {
    cloud: "volcengine",
    region: "cn-guangzhou",
    resources: [{ resourceId: volcengineIds().clbs[0] }],
    approvalRequired: false,
    description: "orders",
    tags: { team: "platform" },
    ...overrides,
  },
});

/** A Volcengine endpoint connecting to the service named `svc`: two security groups, one zone. */
export const volcengineEndpoint = (overrides: Args = {}, name = "ep"): Declared => {
  const ids = volcengineIds();
  return {
    kind: "VpcEndpoint",
    name,
    args: {
      cloud: "volcengine",
      region: "cn-guangzhou",
      vpcId: ids.vpc,
      serviceId: { ref: "svc" },
      securityGroupIds: ids.securityGroups.slice(0, 2),
      zones: [{ zoneId: "cn-guangzhou-a", subnetId: ids.subnets.a }],
      name: "orders-consumer",
      tags: { tier: "standard" },
      ...overrides,
    },
  };
};
