/**
 * Volcengine pieces that decide behaviour on their own: error classification (not found only by
 * the resource's code), creates asked again with one ClientToken, the security-group call order,
 * approval judged on ConnectionStatus, tag batches of at most 20, and declared outputs.
 */
import { FakeClock } from "../../provider/core/clock.js";
import { CloudApiError, HttpError } from "../../provider/core/errors.js";
import { createWithClientToken } from "../../provider/clouds/volcengine/create.js";
import { classifyResponse } from "../../provider/clouds/volcengine/errors.js";
import {
  classifyEndpoint,
  endpointState,
  securityGroupCalls,
  volcengineEndpointBackend,
} from "../../provider/clouds/volcengine/endpoint.js";
import {
  observedResources,
  volcengineServiceBackend,
} from "../../provider/clouds/volcengine/endpoint-service.js";
import { volcengine } from "../../provider/clouds/volcengine/index.js";
import { tagSteps } from "../../provider/clouds/volcengine/tags.js";
import type { VolcengineClient } from "../../provider/clouds/volcengine/client.js";
import type { VolcengineEndpointState } from "../../provider/clouds/volcengine/types.js";

const answer = (status: number, code?: string) => ({
  status,
  headers: {},
  body: JSON.stringify({
    ResponseMetadata: {
      RequestId: "req-1",
      Action: "X",
      Version: "2020-04-01",
      ...(code ? { Error: { Code: code, Message: "m" } } : {}),
    },
    ...(code ? {} : { Result: {} }),
  }),
});

describe("Volcengine error classification", () => {
  test("success is a 2xx envelope without Error", () => {
    expect(classifyResponse(answer(200), "DescribeVpcEndpointAttributes")).toBeUndefined();
    expect(classifyResponse({ status: 200, headers: {}, body: "<html>" }, "X")?.code).toBe("HTTP.200");
  });

  test("not found is the code of the resource the call is about, never a bare 404", () => {
    expect(
      classifyResponse(answer(404, "InvalidEndpoint.NotFound"), "DescribeVpcEndpointAttributes")?.notFound,
    ).toBe(true);
    expect(
      classifyResponse(answer(404, "InvalidEndpointService.NotFound"), "DescribeVpcEndpointServiceAttributes")
        ?.notFound,
    ).toBe(true);
    // The endpoint's own code is undocumented: its spellings count, other resources' codes do not.
    expect(
      classifyResponse(answer(404, "InvalidVpcEndpoint.NotFound"), "DescribeVpcEndpointAttributes")?.notFound,
    ).toBe(true);
    expect(
      classifyResponse(answer(404, "InvalidVpc.NotFound"), "DescribeVpcEndpointAttributes")?.notFound,
    ).toBe(false);
    // A wrong endpoint URL: the gateway's 404s are errors, not "gone".
    for (const code of ["InvalidActionOrVersion", "ServiceNotFound"]) {
      expect(classifyResponse(answer(404, code), "DescribeVpcEndpointAttributes")?.notFound).toBe(false);
    }
    expect(
      classifyResponse({ status: 404, headers: {}, body: "not found" }, "DeleteVpcEndpoint")?.notFound,
    ).toBe(false);
    // A missing service on CreateVpcEndpoint is bad input; on an endpoint call it is not the endpoint.
    expect(
      classifyResponse(answer(404, "InvalidEndpointService.NotFound"), "CreateVpcEndpoint")?.notFound,
    ).toBe(false);
    expect(
      classifyResponse(answer(404, "InvalidEndpointService.NotFound"), "DeleteVpcEndpoint")?.notFound,
    ).toBe(false);
  });

  test("throttling: AccountFlowLimitExceeded, FlowLimitExceeded*, HTTP 429", () => {
    expect(classifyResponse(answer(400, "AccountFlowLimitExceeded"), "X")?.throttled).toBe(true);
    expect(classifyResponse(answer(400, "FlowLimitExceeded.Api"), "X")?.throttled).toBe(true);
    expect(classifyResponse(answer(429, "Whatever"), "X")?.throttled).toBe(true);
    expect(classifyResponse(answer(400, "LimitExceeded.TagOperation"), "X")?.throttled).toBe(false);
  });

  test("busy and still-processing answers are retryable; parameter errors never are", () => {
    for (const code of [
      "InvalidEndpoint.InvalidStatus",
      "InvalidEndpointService.InvalidLock",
      "InvalidServiceZone.InvalidLock",
      "IdempotentProcessing",
    ]) {
      expect(
        classifyResponse(answer(code === "IdempotentProcessing" ? 412 : 400, code), "X")?.retryable,
      ).toBe(true);
    }
    for (const code of [
      "InvalidName.Malformed",
      "MissingParameter",
      "QuotaExceed.EndpointNumber",
      "IdempotentParameterMismatch",
    ]) {
      expect(classifyResponse(answer(400, code), "X")?.retryable).toBe(false);
    }
    expect(classifyResponse(answer(500, "NetworkInterfaceCreateFailed"), "X")?.retryable).toBe(true);
  });

  test("the error names the call, the code and the request id", () => {
    expect(classifyResponse(answer(400, "InvalidName.Malformed"), "CreateVpcEndpoint")?.message).toBe(
      "CreateVpcEndpoint: InvalidName.Malformed: m (request id req-1)",
    );
  });
});

