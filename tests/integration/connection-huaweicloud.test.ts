/**
 * VpcEndpointConnection on Huawei Cloud: the shared connection scenarios (cross-account approval),
 * and examples/approval, the owner's and the consumer's stacks.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { providerConfig, PROVIDER_SECRET_KEYS } from "../../emulator/index.js";
import { runOps } from "../engine/cli.js";
import { loadState } from "../engine/state.js";
import { FAST, HW, HW2, ROOT, useEmulator } from "../support/engine.js";
import { huaweiEndpoint, huaweiService } from "../support/fixtures.js";
import { connectionScenarios, VPCEP_V1_CONNECTION, vpcepV1Connections } from "./connection-scenarios.js";

const ctx = useEmulator("manual:2");

describe("Huawei Cloud VpcEndpointConnection", () => {
  connectionScenarios({
    label: "Huawei Cloud",
    cloud: "huaweicloud",
    region: "cn-north-4",
    ctx,
    service: () => huaweiService({ approvalRequired: true, permissions: [`iam:domain::${HW2.domainId}`] }),
    endpoint: (serviceId, overrides = {}) => huaweiEndpoint({ serviceId, ...overrides }),
    consumer: HW2.domainId,
    ...VPCEP_V1_CONNECTION,
    connections: (serviceId) => vpcepV1Connections(ctx.emulator.urls.huaweicloud, HW)(serviceId),
  });
});

describe("examples/approval", () => {
  test("the owner's stack accepts the consumer's endpoint; each stack runs under its own account", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vpcep-approval-example-"));
    const stack = (side: "owner" | "consumer", account: "primary" | "secondary") => ({
      state: () => loadState(path.join(dir, `${side}.json`), `vpcep-approval-${side}`, "dev"),
      run: (config: Record<string, string>, ops: ("up" | "preview" | "destroy")[]) =>
        runOps({
          program: path.join(ROOT, `dist/examples/approval/${side}/index.js`),
          cwd: ROOT,
          stateFile: path.join(dir, `${side}.json`),
          project: `vpcep-approval-${side}`,
          stack: "dev",
          secretKeys: PROVIDER_SECRET_KEYS,
          config: { ...providerConfig(ctx.emulator.urls, account), ...FAST, ...config },
          ops,
        }),
    });
    const owner = stack("owner", "primary");
    const consumer = stack("consumer", "secondary");
    const idOf = (resources: { type: string; id: string }[], type: string) =>
      resources.find((r) => r.type.endsWith(`:${type}`))!.id;

    const [up] = await owner.run({}, ["up"]);
    expect(up!.ok).toBe(true);
    const serviceId = idOf(owner.state().resources, "VpcEndpointService");
    const [consumed] = await consumer.run({ serviceId }, ["up"]);
    expect(consumed!.ok).toBe(true);
    const endpointId = idOf(consumer.state().resources, "VpcEndpoint");

    const [accept, preview] = await owner.run({ accept: JSON.stringify([endpointId]) }, ["up", "preview"]);
    expect(accept!.ok).toBe(true);
    expect(accept!.steps.map((s) => s.op)).toEqual(["same", "create"]);
    expect(preview!.steps.map((s) => s.op)).toEqual(["same", "same"]);
    const connection = owner.state().resources.find((r) => r.type.endsWith(":VpcEndpointConnection"))!;
    expect(connection.id).toBe(`${serviceId}/${endpointId}`);
    expect(connection.outputs).toMatchObject({ state: "accepted", endpointOwner: HW2.domainId });

    const [reject] = await owner.run({ reject: JSON.stringify([endpointId]) }, ["up"]);
    expect(reject!.ok).toBe(true);
    // The same resource (named after the endpoint): the decision changes in place.
    expect(reject!.steps.map((s) => s.op)).toEqual(["same", "update"]);

    const [consumerGone] = await consumer.run({ serviceId }, ["destroy"]);
    expect(consumerGone!.ok).toBe(true);
    const [ownerGone] = await owner.run({}, ["destroy"]);
    expect(ownerGone!.ok).toBe(true);
  }, 240_000);
});
