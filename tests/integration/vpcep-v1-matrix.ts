/**
 * The engine-protocol scenarios every VPCEP v1 cloud (Huawei Cloud, Open Telekom Cloud) must pass
 * the same way: out-of-band deletion, destroy, failed and timed-out creates, approval, adoption and
 * `get`. Each cloud's suite declares them inside its own `describe` and adds its differences.
 */
import { gatewayServiceId } from "../../emulator/clouds/vpcep-v1/gateway.js";
import type { HwResult } from "../emulator/helpers.js";
import { eventually, requests, stepsOf, TestStack, type useEmulator } from "../support/engine.js";
import type { Declared } from "../support/engine.js";

type Fixture = (overrides?: Record<string, unknown>, name?: string) => Declared;

export interface VpcepV1Case {
  /** e.g. `Huawei Cloud`, as resource labels start. */
  label: string;
  cloud: "huaweicloud" | "opentelekomcloud";
  region: string;
  /** The emulator's model name of the service, for transitions. */
  serviceModel: string;
  ctx: ReturnType<typeof useEmulator>;
  /** The owner's out-of-band client (the Huawei SDK signer). */
  client(): (
    method: string,
    path: string,
    options?: { query?: Record<string, string | number>; body?: unknown },
  ) => Promise<HwResult>;
  SERVICE: Fixture;
  ENDPOINT: Fixture;
}

/**
 * How a change of a gateway endpoint's route tables is made: Huawei documents
 * `PUT /vpc-endpoints/{id}/routetables`; OTC's API reference has no such call.
 */
