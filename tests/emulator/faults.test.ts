/**
 * Fault injection: first match wins, next-N counters, seeded probability, every action in each
 * cloud's own format, injected answers marked in headers and the journal, and clearing.
 */
import { request } from "node:http";
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { controlClient, HW_IDS, huaweiClient, tencentClient } from "./helpers.js";

let emulator: RunningEmulator;
let hw: ReturnType<typeof huaweiClient>;
let tc: ReturnType<typeof tencentClient>;
let control: ReturnType<typeof controlClient>;

beforeAll(async () => {
  emulator = await startEmulator();
  hw = huaweiClient(emulator.urls.huaweicloud, EMULATOR_CREDENTIALS.huaweicloud.primary);
  tc = tencentClient(emulator.urls.tencentcloud, EMULATOR_CREDENTIALS.tencentcloud.primary);
  control = controlClient(emulator.controlUrl);
});
afterAll(() => emulator.close());
beforeEach(() => control.post("/reset"));

const listEndpoints = () => hw("GET", "/vpc-endpoints");
const projectPath = `/v1/${EMULATOR_CREDENTIALS.huaweicloud.primary.projectId}`;

async function createHwService() {
  const service = await hw("POST", "/vpc-endpoint-services", {
    body: {
      port_id: HW_IDS.port,
      vpc_id: HW_IDS.vpc,
      server_type: "VM",
      ports: [{ client_port: 1, server_port: 1 }],
      approval_enabled: false,
    },
  });
  return service.body.id as string;
}

async function createHwEndpoint(serviceId?: string) {
  return hw("POST", "/vpc-endpoints", {
    body: {
      endpoint_service_id: serviceId ?? (await createHwService()),
      vpc_id: HW_IDS.vpc,
      subnet_id: HW_IDS.subnet,
    },
  });
}

test("first match wins and next-N rules stay inert once spent", async () => {
  await control.put("/faults", [
    { id: "boom", cloud: "huaweicloud", operation: "ListEndpoints", action: "error", next: 2 },
    { id: "slow-down", cloud: "huaweicloud", operation: "ListEndpoints", action: "throttle", next: 1 },
  ]);
  expect((await listEndpoints()).code).toBe("EndPoint.0001");
  expect((await listEndpoints()).code).toBe("EndPoint.0001");
  expect((await listEndpoints()).code).toBe("APIG.0308");
  expect((await listEndpoints()).status).toBe(200);
  const faults = await control.get("/faults");
  expect(faults.body.faults).toMatchObject([
    { id: "boom", remaining: 0, fired: 2 },
    { id: "slow-down", remaining: 0, fired: 1 },
  ]);
});

test("Huawei throttle and error bodies, marked with X-Emulator-Injected and in the journal", async () => {
  await control.put("/faults", [{ id: "t1", operation: "ListEndpoints", action: "throttle", next: 1 }]);
  const throttled = await fetch(`${emulator.urls.huaweicloud}${projectPath}/vpc-endpoints`);
  expect(throttled.status).toBe(429);
  expect(throttled.headers.get("x-emulator-injected")).toBe("t1");
  const body = (await throttled.json()) as Record<string, string>;
  expect(body).toEqual({
    error_code: "APIG.0308",
    error_msg: expect.stringContaining("The throttling threshold has been reached"),
    request_id: throttled.headers.get("x-request-id"),
  });
  await control.put("/faults", [{ id: "e1", operation: "ListEndpoints", action: "error" }]);
  expect(await listEndpoints()).toMatchObject({
    status: 500,
    code: "EndPoint.0001",
    message: "System error. Please retry.",
  });
  await control.put("/faults", [
    {
      id: "e2",
      operation: "ListEndpoints",
      action: "error",
      status: 503,
      code: "APIG.0201",
      message: "busy",
    },
  ]);
  expect(await listEndpoints()).toMatchObject({ status: 503, code: "APIG.0201", message: "busy" });
  const journal = await control.get("/requests?operation=ListEndpoints");
  expect(journal.body.requests.map((r: { injected?: string }) => r.injected)).toEqual(["t1", "e1", "e2"]);
});

test("Tencent throttle and error answer HTTP 200 in the Response envelope", async () => {
  await control.put("/faults", [
    { cloud: "tencentcloud", operation: "DescribeVpcEndPoint", action: "throttle", next: 1 },
    { cloud: "tencentcloud", operation: "DescribeVpcEndPoint", action: "error", next: 1 },
  ]);
  expect((await tc("DescribeVpcEndPoint", {})).code).toBe("RequestLimitExceeded");
  expect((await tc("DescribeVpcEndPoint", {})).code).toBe("InternalError");
  expect((await tc("DescribeVpcEndPoint", {})).code).toBeUndefined();
});

