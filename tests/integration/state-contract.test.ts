/**
 * The state contract through the real dynamic-provider host: what Pulumi records is what the cloud
 * holds, so after a failed or partial run the next `up` finishes the work; a preview with unknowns
 * plans what `up` does; not found is the cloud's resource code; removing an input converges in one
 * `up`; a lost create answer never leaks or doubles; ready means the cloud said ready; throttling
 * is honoured as the clouds send it. Every failure scenario goes on to the next `up` and checks that
 * the cloud and the state agree.
 */
import { huaweiClient, tencentClient } from "../emulator/helpers.js";
import { HW, requests, stepsOf, TC, TestStack, useEmulator } from "../support/engine.js";
import { huaweiEndpoint, huaweiService, tencentEndpoint, tencentService } from "../support/fixtures.js";

const ctx = useEmulator("immediate");

const hw = () => huaweiClient(ctx.emulator.urls.huaweicloud, HW);
const tc = () => tencentClient(ctx.emulator.urls.tencentcloud, TC);

/** Quick failures: one retry, so an injected run of errors outlasts the transport. */
const ONE_RETRY = { "vpcep:maxRetries": "1" };

const hwTags = async (path: string) =>
  Object.fromEntries(
    ((await hw()("GET", path)).body.tags as { key: string; value: string }[]).map((t) => [t.key, t.value]),
  );

/** A Huawei service whose create wait times out: the cloud keeps it `creating` until transitions reset. */
async function timedOutCreate() {
  const stack = new TestStack(ctx.emulator);
  await ctx.control.put("/transitions", {
    model: "huawei::vpcep_service",
    progression: "manual",
    times: 1000,
  });
  const service = huaweiService({ timeouts: { create: "300ms" } });
  const [up] = await stack.run([service], ["up"]);
  return { stack, service, up };
}

