/** VpcEndpointConnection on Open Telekom Cloud: the shared connection scenarios (cross-account approval). */
import { huaweiClient } from "../emulator/helpers.js";
import { EMULATOR_CREDENTIALS } from "../../emulator/index.js";
import { OTC, useEmulator } from "../support/engine.js";
import { otcEndpoint, otcService } from "../support/fixtures.js";
import { connectionScenarios } from "./connection-scenarios.js";

const OTC2 = EMULATOR_CREDENTIALS.opentelekomcloud.secondary;

const ctx = useEmulator("manual:2");

describe("Open Telekom Cloud VpcEndpointConnection", () => {
  connectionScenarios({
    label: "Open Telekom Cloud",
    cloud: "opentelekomcloud",
    region: "eu-de",
    ctx,
    service: () => otcService({ approvalRequired: true, permissions: [`iam:domain::${OTC2.domainId}`] }),
    endpoint: (serviceId, overrides = {}) => otcEndpoint({ serviceId, ...overrides }),
    consumer: OTC2.domainId,
    statuses: { pending: "pendingAcceptance", accepted: "accepted", rejected: "rejected" },
    acceptCall: "AcceptOrRejectEndpoint",
    rejectCall: "AcceptOrRejectEndpoint",
    async connections(serviceId) {
      const listed = await huaweiClient(ctx.emulator.urls.opentelekomcloud, OTC)(
        "GET",
        `/vpc-endpoint-services/${serviceId}/connections`,
        { query: { limit: 1000 } },
      );
      const rows = (listed.body.connections ?? []) as { id: string; status: string }[];
      return rows.map((row) => ({ endpointId: row.id, status: row.status }));
    },
    foreignEndpointId: "vpce-abcd1234",
  });
});
