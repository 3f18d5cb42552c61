/** VpcEndpointConnection on Volcengine: the shared connection scenarios (cross-account approval). */
import { EMULATOR_CREDENTIALS } from "../../emulator/index.js";
import { volcengineClient } from "../emulator/helpers.js";
import { useEmulator } from "../support/engine.js";
import { volcengineEndpoint, volcengineIds, volcengineService } from "../support/fixtures.js";
import { connectionScenarios } from "./connection-scenarios.js";

const VE = EMULATOR_CREDENTIALS.volcengine.primary;
const VE2 = EMULATOR_CREDENTIALS.volcengine.secondary;

const ctx = useEmulator("manual:2");

describe("Volcengine VpcEndpointConnection", () => {
  // The consumer's endpoint lives in the second account's own network.
  const consumerNetwork = volcengineIds("secondary");
  connectionScenarios({
    label: "Volcengine",
    cloud: "volcengine",
    region: "cn-guangzhou",
    ctx,
    service: () => volcengineService({ approvalRequired: true, permissions: [VE2.accountId] }),
    endpoint: (serviceId, overrides = {}) =>
      volcengineEndpoint({
        serviceId,
        vpcId: consumerNetwork.vpc,
        securityGroupIds: consumerNetwork.securityGroups.slice(0, 1),
        zones: [{ zoneId: "cn-guangzhou-a", subnetId: consumerNetwork.subnets.a }],
        ...overrides,
      }),
    consumer: VE2.accountId,
    statuses: { pending: "PendingAcceptance", accepted: "Connected", rejected: "Rejected" },
    acceptCall: "EnableVpcEndpointConnection",
    rejectCall: "DisableVpcEndpointConnection",
    async connections(serviceId) {
      const listed = await volcengineClient(ctx.emulator.urls.volcengine, VE)(
        "DescribeVpcEndpointConnections",
        {
          ServiceId: serviceId,
          PageSize: 100,
        },
      );
      const rows = (listed.Result?.EndpointConnections ?? []) as {
        EndpointId: string;
        ConnectionStatus: string;
      }[];
      return rows.map((row) => ({ endpointId: row.EndpointId, status: row.ConnectionStatus }));
    },
    foreignEndpointId: "vpce-abcd1234",
  });
});