/** Applies the calls as the cloud does: attach appends, detach keeps the others' order. */
function apply(from: string[], calls: ReturnType<typeof securityGroupCalls>): string[] {
  let bound = [...from];
  for (const { call, group } of calls) {
    bound = call.startsWith("Attach") ? [...bound, group] : bound.filter((g) => g !== group);
    expect(bound.length).toBeGreaterThanOrEqual(1);
    expect(bound.length).toBeLessThanOrEqual(5);
  }
  return bound;
}

describe("security groups change one per call, in order, never leaving none or more than five", () => {
  test.each([
    [["a"], ["a", "b"]],
    [["a", "b"], ["a"]],
    [
      ["a", "b"],
      ["b", "a"],
    ],
    [["a"], ["b"]],
    [
      ["a", "b", "c", "d", "e"],
      ["f", "a", "b", "c", "d"],
    ],
    [
      ["a", "b", "c", "d", "e"],
      ["e", "d", "c", "b", "a"],
    ],
    [
      ["a", "b", "c"],
      ["a", "c", "b"],
    ],
  ])("%j → %j", (from, to) => {
    expect(apply(from, securityGroupCalls(from, to))).toEqual(to);
  });

  test("a pure addition is one attach; nothing bound is touched", () => {
    expect(securityGroupCalls(["a"], ["a", "b"])).toEqual([
      { call: "AttachSecurityGroupToVpcEndpoint", group: "b" },
    ]);
  });
});

describe("endpoint readiness is judged on ConnectionStatus once Available", () => {
  const state = (Status: string, ConnectionStatus?: string): VolcengineEndpointState => ({
    endpoint: {
      EndpointId: "ep-1",
      VpcId: "vpc-1",
      ServiceId: "epsvc-1",
      Status,
      ...(ConnectionStatus ? { ConnectionStatus } : {}),
    },
    securityGroupIds: [],
    zones: [],
  });

  test.each([
    ["Creating", "PendingAcceptance", false, "pending"],
    ["Pending", "Connected", false, "pending"],
    ["Available", "Connecting", false, "pending"],
    ["Available", "Connected", false, "ready"],
    ["Available", "PendingAcceptance", false, "ready"],
    ["Available", "PendingAcceptance", true, "pending"],
    ["Available", "Rejected", false, "failed"],
    ["Available", "ServiceDeleted", false, "failed"],
    ["Available", "PartialFailed", true, "failed"],
    ["Inactive", "Connected", false, "failed"],
  ])("%s / %s, waitForAcceptance %s: %s", (status, connection, wait, phase) => {
    expect(classifyEndpoint(state(status, connection), { waitForAcceptance: wait }).phase).toBe(phase);
  });

  test("the normalised state follows the object while it changes, the connection once available", () => {
    expect(endpointState("Creating", "PendingAcceptance")).toBe("creating");
    expect(endpointState("Available", "PendingAcceptance")).toBe("pendingAcceptance");
    expect(endpointState("Available", "Connected")).toBe("available");
    expect(endpointState("Available", "Rejected")).toBe("rejected");
    expect(endpointState("Inactive", "Connected")).toBe("failed");
    expect(endpointState("Deleting", "Connected")).toBe("deleting");
  });

  test("a rejection fails with its reason", () => {
    expect(classifyEndpoint(state("Available", "Rejected"), {})).toEqual({
      phase: "failed",
      status: "Available/Rejected",
      reason: "the endpoint service owner rejected the connection",
    });
  });
});

