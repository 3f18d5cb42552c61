/**
 * The endpoint-service half of the scenarios on both clouds: replacing change, refresh after an
 * out-of-band change and deletion, get by id, and adopt.
 */
import { huaweiClient, tencentClient } from "../emulator/helpers.js";
import { eventually, HW, stepsOf, TC, TestStack, useEmulator } from "../support/engine.js";
import { huaweiService, tencentService } from "../support/fixtures.js";

// Services with the API's default approval (required), as most users declare them.
const HUAWEI = (overrides: Record<string, unknown> = {}) =>
  huaweiService({ approvalRequired: undefined, description: "orders API", ...overrides });
const TENCENT = (overrides: Record<string, unknown> = {}) =>
  tencentService({ approvalRequired: undefined, tags: undefined, ...overrides });

const ctx = useEmulator("manual:1");

const hw = () => huaweiClient(ctx.emulator.urls.huaweicloud, HW);
const tc = () => tencentClient(ctx.emulator.urls.tencentcloud, TC);

describe("Huawei Cloud VpcEndpointService", () => {
  test("replace on serverType; drift from an out-of-band PUT is refreshed and corrected; out-of-band delete is dropped", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([HUAWEI()], ["up"]);
    const first = stack.resource("svc")!.id;
    // approval_enabled defaults to true on the API and in the schema: no diff after create.
    expect(stack.resource("svc")!.outputs.approvalRequired).toBe(true);
    const [plan, replace] = await stack.run([HUAWEI({ serverType: "VM" })], ["preview", "up"]);
    // Same port and mappings: the new service would conflict (EndPoint.3044) with the old one.
    expect(plan!.steps[0]).toMatchObject({
      op: "replace",
      replaceKeys: ["serverType"],
      deleteBeforeReplace: true,
    });
    expect(stepsOf(replace)).toEqual({ svc: "replace" });
    const second = stack.resource("svc")!.id;
    expect(second).not.toBe(first);
    expect((await hw()("GET", `/vpc-endpoint-services/${first}`)).status).toBe(404);

    expect(
      (await hw()("PUT", `/vpc-endpoint-services/${second}`, { body: { description: "edited by hand" } }))
        .status,
    ).toBe(200);
    const [refresh, fix] = await stack.run([HUAWEI({ serverType: "VM" })], ["refresh", "up"]);
    expect(refresh!.steps[0]!.changedKeys).toContain("description");
    expect(stepsOf(fix)).toEqual({ svc: "update" });
    expect((await hw()("GET", `/vpc-endpoint-services/${second}`)).body.description).toBe("orders API");

    expect((await hw()("DELETE", `/vpc-endpoint-services/${second}`)).status).toBeLessThan(300);
    await eventually(
      async () => (await hw()("GET", `/vpc-endpoint-services/${second}`)).status === 404,
      "service gone",
    );
    const [gone, destroy] = await stack.run([HUAWEI({ serverType: "VM" })], ["refresh", "destroy"]);
    expect(stepsOf(gone)).toEqual({ svc: "drop" });
    expect(destroy!.ok).toBe(true);
  });

  test("get reads a service by id without managing it", async () => {
    const owner = new TestStack(ctx.emulator);
    await owner.run([HUAWEI()], ["up"]);
    const id = owner.resource("svc")!.id;
    const reader = new TestStack(ctx.emulator);
    const [up, destroy] = await reader.run(
      [{ kind: "VpcEndpointService", name: "seen", get: { id, cloud: "huaweicloud", region: "cn-north-4" } }],
      ["up", "destroy"],
    );
    expect(stepsOf(up)).toEqual({ seen: "read" });
    expect(destroy!.ok).toBe(true);
    expect((await hw()("GET", `/vpc-endpoint-services/${id}`)).status).toBe(200);
  });
});

describe("Tencent Cloud VpcEndpointService", () => {
  test("replace on serviceType; out-of-band rename is refreshed and corrected; out-of-band delete is dropped", async () => {
    const stack = new TestStack(ctx.emulator);
    const [up, again] = await stack.run([TENCENT()], ["up", "preview"]);
    expect(up!.ok).toBe(true);
    expect(stepsOf(again)).toEqual({ svc: "same" });
    const first = stack.resource("svc")!.id;
    const [replace] = await stack.run(
      [TENCENT({ serviceType: "GWLB", serviceInstanceId: "gwlb-abcd1234" })],
      ["up"],
    );
    expect(replace!.steps[0]).toMatchObject({ op: "replace", replaceKeys: ["serviceType"] });
    const second = stack.resource("svc")!.id;
    expect(second).toMatch(/^vpcsvc-/);
    expect(second).not.toBe(first);

    await tc()("ModifyVpcEndPointServiceAttribute", {
      EndPointServiceId: second,
      VpcId: "vpc-hj3he929",
      EndPointServiceName: "edited",
    });
    const [refresh, fix] = await stack.run(
      [TENCENT({ serviceType: "GWLB", serviceInstanceId: "gwlb-abcd1234" })],
      ["refresh", "up"],
    );
    expect(refresh!.steps[0]!.changedKeys).toContain("serviceName");
    expect(stepsOf(fix)).toEqual({ svc: "update" });

    await tc()("DeleteVpcEndPointService", { EndPointServiceId: second });
    await eventually(async () => {
      const found = await tc()("DescribeVpcEndPointService", { EndPointServiceIds: [second] });
      return (
        found.code === "ResourceNotFound" ||
        (found.response?.EndPointServiceSet as unknown[] | undefined)?.length === 0
      );
    }, "service gone");
    const [gone] = await stack.run(
      [TENCENT({ serviceType: "GWLB", serviceInstanceId: "gwlb-abcd1234" })],
      ["refresh"],
    );
    expect(stepsOf(gone)).toEqual({ svc: "drop" });
  });

  test("adopt takes over a service made by hand, applying the program's whitelist; get reads one", async () => {
    const created = await tc()("CreateVpcEndPointService", {
      VpcId: "vpc-hj3he929",
      EndPointServiceName: "orders",
      AutoAcceptFlag: false,
      ServiceInstanceId: "lb-p1hiksdg",
    });
    const id = (created.response!.EndPointService as { EndPointServiceId: string }).EndPointServiceId;
    const adopter = new TestStack(ctx.emulator);
    const [up, again] = await adopter.run(
      [TENCENT({ adoptId: id, permissions: ["100000000002"] })],
      ["up", "preview"],
    );
    expect(up!.ok).toBe(true);
    expect(adopter.resource("svc")!.id).toBe(id);
    expect(stepsOf(again)).toEqual({ svc: "same" });
    const whitelist = await tc()("DescribeVpcEndPointServiceWhiteList", {
      Filters: [{ Name: "end-point-service-id", Values: [id] }],
    });
    expect(
      (whitelist.response!.VpcEndPointServiceUserSet as { UserUin: string }[]).map((u) => u.UserUin),
    ).toEqual(["100000000002"]);

    const reader = new TestStack(ctx.emulator);
    const [read] = await reader.run(
      [
        {
          kind: "VpcEndpointService",
          name: "seen",
          get: { id, cloud: "tencentcloud", region: "ap-guangzhou" },
        },
      ],
      ["up"],
    );
    expect(stepsOf(read)).toEqual({ seen: "read" });
    expect(reader.resource("seen")?.outputs.serviceName ?? "orders").toBe("orders");
  });
});
