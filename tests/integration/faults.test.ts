/**
 * Cloud faults through the emulator's fault engine: only what the cloud marks retryable is retried,
 * with backoff; a create is resent only after throttling; a resource not visible yet after create
 * is waited for.
 */
import { requests, stepsOf, TestStack, useEmulator, type Declared } from "../support/engine.js";

const ctx = useEmulator("manual:1");

const SERVICE: Declared = {
  kind: "VpcEndpointService",
  name: "svc",
  args: {
    cloud: "huaweicloud",
    region: "cn-north-4",
    vpcId: "0b1c7f5e-3a55-4d2c-9a51-2f7a1c9e0a10",
    portId: "6a0e3f8b-9d1c-4b7e-8f23-5c4d2e1a9b30",
    serverType: "LB",
    ports: [{ clientPort: 443, serverPort: 8443 }],
    approvalRequired: false,
  },
};

const ENDPOINT: Declared = {
  kind: "VpcEndpoint",
  name: "ep",
  args: {
    cloud: "tencentcloud",
    region: "ap-guangzhou",
    vpcId: "vpc-coekkqtd",
    subnetId: "subnet-4t7fr3fi",
    serviceId: { ref: "tsvc" },
    name: "orders",
  },
};

const TENCENT_SERVICE: Declared = {
  kind: "VpcEndpointService",
  name: "tsvc",
  args: {
    cloud: "tencentcloud",
    region: "ap-guangzhou",
    vpcId: "vpc-hj3he929",
    serviceInstanceId: "lb-p1hiksdg",
    serviceName: "orders",
    approvalRequired: false,
  },
};

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
});
