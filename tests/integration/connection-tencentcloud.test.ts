/** VpcEndpointConnection on Tencent Cloud: the shared connection scenarios (cross-account approval). */
import { tencentClient } from "../emulator/helpers.js";
import { TC, TC2, useEmulator } from "../support/engine.js";
import { tencentEndpoint, tencentService } from "../support/fixtures.js";
import { connectionScenarios } from "./connection-scenarios.js";

const ctx = useEmulator("manual:2");

describe("Tencent Cloud VpcEndpointConnection", () => {
  connectionScenarios({
    label: "Tencent Cloud",
    cloud: "tencentcloud",
    region: "ap-guangzhou",
    ctx,
    service: () => tencentService({ approvalRequired: true, permissions: [TC2.uin] }),
    endpoint: (serviceId, overrides = {}) => tencentEndpoint({ serviceId, ...overrides }),
    consumer: TC2.appId,
    statuses: { pending: "PENDING", accepted: "ACTIVE", rejected: "REJECTED" },
    acceptCall: "EnableVpcEndPointConnect",
    rejectCall: "EnableVpcEndPointConnect",
    async connections(serviceId) {
      // The owner's view: the service embeds its endpoints, whichever account owns them.
      const listed = await tencentClient(ctx.emulator.urls.tencentcloud, TC)("DescribeVpcEndPointService", {
        EndPointServiceIds: [serviceId],
      });
      const [service] = (listed.response?.EndPointServiceSet ?? []) as {
        EndPointSet?: { EndPointId: string; State: string }[];
      }[];
      return (service?.EndPointSet ?? []).map((e) => ({ endpointId: e.EndPointId, status: e.State }));
    },
    foreignEndpointId: "ep-273yuq6q7bgn47fap8squ",
  });
});
