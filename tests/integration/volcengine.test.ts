/**
 * Volcengine, end to end: the real dynamic-provider host over gRPC, the fixture program run with
 * the SDK's mocks, the emulator as the cloud, and the official Volcengine SDK client
 * (`@volcengine/openapi`) for out-of-band changes. The emulator's request log proves which calls
 * were made.
 */
import { readFileSync } from "node:fs";
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { VOLCENGINE_DEFAULT_CREDENTIALS } from "../../emulator/clouds/volcengine/credentials.js";
import { controlClient, volcengineClient } from "../emulator/helpers.js";
import {
  createIdempotently,
  eventually,
  requests,
  stepsOf,
  TestStack,
  useEmulator,
  type Declared,
  type Op,
} from "../support/engine.js";
import {
  volcengineEndpoint as ENDPOINT,
  volcengineIds,
  volcengineService as SERVICE,
} from "../support/fixtures.js";

const VE = EMULATOR_CREDENTIALS.volcengine.primary;
const VE2 = EMULATOR_CREDENTIALS.volcengine.secondary;
const STS = VOLCENGINE_DEFAULT_CREDENTIALS.temporary;
const ENDPOINT_MODEL = "volcengine::privatelink_endpoint";

const ctx = useEmulator("manual:2");

/**
 * Polls here come every 20–100 ms and each read of an endpoint is three calls: the client-side
 * rate limit (10/s by default, far above what 2 s polls need) would set the pace instead of the
 * emulator.
 */
const QUICK = { "vpcep:maxRequestsPerSecond": "200" };

/** A stack whose runs use the quick rate limit. */
class QuickStack extends TestStack {
  override run(resources: Declared[], ops: Op[], extra: Record<string, string> = {}) {
    return super.run(resources, ops, { ...QUICK, ...extra });
  }
}
const cloud = () => volcengineClient(ctx.emulator.urls.volcengine, VE);
const ids = volcengineIds();
const [SG0, SG1, SG2] = ids.securityGroups as [string, string, string];

type Row = Record<string, unknown>;

async function describeEndpoint(id: string): Promise<Row | undefined> {
  return (await cloud()("DescribeVpcEndpointAttributes", { EndpointId: id })).Result;
}

async function endpointExists(id: string): Promise<boolean> {
  const answer = await cloud()("DescribeVpcEndpointAttributes", { EndpointId: id });
  if (answer.ResponseMetadata.Error?.Code === "InvalidEndpoint.NotFound") return false;
  return answer.Result !== undefined;
}

async function endpointsOf(serviceId: string): Promise<Row[]> {
  const answer = await cloud()("DescribeVpcEndpoints", { ServiceId: serviceId, PageSize: 100 });
  return (answer.Result?.Endpoints as Row[] | undefined) ?? [];
}

async function members(id: string) {
  const groups = await cloud()("DescribeVpcEndpointSecurityGroups", { EndpointId: id });
  const zones = await cloud()("DescribeVpcEndpointZones", { EndpointId: id });
  return {
    groups: groups.Result!.SecurityGroupIds as string[],
    zones: (zones.Result!.EndpointZones as Row[]).map((z) => [z.ZoneId, z.SubnetId, z.NetworkInterfaceIP]),
  };
}

async function serviceMembers(id: string) {
  const resources = await cloud()("DescribeVpcEndpointServiceResources", { ServiceId: id, PageSize: 100 });
  const permissions = await cloud()("DescribeVpcEndpointServicePermissions", { ServiceId: id });
  const attributes = await cloud()("DescribeVpcEndpointServiceAttributes", { ServiceId: id });
  return {
    resources: [...new Set((resources.Result!.Resources as Row[]).map((r) => r.ResourceId))],
    permissions: (permissions.Result!.Permissions as Row[]).map((p) => p.PermitAccountId),
    attributes: attributes.Result!,
  };
}

