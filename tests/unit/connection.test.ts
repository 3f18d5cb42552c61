/**
 * VpcEndpointConnection pieces without a cloud: the `<serviceId>/<endpointId>` id, how a status
 * reads against the decision, when recorded outputs are settled, and that every output a backend
 * reports is declared (so the SDK seeds it).
 */
import { CLOUD_MODULES } from "../../provider/clouds/index.js";
import {
  classifyDecision,
  connectionId,
  connectionUnsettled,
  parseConnectionId,
} from "../../provider/clouds/common-connection.js";
import { huaweicloud, huaweiProfile } from "../../provider/clouds/huaweicloud/index.js";
import { tencentConnectionBackend } from "../../provider/clouds/tencentcloud/connection.js";
import { tencentcloud } from "../../provider/clouds/tencentcloud/index.js";
import { volcengineConnectionBackend } from "../../provider/clouds/volcengine/connection.js";
import { volcengine } from "../../provider/clouds/volcengine/index.js";
import { connectionBackend } from "../../provider/clouds/vpcep-v1/connection.js";
import { ValidationError } from "../../provider/core/errors.js";
import { checkInputs } from "../../provider/schema/check.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FORMAT = { label: "Huawei Cloud", service: UUID, endpoint: UUID };
const SVC = "4189d3c2-8882-4871-a3c2-d380272eed83";
const EP = "c8a4d2f0-1b3e-4d5a-9c6f-7e8d9a0b1c2d";

describe("connection ids", () => {
  test("join the service and the endpoint with one slash, and parse back", () => {
    const id = connectionId({ serviceId: SVC, endpointId: EP });
    expect(id).toBe(`${SVC}/${EP}`);
    expect(parseConnectionId(id, FORMAT)).toEqual({ serviceId: SVC, endpointId: EP });
  });

  test.each([
    ["a bare endpoint id", EP],
    ["three parts", `${SVC}/${EP}/${EP}`],
    ["an empty endpoint", `${SVC}/`],
    ["the ids swapped into another cloud's format", "vpcsvc-abcd1234/vpce-abcd1234"],
    ["an uppercase UUID", `${SVC.toUpperCase()}/${EP}`],
  ])("refuse %s, naming the expected form", (_what, id) => {
    expect(() => parseConnectionId(id, FORMAT)).toThrow(ValidationError);
    expect(() => parseConnectionId(id, FORMAT)).toThrow(
      /is not a Huawei Cloud VPC endpoint connection id: expected <serviceId>\/<endpointId>/,
    );
  });

  test("each cloud's backend refuses an id of another cloud's format before any call", async () => {
    const noRpc = { region: "r", call: () => Promise.reject(new Error("no calls")) };
    await expect(tencentConnectionBackend("ap-guangzhou", true, noRpc).find(`${SVC}/${EP}`)).rejects.toThrow(
      /not a Tencent Cloud VPC endpoint connection id/,
    );
    await expect(
      volcengineConnectionBackend("cn-guangzhou", true, noRpc).find("vpcsvc-abcd1234/vpce-abcd1234"),
    ).rejects.toThrow(/not a Volcengine VPC endpoint connection id/);
  });
});

describe("a connection's status against the decision", () => {
  const statuses = {
    accepted: "accepted",
    rejected: "rejected",
    pendingAcceptance: "pendingAcceptance",
    failures: { failed: "the endpoint failed" },
  };

  test("the decided status is ready; the cloud's failure ends the wait with its reason", () => {
    expect(classifyDecision("accepted", true, true, statuses)).toEqual({
      phase: "ready",
      status: "accepted",
    });
    expect(classifyDecision("rejected", false, true, statuses)).toEqual({
      phase: "ready",
      status: "rejected",
    });
    expect(classifyDecision("failed", true, true, statuses, "EndPoint.4004: no route")).toEqual({
      phase: "failed",
      status: "failed",
      reason: "EndPoint.4004: no route",
    });
    expect(classifyDecision("failed", false, false, statuses)).toMatchObject({
      reason: "the endpoint failed",
    });
  });

  test("once the decision is sent, the other settled statuses are on their way; before, they are settled", () => {
    for (const status of ["rejected", "pendingAcceptance"]) {
      expect(classifyDecision(status, true, true, statuses).phase).toBe("pending");
      expect(classifyDecision(status, true, false, statuses).phase).toBe("ready");
    }
    expect(classifyDecision("accepted", false, true, statuses).phase).toBe("pending");
    // A transition is pending whether or not a decision was sent.
    expect(classifyDecision("creating", true, false, statuses).phase).toBe("pending");
  });

  test("recorded outputs are settled when they hold the decision asked for", () => {
    expect(connectionUnsettled({ state: "rejected" }, { accepted: false })).toBe(false);
    expect(connectionUnsettled({ state: "accepted" }, { accepted: true })).toBe(false);
    expect(connectionUnsettled({ state: "pendingAcceptance" }, { accepted: true })).toBe(true);
    expect(connectionUnsettled({ state: "accepted" }, { accepted: false })).toBe(true);
  });
});

