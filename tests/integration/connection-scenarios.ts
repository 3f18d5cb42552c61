/**
 * The engine-protocol scenarios of VpcEndpointConnection that every cloud must pass the same way:
 * the owner (primary account) runs an approval-required service and decides on the endpoint of a
 * consumer (the emulator's second account). Each cloud's suite supplies its fixtures and its
 * owner-side view of the connections; the emulator's request log proves which calls were made.
 */
import { jest } from "@jest/globals";
import type { HuaweiCredential } from "../../emulator/index.js";
import { huaweiClient } from "../emulator/helpers.js";
import {
  eventually,
  requests,
  stepsOf,
  TestStack,
  type Declared,
  type useEmulator,
} from "../support/engine.js";

export interface ConnectionCase {
  /** e.g. `Huawei Cloud`, as resource labels start. */
  label: string;
  cloud: string;
  region: string;
  ctx: ReturnType<typeof useEmulator>;
  /** The owner's approval-required service (`svc`) that permits the consumer's account. */
  service(): Declared;
  /** The consumer's endpoint (`ep`) on that service. */
  endpoint(serviceId: string, overrides?: Record<string, unknown>): Declared;
  /** The consumer's account as the owner's listing reports it (`endpointOwner`). */
  consumer: string;
  /** The cloud's raw statuses of a connection. */
  statuses: { pending: string; accepted: string; rejected: string };
  /** Request-log operations of the accept and the reject call. */
  acceptCall: string;
  rejectCall: string;
  /** The owner's out-of-band view: endpoint id and raw status of each connection of the service. */
  connections(serviceId: string): Promise<{ endpointId: string; status: string }[]>;
  /** An endpoint id of another cloud's format, which check must refuse. */
  foreignEndpointId: string;
}

/**
 * Polls until `probe` holds, for as long as a test may take: the other stack's engine process may
 * still be starting on a busy machine.
 */
const until = (probe: () => Promise<boolean>, what: string) => eventually(probe, what, 120_000);

/** The VPCEP v1 family's out-of-band view of a service's connections, with the owner's credentials. */
export function vpcepV1Connections(url: string, owner: HuaweiCredential) {
  return async (serviceId: string) => {
    const listed = await huaweiClient(url, owner)("GET", `/vpc-endpoint-services/${serviceId}/connections`, {
      query: { limit: 1000 },
    });
    const rows = (listed.body.connections ?? []) as { id: string; status: string }[];
    return rows.map((row) => ({ endpointId: row.id, status: row.status }));
  };
}

