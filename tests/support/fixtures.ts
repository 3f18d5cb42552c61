/** The resources the integration suites declare, with overrides per test. */
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