describe("a failed or partial run leaves state that makes the next up finish the work", () => {
  test("Huawei: a tag call that failed during an update is re-applied by the next up", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([huaweiService(), huaweiEndpoint()], ["up"]);
    const id = stack.resource("ep")!.id;
    await ctx.control.put("/faults", [
      { cloud: "huaweicloud", operation: "CreateTags", resourceId: id, action: "error", next: 10 },
    ]);
    const changed = [huaweiService(), huaweiEndpoint({ tags: { env: "prod" } })];
    const [failed] = await stack.run(changed, ["up"], ONE_RETRY);
    expect(failed!.ok).toBe(false);
    expect(failed!.errors.join("\n")).toMatch(/updating Huawei Cloud VPC Endpoint \(.+\): .*EndPoint\.0001/);
    // The removed tag was deleted, the added one never made: state says so.
    expect(await hwTags(`/vpc-endpoints/${id}`)).toEqual({});
    expect(stack.resource("ep")!.outputs.tags).toEqual({});

    await ctx.control.delete("/faults");
    const [preview, up, again] = await stack.run(changed, ["preview", "up", "preview"]);
    expect(stepsOf(preview)).toMatchObject({ ep: "update" });
    expect(up!.ok).toBe(true);
    expect(await hwTags(`/vpc-endpoints/${id}`)).toEqual({ env: "prod" });
    expect(stack.resource("ep")!.outputs.tags).toEqual({ env: "prod" });
    expect(stepsOf(again)).toEqual({ svc: "same", ep: "same" });
  });

  test("Huawei: a permission grant that failed during create is made by the next up", async () => {
    const stack = new TestStack(ctx.emulator);
    const permission = "iam:domain::" + HW.domainId.replace(/./, "f");
    const service = huaweiService({ permissions: [permission] });
    await ctx.control.put("/faults", [
      { cloud: "huaweicloud", operation: "AddServicePermissions", action: "error", next: 10 },
    ]);
    const [failed] = await stack.run([service], ["up"], ONE_RETRY);
    expect(failed!.ok).toBe(false);
    const recorded = stack.resource("svc")!;
    expect(recorded.initErrors?.length).toBe(1);
    expect(recorded.outputs.permissions).toEqual([]);

    await ctx.control.delete("/faults");
    const [preview, up, again] = await stack.run([service], ["preview", "up", "preview"]);
    expect(stepsOf(preview)).toEqual({ svc: "update" });
    expect(up!.ok).toBe(true);
    expect(stack.resource("svc")!.id).toBe(recorded.id);
    const listed = await hw()("GET", `/vpc-endpoint-services/${recorded.id}/permissions`);
    expect((listed.body.permissions as { permission: string }[]).map((p) => p.permission)).toEqual([
      permission,
    ]);
    expect(stepsOf(again)).toEqual({ svc: "same" });
  });

  test("a create whose wait timed out is waited for by the next up, and recorded ready", async () => {
    const { stack, service, up: timedOut } = await timedOutCreate();
    expect(timedOut!.ok).toBe(false);
    expect(timedOut!.errors.join("\n")).toMatch(
      /timed out after .* waiting to be ready \(last state "creating"\)/,
    );
    expect(stack.resource("svc")!.outputs).toMatchObject({ status: "creating", state: "creating" });

    await ctx.control.delete("/transitions");
    const [preview, up, again] = await stack.run([service], ["preview", "up", "preview"]);
    expect(stepsOf(preview)).toEqual({ svc: "update" });
    expect(up!.ok).toBe(true);
    expect(stack.resource("svc")!.outputs).toMatchObject({ status: "available", state: "available" });
    expect(stepsOf(again)).toEqual({ svc: "same" });
  });

  test("a refresh between a timed-out create and the next up does not hide the pending object", async () => {
    const { stack, service } = await timedOutCreate();
    // The engine's refresh clears init errors; state still says what the cloud said: creating.
    const [refresh] = await stack.run([service], ["refresh"]);
    expect(refresh!.ok).toBe(true);
    expect(stack.resource("svc")!.initErrors).toBeUndefined();
    expect(stack.resource("svc")!.outputs.state).toBe("creating");
    await ctx.control.delete("/transitions");
    const [preview, up, again] = await stack.run([service], ["preview", "up", "preview"]);
    expect(stepsOf(preview)).toEqual({ svc: "update" });
    expect(up!.ok).toBe(true);
    expect(stack.resource("svc")!.outputs.state).toBe("available");
    expect(stepsOf(again)).toEqual({ svc: "same" });
  });

  test("an object the next up finds failed fails with the cloud's reason, and stays recorded", async () => {
    const { stack, service } = await timedOutCreate();
    const id = stack.resource("svc")!.id;
    await ctx.control.post(`/resources/${id}/state`, {
      status: "failed",
      errorCode: "EndPoint.3044",
      errorMessage: "Port mapping conflict.",
    });
    await ctx.control.delete("/transitions");
    const [up] = await stack.run([service], ["up"]);
    expect(up!.ok).toBe(false);
    expect(up!.errors.join("\n")).toMatch(/reached state "failed": EndPoint\.3044: Port mapping conflict\./);
    expect(stack.resource("svc")!.id).toBe(id);
    expect(stack.resource("svc")!.outputs.status).toBe("failed");
    const [destroy] = await stack.run([service], ["destroy"]);
    expect(destroy!.ok).toBe(true);
    expect((await hw()("GET", `/vpc-endpoint-services/${id}`)).status).toBe(404);
  });
});

describe("replacing an adopted resource", () => {
  test("a Huawei service adopted by id, replaced delete-first on its port, becomes a new service", async () => {
    const owner = new TestStack(ctx.emulator);
    await owner.run([huaweiService()], ["up"]);
    const adopted = owner.resource("svc")!.id;
    const stack = new TestStack(ctx.emulator);
    const [adopt] = await stack.run([huaweiService({ adoptId: adopted })], ["up"]);
    expect(adopt!.ok).toBe(true);
    expect(stack.resource("svc")!.id).toBe(adopted);

    const [preview, replace, again] = await stack.run(
      [huaweiService({ adoptId: adopted, serverType: "VM" })],
      ["preview", "up", "preview"],
    );
    expect(preview!.steps[0]).toMatchObject({ op: "replace", deleteBeforeReplace: true });
    expect(replace!.ok).toBe(true);
    const fresh = stack.resource("svc")!.id;
    expect(fresh).not.toBe(adopted);
    expect((await hw()("GET", `/vpc-endpoint-services/${adopted}`)).status).toBe(404);
    expect((await hw()("GET", `/vpc-endpoint-services/${fresh}`)).body).toMatchObject({ server_type: "VM" });
    expect(stepsOf(again)).toEqual({ svc: "same" });
  });
});

