/** VpcEndpointConnection on Open Telekom Cloud: the shared connection scenarios (cross-account approval). */
import { EMULATOR_CREDENTIALS } from "../../emulator/index.js";
import { OTC, useEmulator } from "../support/engine.js";
import { otcEndpoint, otcService } from "../support/fixtures.js";
import { connectionScenarios, VPCEP_V1_CONNECTION, vpcepV1Connections } from "./connection-scenarios.js";

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
    ...VPCEP_V1_CONNECTION,
    connections: (serviceId) => vpcepV1Connections(ctx.emulator.urls.opentelekomcloud, OTC)(serviceId),
  });
});
