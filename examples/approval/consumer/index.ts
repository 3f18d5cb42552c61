/**
 * Connection approval as code, the consumer's side (Huawei Cloud, another account than the
 * owner's): an endpoint on the owner's approval-required service. With `waitForAcceptance` the
 * `up` waits until the owner's stack (../owner) accepts it; without, it ends `pendingAcceptance`.
 *
 * Run against the emulator (after `npm run build`), under the emulator's second account:
 *   cd examples/approval/consumer && pulumi stack init dev
 *   pulumi config set vpcep:huaweicloudEndpoint http://127.0.0.1:18080
 *   pulumi config set vpcep:huaweicloudAccessKey VPCEPEMULATORHWAK0002
 *   pulumi config set --secret vpcep:huaweicloudSecretKey vpcep-emulator-huaweicloud-secret-key-2
 *   pulumi config set vpcep:huaweicloudProjectId 1f2e3d4c5b6a47988776655443322110
 *   pulumi config set serviceId <the owner's serviceId output>
 *   pulumi config set waitForAcceptance true
 *   pulumi up                      # waits for the owner's VpcEndpointConnection
 *
 * Config:
 *   serviceId           the owner's endpoint service (required)
 *   waitForAcceptance   wait for the owner's approval (default false)
 */
import * as pulumi from "@pulumi/pulumi";
import { VpcEndpoint } from "pulumi-vpcep";

export default async function consumer() {
  const config = new pulumi.Config();
  const endpoint = new VpcEndpoint("orders-consumer", {
    cloud: "huaweicloud",
    region: "cn-north-4",
    vpcId: "7d2e9c41-5b6a-4f38-8e1d-0c9b8a7f6e50",
    subnetId: "3f4a5b6c-7d8e-4f90-a1b2-c3d4e5f6a7b8",
    serviceId: config.require("serviceId"),
    waitForAcceptance: config.getBoolean("waitForAcceptance") ?? false,
    timeouts: { create: "30m" },
  });
  return {
    // The id the owner's stack decides on.
    endpointId: endpoint.id,
    // `pendingAcceptance` until the owner accepts, `available` once accepted.
    state: endpoint.state,
  };
}
