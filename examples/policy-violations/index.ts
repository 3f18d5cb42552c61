/**
 * A stack written to break every rule of the policy pack, so that
 * `pulumi preview --policy-pack policy` shows each violation. Never deploy it.
 *
 * Each resource is named after the rule it breaks. VPCs, subnets and the official packages'
 * endpoints are declared by their type tokens with `pulumi.CustomResource`, exactly as
 * `@huaweicloudos/pulumi` registers them, so that the example needs no cloud package installed.
 * Our own resources cannot carry a bad tag or (on Huawei Cloud) an endpoint address in the reserved
 * range: their check refuses those before any policy runs, which is why those rules are shown on
 * official resources. An open whitelist, or a Tencent endpoint address in the range, passes check
 * and is the pack's to stop (tests/integration/policy-pack.test.ts shows both on our resources).
 */
import * as pulumi from "@pulumi/pulumi";
import { VpcEndpoint, VpcEndpointService } from "pulumi-vpcep";

const PORT_ID = "6a0e3f8b-9d1c-4b7e-8f23-5c4d2e1a9b30";

/** A resource of another provider, registered under its real token. */
class Declared extends pulumi.CustomResource {
  constructor(token: string, name: string, props: Record<string, unknown>) {
    super(token, name, props);
  }
}

const declare = (token: string, name: string, props: Record<string, unknown>) =>
  new Declared(token, name, props);

export default function policyViolations() {
  // vpcep-network-reserved-range, and vpcep-endpoint-network-reserved-range for what it hosts.
  const vpc = declare("huaweicloud:Vpc/vpc:Vpc", "reserved-range-vpc", { cidr: "198.19.0.0/16" });
  const subnet = declare("huaweicloud:Vpc/subnet:Subnet", "hosting-subnet", {
    vpcId: vpc.id,
    cidr: "198.19.129.0/24",
    gatewayIp: "198.19.129.1",
  });
  declare("huaweicloud:Vpc/route:Route", "reserved-range-route", {
    vpcId: vpc.id,
    destination: "198.19.128.0/24",
    type: "peering",
    nexthop: "peering-id",
  });

  const service = new VpcEndpointService("open-to-everyone", {
    cloud: "huaweicloud",
    region: "cn-north-4",
    vpcId: "0b1c7f5e-3a55-4d2c-9a51-2f7a1c9e0a10",
    portId: PORT_ID,
    serverType: "LB",
    ports: [{ clientPort: 443, serverPort: 8443 }],
    // vpcep-endpoint-service-not-public: anyone may connect, and nobody approves.
    approvalRequired: false,
    permissions: ["*"],
    tags: { team: "platform" },
  });

  // vpcep-endpoint-service-port-conflict: the same backend port and client port 443 again.
  const needsApproval = new VpcEndpointService("port-conflict", {
    cloud: "huaweicloud",
    region: "cn-north-4",
    vpcId: "0b1c7f5e-3a55-4d2c-9a51-2f7a1c9e0a10",
    portId: PORT_ID,
    serverType: "LB",
    ports: [{ clientPort: 443, serverPort: 9443 }],
    tags: { team: "platform" },
  });

  // Placed in the reserved-range VPC and subnet: the stack policy names it as what they host.
  new VpcEndpoint("hosted-endpoint", {
    cloud: "huaweicloud",
    region: "cn-north-4",
    vpcId: vpc.id,
    subnetId: subnet.id,
    serviceId: service.id,
    tags: { team: "payments" },
  });

  // vpcep-endpoint-service-connections-declared: the service above requires approval (the default),
  // and nothing in the stack accepts this endpoint, so it would wait for the owner forever.
  new VpcEndpoint("left-pending", {
    cloud: "huaweicloud",
    region: "cn-north-4",
    vpcId: "7d2e9c41-5b6a-4f38-8e1d-0c9b8a7f6e50",
    subnetId: "3f4a5b6c-7d8e-4f90-a1b2-c3d4e5f6a7b8",
    serviceId: needsApproval.id,
    tags: { team: "payments" },
  });

  // vpcep-endpoint-whitelist-not-open: an enabled whitelist that admits the whole internet.
  declare("huaweicloud:Vpcep/endpoint:Endpoint", "open-whitelist", {
    serviceId: service.id,
    vpcId: "7d2e9c41-5b6a-4f38-8e1d-0c9b8a7f6e50",
    networkId: "3f4a5b6c-7d8e-4f90-a1b2-c3d4e5f6a7b8",
    enableWhitelist: true,
    whitelists: ["::/0"],
  });

  // vpcep-resource-tag-limits: a Huawei endpoint service takes at most 10 tags.
  declare("huaweicloud:Vpcep/service:Service", "too-many-tags", {
    vpcId: "0b1c7f5e-3a55-4d2c-9a51-2f7a1c9e0a10",
    portId: "11111111-2222-4333-8444-555555555555",
    serverType: "VM",
    approval: true,
    portMappings: [{ servicePort: 80, terminalPort: 80 }],
    tags: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`label-${i}`, "x"])),
  });
}
