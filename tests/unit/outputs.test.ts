/**
 * Every output a backend reports is declared in its cloud module, so the SDK seeds it and a
 * program can read it (an undeclared output never reaches the program).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { outputNames } from "../../provider/clouds/index.js";
import { huaweiProfile } from "../../provider/clouds/huaweicloud/index.js";
import { huaweicloud } from "../../provider/clouds/huaweicloud/index.js";
import { tencentEndpointBackend } from "../../provider/clouds/tencentcloud/endpoint.js";
import { tencentServiceBackend } from "../../provider/clouds/tencentcloud/endpoint-service.js";
import { tencentcloud } from "../../provider/clouds/tencentcloud/index.js";
import { endpointBackend } from "../../provider/clouds/vpcep-v1/endpoint.js";
import { serviceBackend } from "../../provider/clouds/vpcep-v1/endpoint-service.js";
import { tagSteps as vpcepTagSteps } from "../../provider/clouds/vpcep-v1/tags.js";

const noClient = {
  cloud: "x",
  region: "r",
  projectId: "p",
  call: () => Promise.reject(new Error("no calls")),
};
const noRpc = { region: "r", call: () => Promise.reject(new Error("no calls")) };
const everything = "2026-01-01T00:00:00Z";
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

test.each([
  [
    "Huawei endpoint",
    huaweicloud.resources.endpoint.outputs,
    endpointBackend(huaweiProfile, "cn-north-4", noClient).outputs({
      id: "e",
      status: "accepted",
      endpoint_service_id: "s",
      endpoint_service_name: "n",
      vpc_id: "v",
      ip: "10.0.0.8",
      dns_names: ["d"],
      marker_id: 1,
      created_at: everything,
      updated_at: everything,
    }),
  ],
  [
    "Huawei service",
    huaweicloud.resources.endpointService.outputs,
    serviceBackend(huaweiProfile, "cn-north-4", noClient).outputs({
      service: {
        id: "s",
        status: "available",
        port_id: "p",
        vpc_id: "v",
        server_type: "LB",
        approval_enabled: true,
        ports: [],
        service_name: "n",
        created_at: everything,
        updated_at: everything,
      },
      permissions: [],
    }),
  ],
  [
    "Tencent endpoint",
    tencentcloud.resources.endpoint.outputs,
    tencentEndpointBackend("ap-guangzhou", "Ipv4", noRpc).outputs({
      endpoint: {
        EndPointId: "vpce-1",
        VpcId: "v",
        SubnetId: "s",
        EndPointName: "n",
        EndPointServiceId: "vpcsvc-1",
        EndPointVip: "10.0.0.8",
        State: "ACTIVE",
        ServiceVip: "10.1.0.1",
        ServiceVpcId: "vpc-2",
        EndPointOwner: "1",
        ServiceName: "svc",
        CreateTime: "2026-01-01 00:00:00",
      },
    }),
  ],
  [
    "Tencent service",
    tencentcloud.resources.endpointService.outputs,
    tencentServiceBackend("ap-guangzhou", "Ipv4", noRpc).outputs({
      service: {
        EndPointServiceId: "vpcsvc-1",
        VpcId: "v",
        ServiceName: "n",
        ServiceInstanceId: "lb-1",
        AutoAcceptFlag: true,
        ServiceVip: "10.1.0.1",
        ServiceOwner: "1",
        CreateTime: "2026-01-01 00:00:00",
      },
      permissions: [],
    }),
  ],
])("%s: every reported output is declared", (_label, declared, reported) => {
  expect(Object.keys(reported).filter((key) => !declared.includes(key))).toEqual([]);
});

test.each([
  ["endpoint", "sdk/vpc-endpoint.ts"],
  ["endpointService", "sdk/vpc-endpoint-service.ts"],
  ["connection", "sdk/vpc-endpoint-connection.ts"],
] as const)("every %s output of every cloud is typed on the SDK class", (kind, file) => {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  const declared = new Set([...source.matchAll(/declare readonly (\w+):/g)].map((m) => m[1]));
  expect(outputNames(kind).filter((name) => !declared.has(name))).toEqual([]);
});

test("VPCEP tag steps: removed keys are deleted first, added and changed ones created (create overwrites)", async () => {
  const sent: { path: string; body: unknown }[] = [];
  const client = {
    cloud: "x",
    region: "r",
    call: (request: { path: string; body?: unknown }) => {
      sent.push({ path: request.path, body: request.body });
      return Promise.resolve({} as never);
    },
  };
  const steps = vpcepTagSteps(client, "endpoint", "e1", { team: "a", old: "x" }, { team: "b", env: "prod" });
  for (const step of steps) await step.apply();
  expect(sent).toEqual([
    { path: "/endpoint/e1/tags/action", body: { action: "delete", tags: [{ key: "old", value: "x" }] } },
    {
      path: "/endpoint/e1/tags/action",
      body: {
        action: "create",
        tags: [
          { key: "team", value: "b" },
          { key: "env", value: "prod" },
        ],
      },
    },
  ]);
});
