/**
 * The quickstart: on each of Huawei Cloud, Open Telekom Cloud, Tencent Cloud and Volcengine, an
 * endpoint service in a provider VPC
 * and an endpoint that connects to it from a consumer VPC. `npm run demo` runs it against the
 * emulator through preview, up, an in-place change, a replacing change, refresh and destroy.
 *
 * Config (all optional):
 *   allowedCidr   Huawei endpoint whitelist entry   (in place)
 *   endpointName  Tencent endpoint name             (in place)
 *   enableDns     Huawei endpoint private DNS       (replaces the endpoint)
 *   tier          Tencent endpoint tag              (replaces the endpoint: Tencent tags are create-only)
 *   otcDescription  OTC service description         (in place)
 *   otcAllowedCidr  OTC endpoint whitelist entry    (replaces the endpoint: OTC cannot modify one)
 *   veEndpointName  Volcengine endpoint name        (in place)
 *   veProject       Volcengine endpoint project     (replaces the endpoint: the project is create-only)
 */
import * as pulumi from "@pulumi/pulumi";
import { VpcEndpoint, VpcEndpointService } from "pulumi-vpcep";

export default async function quickstart() {
  const config = new pulumi.Config();

  // Huawei Cloud: IDs are UUIDs of the VPC, subnet and load balancer port you already have.
  const huaweiService = new VpcEndpointService("orders-hw", {
    cloud: "huaweicloud",
    region: "cn-north-4",
    vpcId: "0b1c7f5e-3a55-4d2c-9a51-2f7a1c9e0a10",
    portId: "6a0e3f8b-9d1c-4b7e-8f23-5c4d2e1a9b30",
    serverType: "LB",
    serviceName: "orders",
    ports: [{ clientPort: 443, serverPort: 8443 }],
    approvalRequired: false,
    tags: { team: "platform" },
  });

  const huaweiEndpoint = new VpcEndpoint("orders-hw-consumer", {
    cloud: "huaweicloud",
    region: "cn-north-4",
    vpcId: "7d2e9c41-5b6a-4f38-8e1d-0c9b8a7f6e50",
    subnetId: "3f4a5b6c-7d8e-4f90-a1b2-c3d4e5f6a7b8",
    serviceId: huaweiService.id,
    whitelist: [config.get("allowedCidr") ?? "10.0.0.0/24"],
    enableDns: config.getBoolean("enableDns") ?? false,
    tags: { team: "payments" },
    timeouts: { create: "10m" },
  });

  // Open Telekom Cloud: the same inputs as Huawei's (the same VPCEP API); ids from eu-de.
  const otcService = new VpcEndpointService("orders-otc", {
    cloud: "opentelekomcloud",
    region: "eu-de",
    vpcId: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
    portId: "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60",
    serverType: "LB",
    serviceName: "orders",
    ports: [{ clientPort: 443, serverPort: 8443 }],
    approvalRequired: false,
    description: config.get("otcDescription") ?? "orders API",
    tags: { team: "platform" },
  });

  const otcEndpoint = new VpcEndpoint("orders-otc-consumer", {
    cloud: "opentelekomcloud",
    region: "eu-de",
    vpcId: "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7",
    subnetId: "4f5a6b7c-8d9e-4fa0-b1c2-d3e4f5a6b7c8",
    serviceId: otcService.id,
    whitelist: [config.get("otcAllowedCidr") ?? "10.0.0.0/24"],
    tags: { team: "payments" },
  });

  // Tencent Cloud: a CLB exposed as a service, and an endpoint bound to a security group.
  const tencentService = new VpcEndpointService("orders-tc", {
    cloud: "tencentcloud",
    region: "ap-guangzhou",
    vpcId: "vpc-hj3he929",
    serviceInstanceId: "lb-p1hiksdg",
    serviceName: "orders",
    approvalRequired: false,
  });

  const tencentEndpoint = new VpcEndpoint("orders-tc-consumer", {
    cloud: "tencentcloud",
    region: "ap-guangzhou",
    vpcId: "vpc-coekkqtd",
    subnetId: "subnet-4t7fr3fi",
    serviceId: tencentService.id,
    name: config.get("endpointName") ?? "orders-consumer",
    securityGroupIds: ["sg-abcd1234"],
    tags: { tier: config.get("tier") ?? "standard" },
  });

  // Volcengine: a CLB behind a service, and an endpoint in one zone. The ids are the emulator's
  // seeded network of its primary account in cn-guangzhou.
  const volcengineService = new VpcEndpointService("orders-ve", {
    cloud: "volcengine",
    region: "cn-guangzhou",
    resources: [{ resourceId: "clb-xm4hee2jap0e9ixp0xqrebzt8" }],
    approvalRequired: false,
    description: "orders API",
    tags: { team: "platform" },
  });

  const volcengineEndpoint = new VpcEndpoint("orders-ve-consumer", {
    cloud: "volcengine",
    region: "cn-guangzhou",
    vpcId: "vpc-0w9rspnwqt42x3o70gszesl92",
    serviceId: volcengineService.id,
    securityGroupIds: ["sg-6t8tqmd8zlu9ledgef1e36j32"],
    zones: [{ zoneId: "cn-guangzhou-a", subnetId: "subnet-s2bveegsckibg2gi7wt99598a" }],
    name: config.get("veEndpointName") ?? "orders-consumer",
    projectName: config.get("veProject") ?? "default",
    tags: { team: "payments" },
  });

  return {
    huaweiServiceName: huaweiService.endpointServiceName,
    huaweiEndpointIp: huaweiEndpoint.privateIp,
    huaweiEndpointState: huaweiEndpoint.state,
    otcServiceName: otcService.endpointServiceName,
    otcEndpointIp: otcEndpoint.privateIp,
    otcEndpointState: otcEndpoint.state,
    tencentServiceId: tencentService.id,
    tencentEndpointIp: tencentEndpoint.privateIp,
    tencentEndpointState: tencentEndpoint.state,
    volcengineServiceName: volcengineService.endpointServiceName,
    volcengineEndpointIp: volcengineEndpoint.privateIp,
    volcengineEndpointState: volcengineEndpoint.state,
  };
}