test("service backends report their zones only where the program limits them", () => {
  const rows = [
    { ResourceId: "clb-1", ZoneId: "cn-guangzhou-b" },
    { ResourceId: "clb-1", ZoneId: "cn-guangzhou-a" },
    { ResourceId: "clb-2", ZoneIds: ["cn-guangzhou-a", "cn-guangzhou-c"] },
  ];
  expect(observedResources(rows, new Set(["clb-1"]))).toEqual([
    { resourceId: "clb-1", zoneIds: ["cn-guangzhou-a", "cn-guangzhou-b"] },
    { resourceId: "clb-2" },
  ]);
});

test("tag changes go in calls of at most 20: removed keys untagged, new and changed values tagged", async () => {
  const calls: { action: string; params: Record<string, unknown> }[] = [];
  const client: VolcengineClient = {
    region: "cn-guangzhou",
    call: async <T>(action: string, params: Record<string, unknown>) => {
      calls.push({ action, params });
      return {} as T;
    },
  };
  const from = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`old${i}`, "v"]));
  const to = { ...Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`new${i}`, "v"])), keep: "x" };
  for (const step of tagSteps(client, "endpoint", "ep-1", { ...from, keep: "y" }, to)) await step.apply();
  expect(calls.map((c) => c.action)).toEqual([
    "UntagResources",
    "UntagResources",
    "TagResources",
    "TagResources",
  ]);
  expect((calls[0]!.params.TagKeys as string[]).length).toBe(20);
  expect((calls[1]!.params.TagKeys as string[]).length).toBe(5);
  expect((calls[2]!.params.Tags as unknown[]).length).toBe(20);
  expect(calls[3]!.params).toMatchObject({ ResourceIds: ["ep-1"], ResourceType: "endpoint" });
  expect(calls[3]!.params.Tags).toEqual([
    { Key: "new20", Value: "v" },
    { Key: "keep", Value: "x" },
  ]);
});

describe("every output a Volcengine backend reports is declared in the module (so the SDK seeds it)", () => {
  const noRpc: VolcengineClient = {
    region: "cn-guangzhou",
    call: () => Promise.reject(new Error("no calls")),
  };
  const time = "2026-01-01T08:00:00+08:00";

  test("endpoint", () => {
    const outputs = volcengineEndpointBackend("cn-guangzhou", new Set(), noRpc).outputs({
      endpoint: {
        EndpointId: "ep-1",
        VpcId: "vpc-1",
        ServiceId: "epsvc-1",
        ServiceName: "com.volces.privatelink.cn-guangzhou.epsvc-1",
        EndpointDomain: "ep-1.epsvc-1.cn-guangzhou.privatelink.volces.com",
        Status: "Available",
        BusinessStatus: "Normal",
        ConnectionStatus: "Connected",
        CreationTime: time,
        UpdateTime: time,
      },
      securityGroupIds: ["sg-1"],
      zones: [
        {
          ZoneId: "cn-guangzhou-a",
          SubnetId: "subnet-1",
          NetworkInterfaceIP: "172.16.0.10",
          ZoneDomain: "z",
        },
      ],
    });
    expect(Object.keys(outputs).sort()).toEqual([...volcengine.resources.endpoint.outputs].sort());
    expect(outputs).toMatchObject({
      privateIp: "172.16.0.10",
      dnsNames: ["ep-1.epsvc-1.cn-guangzhou.privatelink.volces.com", "z"],
    });
  });

  test("endpoint service", () => {
    const outputs = volcengineServiceBackend("cn-guangzhou", new Set(), noRpc).outputs({
      service: {
        ServiceId: "epsvc-1",
        ServiceName: "com.volces.privatelink.cn-guangzhou.epsvc-1",
        ServiceDomain: "epsvc-1.cn-guangzhou.privatelink.volces.com",
        ServiceOwner: "2100000001",
        Status: "Available",
        BusinessStatus: "Normal",
        ZoneIds: ["cn-guangzhou-b", "cn-guangzhou-a"],
        CreationTime: time,
        UpdateTime: time,
      },
      resources: [],
      permissions: [],
      // Read only when outputs are recorded (the backend's `detail`).
      connections: [{ endpointId: "ep-1", endpointOwner: "2100000002", state: "pendingAcceptance" }],
    });
    expect(Object.keys(outputs).sort()).toEqual([...volcengine.resources.endpointService.outputs].sort());
    expect(outputs.zoneIds).toEqual(["cn-guangzhou-a", "cn-guangzhou-b"]);
  });
});