test("two resources of one stack cannot adopt the same object", async () => {
  const owner = new TestStack(ctx.emulator);
  await owner.run([huaweiService()], ["up"]);
  const id = owner.resource("svc")!.id;
  const stack = new TestStack(ctx.emulator);
  const [up] = await stack.run(
    [huaweiService({ adoptId: id }, "a"), huaweiService({ adoptId: id, description: "other" }, "b")],
    ["up"],
  );
  expect(up!.ok).toBe(false);
  expect(up!.errors.join("\n")).toMatch(/another resource of this stack already manages it/);
  expect(stack.state().resources.filter((r) => r.id === id)).toHaveLength(1);
});

describe("a preview with unknown values plans what up will do", () => {
  test("an unknown tag value on a Huawei endpoint plans an update, and up does exactly that", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([huaweiService(), huaweiEndpoint()], ["up"]);
    const before = stack.resource("ep")!.id;
    // A service created in the same run: its id, the tag value, is unknown during preview.
    const other = huaweiService({ portId: "7b1f4a9c-0e2d-4c3b-9a8f-6d5e4c3b2a10" }, "other");
    const next = [huaweiService(), other, huaweiEndpoint({ tags: { service: { ref: "other" } } })];
    const [preview, up, again] = await stack.run(next, ["preview", "up", "preview"]);
    expect(stepsOf(preview)).toEqual({ svc: "same", other: "create", ep: "update" });
    expect(stepsOf(up)).toEqual({ svc: "same", other: "create", ep: "update" });
    expect(stack.resource("ep")!.id).toBe(before);
    expect(await hwTags(`/vpc-endpoints/${before}`)).toEqual({ service: stack.resource("other")!.id });
    expect(stepsOf(again)).toEqual({ svc: "same", other: "same", ep: "same" });
  });
});

describe("not found is the cloud's resource code, never a bare HTTP status", () => {
  test("a mistyped Huawei endpoint (the gateway's APIG.0101 404) fails refresh and destroy instead of dropping state", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([huaweiService()], ["up"]);
    const id = stack.resource("svc")!.id;
    const wrong = { "vpcep:huaweicloudEndpoint": `${ctx.emulator.urls.huaweicloud}/vpcep` };
    const [refresh, destroy] = await stack.run([huaweiService()], ["refresh", "destroy"], wrong);
    expect(refresh!.ok).toBe(false);
    expect(refresh!.errors.join("\n")).toMatch(/APIG\.0101/);
    expect(destroy!.ok).toBe(false);
    expect(stack.resource("svc")!.id).toBe(id);
    expect((await hw()("GET", `/vpc-endpoint-services/${id}`)).status).toBe(200);

    const [fixed, gone] = await stack.run([huaweiService()], ["refresh", "destroy"]);
    expect(stepsOf(fixed)).toEqual({ svc: "refresh" });
    expect(gone!.ok).toBe(true);
    expect((await hw()("GET", `/vpc-endpoint-services/${id}`)).status).toBe(404);
  });
});

describe("removing an optional input converges in one up", () => {
  test("removing timeouts is one update, then no changes", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([huaweiService({ timeouts: { create: "5m", delete: "5m" } })], ["up"]);
    const [preview, up, again, more] = await stack.run([huaweiService()], ["preview", "up", "preview", "up"]);
    expect(stepsOf(preview)).toEqual({ svc: "update" });
    expect(up!.ok).toBe(true);
    expect(stack.resource("svc")!.outputs.timeouts).toBeUndefined();
    expect(stepsOf(again)).toEqual({ svc: "same" });
    expect(stepsOf(more)).toEqual({ svc: "same" });
  });

  test("removing a Huawei service's name (which the API cannot clear) keeps the cloud's, with no call", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([huaweiService({ serviceName: "orders" })], ["up"]);
    await ctx.control.delete("/requests");
    const [preview, up, again] = await stack.run(
      [huaweiService({ serviceName: undefined })],
      ["preview", "up", "preview"],
    );
    expect(stepsOf(preview)).toEqual({ svc: "same" });
    expect(up!.ok).toBe(true);
    expect(stepsOf(again)).toEqual({ svc: "same" });
    expect(await requests(ctx.control, "UpdateEndpointService")).toEqual([]);
    expect(stack.resource("svc")!.outputs.endpointServiceName).toMatch(/^cn-north-4\.orders\./);
  });
});

