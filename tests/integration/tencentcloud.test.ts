/**
 * Tencent Cloud, end to end: the real dynamic-provider host over gRPC, the fixture program run with
 * the SDK's mocks, the emulator as the cloud, and the official Tencent SDK client for out-of-band
 * changes. The emulator's request log proves which calls were made.
 */
import { tencentClient } from "../emulator/helpers.js";
import {
  createIdempotently,
  eventually,
  requests,
  stepsOf,
  TC,
  TC2,
  TestStack,
  useEmulator,
} from "../support/engine.js";
import { tencentEndpoint as ENDPOINT, tencentService as SERVICE } from "../support/fixtures.js";

const ctx = useEmulator("manual:2");

const cloud = (account = TC) => tencentClient(ctx.emulator.urls.tencentcloud, account);

async function describeEndpoint(id: string) {
  const result = await cloud()("DescribeVpcEndPoint", { EndPointId: [id] });
  return result.response?.EndPointSet as Record<string, unknown>[] | undefined;
}

describe("Tencent Cloud VpcEndpointService and VpcEndpoint", () => {
  test("basic: preview makes no call, up creates and waits for ACTIVE, the next preview shows no changes", async () => {
    const stack = new TestStack(ctx.emulator);
    await createIdempotently(
      stack,
      ctx.control,
      [SERVICE(), ENDPOINT()],
      ["CreateVpcEndPointService", "CreateVpcEndPoint"],
    );

    const ep = stack.resource("ep")!;
    expect(ep.id).toMatch(/^vpce-[a-z0-9]{8}$/);
    // The service auto-accepts, so PENDING was a step on the way, not the end.
    expect(ep.outputs).toMatchObject({ status: "ACTIVE", state: "available", endpointServiceName: "orders" });
    const [live] = (await describeEndpoint(ep.id))!;
    expect([...(live!.GroupSet as string[])].sort()).toEqual(["sg-abcd1234", "sg-bcde2345"]);
    // One SG at create, the rest by Modify once the endpoint exists.
    const create = (await requests(ctx.control, "CreateVpcEndPoint"))[0] as unknown as {
      requestBody: Record<string, unknown>;
    };
    expect(create.requestBody).toMatchObject({ SecurityGroupId: "sg-abcd1234" });
  });

  test("update: endpoint name and security groups, service name, approval and whitelist change in place", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const before = { svc: stack.resource("svc")!.id, ep: stack.resource("ep")!.id };
    const [preview, up, again] = await stack.run(
      [
        SERVICE({ serviceName: "orders-v2", approvalRequired: true, permissions: [TC2.uin] }),
        ENDPOINT({ name: "renamed", securityGroupIds: [] }),
      ],
      ["preview", "up", "preview"],
    );
    expect(stepsOf(preview)).toEqual({ svc: "update", ep: "update" });
    expect(up!.ok).toBe(true);
    expect(stepsOf(again)).toEqual({ svc: "same", ep: "same" });
    expect({ svc: stack.resource("svc")!.id, ep: stack.resource("ep")!.id }).toEqual(before);
    const [live] = (await describeEndpoint(before.ep))!;
    expect(live).toMatchObject({ EndPointName: "renamed", GroupSet: [] });
    expect((await requests(ctx.control, "DisassociateVpcEndPointSecurityGroups")).length).toBe(1);
    const svc = await cloud()("DescribeVpcEndPointService", { EndPointServiceIds: [before.svc] });
    expect((svc.response!.EndPointServiceSet as Record<string, unknown>[])[0]).toMatchObject({
      ServiceName: "orders-v2",
      AutoAcceptFlag: false,
    });
    const whitelist = await cloud()("DescribeVpcEndPointServiceWhiteList", {
      Filters: [{ Name: "end-point-service-id", Values: [before.svc] }],
    });
    expect(
      (whitelist.response!.VpcEndPointServiceUserSet as { UserUin: string }[]).map((u) => u.UserUin),
    ).toEqual([TC2.uin]);
  });

  test("replace: tags cannot change through the VPC API, so a tag change replaces the endpoint", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const oldId = stack.resource("ep")!.id;
    const [preview, up] = await stack.run(
      [SERVICE(), ENDPOINT({ tags: { tier: "premium" } })],
      ["preview", "up"],
    );
    expect(preview!.steps.find((s) => s.name === "ep")).toMatchObject({
      op: "replace",
      replaceKeys: ["tags"],
    });
    expect(stepsOf(up)).toEqual({ svc: "same", ep: "replace" });
    const newId = stack.resource("ep")!.id;
    expect(newId).not.toBe(oldId);
    await eventually(async () => (await describeEndpoint(oldId)) === undefined, "old endpoint gone");
  });

  test("a fixed private IP is released before the replacement takes it", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT({ privateIp: "10.0.0.8" })], ["up"]);
    const [preview, up] = await stack.run(
      [SERVICE(), ENDPOINT({ privateIp: "10.0.0.8", tags: { tier: "x" } })],
      ["preview", "up"],
    );
    expect(preview!.steps.find((s) => s.name === "ep")).toMatchObject({
      op: "replace",
      deleteBeforeReplace: true,
    });
    expect(up!.ok).toBe(true);
    expect(stack.resource("ep")!.outputs.privateIp).toBe("10.0.0.8");
  });

  test("disappears: refresh drops an endpoint deleted out of band; destroy of a missing service succeeds", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const ids = { svc: stack.resource("svc")!.id, ep: stack.resource("ep")!.id };
    expect((await cloud()("DeleteVpcEndPoint", { EndPointId: ids.ep })).code).toBeUndefined();
    await eventually(async () => (await describeEndpoint(ids.ep)) === undefined, "endpoint gone");
    const [refresh, preview] = await stack.run([SERVICE(), ENDPOINT()], ["refresh", "preview"]);
    expect(stepsOf(refresh)).toEqual({ svc: "refresh", ep: "drop" });
    expect(stepsOf(preview)).toEqual({ svc: "same", ep: "create" });
    expect((await cloud()("DeleteVpcEndPointService", { EndPointServiceId: ids.svc })).code).toBeUndefined();
    const [destroy] = await stack.run([], ["destroy"]);
    expect(destroy!.ok).toBe(true);
    expect(stack.state().resources).toEqual([]);
  });

  test("refresh reflects an out-of-band rename, and the next up puts the program's name back", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const id = stack.resource("ep")!.id;
    await cloud()("ModifyVpcEndPointAttribute", { EndPointId: id, EndPointName: "hand-edited" });
    const [refresh, up] = await stack.run([SERVICE(), ENDPOINT()], ["refresh", "up"]);
    expect(refresh!.steps.find((s) => s.name === "ep")!.changedKeys).toContain("name");
    expect(stepsOf(up)).toMatchObject({ ep: "update" });
    expect((await describeEndpoint(id))![0]!.EndPointName).toBe("orders-consumer");
  });

  test("failed and rejected states end the wait at once and keep the id", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE({ approvalRequired: true })], ["up"]);
    const run = stack.run(
      [SERVICE({ approvalRequired: true }), ENDPOINT({ waitForAcceptance: true })],
      ["up"],
    );
    const serviceId = () => stack.resource("svc")!.id;
    let endpointId = "";
    await eventually(async () => {
      const listed = await cloud()("DescribeVpcEndPoint", {
        Filters: [{ Name: "end-point-service-id", Values: [serviceId()] }],
      });
      endpointId =
        ((listed.response?.EndPointSet as { EndPointId: string }[] | undefined) ?? [])[0]?.EndPointId ?? "";
      return endpointId !== "";
    }, "endpoint created");
    const rejected = await cloud()("EnableVpcEndPointConnect", {
      EndPointServiceId: serviceId(),
      EndPointId: [endpointId],
      AcceptFlag: false,
    });
    expect(rejected.code).toBeUndefined();
    const [up] = await run;
    expect(up!.ok).toBe(false);
    expect(up!.errors.join("\n")).toMatch(
      /creating Tencent Cloud VPC Endpoint \(vpce-.+\): reached state "REJECTED": the endpoint service owner rejected the connection/,
    );
    expect(stack.resource("ep")!.id).toBe(endpointId);
    const [destroy] = await stack.run([], ["destroy"]);
    expect(destroy!.ok).toBe(true);
  });

  test("an account outside the service whitelist gets the cloud's error, naming the call", async () => {
    const owner = new TestStack(ctx.emulator);
    await owner.run([SERVICE()], ["up"]);
    const consumer = new TestStack(ctx.emulator, { account: "secondary" });
    const [up] = await consumer.run([ENDPOINT({ serviceId: owner.resource("svc")!.id })], ["up"]);
    expect(up!.ok).toBe(false);
    expect(up!.errors.join("\n")).toMatch(/CreateVpcEndPoint: ResourceUnavailable\.ServiceWhiteListNotAdded/);
    expect(consumer.state().resources).toEqual([]);
  });

  test("adopt takes over an existing endpoint and get reads one without managing it", async () => {
    const owner = new TestStack(ctx.emulator);
    await owner.run([SERVICE()], ["up"]);
    const svcId = owner.resource("svc")!.id;
    const created = await cloud()("CreateVpcEndPoint", {
      VpcId: "vpc-coekkqtd",
      SubnetId: "subnet-4t7fr3fi",
      EndPointName: "by-hand",
      EndPointServiceId: svcId,
      Tags: [{ Key: "tier", Value: "standard" }],
    });
    const id = (created.response!.EndPoint as { EndPointId: string }).EndPointId;
    const reader = new TestStack(ctx.emulator);
    const [read] = await reader.run(
      [{ kind: "VpcEndpoint", name: "seen", get: { id, cloud: "tencentcloud", region: "ap-guangzhou" } }],
      ["up"],
    );
    expect(stepsOf(read)).toEqual({ seen: "read" });

    const adopter = new TestStack(ctx.emulator);
    const adopt = ENDPOINT({ serviceId: svcId, adoptId: id, securityGroupIds: ["sg-abcd1234"] });
    const [up, again] = await adopter.run([adopt], ["up", "preview"]);
    expect(up!.ok).toBe(true);
    expect(adopter.resource("ep")!.id).toBe(id);
    expect(stepsOf(again)).toEqual({ ep: "same" });
    // The name and security groups were brought in line with the program.
    expect((await describeEndpoint(id))![0]).toMatchObject({
      EndPointName: "orders-consumer",
      GroupSet: ["sg-abcd1234"],
    });
    const [destroy] = await adopter.run([], ["destroy"]);
    expect(destroy!.ok).toBe(true);
    await eventually(async () => (await describeEndpoint(id)) === undefined, "adopted endpoint deleted");
  });
});