test("seeded probability is reproducible and re-arming restarts the sequence", async () => {
  const rule = { operation: "ListEndpoints", action: "error", probability: 0.5, seed: 42 };
  const run = async () => {
    await control.put("/faults", [rule]);
    const outcomes: number[] = [];
    for (let i = 0; i < 16; i += 1) outcomes.push((await listEndpoints()).status);
    return outcomes;
  };
  const first = await run();
  const second = await run();
  expect(second).toEqual(first);
  expect(first).toContain(500);
  expect(first).toContain(200);
});

test("drop closes the socket without an answer and is journaled with status 0", async () => {
  await control.put("/faults", [{ id: "cut", operation: "ListEndpoints", action: "drop", next: 1 }]);
  const url = new URL(`${emulator.urls.huaweicloud}${projectPath}/vpc-endpoints`);
  const outcome = await new Promise<string>((resolve) => {
    const req = request(url, { agent: false }, () => resolve("answered"));
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    req.end();
  });
  expect(outcome).toBe("ECONNRESET");
  const journal = await control.get("/requests?operation=ListEndpoints");
  expect(journal.body.requests).toMatchObject([{ status: 0, injected: "cut" }]);
});

test("latency delays the normal answer", async () => {
  await control.put("/faults", [
    { id: "lag", operation: "ListEndpoints", action: "latency", latencyMs: 150, next: 1 },
  ]);
  const started = Date.now();
  const response = await fetch(`${emulator.urls.huaweicloud}${projectPath}/vpc-endpoints`);
  expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  expect(response.headers.get("x-emulator-injected")).toBe("lag");
});

test("notVisibleYet hides a new resource for N reads, then it stays visible", async () => {
  await control.put("/faults", [
    { id: "lagging-read", operation: "CreateEndpoint", action: "notVisibleYet", reads: 2 },
  ]);
  const created = await createHwEndpoint();
  expect(created.status).toBe(200);
  const id = created.body.id as string;
  expect((await hw("GET", `/vpc-endpoints/${id}`)).code).toBe("EndPoint.0005");
  expect((await listEndpoints()).body.total_count).toBe(0);
  for (let i = 0; i < 3; i += 1) expect((await hw("GET", `/vpc-endpoints/${id}`)).status).toBe(200);
  const journal = await control.get("/requests?operation=GetEndpoint");
  expect(journal.body.requests.map((r: { injected?: string }) => r.injected ?? null)).toEqual([
    "lagging-read",
    null,
    null,
    null,
  ]);
});

test("auth faults answer the cloud's auth failure; resourceId narrows a rule to one resource", async () => {
  await control.put("/faults", [{ operation: "ListEndpoints", action: "auth", next: 1 }]);
  expect(await listEndpoints()).toMatchObject({ status: 401, code: "APIG.0301" });
  const serviceId = await createHwService();
  const a = (await createHwEndpoint(serviceId)).body.id as string;
  const b = (await createHwEndpoint(serviceId)).body.id as string;
  await control.put("/faults", [{ resourceId: a, action: "error" }]);
  expect((await hw("GET", `/vpc-endpoints/${a}`)).status).toBe(500);
  expect((await hw("GET", `/vpc-endpoints/${b}`)).status).toBe(200);
});

test("PATCH appends, DELETE ?id= removes one, DELETE clears; bad rules are 400", async () => {
  await control.put("/faults", [{ id: "a", action: "error", operation: "X" }]);
  await control.patch("/faults", { id: "b", action: "throttle", operation: "Y" });
  expect((await control.get("/faults")).body.faults.map((f: { id: string }) => f.id)).toEqual(["a", "b"]);
  await control.delete("/faults?id=a");
  expect((await control.get("/faults")).body.faults.map((f: { id: string }) => f.id)).toEqual(["b"]);
  await control.delete("/faults");
  expect((await control.get("/faults")).body.faults).toEqual([]);
  expect((await control.put("/faults", [{ action: "explode" }])).status).toBe(400);
  expect((await control.put("/faults", [{ action: "error", probability: 2 }])).status).toBe(400);
  expect((await control.put("/faults", [{ action: "error", nxt: 1 }])).status).toBe(400);
});

