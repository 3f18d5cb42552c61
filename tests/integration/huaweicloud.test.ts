/**
 * Huawei Cloud, end to end: the real dynamic-provider host over gRPC, the fixture program run with
 * the SDK's mocks, the emulator as the cloud, and the official Huawei SDK client for out-of-band
 * changes. The emulator's request log proves which calls were made.
 */
import { huaweiClient } from "../emulator/helpers.js";
import {
  createIdempotently,
  eventually,
  HW,
  requests,
  stepsOf,
  TestStack,
  useEmulator,
} from "../support/engine.js";
import { huaweiEndpoint as ENDPOINT, huaweiService as SERVICE } from "../support/fixtures.js";
import { vpcepV1Matrix } from "./vpcep-v1-matrix.js";

const ctx = useEmulator("manual:2");

const cloud = () => huaweiClient(ctx.emulator.urls.huaweicloud, HW);

describe("Huawei Cloud VpcEndpointService and VpcEndpoint", () => {
  vpcepV1Matrix({
    label: "Huawei Cloud",
    cloud: "huaweicloud",
    region: "cn-north-4",
    serviceModel: "huawei::vpcep_service",
    ctx,
    client: cloud,
    SERVICE,
    ENDPOINT,
  });

  test("basic: preview makes no call, up creates and waits, the next preview shows no changes", async () => {
    const stack = new TestStack(ctx.emulator);
    const up = await createIdempotently(
      stack,
      ctx.control,
      [SERVICE(), ENDPOINT()],
      ["CreateEndpointService", "CreateEndpoint"],
    );

    const svc = stack.resource("svc")!;
    expect(svc.outputs).toMatchObject({ state: "available", status: "available", approvalRequired: false });
    expect(svc.outputs.endpointServiceName).toBe(`cn-north-4.orders.${svc.id}`);
    const ep = stack.resource("ep")!;
    expect(ep.outputs).toMatchObject({ status: "accepted", state: "available", serviceId: svc.id });
    expect(ep.outputs.privateIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    // The waiter polled through "creating": manual progression needs reads to advance.
    expect(up.logs.join("\n")).toMatch(/Huawei Cloud VPC Endpoint \(.+\): accepted after/);

    const live = await cloud()("GET", `/vpc-endpoints/${ep.id}`);
    expect(live.body).toMatchObject({ whitelist: ["10.0.0.0/24"], enable_whitelist: true });
  });

  test("update: whitelist, tags, ports and permissions change in place through the documented calls", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const before = { svc: stack.resource("svc")!.id, ep: stack.resource("ep")!.id };
    await ctx.control.delete("/requests");
    const changed = [
      SERVICE({
        ports: [
          { clientPort: 443, serverPort: 8443 },
          { clientPort: 80, serverPort: 8080 },
        ],
        permissions: ["iam:domain::" + HW.domainId.replace(/./, "f")],
        description: "orders API",
        tags: { team: "platform", env: "prod" },
      }),
      ENDPOINT({ whitelist: ["10.0.0.0/24", "10.1.0.0/16"], tags: { team: "billing" } }),
    ];
    const [preview, up, again] = await stack.run(changed, ["preview", "up", "preview"]);
    expect(stepsOf(preview)).toEqual({ svc: "update", ep: "update" });
    expect(stepsOf(up)).toEqual({ svc: "update", ep: "update" });
    expect(stepsOf(again)).toEqual({ svc: "same", ep: "same" });
    expect({ svc: stack.resource("svc")!.id, ep: stack.resource("ep")!.id }).toEqual(before);

    const ops = (await requests(ctx.control)).map((c) => c.operation);
    expect(ops).toEqual(expect.arrayContaining(["UpdateEndpointService", "UpdateEndpoint"]));
    expect(ops).not.toContain("CreateEndpoint");
    const svc = await cloud()("GET", `/vpc-endpoint-services/${before.svc}`);
    expect(svc.body).toMatchObject({ description: "orders API" });
    expect((svc.body.ports as unknown[]).length).toBe(2);
    const ep = await cloud()("GET", `/vpc-endpoints/${before.ep}`);
    expect([...(ep.body.whitelist as string[])].sort()).toEqual(["10.0.0.0/24", "10.1.0.0/16"]);
    expect(ep.body.tags).toEqual([{ key: "team", value: "billing" }]);
  });

  test("replace: enableDns creates a new endpoint before deleting the old one", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const oldId = stack.resource("ep")!.id;
    const [preview, up] = await stack.run([SERVICE(), ENDPOINT({ enableDns: true })], ["preview", "up"]);
    expect(preview!.steps.find((s) => s.name === "ep")).toMatchObject({
      op: "replace",
      replaceKeys: ["enableDns"],
    });
    expect(stepsOf(up)).toEqual({ svc: "same", ep: "replace" });
    const newId = stack.resource("ep")!.id;
    expect(newId).not.toBe(oldId);
    expect((await cloud()("GET", `/vpc-endpoints/${oldId}`)).status).toBe(404);
    expect((await cloud()("GET", `/vpc-endpoints/${newId}`)).body).toMatchObject({ enable_dns: true });
    const order = (await requests(ctx.control))
      .map((c) => c.operation)
      .filter((o) => o === "CreateEndpoint" || o === "DeleteEndpoint");
    expect(order.slice(-2)).toEqual(["CreateEndpoint", "DeleteEndpoint"]);
  });

  test("an update of an endpoint deleted out of band says to refresh, and refresh then up recreates it", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const id = stack.resource("ep")!.id;
    await cloud()("DELETE", `/vpc-endpoints/${id}`);
    await eventually(
      async () => (await cloud()("GET", `/vpc-endpoints/${id}`)).status === 404,
      "endpoint gone",
    );
    const changed = [SERVICE(), ENDPOINT({ whitelist: ["10.9.0.0/16"] })];
    const [up] = await stack.run(changed, ["up"]);
    expect(up!.ok).toBe(false);
    expect(up!.errors.join("\n")).toMatch(
      /updating Huawei Cloud VPC Endpoint \(.+\): it no longer exists in the cloud; run `pulumi refresh` to drop it from state, then `pulumi up` to create it again/,
    );
    const [refresh, again] = await stack.run(changed, ["refresh", "up"]);
    expect(stepsOf(refresh)).toMatchObject({ ep: "drop" });
    expect(stepsOf(again)).toMatchObject({ ep: "create" });
  });

  test("refresh reflects an out-of-band change, and the next preview puts it back", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const id = stack.resource("ep")!.id;
    const changed = await cloud()("PUT", `/vpc-endpoints/${id}`, {
      body: { whitelist: ["192.168.0.0/24"], enable_whitelist: true },
    });
    expect(changed.status).toBe(200);
    const [refresh, preview, up] = await stack.run([SERVICE(), ENDPOINT()], ["refresh", "preview", "up"]);
    expect(refresh!.steps.find((s) => s.name === "ep")!.changedKeys).toContain("whitelist");
    expect(stack.resource("ep")).toBeDefined();
    expect(preview!.steps.find((s) => s.name === "ep")).toMatchObject({
      op: "update",
      changedKeys: expect.arrayContaining(["whitelist"]),
    });
    expect(stepsOf(up)).toMatchObject({ ep: "update" });
    expect((await cloud()("GET", `/vpc-endpoints/${id}`)).body.whitelist).toEqual(["10.0.0.0/24"]);
  });

  test("bad input fails the preview with the property and the rule, before any cloud call", async () => {
    const stack = new TestStack(ctx.emulator);
    await ctx.control.delete("/requests");
    // As the engine: step generation stops at the first invalid resource, so each is previewed alone.
    const failures: unknown[] = [];
    for (const resource of [
      SERVICE({ ports: [{ clientPort: 70000, serverPort: 1 }] }),
      ENDPOINT({ serviceId: "4189d3c2-8882-4871-a3c2-d380272eed88", privateIp: "198.19.200.4" }),
    ]) {
      const [preview] = await stack.run([resource], ["preview"]);
      expect(preview!.ok).toBe(false);
      failures.push(...preview!.steps.flatMap((s) => s.failures ?? []));
    }
    expect(failures).toEqual(
      expect.arrayContaining([
        { property: "ports.0.clientPort", reason: "must be between 1 and 65535" },
        {
          property: "privateIp",
          reason: expect.stringMatching(/198\.19\.200\.4 is inside 198\.19\.128\.0\/17/),
        },
      ]),
    );
    expect(await requests(ctx.control)).toEqual([]);
  });
});
