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

const ctx = useEmulator("manual:2");

const cloud = () => huaweiClient(ctx.emulator.urls.huaweicloud, HW);

describe("Huawei Cloud VpcEndpointService and VpcEndpoint", () => {
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

  test("disappears: refresh drops an endpoint deleted out of band, and the next up recreates it", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const id = stack.resource("ep")!.id;
    expect((await cloud()("DELETE", `/vpc-endpoints/${id}`)).status).toBe(204);
    await eventually(
      async () => (await cloud()("GET", `/vpc-endpoints/${id}`)).status === 404,
      "endpoint gone",
    );
    const [refresh, preview, up] = await stack.run([SERVICE(), ENDPOINT()], ["refresh", "preview", "up"]);
    expect(refresh!.ok).toBe(true);
    expect(stepsOf(refresh)).toEqual({ svc: "refresh", ep: "drop" });
    expect(stepsOf(preview)).toEqual({ svc: "same", ep: "create" });
    expect(stepsOf(up)).toEqual({ svc: "same", ep: "create" });
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

  test("destroy deletes and waits until not found; deleting what is already gone succeeds", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const ids = { svc: stack.resource("svc")!.id, ep: stack.resource("ep")!.id };
    await cloud()("DELETE", `/vpc-endpoints/${ids.ep}`);
    const [destroy] = await stack.run([], ["destroy"]);
    expect(destroy!.ok).toBe(true);
    expect(stepsOf(destroy)).toEqual({ ep: "delete", svc: "delete" });
    expect(stack.state().resources).toEqual([]);
    expect((await cloud()("GET", `/vpc-endpoint-services/${ids.svc}`)).status).toBe(404);
  });

  test("failed state: a port mapping another service on the same port uses fails fast with the cloud's reason, and is recorded", async () => {
    const stack = new TestStack(ctx.emulator);
    const second = { ...SERVICE(), name: "svc2" };
    (second.args as Record<string, unknown>).serviceName = "orders2";
    const [up] = await stack.run([SERVICE(), second], ["up"]);
    expect(up!.ok).toBe(false);
    // Both creates run at once; whichever the cloud took second is the one that fails.
    const failed = up!.steps.find((s) => s.op === "failed")!;
    expect(failed.error).toMatch(
      /creating Huawei Cloud VPC Endpoint Service \(.+\): reached state "failed": EndPoint\.3044: .*conflicts/,
    );
    // Not leaked: the engine recorded it with its id, and destroy removes it.
    const recorded = stack.state().resources.find((r) => r.name === failed.name)!;
    expect(recorded.id).not.toBe("");
    expect(recorded.initErrors?.length).toBeGreaterThan(0);
    const [destroy] = await stack.run([], ["destroy"]);
    expect(destroy!.ok).toBe(true);
    expect((await cloud()("GET", `/vpc-endpoint-services/${recorded.id}`)).status).toBe(404);
  });

  test("a create that outlives its timeout carries the id, so nothing leaks", async () => {
    const stack = new TestStack(ctx.emulator);
    await ctx.control.put("/transitions", {
      model: "huawei::vpcep_service",
      progression: "manual",
      times: 100000,
    });
    const [up] = await stack.run([SERVICE({ timeouts: { create: "300ms" } })], ["up"]);
    expect(up!.ok).toBe(false);
    expect(up!.steps[0]!.error).toMatch(
      /creating Huawei Cloud VPC Endpoint Service \(.+\): timed out after \d+m?s waiting to be ready \(last state "creating"\)/,
    );
    const recorded = stack.resource("svc")!;
    expect(recorded.id).toMatch(/^[0-9a-f-]{36}$/);
    await ctx.control.delete("/transitions");
    const [destroy] = await stack.run([], ["destroy"]);
    expect(destroy!.ok).toBe(true);
  });

  test("approval: without waitForAcceptance the endpoint is ready in pendingAcceptance; with it, it waits until the owner accepts", async () => {
    const stack = new TestStack(ctx.emulator);
    const [up] = await stack.run([SERVICE({ approvalRequired: true }), ENDPOINT()], ["up"]);
    expect(up!.ok).toBe(true);
    expect(stack.resource("ep")!.outputs).toMatchObject({
      status: "pendingAcceptance",
      state: "pendingAcceptance",
    });

    const waiting = new TestStack(ctx.emulator);
    const run = waiting.run(
      [
        SERVICE({
          approvalRequired: true,
          serviceName: "orders2",
          portId: "6a0e3f8b-9d1c-4b7e-8f23-5c4d2e1a9b31",
        }),
        ENDPOINT({ waitForAcceptance: true }),
      ],
      ["up"],
    );
    // Accept from the service owner's side once the endpoint shows up, as a person would.
    const accepted = (async () => {
      for (let i = 0; i < 200; i++) {
        const listed = await cloud()("GET", "/vpc-endpoints", { query: { limit: 100 } });
        const pending = (
          listed.body.endpoints as { id: string; status: string; endpoint_service_id: string }[]
        ).find((e) => e.status === "pendingAcceptance" && e.id !== stack.resource("ep")!.id);
        if (pending) {
          // Accept only after the waiter has polled it a few times, so a progress line is due.
          for (let polls = 0; polls < 4;) {
            await new Promise((r) => setTimeout(r, 50));
            polls = (await requests(ctx.control, "GetEndpoint")).filter((r) =>
              r.path.endsWith(pending.id),
            ).length;
          }
          return cloud()("POST", `/vpc-endpoint-services/${pending.endpoint_service_id}/connections/action`, {
            body: { action: "receive", endpoints: [pending.id] },
          });
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error("endpoint never appeared");
    })();
    const [[waited], acceptance] = await Promise.all([run, accepted]);
    expect(acceptance.status).toBe(200);
    expect(waited!.ok).toBe(true);
    // While it waited, a progress line named the endpoint, its state and the elapsed time.
    expect(waited!.logs.join("\n")).toMatch(
      /Huawei Cloud VPC Endpoint \([0-9a-f-]{36}\): pendingAcceptance \(\d+m?s elapsed\)/,
    );
    expect(waiting.resource("ep")!.outputs).toMatchObject({ status: "accepted" });
  });

  test("adopt: create takes over an existing service after checking it matches, and reports what differs", async () => {
    const created = await cloud()("POST", "/vpc-endpoint-services", {
      body: {
        port_id: "6a0e3f8b-9d1c-4b7e-8f23-5c4d2e1a9b30",
        vpc_id: "0b1c7f5e-3a55-4d2c-9a51-2f7a1c9e0a10",
        server_type: "LB",
        service_type: "interface",
        service_name: "orders",
        approval_enabled: false,
        ports: [{ client_port: 443, server_port: 8443, protocol: "TCP" }],
      },
    });
    const id = created.body.id as string;
    const mismatch = new TestStack(ctx.emulator);
    const [refused] = await mismatch.run([SERVICE({ adoptId: id, serverType: "VM" })], ["up"]);
    expect(refused!.ok).toBe(false);
    expect(refused!.steps[0]!.error).toMatch(
      /adopting .*: these fields differ and cannot change in place: serverType: cloud has "LB", program has "VM"/,
    );
    expect(mismatch.state().resources).toEqual([]);

    const stack = new TestStack(ctx.emulator);
    const [up, again] = await stack.run([SERVICE({ adoptId: id })], ["up", "preview"]);
    expect(up!.ok).toBe(true);
    expect(stack.resource("svc")!.id).toBe(id);
    expect(stepsOf(again)).toEqual({ svc: "same" });
    // The tags in the program were applied to the adopted service in place.
    expect((await cloud()("GET", `/vpc-endpoint-services/${id}`)).body.tags).toEqual([
      { key: "team", value: "platform" },
    ]);
  });

  test("get: reads an existing endpoint by id without managing it", async () => {
    const owner = new TestStack(ctx.emulator);
    await owner.run([SERVICE(), ENDPOINT()], ["up"]);
    const id = owner.resource("ep")!.id;
    const reader = new TestStack(ctx.emulator);
    const [up, destroy] = await reader.run(
      [{ kind: "VpcEndpoint", name: "existing", get: { id, cloud: "huaweicloud", region: "cn-north-4" } }],
      ["up", "destroy"],
    );
    expect(stepsOf(up)).toEqual({ existing: "read" });
    expect(reader.state().resources.length).toBeLessThanOrEqual(1);
    expect(destroy!.ok).toBe(true);
    expect((await cloud()("GET", `/vpc-endpoints/${id}`)).status).toBe(200);
  });

  test("bad input fails the preview with the property and the rule, before any cloud call", async () => {
    const stack = new TestStack(ctx.emulator);
    await ctx.control.delete("/requests");
    const [preview] = await stack.run(
      [
        SERVICE({ ports: [{ clientPort: 70000, serverPort: 1 }] }),
        ENDPOINT({ serviceId: "4189d3c2-8882-4871-a3c2-d380272eed88", privateIp: "198.19.200.4" }),
      ],
      ["preview"],
    );
    expect(preview!.ok).toBe(false);
    const failures = preview!.steps.flatMap((s) => s.failures ?? []);
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
