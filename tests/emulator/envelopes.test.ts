/**
 * Every answer is in the cloud's own format: bodies over the size limit, unknown routes and
 * methods, bodies that are not JSON. No HTML and no bare socket close (except the faults that ask
 * for one).
 */
import { Agent, request } from "node:http";
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { controlClient } from "./helpers.js";

let emulator: RunningEmulator;
let control: ReturnType<typeof controlClient>;

beforeAll(async () => {
  emulator = await startEmulator();
  control = controlClient(emulator.controlUrl);
});
afterAll(() => emulator.close());
beforeEach(() => control.post("/reset"));

const projectPath = `/v1/${EMULATOR_CREDENTIALS.huaweicloud.primary.projectId}`;
const OVER_LIMIT = Buffer.alloc(1024 * 1024 + 512 * 1024, "a");

/** A raw node:http POST, so the test sees exactly what arrives (or that nothing does). */
function post(url: string, body: Buffer, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(
        url,
        { method: "POST", agent: false, headers: { "content-type": "application/json", ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString("utf8"),
            }),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    },
  );
}

describe("bodies over 1 MiB are answered, not cut off", () => {
  test("Huawei: the gateway's 413 APIG.0201 with request_id and X-Request-Id", async () => {
    const answer = await post(`${emulator.urls.huaweicloud}${projectPath}/vpc-endpoint-services`, OVER_LIMIT);
    expect(answer.status).toBe(413);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(answer.body)).toEqual({
      error_code: "APIG.0201",
      error_msg: "Request entity too large.",
      request_id: answer.headers["x-request-id"],
    });
    const journal = await control.get("/requests");
    expect(journal.body.requests).toMatchObject([
      { cloud: "huaweicloud", operation: "CreateEndpointService", status: 413, errorCode: "APIG.0201" },
    ]);
  });

  test("Tencent: HTTP 200 with Response.Error RequestSizeLimitExceeded", async () => {
    const answer = await post(emulator.urls.tencentcloud, OVER_LIMIT, {
      "x-tc-action": "CreateVpcEndPoint",
      "x-tc-version": "2017-03-12",
      "x-tc-region": "ap-guangzhou",
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      Response: {
        Error: { Code: "RequestSizeLimitExceeded", Message: "The request size exceeds the upper limit." },
        RequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    });
  });

  test("the control API answers 413 JSON", async () => {
    const answer = await post(`${emulator.controlUrl}/faults`, OVER_LIMIT);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: expect.stringContaining("bytes") });
  });

  test("the body is drained, so a keep-alive connection carries the next request", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const ports: number[] = [];
      const send = (body: Buffer) =>
        new Promise<number>((resolve, reject) => {
          const req = request(
            `${emulator.urls.huaweicloud}${projectPath}/vpc-endpoints`,
            { method: "POST", agent, headers: { "content-type": "application/json" } },
            (res) => {
              ports.push(res.socket.localPort ?? -1);
              res.resume();
              res.on("end", () => resolve(res.statusCode ?? 0));
            },
          );
          req.on("error", reject);
          req.end(body);
        });
      expect(await send(OVER_LIMIT)).toBe(413);
      // Unsigned, so the gateway refuses it: what matters is that it arrives on the same socket.
      expect(await send(Buffer.from("{}"))).toBe(401);
      expect(ports[1]).toBe(ports[0]);
    } finally {
      agent.destroy();
    }
  });
});

describe("unknown and malformed requests", () => {
  test.each([
    ["an unknown path", "GET", "/v1/x/nothing"],
    ["an unknown method", "PATCH", "/v1/x/vpc-endpoints"],
    ["the root", "GET", "/"],
  ])("Huawei: %s is a JSON APIG.0101", async (_name, method, path) => {
    const response = await fetch(`${emulator.urls.huaweicloud}${path}`, { method });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toMatchObject({ error_code: "APIG.0101" });
  });

  test("Tencent: a DELETE or a body that is not JSON still answers in Response.Error", async () => {
    const requests: RequestInit[] = [
      { method: "DELETE", headers: { "x-tc-action": "DescribeVpcEndPoint" } },
      {
        method: "POST",
        headers: { "x-tc-action": "DescribeVpcEndPoint", "content-type": "application/json" },
        body: "{",
      },
    ];
    for (const init of requests) {
      const response = await fetch(emulator.urls.tencentcloud, init);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { Response: { Error: { Code: string }; RequestId: string } };
      expect(body.Response.Error.Code).toEqual(expect.any(String));
      expect(body.Response.RequestId).toEqual(expect.any(String));
    }
  });
});
