/**
 * Connection approval as code, the service owner's side (Huawei Cloud): an endpoint service that
 * requires approval and lets one other account connect, and a `VpcEndpointConnection` per
 * endpoint the owner decides on. The consumer's stack (../consumer) runs under that other account.
 *
 * Run against the emulator (after `npm run build`), the owner under the emulator's primary account:
 *   npx vpcep-emulator &
 *   cd examples/approval/owner && pulumi stack init dev
 *   pulumi config set vpcep:huaweicloudEndpoint http://127.0.0.1:18080
 *   pulumi config set vpcep:huaweicloudAccessKey VPCEPEMULATORHWAK0001
 *   pulumi config set --secret vpcep:huaweicloudSecretKey vpcep-emulator-huaweicloud-secret-key
 *   pulumi config set vpcep:huaweicloudProjectId 0605767b5e00d5762fc8c0102dd4bb6b
 *   pulumi up                      # the service; `serviceId` is the consumer's input
 *   # ... the consumer's `pulumi up` creates its endpoint, pending ...
 *   pulumi refresh                 # `connections` now lists it, pendingAcceptance
 *   pulumi config set --path 'accept[0]' <endpoint id>
 *   pulumi up                      # accepted: the consumer's up (waitForAcceptance) completes
 *
 * Config (all optional):
 *   consumerDomain   the consumer's domain id       (default: the emulator's second account)
 *   accept, reject   endpoint ids to accept / reject (lists; moving an id between them updates in place)
 */
import * as pulumi from "@pulumi/pulumi";
import { VpcEndpointConnection, VpcEndpointService } from "pulumi-vpcep";

/** The emulator's second Huawei account, the consumer's. */
const EMULATOR_CONSUMER_DOMAIN = "9f8e7d6c5b4a43210fedcba987654321";

export default async function owner() {
  const config = new pulumi.Config();
  const region = "cn-north-4";

  const service = new VpcEndpointService("orders", {
    cloud: "huaweicloud",
    region,
    vpcId: "0b1c7f5e-3a55-4d2c-9a51-2f7a1c9e0a10",
    portId: "6a0e3f8b-9d1c-4b7e-8f23-5c4d2e1a9b30",
    serverType: "LB",
    serviceName: "orders",
    ports: [{ clientPort: 443, serverPort: 8443 }],
    approvalRequired: true,
    permissions: [`iam:domain::${config.get("consumerDomain") ?? EMULATOR_CONSUMER_DOMAIN}`],
  });

  const decisions = [
    ...(config.getObject<string[]>("accept") ?? []).map((endpointId) => ({ endpointId, accepted: true })),
    ...(config.getObject<string[]>("reject") ?? []).map((endpointId) => ({ endpointId, accepted: false })),
  ];
  const connections = decisions.map(
    ({ endpointId, accepted }) =>
      new VpcEndpointConnection(`orders-${endpointId}`, {
        cloud: "huaweicloud",
        region,
        serviceId: service.id,
        endpointId,
        accepted,
      }),
  );

  return {
    serviceId: service.id,
    serviceName: service.endpointServiceName,
    // Who is connected or waiting, from the service's side (recorded at up and refresh).
    connections: service.connections,
    decided: pulumi.all(connections.map((c) => pulumi.all([c.endpointId, c.state]))),
  };
}