describe("a create with a ClientToken", () => {
  const lost = () => new HttpError("CreateVpcEndpoint: ECONNRESET", "ECONNRESET", "volcengine", true, true);
  const processing = () =>
    classifyResponse(answer(412, "IdempotentProcessing"), "CreateVpcEndpoint") as CloudApiError;

  function scripted(outcomes: (() => unknown)[]) {
    const tokens: unknown[] = [];
    const client: VolcengineClient = {
      region: "cn-guangzhou",
      call: async <T>(_action: string, params: Record<string, unknown>) => {
        tokens.push(params.ClientToken);
        const next = outcomes.shift() ?? lost;
        const value = next();
        if (value instanceof Error) throw value;
        return value as T;
      },
    };
    return { client, tokens };
  }

  const create = (client: VolcengineClient, clock = new FakeClock()) =>
    createWithClientToken<{ EndpointId: string }>({
      client,
      clock,
      action: "CreateVpcEndpoint",
      params: { VpcId: "vpc-1" },
      timeout: "30s",
      identity: 'vpcId="vpc-1"',
    });

  test("is asked again with the same token after a lost answer and while still processing", async () => {
    const { client, tokens } = scripted([lost, processing, processing, () => ({ EndpointId: "ep-1" })]);
    expect(await create(client)).toEqual({ EndpointId: "ep-1" });
    expect(tokens).toHaveLength(4);
    expect(new Set(tokens).size).toBe(1);
    expect(String(tokens[0])).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a refusal before acting is thrown as the cloud's error, after one call", async () => {
    const refused = () => classifyResponse(answer(400, "InvalidName.Malformed"), "CreateVpcEndpoint");
    const { client, tokens } = scripted([refused]);
    await expect(create(client)).rejects.toThrow("CreateVpcEndpoint: InvalidName.Malformed");
    expect(tokens).toHaveLength(1);
  });

  test("never confirmed within the create timeout: the error says an object may exist and how to adopt it", async () => {
    const clock = new FakeClock();
    const { client, tokens } = scripted([]);
    const failure = create(client, clock);
    await expect(failure).rejects.toMatchObject({ code: "CreateMayExist" });
    await expect(failure).rejects.toThrow(
      /could not be confirmed \(CreateVpcEndpoint: ECONNRESET\) before the create timeout: an object may exist with vpcId="vpc-1" \(ClientToken [0-9a-f-]{36}\); if it does, set adoptId to its id to take it over, or delete it/,
    );
    expect(new Set(tokens).size).toBe(1);
    expect(clock.now()).toBeLessThanOrEqual(30_000);
  });

  test("each create has its own token", async () => {
    const first = scripted([() => ({ EndpointId: "ep-1" })]);
    const second = scripted([() => ({ EndpointId: "ep-2" })]);
    await create(first.client);
    await create(second.client);
    expect(first.tokens[0]).not.toBe(second.tokens[0]);
  });
});