describe("a create whose answer was lost never leaks or doubles", () => {
  test("a listing that fails after the lost answer is retried within the create timeout", async () => {
    await ctx.control.put("/faults", [
      { cloud: "huaweicloud", operation: "CreateEndpointService", action: "lostReply", next: 1 },
      // The listing before the create passes; the next two (after the lost answer) fail.
      { cloud: "huaweicloud", operation: "ListEndpointServices", action: "error", skip: 1, next: 2 },
    ]);
    const stack = new TestStack(ctx.emulator);
    const [up, again] = await stack.run([huaweiService()], ["up", "preview"], { "vpcep:maxRetries": "0" });
    expect(up!.ok).toBe(true);
    expect(stepsOf(again)).toEqual({ svc: "same" });
    const lists = await requests(ctx.control, "ListEndpointServices");
    expect(lists.map((l) => l.status)).toEqual([200, 500, 500, 200]);
    const services = (await hw()("GET", "/vpc-endpoint-services")).body.endpoint_services as { id: string }[];
    expect(services.map((s) => s.id)).toEqual([stack.resource("svc")!.id]);
  });

  test("when the listing never works, the error says an object may exist, what identifies it and how to adopt it", async () => {
    await ctx.control.put("/faults", [
      { cloud: "huaweicloud", operation: "CreateEndpointService", action: "lostReply", next: 1 },
      { cloud: "huaweicloud", operation: "ListEndpointServices", action: "error", skip: 1 },
    ]);
    const stack = new TestStack(ctx.emulator);
    const service = huaweiService({ timeouts: { create: "400ms" } });
    const [up] = await stack.run([service], ["up"], { "vpcep:maxRetries": "0" });
    expect(up!.ok).toBe(false);
    const message = up!.errors.join("\n");
    expect(message).toMatch(/an object may exist with .*vpcId="0b1c7f5e-3a55-4d2c-9a51-2f7a1c9e0a10"/);
    expect(message).toMatch(/portId=/);
    expect(message).toMatch(/set adoptId to its id/);
    expect(stack.state().resources).toEqual([]);

    // The user takes it over as the message says; then the stack manages exactly that object.
    await ctx.control.delete("/faults");
    const services = (await hw()("GET", "/vpc-endpoint-services")).body.endpoint_services as { id: string }[];
    expect(services).toHaveLength(1);
    const [adopt] = await stack.run([huaweiService({ adoptId: services[0]!.id })], ["up"]);
    expect(adopt!.ok).toBe(true);
    expect(stack.resource("svc")!.id).toBe(services[0]!.id);
  });

  test("two endpoints created at once with the same identifying fields never take the same object", async () => {
    await ctx.control.put("/faults", [
      { cloud: "huaweicloud", operation: "CreateEndpoint", action: "lostReply", next: 1 },
    ]);
    const stack = new TestStack(ctx.emulator);
    const twin = (name: string) => huaweiEndpoint({ whitelist: [], tags: {} }, name);
    const [up, again] = await stack.run([huaweiService(), twin("a"), twin("b")], ["up", "preview"]);
    expect(up!.ok).toBe(true);
    expect(stepsOf(again)).toEqual({ svc: "same", a: "same", b: "same" });
    const a = stack.resource("a")!.id;
    const b = stack.resource("b")!.id;
    expect(a).not.toBe(b);
    const listed = (await hw()("GET", "/vpc-endpoints")).body.endpoints as { id: string }[];
    expect(listed.map((e) => e.id).sort()).toEqual([a, b].sort());
  });

  test("concurrent creates whose identities overlap, both answers lost, each find their own object", async () => {
    await ctx.control.put("/faults", [
      { cloud: "huaweicloud", operation: "CreateEndpoint", action: "lostReply", next: 2 },
    ]);
    const stack = new TestStack(ctx.emulator);
    const loose = huaweiEndpoint({ whitelist: [], tags: {} }, "loose");
    const fixed = huaweiEndpoint({ whitelist: [], tags: {}, privateIp: "192.168.0.50" }, "fixed");
    const [up, again] = await stack.run([huaweiService(), loose, fixed], ["up", "preview"]);
    expect(up!.errors).toEqual([]);
    expect(stepsOf(again)).toEqual({ svc: "same", loose: "same", fixed: "same" });
    const listed = (await hw()("GET", "/vpc-endpoints")).body.endpoints as { id: string; ip: string }[];
    expect(listed).toHaveLength(2);
    expect(stack.resource("fixed")!.outputs.privateIp).toBe("192.168.0.50");
    expect(listed.find((e) => e.id === stack.resource("fixed")!.id)!.ip).toBe("192.168.0.50");
    expect(stack.resource("loose")!.id).not.toBe(stack.resource("fixed")!.id);
  });

  test("a connection refused before the request was sent did not act: no listing, no leak, a plain error", async () => {
    const stack = new TestStack(ctx.emulator);
    const closed = { "vpcep:huaweicloudEndpoint": "http://127.0.0.1:9", "vpcep:maxRetries": "0" };
    const [up] = await stack.run([huaweiService()], ["up"], closed);
    expect(up!.ok).toBe(false);
    const message = up!.errors.join("\n");
    expect(message).toMatch(/ECONNREFUSED/);
    expect(message).not.toMatch(/may exist|answer was lost/);
    expect(stack.state().resources).toEqual([]);
  });
});