/** What the VPCEP v1 family's cases share: statuses and the one accept-or-reject call. */
export const VPCEP_V1_CONNECTION = {
  statuses: { pending: "pendingAcceptance", accepted: "accepted", rejected: "rejected" },
  acceptCall: "AcceptOrRejectEndpoint",
  rejectCall: "AcceptOrRejectEndpoint",
  foreignEndpointId: "vpce-abcd1234",
} as const;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function connectionScenarios(c: ConnectionCase): void {
  const { ctx } = c;
  // Each scenario runs several engine operations of two stacks, each a process of its own.
  jest.setTimeout(240_000);
  const label = escape(c.label);

  const connection = (endpointId: string, overrides: Record<string, unknown> = {}): Declared => ({
    kind: "VpcEndpointConnection",
    name: "conn",
    args: { cloud: c.cloud, region: c.region, serviceId: { ref: "svc" }, endpointId, ...overrides },
  });

  /** The owner's service, up; and the consumer's endpoint waiting for acceptance. */
  async function pendingEndpoint() {
    const owner = new TestStack(ctx.emulator);
    const [up] = await owner.run([c.service()], ["up"]);
    expect(up!.ok).toBe(true);
    const serviceId = owner.resource("svc")!.id;
    const consumer = new TestStack(ctx.emulator, { account: "secondary" });
    const [consumed] = await consumer.run([c.endpoint(serviceId)], ["up"]);
    expect(consumed!.ok).toBe(true);
    const endpointId = consumer.resource("ep")!.id;
    expect(consumer.resource("ep")!.outputs.state).toBe("pendingAcceptance");
    return { owner, consumer, serviceId, endpointId };
  }

  async function statusOf(serviceId: string, endpointId: string): Promise<string | undefined> {
    return (await c.connections(serviceId)).find((row) => row.endpointId === endpointId)?.status;
  }

  test("approval: the consumer's up waits for acceptance while the owner's connection accepts it", async () => {
    const owner = new TestStack(ctx.emulator);
    await owner.run([c.service()], ["up"]);
    const serviceId = owner.resource("svc")!.id;
    const consumer = new TestStack(ctx.emulator, { account: "secondary" });
    const consuming = consumer.run([c.endpoint(serviceId, { waitForAcceptance: true })], ["up"]);

    let endpointId = "";
    await until(async () => {
      const rows = await c.connections(serviceId);
      endpointId = rows.find((row) => row.status === c.statuses.pending)?.endpointId ?? "";
      return endpointId !== "";
    }, "the consumer's endpoint waits for the owner");

    // The owner's up runs while the consumer's is still waiting.
    const [up, again, refresh, afterRefresh] = await owner.run(
      [c.service(), connection(endpointId)],
      ["up", "preview", "refresh", "preview"],
    );
    expect(up!.ok).toBe(true);
    expect(stepsOf(up)).toEqual({ svc: "same", conn: "create" });
    const conn = owner.resource("conn")!;
    expect(conn.id).toBe(`${serviceId}/${endpointId}`);
    expect(conn.outputs).toMatchObject({
      serviceId,
      endpointId,
      accepted: true,
      status: c.statuses.accepted,
      state: "accepted",
      endpointOwner: c.consumer,
    });
    expect(stepsOf(again)).toEqual({ svc: "same", conn: "same" });
    expect(refresh!.steps.find((s) => s.name === "conn")).toMatchObject({ op: "refresh", changedKeys: [] });
    expect(stepsOf(afterRefresh)).toEqual({ svc: "same", conn: "same" });
    // The service lists the connection the refresh read, from its own side.
    expect(owner.resource("svc")!.outputs.connections).toEqual([
      { endpointId, endpointOwner: c.consumer, state: "accepted" },
    ]);
    expect((await requests(ctx.control, c.acceptCall)).length).toBe(1);

    const [consumed] = await consuming;
    expect(consumed!.ok).toBe(true);
    expect(consumer.resource("ep")!.outputs.state).toBe("available");
  });

  test("reject: accepted false rejects, preview is then clean, and a change of decision updates in place", async () => {
    const { owner, serviceId, endpointId } = await pendingEndpoint();
    const [up, again] = await owner.run(
      [c.service(), connection(endpointId, { accepted: false })],
      ["up", "preview"],
    );
    expect(up!.ok).toBe(true);
    expect(owner.resource("conn")!.outputs).toMatchObject({
      accepted: false,
      status: c.statuses.rejected,
      state: "rejected",
    });
    // A rejection is where `accepted: false` leaves the connection: no perpetual update.
    expect(stepsOf(again)).toEqual({ svc: "same", conn: "same" });
    expect(await statusOf(serviceId, endpointId)).toBe(c.statuses.rejected);

    const [preview, change] = await owner.run([c.service(), connection(endpointId)], ["preview", "up"]);
    expect(preview!.steps.find((s) => s.name === "conn")).toMatchObject({
      op: "update",
      changedKeys: ["accepted"],
    });
    expect(stepsOf(change)).toEqual({ svc: "same", conn: "update" });
    expect(owner.resource("conn")!.id).toBe(`${serviceId}/${endpointId}`);
    expect(owner.resource("conn")!.outputs).toMatchObject({ accepted: true, state: "accepted" });
    expect(await statusOf(serviceId, endpointId)).toBe(c.statuses.accepted);
  });

  test("destroy revokes an acceptance and waits; removing a rejection changes nothing in the cloud", async () => {
    const { owner, serviceId, endpointId } = await pendingEndpoint();
    await owner.run([c.service(), connection(endpointId)], ["up"]);
    expect(await statusOf(serviceId, endpointId)).toBe(c.statuses.accepted);
    await ctx.control.delete("/requests");
    const [removed] = await owner.run([c.service()], ["up"]);
    expect(removed!.ok).toBe(true);
    expect(stepsOf(removed)).toEqual({ svc: "same", conn: "delete" });
    expect(await statusOf(serviceId, endpointId)).toBe(c.statuses.rejected);
    expect((await requests(ctx.control, c.rejectCall)).length).toBe(1);

    await owner.run([c.service(), connection(endpointId, { accepted: false })], ["up"]);
    await ctx.control.delete("/requests");
    const [again] = await owner.run([c.service()], ["up"]);
    expect(stepsOf(again)).toEqual({ svc: "same", conn: "delete" });
    const calls = (await requests(ctx.control)).map((r) => r.operation);
    expect(calls).not.toContain(c.acceptCall);
    expect(calls).not.toContain(c.rejectCall);
    expect(await statusOf(serviceId, endpointId)).toBe(c.statuses.rejected);
  });

  test("disappears: refresh drops a connection whose endpoint its owner deleted", async () => {
    const { owner, consumer, serviceId, endpointId } = await pendingEndpoint();
    await owner.run([c.service(), connection(endpointId)], ["up"]);
    const [destroyed] = await consumer.run([], ["destroy"]);
    expect(destroyed!.ok).toBe(true);
    await until(async () => (await statusOf(serviceId, endpointId)) === undefined, "endpoint gone");
    const [refresh, preview] = await owner.run([c.service(), connection(endpointId)], ["refresh", "preview"]);
    expect(refresh!.ok).toBe(true);
    expect(stepsOf(refresh)).toEqual({ svc: "refresh", conn: "drop" });
    expect(owner.resource("svc")!.outputs.connections).toEqual([]);
    expect(stepsOf(preview)).toEqual({ svc: "same", conn: "create" });
    const [destroy] = await owner.run([], ["destroy"]);
    expect(destroy!.ok).toBe(true);
  });

  test("a failed accept records nothing, and the next up accepts", async () => {
    const { owner, serviceId, endpointId } = await pendingEndpoint();
    // More failures than the transport retries: the call never goes through in this up.
    await ctx.control.put("/faults", [{ cloud: c.cloud, operation: c.acceptCall, action: "error", next: 6 }]);
    const [failed] = await owner.run([c.service(), connection(endpointId)], ["up"]);
    expect(failed!.ok).toBe(false);
    expect(failed!.errors.join("\n")).toMatch(
      new RegExp(`creating ${label} VPC Endpoint Connection: ${escape(c.acceptCall)}: `),
    );
    expect(owner.resource("conn")).toBeUndefined();
    expect(await statusOf(serviceId, endpointId)).toBe(c.statuses.pending);

    await ctx.control.delete("/faults");
    const [up] = await owner.run([c.service(), connection(endpointId)], ["up"]);
    expect(up!.ok).toBe(true);
    expect(stepsOf(up)).toEqual({ svc: "same", conn: "create" });
    expect(owner.resource("conn")!.outputs.state).toBe("accepted");
    expect(await statusOf(serviceId, endpointId)).toBe(c.statuses.accepted);
  });

  test("check: an endpoint id of the wrong format fails the preview naming the property, before any call", async () => {
    const owner = new TestStack(ctx.emulator);
    await owner.run([c.service()], ["up"]);
    await ctx.control.delete("/requests");
    const [preview] = await owner.run([c.service(), connection(c.foreignEndpointId)], ["preview"]);
    expect(preview!.ok).toBe(false);
    const failures = preview!.steps.flatMap((s) => s.failures ?? []);
    expect(failures).toEqual([{ property: "endpointId", reason: expect.stringMatching(/^must be/) }]);
    expect(await requests(ctx.control)).toEqual([]);
  });
}
