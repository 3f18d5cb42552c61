/**
 * Tencent Cloud tags, end to end. The VPC API takes tags only in the create calls, and the Tag
 * API's resource names for endpoints and endpoint services are not documented (README, "Why Tencent
 * Cloud tags replace"), so a tag change makes a new object that carries the new tags: these tests
 * prove that the replacement holds them on the cloud, that the old object goes, and that no call
 * other than the VPC API's own is made.
 */
import { tencentClient } from "../emulator/helpers.js";
import { eventually, requests, stepsOf, TC, TestStack, useEmulator } from "../support/engine.js";
import { tencentEndpoint as ENDPOINT, tencentService as SERVICE } from "../support/fixtures.js";

const ctx = useEmulator("manual:2");

const cloud = () => tencentClient(ctx.emulator.urls.tencentcloud, TC);

async function describeService(id: string) {
  const result = await cloud()("DescribeVpcEndPointService", { EndPointServiceIds: [id] });
  return (result.response?.EndPointServiceSet as Record<string, unknown>[] | undefined)?.[0];
}

async function describeEndpoint(id: string) {
  const result = await cloud()("DescribeVpcEndPoint", { EndPointId: [id] });
  return (result.response?.EndPointSet as Record<string, unknown>[] | undefined)?.[0];
}

describe("Tencent Cloud tags", () => {
  test("a service tag change replaces the service with one created with the new tags; its endpoint follows", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const old = { svc: stack.resource("svc")!.id, ep: stack.resource("ep")!.id };

    const tags = { team: "payments", cost: "cc-42" };
    const [preview, up, again] = await stack.run(
      [SERVICE({ tags }), ENDPOINT()],
      ["preview", "up", "preview"],
    );
    expect(preview!.steps.find((s) => s.name === "svc")).toMatchObject({
      op: "replace",
      replaceKeys: ["tags"],
    });
    // The endpoint names the service by id, so a new service is a new endpoint.
    expect(stepsOf(up)).toEqual({ svc: "replace", ep: "replace" });
    expect(stepsOf(again)).toEqual({ svc: "same", ep: "same" });

    const svc = stack.resource("svc")!;
    expect(svc.id).not.toBe(old.svc);
    expect(svc.outputs.tags).toEqual(tags);
    const live = await describeService(svc.id);
    expect(
      Object.fromEntries((live!.TagSet as { Key: string; Value: string }[]).map((t) => [t.Key, t.Value])),
    ).toEqual(tags);
    expect((await describeEndpoint(stack.resource("ep")!.id))!.EndPointServiceId).toBe(svc.id);
    await eventually(async () => (await describeEndpoint(old.ep)) === undefined, "old endpoint gone");
    await eventually(async () => (await describeService(old.svc)) === undefined, "old service gone");
    // The new tags went out with the create, and nothing tried to change them afterwards.
    const creates = (await requests(ctx.control, "CreateVpcEndPointService")) as unknown as {
      requestBody: Record<string, unknown>;
    }[];
    expect(creates.at(-1)!.requestBody.Tags).toEqual([
      { Key: "cost", Value: "cc-42" },
      { Key: "team", Value: "payments" },
    ]);
    const operations = new Set((await requests(ctx.control)).map((r) => r.operation));
    for (const op of operations) expect(op).toMatch(/VpcEndPoint/);
  });

  test("removing every endpoint tag replaces the endpoint with an untagged one, and no diff remains", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const oldId = stack.resource("ep")!.id;
    expect((await describeEndpoint(oldId))!.TagSet).toEqual([{ Key: "tier", Value: "standard" }]);

    const [preview, up, refresh, again] = await stack.run(
      [SERVICE(), ENDPOINT({ tags: undefined })],
      ["preview", "up", "refresh", "preview"],
    );
    expect(preview!.steps.find((s) => s.name === "ep")).toMatchObject({
      op: "replace",
      replaceKeys: ["tags"],
    });
    expect(stepsOf(up)).toEqual({ svc: "same", ep: "replace" });
    expect(stepsOf(refresh)).toEqual({ svc: "refresh", ep: "refresh" });
    expect(stepsOf(again)).toEqual({ svc: "same", ep: "same" });
    const ep = stack.resource("ep")!;
    expect(ep.id).not.toBe(oldId);
    expect(ep.outputs.tags).toEqual({});
    expect((await describeEndpoint(ep.id))!.TagSet ?? []).toEqual([]);
    const creates = (await requests(ctx.control, "CreateVpcEndPoint")) as unknown as {
      requestBody: Record<string, unknown>;
    }[];
    // No empty Tags list is sent for an untagged endpoint.
    expect(creates.at(-1)!.requestBody).not.toHaveProperty("Tags");
  });
});