describe("ready means the cloud said ready", () => {
  test("Tencent: a failing service lookup during create never turns PENDING into ready on an auto-accept service", async () => {
    const stack = new TestStack(ctx.emulator);
    const service = tencentService({ approvalRequired: false }, "tsvc");
    await stack.run([service], ["up"]);
    const serviceId = stack.resource("tsvc")!.id;
    await ctx.control.put("/transitions", [{ model: "tencent::endpoint", progression: "manual", times: 2 }]);
    // The endpoint's lookups of its service fail; nothing else does.
    await ctx.control.put("/faults", [
      {
        cloud: "tencentcloud",
        operation: "DescribeVpcEndPointService",
        resourceId: serviceId,
        action: "error",
        next: 3,
      },
    ]);
    const endpoint = tencentEndpoint({ serviceId: { ref: "tsvc" }, securityGroupIds: [] });
    const [up, again] = await stack.run([service, endpoint], ["up", "preview"], { "vpcep:maxRetries": "0" });
    const lookups = await requests(ctx.control, "DescribeVpcEndPointService");
    expect(lookups.filter((l) => l.injected).length).toBeGreaterThan(0);
    expect(up!.errors).toEqual([]);
    expect(stack.resource("ep")!.outputs).toMatchObject({ status: "ACTIVE", state: "available" });
    const live = await tc()("DescribeVpcEndPoint", { EndPointId: [stack.resource("ep")!.id] });
    expect((live.response!.EndPointSet as { State: string }[])[0]!.State).toBe("ACTIVE");
    expect(stepsOf(again)).toEqual({ tsvc: "same", ep: "same" });
  });
});