/** The id of the endpoint named `name`, once the running up has created it. */
async function createdEndpoint(name = "orders-consumer"): Promise<string> {
  let id = "";
  await eventually(async () => {
    const listed = await cloud()("DescribeVpcEndpoints", { EndpointName: name });
    id = String(((listed.Result?.Endpoints as Row[] | undefined) ?? [])[0]?.EndpointId ?? "");
    return id !== "";
  }, `endpoint ${name} created`);
  return id;
}

/** Request-log entries that were refused because the object was busy. */
async function busyAnswers(): Promise<string[]> {
  return (await requests(ctx.control))
    .map((r) => r.errorCode ?? "")
    .filter((code) => code.endsWith(".InvalidStatus") || code.endsWith(".InvalidLock"));
}

describe("Volcengine VpcEndpointService and VpcEndpoint", () => {
  test("basic: preview makes no call; up creates once with a ClientToken, waits for Connected; no changes after", async () => {
    const stack = new QuickStack(ctx.emulator);
    await createIdempotently(
      stack,
      ctx.control,
      [SERVICE(), ENDPOINT()],
      ["CreateVpcEndpointService", "CreateVpcEndpoint"],
    );
    const ep = stack.resource("ep")!;
    expect(ep.id).toMatch(/^ep-[a-z0-9]{25}$/);
    // Available alone is not connected: the service auto-accepts, so the wait went on to Connected.
    expect(ep.outputs).toMatchObject({
      status: "Available",
      connectionStatus: "Connected",
      state: "available",
      securityGroupIds: [SG0, SG1],
      zones: [{ zoneId: "cn-guangzhou-a", subnetId: ids.subnets.a }],
      privateIp: "172.16.0.10",
    });
    expect(String(ep.outputs.endpointServiceName)).toBe(
      `com.volces.privatelink.cn-guangzhou.${stack.resource("svc")!.id}`,
    );
    expect(await describeEndpoint(ep.id)).toMatchObject({
      EndpointName: "orders-consumer",
      Status: "Available",
    });
    const [create] = (await requests(ctx.control, "CreateVpcEndpoint")) as unknown as {
      method: string;
      requestBody: Row;
    }[];
    expect(create!.method).toBe("GET");
    expect(create!.requestBody.ClientToken).toMatch(/^[0-9a-f-]{36}$/);
    const service = (await requests(ctx.control, "CreateVpcEndpointService"))[0] as unknown as {
      requestBody: Row;
    };
    // AutoAcceptEnabled is always sent: the API default is undocumented.
    expect(service.requestBody).toMatchObject({ AutoAcceptEnabled: "true", ServiceResourceType: "CLB" });
    // Every step waited for Available: the cloud never had to refuse a call as busy.
    expect(await busyAnswers()).toEqual([]);
  });

  test("update: every in-place path, adding then removing, waits for Available between calls", async () => {
    const stack = new QuickStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const before = { svc: stack.resource("svc")!.id, ep: stack.resource("ep")!.id };
    const zoneB = { zoneId: "cn-guangzhou-b", subnetId: ids.subnets.b, privateIp: "172.16.1.50" };

    const added = [
      SERVICE({
        description: "orders v2",
        resources: [{ resourceId: ids.clbs[0] }, { resourceId: ids.clbs[1] }],
        permissions: [VE2.accountId],
        tags: { team: "platform", env: "prod" },
      }),
      ENDPOINT({
        name: "renamed",
        description: "after the change",
        securityGroupIds: [SG0, SG1, SG2],
        zones: [{ zoneId: "cn-guangzhou-a", subnetId: ids.subnets.a }, zoneB],
        tags: { tier: "premium" },
      }),
    ];
    const [preview, up, again] = await stack.run(added, ["preview", "up", "preview"]);
    expect(stepsOf(preview)).toEqual({ svc: "update", ep: "update" });
    expect(up!.errors).toEqual([]);
    expect(stepsOf(again)).toEqual({ svc: "same", ep: "same" });
    expect({ svc: stack.resource("svc")!.id, ep: stack.resource("ep")!.id }).toEqual(before);
    expect(await describeEndpoint(before.ep)).toMatchObject({
      EndpointName: "renamed",
      Description: "after the change",
      Tags: [{ Key: "tier", Value: "premium" }],
    });
    expect(await members(before.ep)).toEqual({
      groups: [SG0, SG1, SG2],
      zones: [
        ["cn-guangzhou-a", ids.subnets.a, "172.16.0.10"],
        ["cn-guangzhou-b", ids.subnets.b, "172.16.1.50"],
      ],
    });
    const svc = await serviceMembers(before.svc);
    expect(svc.resources.sort()).toEqual([ids.clbs[0], ids.clbs[1]].sort());
    expect(svc.permissions).toEqual([VE2.accountId]);
    expect(svc.attributes).toMatchObject({ Description: "orders v2" });

    const removed = [
      SERVICE({ resources: [{ resourceId: ids.clbs[1] }], permissions: [], tags: { team: "platform" } }),
      // Reordered and shortened; zone a removed, zone b (with its fixed address) kept.
      ENDPOINT({ name: "renamed", securityGroupIds: [SG2, SG0], zones: [zoneB], tags: {} }),
    ];
    const [up2, again2] = await stack.run(removed, ["up", "preview"]);
    expect(up2!.errors).toEqual([]);
    expect(stepsOf(up2)).toEqual({ svc: "update", ep: "update" });
    expect(stepsOf(again2)).toEqual({ svc: "same", ep: "same" });
    expect(await members(before.ep)).toEqual({
      groups: [SG2, SG0],
      zones: [["cn-guangzhou-b", ids.subnets.b, "172.16.1.50"]],
    });
    expect((await describeEndpoint(before.ep))!.Tags).toEqual([]);
    const svc2 = await serviceMembers(before.svc);
    expect(svc2.resources).toEqual([ids.clbs[1]]);
    expect(svc2.permissions).toEqual([]);
    expect(svc2.attributes).toMatchObject({
      Description: "orders",
      Tags: [{ Key: "team", Value: "platform" }],
    });
    // One group and one zone per call ([SG0, SG1] → +SG2 → [SG2] → +SG0), and no call was refused as busy.
    expect((await requests(ctx.control, "AttachSecurityGroupToVpcEndpoint")).length).toBe(2);
    expect((await requests(ctx.control, "DetachSecurityGroupFromVpcEndpoint")).length).toBe(2);
    expect((await requests(ctx.control, "RemoveZoneFromVpcEndpoint")).length).toBe(1);
    expect(await busyAnswers()).toEqual([]);
  });

  test("replace: another VPC replaces the endpoint, another backend type the service, new before old", async () => {
    const stack = new QuickStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const old = { svc: stack.resource("svc")!.id, ep: stack.resource("ep")!.id };
    const moved = [
      SERVICE({ serviceResourceType: "ALB", resources: [{ resourceId: ids.alb }] }),
      ENDPOINT({
        vpcId: ids.otherVpc,
        securityGroupIds: [ids.other.securityGroup],
        zones: [{ zoneId: "cn-guangzhou-a", subnetId: ids.other.subnet }],
      }),
    ];
    const [preview, up, again] = await stack.run(moved, ["preview", "up", "preview"]);
    expect(preview!.steps.find((s) => s.name === "ep")).toMatchObject({ op: "replace" });
    expect(preview!.steps.find((s) => s.name === "svc")).toMatchObject({
      op: "replace",
      replaceKeys: ["serviceResourceType"],
    });
    expect(up!.errors).toEqual([]);
    expect(stepsOf(again)).toEqual({ svc: "same", ep: "same" });
    expect(stack.resource("ep")!.id).not.toBe(old.ep);
    expect(stack.resource("svc")!.id).not.toBe(old.svc);
    expect(await endpointExists(old.ep)).toBe(false);
    expect(await describeEndpoint(stack.resource("ep")!.id)).toMatchObject({ VpcId: ids.otherVpc });
    // Create before delete: the new endpoint was asked for before the old one was deleted.
    const log = (await requests(ctx.control)).map((r) => r.operation);
    expect(log.lastIndexOf("CreateVpcEndpoint")).toBeLessThan(log.indexOf("DeleteVpcEndpoint"));
    expect(log.lastIndexOf("CreateVpcEndpointService")).toBeLessThan(log.indexOf("DeleteVpcEndpointService"));
  });

  test("out of band: refresh shows a rename and up restores it; a deleted endpoint is dropped and made again; a wrong URL is no deletion; destroy of what is gone succeeds", async () => {
    const stack = new QuickStack(ctx.emulator);
    const program = [SERVICE(), ENDPOINT(), ENDPOINT({ name: "second" }, "ep2")];
    await stack.run(program, ["up"]);
    const svcId = stack.resource("svc")!.id;
    const [epId, ep2Id] = [stack.resource("ep")!.id, stack.resource("ep2")!.id];
    await cloud()("ModifyVpcEndpointAttributes", { EndpointId: epId, EndpointName: "hand-edited" });
    expect(
      (await cloud()("DeleteVpcEndpoint", { EndpointId: ep2Id })).ResponseMetadata.Error,
    ).toBeUndefined();
    await eventually(async () => !(await endpointExists(ep2Id)), "endpoint gone");

    // The restoring Modify is refused as busy twice (as while another change is applied): retried.
    await ctx.control.put("/faults", [
      {
        cloud: "volcengine",
        operation: "ModifyVpcEndpointAttributes",
        action: "error",
        code: "InvalidEndpoint.InvalidStatus",
        next: 2,
      },
    ]);
    await ctx.control.delete("/requests");
    const [refresh, preview, up] = await stack.run(program, ["refresh", "preview", "up"]);
    expect(refresh!.steps.find((s) => s.name === "ep")!.changedKeys).toContain("name");
    expect(stepsOf(refresh)).toEqual({ svc: "refresh", ep: "refresh", ep2: "drop" });
    expect(stepsOf(preview)).toEqual({ svc: "same", ep: "update", ep2: "create" });
    expect(up!.errors).toEqual([]);
    expect((await describeEndpoint(epId))!.EndpointName).toBe("orders-consumer");
    expect(
      (await requests(ctx.control, "ModifyVpcEndpointAttributes")).map((r) => [
        r.status,
        r.errorCode ?? "ok",
      ]),
    ).toEqual([
      [400, "InvalidEndpoint.InvalidStatus"],
      [400, "InvalidEndpoint.InvalidStatus"],
      [200, "ok"],
    ]);
    expect(stack.resource("ep2")!.id).not.toBe(ep2Id);

    // A wrong endpoint URL answers 404 without Volcengine's envelope: an error, never "gone".
    const wrong = { "vpcep:volcengineEndpoint": ctx.emulator.urls.huaweicloud };
    const [misdirected] = await stack.run(program, ["refresh"], wrong);
    expect(misdirected!.ok).toBe(false);
    expect(misdirected!.errors.join("\n")).toMatch(/DescribeVpcEndpoint\w*Attributes: HTTP\.404/);
    expect(
      stack
        .state()
        .resources.map((r) => r.name)
        .sort(),
    ).toEqual(["ep", "ep2", "svc"]);

    // Endpoints outlive a deleted service (ServiceDeleted); destroy deletes them, the service is gone.
    expect(
      (await cloud()("DeleteVpcEndpointService", { ServiceId: svcId })).ResponseMetadata.Error,
    ).toBeUndefined();
    const [destroy] = await stack.run([], ["destroy"]);
    expect(destroy!.errors).toEqual([]);
    expect(stack.state().resources).toEqual([]);
  });

  test("a create whose wait times out keeps the id; the next up waits for it and records it ready", async () => {
    const stack = new QuickStack(ctx.emulator);
    await ctx.control.put("/transitions", { model: ENDPOINT_MODEL, progression: "manual", times: 1000 });
    const program = [SERVICE(), ENDPOINT({ timeouts: { create: "300ms" } })];
    const [timedOut] = await stack.run(program, ["up"]);
    expect(timedOut!.ok).toBe(false);
    expect(timedOut!.errors.join("\n")).toMatch(
      /creating Volcengine VPC Endpoint \(ep-.+\): timed out after .* \(last state "Creating"\)/,
    );
    const recorded = stack.resource("ep")!;
    expect(recorded.outputs).toMatchObject({ status: "Creating", state: "creating" });

    await ctx.control.delete("/transitions");
    const [preview, up, again] = await stack.run(program, ["preview", "up", "preview"]);
    expect(stepsOf(preview)).toEqual({ svc: "same", ep: "update" });
    expect(up!.errors).toEqual([]);
    expect(stack.resource("ep")!.id).toBe(recorded.id);
    expect(stack.resource("ep")!.outputs).toMatchObject({
      status: "Available",
      connectionStatus: "Connected",
    });
    expect(stepsOf(again)).toEqual({ svc: "same", ep: "same" });
  });

  test("destroy of an endpoint still Creating (a timed-out up) waits for it to settle, then deletes it", async () => {
    const stack = new QuickStack(ctx.emulator);
    await ctx.control.put("/transitions", { model: ENDPOINT_MODEL, progression: "manual", times: 1000 });
    const [timedOut] = await stack.run([SERVICE(), ENDPOINT({ timeouts: { create: "300ms" } })], ["up"]);
    expect(timedOut!.ok).toBe(false);
    const id = stack.resource("ep")!.id;
    // A few more reads and the endpoint is Available; until then the cloud refuses its delete.
    await ctx.control.put("/transitions", { model: ENDPOINT_MODEL, progression: "manual", times: 3 });
    await ctx.control.delete("/requests");
    const [destroy] = await stack.run([], ["destroy"]);
    expect(destroy!.errors).toEqual([]);
    expect(stack.state().resources).toEqual([]);
    const deletes = await requests(ctx.control, "DeleteVpcEndpoint");
    expect(deletes[0]!.errorCode).toBe("InvalidEndpoint.InvalidStatus");
    expect(deletes.at(-1)!.status).toBe(200);
    expect(
      (await cloud()("DescribeVpcEndpointAttributes", { EndpointId: id })).ResponseMetadata.Error?.Code,
    ).toBe("InvalidEndpoint.NotFound");
  });

  test("Inactive and Rejected end the wait at once with the reason and keep the id; destroy removes them", async () => {
    const stack = new QuickStack(ctx.emulator);
    await ctx.control.put("/transitions", { model: ENDPOINT_MODEL, progression: "manual", times: 1000 });
    const program = [
      SERVICE({ approvalRequired: true }),
      ENDPOINT({ name: "goes-inactive" }, "inactive"),
      ENDPOINT({ name: "is-rejected", waitForAcceptance: true }, "rejected"),
    ];
    const running = stack.run(program, ["up"]);
    const inactiveId = await createdEndpoint("goes-inactive");
    const rejectedId = await createdEndpoint("is-rejected");
    await ctx.control.post(`/resources/${inactiveId}/state`, { status: "Inactive" });
    // The other one is created; its connection waits for the owner, who rejects it.
    await ctx.control.post(`/resources/${rejectedId}/state`, { status: "Available" });
    const svcId = String((await describeEndpoint(rejectedId))!.ServiceId);
    const disabled = await cloud()("DisableVpcEndpointConnection", {
      ServiceId: svcId,
      EndpointId: rejectedId,
    });
    expect(disabled.ResponseMetadata.Error).toBeUndefined();
    const [up] = await running;
    expect(up!.ok).toBe(false);
    const errors = up!.errors.join("\n");
    expect(errors).toMatch(
      /creating Volcengine VPC Endpoint \(ep-.+\): reached state "Inactive": the cloud reports the endpoint Inactive/,
    );
    expect(errors).toMatch(
      /creating Volcengine VPC Endpoint \(ep-.+\): reached state "Available\/Rejected": the endpoint service owner rejected the connection/,
    );
    expect(stack.resource("inactive")!.id).toBe(inactiveId);
    expect(stack.resource("rejected")!.id).toBe(rejectedId);
    expect(stack.resource("rejected")!.outputs).toMatchObject({
      connectionStatus: "Rejected",
      state: "rejected",
    });

    await ctx.control.delete("/transitions");
    const [destroy] = await stack.run([], ["destroy"]);
    expect(destroy!.errors).toEqual([]);
    expect(await endpointExists(inactiveId)).toBe(false);
    expect(await endpointExists(rejectedId)).toBe(false);
  });

  test("approval: PendingAcceptance is ready without waitForAcceptance; with it, up waits for the owner", async () => {
    const stack = new QuickStack(ctx.emulator);
    const program = [
      SERVICE({ approvalRequired: true }),
      ENDPOINT({ name: "no-wait" }, "nowait"),
      ENDPOINT({ name: "waits", waitForAcceptance: true }, "waits"),
    ];
    const running = stack.run(program, ["up", "preview"]);
    const waitsId = await createdEndpoint("waits");
    await eventually(
      async () => (await describeEndpoint(waitsId))?.ConnectionStatus === "PendingAcceptance",
      "awaiting acceptance",
    );
    const svcId = String((await describeEndpoint(waitsId))!.ServiceId);
    const enabled = await cloud()("EnableVpcEndpointConnection", { ServiceId: svcId, EndpointId: waitsId });
    expect(enabled.ResponseMetadata.Error).toBeUndefined();
    const [up, again] = await running;
    expect(up!.errors).toEqual([]);
    expect(stack.resource("nowait")!.outputs).toMatchObject({
      connectionStatus: "PendingAcceptance",
      state: "pendingAcceptance",
    });
    expect(stack.resource("waits")!.outputs).toMatchObject({
      connectionStatus: "Connected",
      state: "available",
    });
    expect(stepsOf(again)).toEqual({ svc: "same", nowait: "same", waits: "same" });
  });

  test("adopt takes over an endpoint made by hand and converges it; get reads one without managing it", async () => {
    const owner = new QuickStack(ctx.emulator);
    await owner.run([SERVICE()], ["up"]);
    const svcId = owner.resource("svc")!.id;
    const made = await cloud()("CreateVpcEndpoint", {
      VpcId: ids.vpc,
      ServiceId: svcId,
      SecurityGroupIds: [SG0],
      Zones: [{ ZoneId: "cn-guangzhou-a", SubnetId: ids.subnets.a }],
      EndpointName: "by-hand",
    });
    const id = String(made.Result!.EndpointId);
    const stack = new QuickStack(ctx.emulator);
    const program: Declared[] = [
      { kind: "VpcEndpoint", name: "seen", get: { id, cloud: "volcengine", region: "cn-guangzhou" } },
      ENDPOINT({ serviceId: svcId, adoptId: id }),
    ];
    const [up, again] = await stack.run(program, ["up", "preview"]);
    expect(up!.errors).toEqual([]);
    expect(stepsOf(up)).toEqual({ seen: "read", ep: "create" });
    // get ran before the adoption converged the endpoint, and reads what the cloud had.
    expect(stack.resource("seen")!.outputs).toMatchObject({ securityGroupIds: [SG0] });
    expect(stack.resource("ep")!.id).toBe(id);
    expect(stepsOf(again)).toEqual({ seen: "read", ep: "same" });
    expect(await describeEndpoint(id)).toMatchObject({ EndpointName: "orders-consumer" });
    expect((await members(id)).groups).toEqual([SG0, SG1]);
    const [destroy] = await stack.run([], ["destroy"]);
    expect(destroy!.ok).toBe(true);
    await eventually(async () => !(await endpointExists(id)), "adopted endpoint deleted");
  });

  test("bad input fails the preview with the property path, before any cloud call", async () => {
    const stack = new QuickStack(ctx.emulator);
    await ctx.control.delete("/requests");
    const bad: Declared[] = [
      SERVICE({ description: "-starts badly", tags: { "volc:owner": "x" } }),
      ENDPOINT({
        serviceId: "epsvc-2d72mvzvfvz5s58ozfe3v4nm3",
        name: "has space",
        securityGroupIds: ids.securityGroups.slice(0, 6),
        zones: [
          { zoneId: "cn-guangzhou-a", subnetId: ids.subnets.a, privateIp: "172.16.0.256" },
          { zoneId: "cn-guangzhou-a", subnetId: ids.subnets.a2 },
        ],
      }),
    ];
    // As the engine: step generation stops at the first invalid resource, so each is previewed alone.
    const messages: string[] = [];
    for (const resource of bad) {
      const [preview] = await stack.run([resource], ["preview"]);
      expect(preview!.ok).toBe(false);
      messages.push(...preview!.errors);
    }
    const errors = messages.join("\n");
    for (const expected of [
      /description .*must start with a letter, digit or Chinese character/,
      /tags.*must not start with "volc:"/,
      /name .*only letters, digits, Chinese characters and \. _ -/,
      /securityGroupIds .*must list 1 to 5 security groups \(got 6\)/,
      /zones.*duplicate zone "cn-guangzhou-a"/,
      /zones.*must be an IPv4 address/,
    ]) {
      expect(errors).toMatch(expected);
    }
    expect(await requests(ctx.control)).toEqual([]);
  });

  test("faults: throttling, 5xx and dropped connections are retried; a lost create answer is resent with its token and makes one object; a failed tag call is finished by the next up", async () => {
    await ctx.control.put("/faults", [
      { cloud: "volcengine", operation: "CreateVpcEndpointService", action: "throttle", next: 2 },
      { cloud: "volcengine", operation: "CreateVpcEndpoint", action: "lostReply", next: 1 },
      { cloud: "volcengine", operation: "DescribeVpcEndpointZones", action: "error", next: 2 },
      { cloud: "volcengine", operation: "DescribeVpcEndpointSecurityGroups", action: "drop", next: 1 },
    ]);
    const stack = new QuickStack(ctx.emulator);
    const [up, again] = await stack.run([SERVICE(), ENDPOINT()], ["up", "preview"]);
    expect(up!.errors).toEqual([]);
    expect(stepsOf(again)).toEqual({ svc: "same", ep: "same" });
    const serviceCreates = await requests(ctx.control, "CreateVpcEndpointService");
    expect(serviceCreates.map((c) => c.errorCode ?? "ok")).toEqual([
      "AccountFlowLimitExceeded",
      "AccountFlowLimitExceeded",
      "ok",
    ]);
    const creates = (await requests(ctx.control, "CreateVpcEndpoint")) as unknown as {
      status: number;
      requestBody: Row;
    }[];
    expect(creates.map((c) => c.status)).toEqual([0, 200]);
    expect(creates[1]!.requestBody.ClientToken).toBe(creates[0]!.requestBody.ClientToken);
    const listed = await endpointsOf(stack.resource("svc")!.id);
    expect(listed.map((e) => e.EndpointId)).toEqual([stack.resource("ep")!.id]);
    expect((await requests(ctx.control, "DescribeVpcEndpointZones")).some((r) => r.status === 500)).toBe(
      true,
    );

    const groupReads = await requests(ctx.control, "DescribeVpcEndpointSecurityGroups");
    expect(groupReads[0]!.status).toBe(0);
    expect(groupReads.some((r) => r.status === 200)).toBe(true);

    // A tag call that keeps failing fails the update; state records the cloud's tags; the next up finishes.
    const epId = stack.resource("ep")!.id;
    await ctx.control.put("/faults", [
      { cloud: "volcengine", operation: "TagResources", action: "error", next: 10 },
    ]);
    const retagged = [SERVICE(), ENDPOINT({ tags: { tier: "premium" } })];
    const [failed] = await stack.run(retagged, ["up"], { "vpcep:maxRetries": "1" });
    expect(failed!.ok).toBe(false);
    expect(failed!.errors.join("\n")).toMatch(
      /updating Volcengine VPC Endpoint \(ep-.+\): TagResources: InternalError/,
    );
    expect(stack.resource("ep")!.outputs.tags).toEqual({ tier: "standard" });
    await ctx.control.delete("/faults");
    const [preview, finished, after] = await stack.run(retagged, ["preview", "up", "preview"]);
    expect(stepsOf(preview)).toEqual({ svc: "same", ep: "update" });
    expect(finished!.errors).toEqual([]);
    expect((await describeEndpoint(epId))!.Tags).toEqual([{ Key: "tier", Value: "premium" }]);
    expect(stepsOf(after)).toEqual({ svc: "same", ep: "same" });
  });

  test("credentials: none in state, outputs, logs or the request log; STS keys from the environment work", async () => {
    const secrets = [VE.secretAccessKey, VE.accessKeyId, STS.secretAccessKey, STS.sessionToken];
    const leaks = (text: string) => secrets.filter((secret) => text.includes(secret));
    const stack = new QuickStack(ctx.emulator);
    const reports = await stack.run([SERVICE(), ENDPOINT()], ["up", "refresh"]);
    expect(reports.map((r) => r.ok)).toEqual([true, true]);
    expect(leaks(JSON.stringify(stack.state().resources))).toEqual([]);

    // Without keys, a call fails naming the config key and the variable, and no value.
    const noKeys = { "vpcep:volcengineAccessKey": "", "vpcep:volcengineSecretKey": "" };
    const [destroy] = await stack.run([], ["destroy"], noKeys);
    expect(destroy!.ok).toBe(false);
    expect(destroy!.errors.join("\n")).toMatch(
      /missing Volcengine access key id: set the stack config "vpcep:volcengineAccessKey" or the environment variable VOLCENGINE_ACCESS_KEY/,
    );

    // A temporary key from the variables Volcengine's tools read; its token goes as X-Security-Token.
    const sts = new QuickStack(ctx.emulator, {
      env: {
        VOLCENGINE_ACCESS_KEY: STS.accessKeyId,
        VOLCENGINE_SECRET_KEY: STS.secretAccessKey,
        VOLCENGINE_SESSION_TOKEN: STS.sessionToken,
      },
    });
    const [up, down] = await sts.run([SERVICE()], ["up", "destroy"], noKeys);
    expect(up!.errors).toEqual([]);
    expect(down!.ok).toBe(true);

    const logs = [...reports, destroy!, up!, down!].flatMap((r) => [...r.logs, ...r.errors]).join("\n");
    expect(leaks(logs)).toEqual([]);
    expect(leaks(readFileSync(sts.stateFile, "utf8"))).toEqual([]);
    expect(leaks(readFileSync(stack.stateFile, "utf8").replace(/"config":\{[^}]*\}/, ""))).toEqual([]);
    expect(leaks(JSON.stringify((await ctx.control.get("/requests")).body))).toEqual([]);
  });
});