describe("connection inputs", () => {
  test.each(CLOUD_MODULES.map((m) => [m.name, m] as const))(
    "%s: accepted defaults to true; a wrong id names the property",
    (_name, module) => {
      const region = {
        huaweicloud: "cn-north-4",
        opentelekomcloud: "eu-de",
        tencentcloud: "ap-guangzhou",
        volcengine: "cn-guangzhou",
      }[module.name];
      const outcome = checkInputs("connection", {
        cloud: module.name,
        region,
        serviceId: "not-a-service",
        endpointId: "not-an-endpoint",
      });
      expect(outcome.failures.map((f) => f.property).sort()).toEqual(["endpointId", "serviceId"]);
      expect(outcome.inputs.accepted).toBe(true);
      const tagged = checkInputs("connection", { cloud: module.name, region, tags: { a: "b" } });
      expect(tagged.failures).toContainEqual({
        property: "tags",
        reason: `is not supported by ${module.label} VPC endpoint connection`,
      });
    },
  );
});

describe("connection outputs", () => {
  const noClient = { cloud: "x", region: "r", call: () => Promise.reject(new Error("no calls")) };
  const noRpc = { region: "r", call: () => Promise.reject(new Error("no calls")) };
  const at = "2026-01-01T00:00:00Z";

  test.each([
    [
      "Huawei Cloud",
      huaweicloud.resources.connection.outputs,
      connectionBackend(huaweiProfile, "cn-north-4", true, noClient).outputs({
        serviceId: SVC,
        connection: {
          id: EP,
          status: "accepted",
          marker_id: 1,
          domain_id: "d",
          created_at: at,
          updated_at: at,
        },
      }),
    ],
    [
      "Tencent Cloud",
      tencentcloud.resources.connection.outputs,
      tencentConnectionBackend("ap-guangzhou", true, noRpc).outputs({
        serviceId: "vpcsvc-abcd1234",
        endpoint: {
          EndPointId: "vpce-abcd1234",
          VpcId: "vpc-abcd1234",
          SubnetId: "subnet-abcd1234",
          EndPointName: "n",
          EndPointServiceId: "vpcsvc-abcd1234",
          EndPointVip: "10.0.0.8",
          EndPointOwner: "1302384415",
          State: "ACTIVE",
          CreateTime: "2026-01-01 00:00:00",
        },
      }),
    ],
    [
      "Volcengine",
      volcengine.resources.connection.outputs,
      volcengineConnectionBackend("cn-guangzhou", true, noRpc).outputs({
        EndpointId: "ep-1",
        ServiceId: "epsvc-1",
        ConnectionStatus: "Connected",
        EndpointOwnerAccountId: "2100000002",
        EndpointVpcId: "vpc-1",
        CreationTime: at,
        UpdateTime: at,
        Zones: [{ ZoneId: "cn-guangzhou-a", NetworkInterfaceIP: "172.16.0.5" }],
      }),
    ],
  ])("%s: every reported output is declared, the state normalised", (_label, declared, reported) => {
    expect(Object.keys(reported).filter((key) => !declared.includes(key))).toEqual([]);
    expect(reported.state).toBe("accepted");
  });
});