describe("throttling as the clouds send it", () => {
  test("Huawei EndPoint.0022 with HTTP 400 is a throttle: the create is retried and lands once", async () => {
    await ctx.control.put("/faults", [
      {
        cloud: "huaweicloud",
        operation: "CreateEndpointService",
        action: "throttle",
        code: "EndPoint.0022",
        next: 2,
      },
    ]);
    const stack = new TestStack(ctx.emulator);
    const [up] = await stack.run([huaweiService()], ["up"]);
    expect(up!.ok).toBe(true);
    const creates = await requests(ctx.control, "CreateEndpointService");
    expect(creates.map((c) => [c.status, c.errorCode ?? "ok"])).toEqual([
      [400, "EndPoint.0022"],
      [400, "EndPoint.0022"],
      [200, "ok"],
    ]);
  });

  test("Retry-After is honoured: the retry waits as long as the cloud asked", async () => {
    await ctx.control.put("/faults", [
      {
        cloud: "tencentcloud",
        operation: "CreateVpcEndPointService",
        action: "throttle",
        retryAfter: 1,
        next: 1,
      },
    ]);
    const stack = new TestStack(ctx.emulator);
    const [up] = await stack.run([tencentService()], ["up"]);
    expect(up!.ok).toBe(true);
    const creates = (await ctx.control.get("/requests?operation=CreateVpcEndPointService")).body.requests as {
      time: string;
    }[];
    expect(creates).toHaveLength(2);
    const waited = Date.parse(creates[1]!.time) - Date.parse(creates[0]!.time);
    // The configured retry delay is 20 ms; only the header explains a second.
    expect(waited).toBeGreaterThanOrEqual(1000);
  });
});

describe("seed and reference limits reach the cloud as the cloud takes them", () => {
  test("Huawei organisation-path permissions are sent with permission_type orgPath, accounts with domainId", async () => {
    const stack = new TestStack(ctx.emulator);
    const permissions = [
      "organizations:orgPath::o-abc/r-def",
      "iam:domain::" + HW.domainId.replace(/./, "e"),
    ];
    const [up, again] = await stack.run([huaweiService({ permissions })], ["up", "preview"]);
    expect(up!.errors).toEqual([]);
    expect(stepsOf(again)).toEqual({ svc: "same" });
    const actions = await requests(ctx.control, "AddServicePermissions");
    expect(
      actions
        .map((a) => (a as { requestBody?: { permission_type?: string } }).requestBody?.permission_type)
        .sort(),
    ).toEqual(["domainId", "orgPath"]);
    const listed = await hw()("GET", `/vpc-endpoint-services/${stack.resource("svc")!.id}/permissions`);
    expect((listed.body.permissions as { permission: string }[]).map((p) => p.permission).sort()).toEqual(
      [...permissions].sort(),
    );
  });

  test("Tencent security groups keep their order: the first is bound at create, the order is set after", async () => {
    const stack = new TestStack(ctx.emulator);
    const groups = ["sg-zzzz9999", "sg-aaaa0000", "sg-mmmm5555"];
    const endpoint = tencentEndpoint({ serviceId: { ref: "tsvc" }, securityGroupIds: groups });
    const [up, again] = await stack.run([tencentService({}, "tsvc"), endpoint], ["up", "preview"]);
    expect(up!.errors).toEqual([]);
    expect(stepsOf(again)).toEqual({ tsvc: "same", ep: "same" });
    const [create] = await requests(ctx.control, "CreateVpcEndPoint");
    expect((create as { requestBody?: unknown }).requestBody).toMatchObject({
      SecurityGroupId: "sg-zzzz9999",
    });
    const live = await tc()("DescribeVpcEndPoint", { EndPointId: [stack.resource("ep")!.id] });
    expect((live.response!.EndPointSet as { GroupSet: string[] }[])[0]!.GroupSet).toEqual(groups);
    expect(stack.resource("ep")!.outputs.securityGroupIds).toEqual(groups);
  });

  test("a Tencent IPv6 endpoint gets an IPv6 address, and the next preview shows no change", async () => {
    const stack = new TestStack(ctx.emulator);
    const endpoint = tencentEndpoint({
      serviceId: { ref: "tsvc" },
      securityGroupIds: [],
      ipAddressType: "Ipv6",
    });
    const [up, again, refresh, afterRefresh] = await stack.run(
      [tencentService({}, "tsvc"), endpoint],
      ["up", "preview", "refresh", "preview"],
    );
    expect(up!.errors).toEqual([]);
    expect(stack.resource("ep")!.outputs).toMatchObject({ ipAddressType: "Ipv6" });
    expect(String(stack.resource("ep")!.outputs.privateIp)).toContain(":");
    expect(stepsOf(again)).toEqual({ tsvc: "same", ep: "same" });
    expect(stepsOf(refresh)).toEqual({ tsvc: "refresh", ep: "refresh" });
    expect(stepsOf(afterRefresh)).toEqual({ tsvc: "same", ep: "same" });
  });
});