describe("Volcengine: IdempotentProcessing while the first attempt is still creating", () => {
  let emulator: RunningEmulator;
  let control: ReturnType<typeof controlClient>;
  beforeAll(async () => {
    emulator = await startEmulator({
      clouds: ["volcengine"],
      defaultProgression: "time:300",
      auth: "strict",
      cloudOptions: { volcengine: { replayWhileCreating: "processing" } },
    });
    control = controlClient(emulator.controlUrl);
  });
  afterAll(async () => {
    await emulator.close();
  });

  test("the resent create is answered 412 until the object exists, then with its id: one object", async () => {
    await control.put("/faults", [
      { cloud: "volcengine", operation: "CreateVpcEndpointService", action: "lostReply", next: 1 },
    ]);
    const stack = new QuickStack(emulator);
    const [up, again] = await stack.run([SERVICE()], ["up", "preview"]);
    expect(up!.errors).toEqual([]);
    expect(stepsOf(again)).toEqual({ svc: "same" });
    const creates = await requests(control, "CreateVpcEndpointService");
    expect(creates[0]!.status).toBe(0);
    expect(creates.some((c) => c.status === 412 && c.errorCode === "IdempotentProcessing")).toBe(true);
    expect(creates[creates.length - 1]!.status).toBe(200);
    const listed = await volcengineClient(emulator.urls.volcengine, VE)("DescribeVpcEndpointServices", {});
    expect((listed.Result!.VpcEndpointServices as Row[]).map((s) => s.ServiceId)).toEqual([
      stack.resource("svc")!.id,
    ]);
  });
});
