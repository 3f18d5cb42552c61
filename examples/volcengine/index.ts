/**
 * Volcengine PrivateLink: an endpoint service in front of a CLB, open to a second account, and an
 * endpoint in two zones that connects to it. The ids default to the emulator's seeded network of
 * its primary account (`npx vpcep-emulator`); set the config keys to your own to run it against
 * Volcengine.
 *
 * Run against the emulator (after `npm run build`):
 *   npx vpcep-emulator &
 *   cd examples/volcengine && pulumi stack init dev
 *   pulumi config set vpcep:volcengineEndpoint http://127.0.0.1:18083
 *   pulumi config set vpcep:volcengineAccessKey AKLTdnBjZXBlbXVsYXRvcjAwMDE
 *   pulumi config set --secret vpcep:volcengineSecretKey vpcepEmulatorVolcengineSecretKey0001
 *   pulumi up
 *
 * Config (all optional):
 *   vpcId, subnetA, subnetB, securityGroupId, clbId   your network and load balancer
 *   endpointName          endpoint name                        (in place)
 *   consumerAccount       account allowed to connect           (in place)
 *   fixedIp               the endpoint's address in zone b     (in place: the zone is re-added)
 *   waitForAcceptance     wait for the owner's approval        (default false)
 */
import * as pulumi from "@pulumi/pulumi";
import { VpcEndpoint, VpcEndpointService } from "pulumi-vpcep";

/** The emulator's seeded network of account 2100000001 in cn-guangzhou. */
const EMULATOR = {
  vpcId: "vpc-0w9rspnwqt42x3o70gszesl92",
  subnetA: "subnet-s2bveegsckibg2gi7wt99598a",
  subnetB: "subnet-1zvadrv5z9t07arh1rf8o6iju",
  securityGroupId: "sg-6t8tqmd8zlu9ledgef1e36j32",
  clbId: "clb-xm4hee2jap0e9ixp0xqrebzt8",
};

export default async function volcengine() {
  const config = new pulumi.Config();
  const id = (key: keyof typeof EMULATOR) => config.get(key) ?? EMULATOR[key];
  const region = "cn-guangzhou";

  const service = new VpcEndpointService("orders-ve", {
    cloud: "volcengine",
    region,
    serviceResourceType: "CLB",
    resources: [{ resourceId: id("clbId") }],
    // Sent as AutoAcceptEnabled=true: endpoints connect without waiting for the owner.
    approvalRequired: false,
    permissions: [config.get("consumerAccount") ?? "2100000002"],
    description: "orders API",
    tags: { team: "platform" },
  });

  const endpoint = new VpcEndpoint("orders-ve-consumer", {
    cloud: "volcengine",
    region,
    vpcId: id("vpcId"),
    serviceId: service.id,
    securityGroupIds: [id("securityGroupId")],
    zones: [
      { zoneId: `${region}-a`, subnetId: id("subnetA") },
      {
        zoneId: `${region}-b`,
        subnetId: id("subnetB"),
        ...(config.get("fixedIp") ? { privateIp: config.get("fixedIp")! } : {}),
      },
    ],
    name: config.get("endpointName") ?? "orders-consumer",
    waitForAcceptance: config.getBoolean("waitForAcceptance") ?? false,
    tags: { team: "payments" },
    timeouts: { create: "10m" },
  });

  return {
    serviceName: service.endpointServiceName,
    // `state` is pendingAcceptance until the owner accepts, available once connected.
    endpointState: endpoint.state,
    endpointIp: endpoint.privateIp,
    endpointDnsNames: endpoint.dnsNames,
  };
}