const ROUTE_TABLE_CHANGE = { huaweicloud: "update", opentelekomcloud: "replace" } as const;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function vpcepV1Matrix(c: VpcepV1Case): void {
  const { ctx, SERVICE, ENDPOINT } = c;
  const label = escape(c.label);

  test("disappears: refresh drops an endpoint deleted out of band, and the next up recreates it", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const id = stack.resource("ep")!.id;
    expect((await c.client()("DELETE", `/vpc-endpoints/${id}`)).status).toBe(204);
    await eventually(async () => (await c.client()("GET", `/vpc-endpoints/${id}`)).status === 404, "gone");
    const [refresh, preview, up] = await stack.run([SERVICE(), ENDPOINT()], ["refresh", "preview", "up"]);
    expect(refresh!.ok).toBe(true);
    expect(stepsOf(refresh)).toEqual({ svc: "refresh", ep: "drop" });
    expect(stepsOf(preview)).toEqual({ svc: "same", ep: "create" });
    expect(stepsOf(up)).toEqual({ svc: "same", ep: "create" });
  });

  test("destroy deletes and waits until not found; deleting what is already gone succeeds", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const ids = { svc: stack.resource("svc")!.id, ep: stack.resource("ep")!.id };
    await c.client()("DELETE", `/vpc-endpoints/${ids.ep}`);
    const [destroy] = await stack.run([], ["destroy"]);
    expect(destroy!.ok).toBe(true);
    expect(stepsOf(destroy)).toEqual({ ep: "delete", svc: "delete" });
    expect(stack.state().resources).toEqual([]);
    expect((await c.client()("GET", `/vpc-endpoint-services/${ids.svc}`)).status).toBe(404);
  });

  test("failed state: a port mapping another service on the same port uses fails fast with the cloud's reason, and is recorded", async () => {
    const stack = new TestStack(ctx.emulator);
    const [up] = await stack.run([SERVICE(), SERVICE({ serviceName: "orders2" }, "svc2")], ["up"]);
    expect(up!.ok).toBe(false);
    // Both creates run at once; whichever the cloud took second is the one that fails.
    const failed = up!.steps.find((s) => s.op === "failed")!;
    expect(failed.error).toMatch(
      new RegExp(
        `creating ${label} VPC Endpoint Service \\(.+\\): reached state "failed": EndPoint\\.3044: .*conflicts`,
      ),
    );
    // Not leaked: the engine recorded it with its id, and destroy removes it.
    const recorded = stack.state().resources.find((r) => r.name === failed.name)!;
    expect(recorded.id).not.toBe("");
    expect(recorded.initErrors?.length).toBeGreaterThan(0);
    const [destroy] = await stack.run([], ["destroy"]);
    expect(destroy!.ok).toBe(true);
    expect((await c.client()("GET", `/vpc-endpoint-services/${recorded.id}`)).status).toBe(404);
  });

  test("a create that outlives its timeout carries the id, so nothing leaks; the next up finishes it", async () => {
    const stack = new TestStack(ctx.emulator);
    await ctx.control.put("/transitions", { model: c.serviceModel, progression: "manual", times: 100000 });
    const [up] = await stack.run([SERVICE({ timeouts: { create: "300ms" } })], ["up"]);
    expect(up!.ok).toBe(false);
    expect(up!.steps[0]!.error).toMatch(
      new RegExp(
        `creating ${label} VPC Endpoint Service \\(.+\\): timed out after \\d+m?s waiting to be ready \\(last state "creating"\\)`,
      ),
    );
    const id = stack.resource("svc")!.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await ctx.control.delete("/transitions");
    const [again, preview] = await stack.run([SERVICE()], ["up", "preview"]);
    expect(again!.ok).toBe(true);
    expect(stack.resource("svc")!.id).toBe(id);
    expect(stack.resource("svc")!.outputs.state).toBe("available");
    expect(stepsOf(preview)).toEqual({ svc: "same" });
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
      // A deadline, not a count: the runner is slow to start on a loaded machine.
      for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
        const listed = await c.client()("GET", "/vpc-endpoints", { query: { limit: 100 } });
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
          return c.client()(
            "POST",
            `/vpc-endpoint-services/${pending.endpoint_service_id}/connections/action`,
            {
              body: { action: "receive", endpoints: [pending.id] },
            },
          );
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
      new RegExp(`${label} VPC Endpoint \\([0-9a-f-]{36}\\): pendingAcceptance \\(\\d+m?s elapsed\\)`),
    );
    expect(waiting.resource("ep")!.outputs).toMatchObject({ status: "accepted" });
  });

  test("rejected: an endpoint the owner rejects fails with the cloud's reason while waiting for acceptance", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE({ approvalRequired: true })], ["up"]);
    const serviceId = stack.resource("svc")!.id;
    const run = stack.run(
      [SERVICE({ approvalRequired: true }), ENDPOINT({ waitForAcceptance: true })],
      ["up"],
    );
    const rejected = (async () => {
      // A deadline, not a count: the runner is slow to start on a loaded machine.
      for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
        const listed = await c.client()("GET", `/vpc-endpoint-services/${serviceId}/connections`);
        const pending = (listed.body.connections as { id: string; status: string }[] | undefined)?.find(
          (conn) => conn.status === "pendingAcceptance",
        );
        if (pending) {
          return c.client()("POST", `/vpc-endpoint-services/${serviceId}/connections/action`, {
            body: { action: "reject", endpoints: [pending.id] },
          });
        }
        await new Promise((r) => setTimeout(r, 30));
      }
      throw new Error("endpoint never appeared");
    })();
    const [[up], rejection] = await Promise.all([run, rejected]);
    expect(rejection.status).toBe(200);
    expect(up!.ok).toBe(false);
    expect(up!.steps.find((s) => s.name === "ep")!.error).toMatch(/reached state "rejected"/);
    expect(stack.resource("ep")!.id).toMatch(/^[0-9a-f-]{36}$/);
    const [destroy] = await stack.run([], ["destroy"]);
    expect(destroy!.ok).toBe(true);
  });

  test("adopt: create takes over an existing service after checking it matches, and reports what differs", async () => {
    const created = await c.client()("POST", "/vpc-endpoint-services", {
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
    expect((await c.client()("GET", `/vpc-endpoint-services/${id}`)).body.tags).toEqual([
      { key: "team", value: "platform" },
    ]);
  });

  const tables = ["705290f3-0d00-41f2-aedc-71f09844e879", "705290f3-0d00-41f2-aedc-71f09844e87a"] as const;
  const gateway = (routeTableIds: readonly string[], overrides: Record<string, unknown> = {}) =>
    ENDPOINT({
      serviceId: gatewayServiceId(c.cloud, c.region),
      subnetId: undefined,
      whitelist: undefined,
      routeTableIds,
      ...overrides,
    });

  test(`gateway endpoint: a route-table change is an ${ROUTE_TABLE_CHANGE[c.cloud]}, and the next preview is clean`, async () => {
    const stack = new TestStack(ctx.emulator);
    const [created] = await stack.run([gateway([tables[0]])], ["up"]);
    expect(created!.ok).toBe(true);
    const oldId = stack.resource("ep")!.id;
    await ctx.control.delete("/requests");

    const [preview, up, again] = await stack.run([gateway([tables[1]])], ["preview", "up", "preview"]);
    const change = ROUTE_TABLE_CHANGE[c.cloud];
    expect(preview!.steps.find((s) => s.name === "ep")).toMatchObject(
      change === "update" ? { op: "update" } : { op: "replace", replaceKeys: ["routeTableIds"] },
    );
    expect(stepsOf(up)).toEqual({ ep: change });
    expect(stepsOf(again)).toEqual({ ep: "same" });
    const newId = stack.resource("ep")!.id;
    expect(stack.resource("ep")!.outputs.routeTableIds).toEqual([tables[1]]);
    expect((await c.client()("GET", `/vpc-endpoints/${newId}`)).body.routetables).toEqual([tables[1]]);
    const ops = (await requests(ctx.control)).map((r) => r.operation);
    if (change === "update") {
      expect(newId).toBe(oldId);
      expect(ops).toContain("UpdateEndpointRoutetable");
      expect(ops).not.toContain("CreateEndpoint");
    } else {
      expect(newId).not.toBe(oldId);
      expect(ops).not.toContain("UpdateEndpointRoutetable");
      expect(ops).toEqual(expect.arrayContaining(["CreateEndpoint", "DeleteEndpoint"]));
    }
  });

  test("gateway endpoint: a replacement that keeps its route tables deletes the old endpoint first", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([gateway(tables)], ["up"]);
    const oldId = stack.resource("ep")!.id;
    const [preview, up] = await stack.run([gateway(tables, { description: "obs" })], ["preview", "up"]);
    // The new endpoint could not take a table the old one still holds (EndPoint.2039).
    expect(preview!.steps.find((s) => s.name === "ep")).toMatchObject({
      op: "replace",
      replaceKeys: ["description"],
      deleteBeforeReplace: true,
    });
    expect(up!.ok).toBe(true);
    const newId = stack.resource("ep")!.id;
    expect(newId).not.toBe(oldId);
    expect((await c.client()("GET", `/vpc-endpoints/${newId}`)).body).toMatchObject({
      description: "obs",
      routetables: [...tables].sort(),
    });
  });

  test("get: reads an existing endpoint by id without managing it", async () => {
    const owner = new TestStack(ctx.emulator);
    await owner.run([SERVICE(), ENDPOINT()], ["up"]);
    const id = owner.resource("ep")!.id;
    const reader = new TestStack(ctx.emulator);
    const [up, destroy] = await reader.run(
      [{ kind: "VpcEndpoint", name: "existing", get: { id, cloud: c.cloud, region: c.region } }],
      ["up", "destroy"],
    );
    expect(stepsOf(up)).toEqual({ existing: "read" });
    expect(reader.state().resources.length).toBeLessThanOrEqual(1);
    expect(destroy!.ok).toBe(true);
    expect((await c.client()("GET", `/vpc-endpoints/${id}`)).status).toBe(200);
  });
}
