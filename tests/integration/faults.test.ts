/**
 * Cloud faults through the emulator's fault engine: only what the cloud marks retryable is retried,
 * with backoff; a create is resent only after throttling; a resource not visible yet after create
 * is waited for.
 */
import { requests, stepsOf, TestStack, useEmulator } from "../support/engine.js";
import { huaweiService, tencentEndpoint, tencentService } from "../support/fixtures.js";

const SERVICE = huaweiService();
const TENCENT_SERVICE = tencentService({}, "tsvc");
const ENDPOINT = tencentEndpoint({ serviceId: { ref: "tsvc" }, securityGroupIds: [] });

const ctx = useEmulator("manual:1");

describe("retries and faults", () => {
  test("Huawei: throttling on create (HTTP 429 APIG.0308) is retried, and the create lands once", async () => {
    await ctx.control.put("/faults", [
      { cloud: "huaweicloud", operation: "CreateEndpointService", action: "throttle", next: 2 },
    ]);
    const stack = new TestStack(ctx.emulator);
    const [up] = await stack.run([SERVICE], ["up"]);
    expect(up!.ok).toBe(true);
    const creates = await requests(ctx.control, "CreateEndpointService");
    expect(creates.map((c) => c.status)).toEqual([429, 429, 200]);
    expect(creates.filter((c) => c.injected).length).toBe(2);
    const listed = (await ctx.control.get("/resources")).body;
    expect(JSON.stringify(listed).match(/"huawei::vpcep_service"/g)?.length ?? 0).toBe(1);
  });

  test("Huawei: a 5xx on a read is retried; a dropped connection on a read is retried", async () => {
    await ctx.control.put("/faults", [
      { cloud: "huaweicloud", operation: "GetEndpointService", action: "error", next: 2 },
      { cloud: "huaweicloud", operation: "ListServicePermissions", action: "drop", next: 1 },
    ]);
    const stack = new TestStack(ctx.emulator);
    const [up] = await stack.run([SERVICE], ["up"]);
    expect(up!.ok).toBe(true);
    const gets = await requests(ctx.control, "GetEndpointService");
    expect(gets.slice(0, 2).map((g) => [g.status, g.errorCode])).toEqual([
      [500, "EndPoint.0001"],
      [500, "EndPoint.0001"],
    ]);
    expect(gets.some((g) => g.status === 200)).toBe(true);
    expect((await requests(ctx.control, "ListServicePermissions"))[0]!.status).toBe(0);
  });

  test("Huawei: a 5xx on create is not resent (no client token), and nothing is recorded", async () => {
    await ctx.control.put("/faults", [
      { cloud: "huaweicloud", operation: "CreateEndpointService", action: "error", next: 1 },
    ]);
    const stack = new TestStack(ctx.emulator);
    const [up] = await stack.run([SERVICE], ["up"]);
    expect(up!.ok).toBe(false);
    expect(up!.errors.join("\n")).toMatch(
      /creating Huawei Cloud VPC Endpoint Service: CreateEndpointService: EndPoint\.0001/,
    );
    expect(await requests(ctx.control, "CreateEndpointService")).toHaveLength(1);
    expect(stack.state().resources).toEqual([]);
  });

  test("a resource not visible yet right after create is waited for", async () => {
    await ctx.control.put("/faults", [
      { cloud: "huaweicloud", operation: "CreateEndpointService", action: "notVisibleYet", reads: 2 },
    ]);
    const stack = new TestStack(ctx.emulator);
    const [up, preview] = await stack.run([SERVICE], ["up", "preview"]);
    expect(up!.ok).toBe(true);
    expect(stepsOf(preview)).toEqual({ svc: "same" });
    const gets = await requests(ctx.control, "GetEndpointService");
    expect(gets.slice(0, 2).map((g) => g.status)).toEqual([404, 404]);
  });

  test("Tencent: RequestLimitExceeded (HTTP 200 body) is retried on create; InternalError on a read is retried", async () => {
    await ctx.control.put("/faults", [
      { cloud: "tencentcloud", operation: "CreateVpcEndPoint", action: "throttle", next: 1 },
      { cloud: "tencentcloud", operation: "DescribeVpcEndPoint", action: "error", next: 1 },
    ]);
    const stack = new TestStack(ctx.emulator);
    const [up] = await stack.run([TENCENT_SERVICE, ENDPOINT], ["up"]);
    expect(up!.ok).toBe(true);
    const creates = await requests(ctx.control, "CreateVpcEndPoint");
    expect(creates.map((c) => c.errorCode ?? "ok")).toEqual(["RequestLimitExceeded", "ok"]);
    const describes = await requests(ctx.control, "DescribeVpcEndPoint");
    expect(describes[0]!.errorCode).toBe("InternalError");
  });

  test("a create whose answer is lost is found by its fields, not leaked and not made twice", async () => {
    await ctx.control.put("/faults", [
      { cloud: "huaweicloud", operation: "CreateEndpointService", action: "lostReply", next: 1 },
      { cloud: "tencentcloud", operation: "CreateVpcEndPoint", action: "lostReply", next: 1 },
    ]);
    const stack = new TestStack(ctx.emulator);
    const [up, again] = await stack.run([SERVICE, TENCENT_SERVICE, ENDPOINT], ["up", "preview"]);
    expect(up!.ok).toBe(true);
    expect(stepsOf(again)).toEqual({ svc: "same", tsvc: "same", ep: "same" });
    expect(up!.logs.join("\n")).toMatch(
      /Tencent Cloud VPC Endpoint \(vpce-.+\): the create call's answer was lost/,
    );
    for (const operation of ["CreateEndpointService", "CreateVpcEndPoint"]) {
      const creates = await requests(ctx.control, operation);
      expect(creates.map((c) => c.status)).toEqual([0]);
    }
    const resources = (await ctx.control.get("/resources")).body as unknown;
    const ids = JSON.stringify(resources);
    expect(ids).toContain(stack.resource("svc")!.id);
    expect(ids).toContain(stack.resource("ep")!.id);
    expect(stack.state().resources).toHaveLength(3);
  });
});
