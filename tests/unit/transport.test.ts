/**
 * The shared transport, pagers and RPC encoders against a real local server: `Retry-After` is
 * honoured (capped), a request refused before it left may be resent even when it is a create,
 * pagers advance by what they received, and query strings are RFC 3986 encoded.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { flattenParams, queryEncoding } from "../../provider/clouds/rpc/encode.js";
import { encodeQuery } from "../../provider/clouds/vpcep-v1/client.js";
import { FakeClock } from "../../provider/core/clock.js";
import { CloudApiError, HttpError, isTransient, mayHaveActed } from "../../provider/core/errors.js";
import { CloudTransport, retryAfterMs, type CloudResponse } from "../../provider/core/http.js";
import collectPages, { collectNumberedPages, collectTokenPages } from "../../provider/core/paging.js";
import { TokenBucket } from "../../provider/core/rate-limit.js";
import { waitFor } from "../../provider/core/wait.js";

const throttle = (response: CloudResponse, operation: string) =>
  response.status < 400
    ? undefined
    : new CloudApiError({
        cloud: "test",
        code: response.status === 429 ? "Throttled" : "Boom",
        httpStatus: response.status,
        message: "no",
        retryable: true,
        notFound: false,
        throttled: response.status === 429,
        operation,
      });

function transport(clock: FakeClock, maxRetryAfterMs = 60_000) {
  return new CloudTransport({
    cloud: "test",
    sign: () => undefined,
    classify: throttle,
    bucket: new TokenBucket(1000, 1000, clock),
    clock,
    retry: { limit: 3, baseMs: 10, maxMs: 100, maxRetryAfterMs },
  });
}

let server: Server;
let url: URL;
type Answer = (req: IncomingMessage) => { status: number; headers?: Record<string, string> };
let answers: Answer[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    const next: Answer = answers.shift() ?? (() => ({ status: 200 }));
    const { status, headers } = next(req);
    res.writeHead(status, headers ?? {});
    res.end(status === 200 ? "{}" : '{"error":"x"}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the transport", () => {
  test("waits as long as Retry-After asks (seconds), instead of its own backoff", async () => {
    const clock = new FakeClock(Date.parse("2026-12-01T00:00:00Z"));
    answers = [() => ({ status: 429, headers: { "Retry-After": "7" } }), () => ({ status: 200 })];
    await transport(clock).send({ method: "POST", url, operation: "Create", idempotent: false });
    expect(clock.sleeps).toEqual([7000]);
  });

  test("takes an HTTP-date Retry-After, and caps a long one", async () => {
    const clock = new FakeClock(Date.parse("2026-12-01T00:00:00Z"));
    answers = [
      () => ({ status: 429, headers: { "Retry-After": "Tue, 01 Dec 2026 00:00:03 GMT" } }),
      () => ({ status: 429, headers: { "Retry-After": "3600" } }),
      () => ({ status: 200 }),
    ];
    await transport(clock, 60_000).send({ method: "GET", url, operation: "Get", idempotent: true });
    expect(clock.sleeps).toEqual([3000, 60_000]);
  });

  test("resends a create refused before it left (connection refused), and says it did not act", async () => {
    const clock = new FakeClock();
    const closed = new URL("http://127.0.0.1:9/");
    const error = await transport(clock)
      .send({ method: "POST", url: closed, operation: "Create", idempotent: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).code).toBe("ECONNREFUSED");
    expect(clock.sleeps).toHaveLength(3);
    expect(mayHaveActed(error)).toBe(false);
  });

  test("does not resend a create after a server error: it may have acted", async () => {
    const clock = new FakeClock();
    answers = [() => ({ status: 500 }), () => ({ status: 200 })];
    const error = await transport(clock)
      .send({ method: "POST", url, operation: "Create", idempotent: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudApiError);
    expect(clock.sleeps).toEqual([]);
    expect(mayHaveActed(error)).toBe(true);
    answers = [];
  });

  test.each([
    ["120", 120_000],
    ["0", 0],
    ["soon", undefined],
    [undefined, undefined],
  ])("Retry-After %p waits %p ms", (value, expected) => {
    expect(retryAfterMs(value, 0)).toBe(expected);
  });
});

describe("a waiter rides out transient errors", () => {
  test("a throttled poll is no news: the wait goes on to ready", async () => {
    const clock = new FakeClock();
    const answersSeen = [
      () => {
        throw new CloudApiError({
          cloud: "test",
          code: "RequestLimitExceeded",
          httpStatus: 200,
          message: "slow down",
          retryable: true,
          notFound: false,
          throttled: true,
          operation: "Describe",
        });
      },
      () => ({ phase: "ready" as const, status: "ACTIVE", value: "ok" }),
    ];
    let i = 0;
    const value = await waitFor({
      subject: "x",
      target: "ready",
      timeoutMs: 60_000,
      clock,
      minDelayMs: 10,
      maxDelayMs: 10,
      refresh: async () => answersSeen[i++]!(),
    });
    expect(value).toBe("ok");
    expect(isTransient(new HttpError("x", "ECONNRESET", "test", true, true))).toBe(true);
  });
});

describe("pagers advance by what they received", () => {
  test("offset paging where the cloud caps pages below the asked size reads every item once", async () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    const offsets: number[] = [];
    const all = await collectPages(10, async (offset, limit) => {
      offsets.push(offset);
      return { items: items.slice(offset, offset + Math.min(limit, 4)), total: items.length };
    });
    expect(all).toEqual(items);
    expect(offsets).toEqual([0, 4, 8, 12, 16, 20, 24]);
  });

  test("page-number paging is 1-based and stops at the total", async () => {
    const pages: number[] = [];
    const all = await collectNumberedPages(2, async (page, size) => {
      pages.push(page);
      return { items: [1, 2, 3, 4, 5].slice((page - 1) * size, page * size), total: 5 };
    });
    expect(all).toEqual([1, 2, 3, 4, 5]);
    expect(pages).toEqual([1, 2, 3]);
  });

  test("token paging stops when the cloud hands out no next token", async () => {
    const tokens: (string | undefined)[] = [];
    const all = await collectTokenPages(async (token) => {
      tokens.push(token);
      return token === undefined ? { items: [1], nextToken: "t1" } : { items: [2], nextToken: "" };
    });
    expect(all).toEqual([1, 2]);
    expect(tokens).toEqual([undefined, "t1"]);
  });
});

describe("query strings are encoded as the signers canonicalise them", () => {
  test("a space is %20 and reserved characters are percent-encoded", () => {
    expect(encodeQuery({ endpoint_service_name: "a b+c*", limit: 10, offset: undefined })).toBe(
      "endpoint_service_name=a%20b%2Bc%2A&limit=10",
    );
  });

  test("Volcengine-style lists are flattened 1-based, objects by key, into the query", () => {
    expect(
      flattenParams(
        { SecurityGroupIds: ["sg-1", "sg-2"], Zones: [{ ZoneId: "z", SubnetId: "s" }], On: true },
        1,
      ),
    ).toEqual([
      ["SecurityGroupIds.1", "sg-1"],
      ["SecurityGroupIds.2", "sg-2"],
      ["Zones.1.ZoneId", "z"],
      ["Zones.1.SubnetId", "s"],
      ["On", "true"],
    ]);
    const encoded = queryEncoding(new URL("https://open.volcengineapi.com/"), "2020-04-01").encode(
      "CreateVpcEndpoint",
      { EndpointName: "a b", Tags: [{ Key: "k", Value: "v" }] },
    );
    expect(encoded.method).toBe("GET");
    expect(encoded.url.search).toBe(
      "?Action=CreateVpcEndpoint&Version=2020-04-01&EndpointName=a%20b&Tags.1.Key=k&Tags.1.Value=v",
    );
  });
});

describe("VPCEP v1 deletes", () => {
  const apiError = (code: string, notFound = false) =>
    new CloudApiError({
      cloud: "huaweicloud",
      code,
      httpStatus: 400,
      message: "m",
      retryable: false,
      notFound,
      throttled: false,
      operation: "DeleteEndpoint",
    });

  test("an object already being deleted (EndPoint.2018) or gone counts as deleted; other refusals do not", async () => {
    const { deleteOnce } = await import("../../provider/clouds/vpcep-v1/errors.js");
    await expect(deleteOnce(() => Promise.reject(apiError("EndPoint.2018")))).resolves.toBeUndefined();
    await expect(deleteOnce(() => Promise.reject(apiError("EndPoint.0005", true)))).resolves.toBeUndefined();
    await expect(deleteOnce(() => Promise.reject(apiError("EndPoint.3006")))).rejects.toThrow(
      /EndPoint\.3006/,
    );
  });
});
