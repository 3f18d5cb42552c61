/**
 * Open Telekom Cloud: a service owner exposes a load balancer to every account that asks, with
 * approval, and a consumer endpoint connects from another VPC of the same project. Run it against
 * the emulator (`npx vpcep-emulator` prints the URL) or against eu-de with your own ids.
 *
 * Credentials, either way OTC's tools take them:
 *   AK/SK:     vpcep:opentelekomcloudAccessKey / OS_ACCESS_KEY, …SecretKey / OS_SECRET_KEY,
 *              …ProjectId / OS_PROJECT_ID
 *   password:  vpcep:opentelekomcloudUserName / OS_USERNAME, …Password / OS_PASSWORD,
 *              …DomainName / OS_DOMAIN_NAME (a project-scoped IAM token is fetched and cached)
 *
 * Config (all optional):
 *   allowedCidr   endpoint whitelist entry (replaces the endpoint: OTC cannot modify one)
 *   owner         tag on both resources   (in place, through the tag action)
 */
import * as pulumi from "@pulumi/pulumi";
import { VpcEndpoint, VpcEndpointService } from "pulumi-vpcep";

export default async function openTelekomCloud() {
  const config = new pulumi.Config();
  const tags = { team: "platform", owner: config.get("owner") ?? "orders" };

  const service = new VpcEndpointService("orders", {
    cloud: "opentelekomcloud",
    region: "eu-de",
    vpcId: "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
    portId: "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60", // the ELB's VIP port
    serverType: "LB",
    serviceName: "orders",
    ports: [
      { clientPort: 443, serverPort: 8443 },
      { clientPort: 80, serverPort: 8080 },
    ],
    approvalRequired: true,
    // Any account may ask; each connection still waits for the owner's approval.
    permissions: ["*"],
    // Client addresses reach the backend in the PROXY protocol header (TOA works only with OBS).
    tcpProxy: "proxy_open",
    description: "orders API",
    tags,
  });

  const endpoint = new VpcEndpoint("orders-consumer", {
    cloud: "opentelekomcloud",
    region: "eu-de",
    vpcId: "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7",
    subnetId: "4f5a6b7c-8d9e-4fa0-b1c2-d3e4f5a6b7c8",
    serviceId: service.id,
    enableDns: true,
    whitelist: [config.get("allowedCidr") ?? "10.0.0.0/24"],
    tags,
    // The owner approves in the console or with the connection API; until then the endpoint is
    // ready in pendingAcceptance (set waitForAcceptance to block the up until it is accepted).
    waitForAcceptance: false,
    timeouts: { create: "10m" },
  });

  return {
    serviceName: service.endpointServiceName,
    endpointState: endpoint.state,
    endpointIp: endpoint.privateIp,
    endpointDnsNames: endpoint.dnsNames,
  };
}