describe("fault answers use the cloud's code table", () => {
  test("a Huawei throttle with a code answers that code's documented status and message", async () => {
    await control.put("/faults", [
      { operation: "ListEndpoints", action: "throttle", code: "EndPoint.0022", next: 1 },
      { operation: "ListEndpoints", action: "throttle", code: "APIG.0308", next: 1 },
    ]);
    expect(await listEndpoints()).toMatchObject({
      status: 400,
      code: "EndPoint.0022",
      message: "The number of requests exceeded the limit. Please try later.",
    });
    expect(await listEndpoints()).toMatchObject({ status: 429, code: "APIG.0308" });
  });

  test("a Huawei error answers the message and status of its code; unknown codes get a generic answer", async () => {
    await control.put("/faults", [
      { operation: "ListEndpoints", action: "error", code: "EndPoint.3045", next: 1 },
      { operation: "ListEndpoints", action: "error", code: "EndPoint.0005", next: 1 },
      { operation: "ListEndpoints", action: "error", code: "EndPoint.9999", next: 1 },
      {
        operation: "ListEndpoints",
        action: "error",
        code: "EndPoint.3045",
        status: 409,
        message: "x",
        next: 1,
      },
    ]);
    expect(await listEndpoints()).toMatchObject({
      status: 400,
      code: "EndPoint.3045",
      message: "Other properties cannot be modified in the current endpoint service state.",
    });
    expect(await listEndpoints()).toMatchObject({
      status: 404,
      code: "EndPoint.0005",
      message: "The requested resource does not exist.",
    });
    expect(await listEndpoints()).toMatchObject({
      status: 500,
      code: "EndPoint.9999",
      message: "System error. Please retry.",
    });
    expect(await listEndpoints()).toMatchObject({ status: 409, code: "EndPoint.3045", message: "x" });
  });

  test("a Tencent error answers its code's own message, still with HTTP 200", async () => {
    await control.put("/faults", [
      {
        cloud: "tencentcloud",
        operation: "DescribeVpcEndPoint",
        action: "error",
        code: "ResourceInUse",
        next: 1,
      },
      { cloud: "tencentcloud", operation: "DescribeVpcEndPoint", action: "error", code: "Odd.Code", next: 1 },
      {
        cloud: "tencentcloud",
        operation: "DescribeVpcEndPoint",
        action: "throttle",
        code: "RequestLimitExceeded.UinLimitExceeded",
        next: 1,
      },
    ]);
    expect(await tc("DescribeVpcEndPoint", {})).toMatchObject({
      code: "ResourceInUse",
      message: "The resource is occupied.",
    });
    expect(await tc("DescribeVpcEndPoint", {})).toMatchObject({
      code: "Odd.Code",
      message: expect.stringContaining("Odd.Code"),
    });
    expect(await tc("DescribeVpcEndPoint", {})).toMatchObject({
      code: "RequestLimitExceeded.UinLimitExceeded",
      message: "The number of uin requests exceeds the frequency limit.",
    });
  });
});

describe("retryAfter", () => {
  test("throttle and error rules add Retry-After on both clouds", async () => {
    await control.put("/faults", [
      { cloud: "huaweicloud", action: "throttle", retryAfter: 3, next: 1 },
      { cloud: "huaweicloud", action: "error", retryAfter: 0.5, next: 1 },
      { cloud: "tencentcloud", action: "throttle", retryAfter: 2, next: 1 },
    ]);
    const throttled = await fetch(`${emulator.urls.huaweicloud}${projectPath}/vpc-endpoints`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("3");
    const failed = await fetch(`${emulator.urls.huaweicloud}${projectPath}/vpc-endpoints`);
    expect(failed.status).toBe(500);
    expect(failed.headers.get("retry-after")).toBe("0.5");
    const tencent = await fetch(emulator.urls.tencentcloud, {
      method: "POST",
      headers: { "content-type": "application/json", "x-tc-action": "DescribeVpcEndPoint" },
      body: "{}",
    });
    expect(tencent.status).toBe(200);
    expect(tencent.headers.get("retry-after")).toBe("2");
    expect(((await tencent.json()) as { Response: { Error: { Code: string } } }).Response.Error.Code).toBe(
      "RequestLimitExceeded",
    );
    const plain = await fetch(`${emulator.urls.huaweicloud}${projectPath}/vpc-endpoints`);
    expect(plain.headers.get("retry-after")).toBeNull();
  });

  test.each([
    [{ action: "throttle", retryAfter: -1 }],
    [{ action: "throttle", retryAfter: "5" }],
    [{ action: "error", retryAfter: 100_000 }],
    [{ action: "drop", retryAfter: 1 }],
  ])("%j is refused", async (rule) => {
    const response = await control.put("/faults", [rule]);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/retryAfter/);
  });
});

test("skip lets the first N matching requests through before the rule fires", async () => {
  await control.put("/faults", [
    { id: "later", operation: "ListEndpoints", action: "error", skip: 1, next: 2 },
  ]);
  const statuses: number[] = [];
  for (let i = 0; i < 4; i += 1) statuses.push((await listEndpoints()).status);
  expect(statuses).toEqual([200, 500, 500, 200]);
  expect((await control.get("/faults")).body.faults).toMatchObject([
    { id: "later", skipRemaining: 0, remaining: 0, fired: 2 },
  ]);
  expect((await control.put("/faults", [{ action: "error", skip: -1 }])).status).toBe(400);
});
