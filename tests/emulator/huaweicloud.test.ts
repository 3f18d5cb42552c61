/**
 * Huawei Cloud VPCEP wire behaviour, driven through the official Huawei Node SDK core client.
 */
import { authorization, sdkDate } from "../../provider/clouds/huaweicloud/sign.js";
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { controlClient, HW_IDS, huaweiClient } from "./helpers.js";
import { defaultRouteTableId, gatewayServiceId } from "../../emulator/clouds/vpcep-v1/gateway.js";

const primary = EMULATOR_CREDENTIALS.huaweicloud.primary;
const secondary = EMULATOR_CREDENTIALS.huaweicloud.secondary;

let emulator: RunningEmulator;
let hw: ReturnType<typeof huaweiClient>;
let hw2: ReturnType<typeof huaweiClient>;
let control: ReturnType<typeof controlClient>;

beforeAll(async () => {
  emulator = await startEmulator({ clouds: ["huaweicloud"], huaweicloudRegion: "eu-de" });
  hw = huaweiClient(emulator.urls.huaweicloud, primary);
  hw2 = huaweiClient(emulator.urls.huaweicloud, secondary);
  control = controlClient(emulator.controlUrl);
});
afterAll(() => emulator.close());
beforeEach(() => control.post("/reset"));

const serviceBody = (extra: Record<string, unknown> = {}) => ({
  port_id: HW_IDS.port,
  vpc_id: HW_IDS.vpc,
  server_type: "LB",
  ports: [{ client_port: 80, server_port: 8080, protocol: "TCP" }],
  ...extra,
});

async function createService(extra: Record<string, unknown> = {}) {
  const created = await hw("POST", "/vpc-endpoint-services", { body: serviceBody(extra) });
  expect(created.status).toBe(200);
  return created.body as { id: string; service_name: string; status: string };
}

async function createEndpoint(call = hw, serviceId: string, extra: Record<string, unknown> = {}) {
  return call("POST", "/vpc-endpoints", {
    body: { endpoint_service_id: serviceId, vpc_id: HW_IDS.vpc, subnet_id: HW_IDS.subnet, ...extra },
  });
}

describe("endpoint services", () => {
  test("create answers creating, GET then shows available with the documented fields", async () => {
    const created = await createService({
      service_name: "svc_a-1",
      approval_enabled: false,
      tags: [{ key: "k", value: "v" }],
    });
    expect(created.status).toBe("creating");
    expect(created.service_name).toBe(`eu-de.svc_a-1.${created.id}`);
    const got = await hw("GET", `/vpc-endpoint-services/${created.id}`);
    expect(got.body).toMatchObject({
      id: created.id,
      status: "available",
      approval_enabled: false,
      server_type: "LB",
      service_type: "interface",
      project_id: primary.projectId,
      tcp_proxy: "close",
      connection_count: 0,
      error: [],
      tags: [{ key: "k", value: "v" }],
      ports: [{ client_port: 80, server_port: 8080, protocol: "TCP" }],
    });
    expect(got.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  test("an unnamed service is called {region}.{id}; approval_enabled defaults to true", async () => {
    const created = await createService();
    expect(created.service_name).toBe(`eu-de.${created.id}`);
    expect((await hw("GET", `/vpc-endpoint-services/${created.id}`)).body.approval_enabled).toBe(true);
  });

  test.each([
    ["a too long name", { service_name: "abcdefghijklmnopq" }, "EndPoint.3076"],
    ["a name with a dot", { service_name: "a.b" }, "EndPoint.3076"],
    [
      "201 port mappings",
      { ports: Array.from({ length: 201 }, (_, i) => ({ client_port: i + 1, server_port: i + 1 })) },
      "EndPoint.3074",
    ],
    [
      "an unknown protocol",
      { ports: [{ client_port: 1, server_port: 1, protocol: "SCTP" }] },
      "EndPoint.3075",
    ],
    ["port 0", { ports: [{ client_port: 0, server_port: 1 }] }, "EndPoint.0002"],
    [
      "duplicate mappings",
      {
        ports: [
          { client_port: 1, server_port: 1 },
          { client_port: 1, server_port: 2 },
        ],
      },
      "EndPoint.0002",
    ],
    ["a bad server_type", { server_type: "ECS" }, "EndPoint.3021"],
    ["a missing server_type", { server_type: undefined }, "EndPoint.3021"],
    ["a UDP port mapping", { ports: [{ client_port: 1, server_port: 1, protocol: "UDP" }] }, "EndPoint.3075"],
    ["a gateway service", { service_type: "gateway" }, "EndPoint.0002"],
    ["a bad port_id", { port_id: "nope" }, "EndPoint.0002"],
    ["a bad tcp_proxy", { tcp_proxy: "maybe" }, "EndPoint.0002"],
    [
      "11 tags",
      { tags: Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: "v" })) },
      "EndPoint.3069",
    ],
    ["a 37-character tag key", { tags: [{ key: "k".repeat(37), value: "v" }] }, "EndPoint.3072"],
    ["a 44-character tag value", { tags: [{ key: "k", value: "v".repeat(44) }] }, "EndPoint.3073"],
    ["a tag key with =", { tags: [{ key: "a=b", value: "v" }] }, "EndPoint.3068"],
    ["a tag value with a trailing space", { tags: [{ key: "k", value: "v " }] }, "EndPoint.3068"],
    ["an empty tag key", { tags: [{ key: "", value: "v" }] }, "EndPoint.3066"],
    [
      "a duplicate tag key",
      {
        tags: [
          { key: "k", value: "1" },
          { key: "k", value: "2" },
        ],
      },
      "EndPoint.3067",
    ],
  ])("create refuses %s", async (_name, extra, code) => {
    const result = await hw("POST", "/vpc-endpoint-services", { body: serviceBody(extra) });
    expect(result.status).toBe(400);
    expect(result.code).toBe(code);
  });

  test("a port conflict on the same port_id is accepted, then the service fails with EndPoint.3044", async () => {
    await createService();
    const second = await createService({ ports: [{ client_port: 80, server_port: 9090, protocol: "TCP" }] });
    expect(second.status).toBe("creating");
    const got = await hw("GET", `/vpc-endpoint-services/${second.id}`);
    expect(got.body.status).toBe("failed");
    expect(got.body.error).toEqual([{ error_code: "EndPoint.3044", error_message: expect.any(String) }]);
    // Other ports on the same port_id are fine.
    const other = await createService({ ports: [{ client_port: 81, server_port: 8081, protocol: "TCP" }] });
    expect((await hw("GET", `/vpc-endpoint-services/${other.id}`)).body.status).toBe("available");
  });

  test("PUT updates in place only when available, else EndPoint.3045", async () => {
    await control.put("/transitions", { model: "huawei::vpcep_service", progression: "manual", times: 5 });
    const created = await createService();
    const early = await hw("PUT", `/vpc-endpoint-services/${created.id}`, {
      body: { approval_enabled: false },
    });
    expect(early.code).toBe("EndPoint.3045");
    await control.delete("/transitions");
    const updated = await hw("PUT", `/vpc-endpoint-services/${created.id}`, {
      body: { approval_enabled: false, service_name: "renamed", description: "d" },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      approval_enabled: false,
      service_name: `eu-de.renamed.${created.id}`,
      description: "d",
    });
  });

  test("list filters by name, id and status and pages with limit/offset/total_count", async () => {
    for (let i = 0; i < 5; i += 1)
      await createService({ service_name: `svc${i}`, port_id: HW_IDS.port2.replace(/9$/, String(i)) });
    const page = await hw("GET", "/vpc-endpoint-services", { query: { limit: 2, offset: 1 } });
    expect(page.body.total_count).toBe(5);
    expect((page.body.endpoint_services as unknown[]).length).toBe(2);
    const named = await hw("GET", "/vpc-endpoint-services", { query: { endpoint_service_name: "svc3" } });
    expect(named.body.total_count).toBe(1);
    const available = await hw("GET", "/vpc-endpoint-services", { query: { status: "available" } });
    expect(available.body.total_count).toBe(5);
    const bad = await hw("GET", "/vpc-endpoint-services", { query: { limit: 0 } });
    expect(bad.code).toBe("EndPoint.0002");
  });

  test("delete is refused with EndPoint.3006 while endpoints are attached, then goes deleting and 404", async () => {
    await control.put("/transitions", { model: "huawei::vpcep_service", progression: "manual", times: 2 });
    const service = await createService({ approval_enabled: false });
    await hw("GET", `/vpc-endpoint-services/${service.id}`);
    await hw("GET", `/vpc-endpoint-services/${service.id}`);
    const endpoint = await createEndpoint(hw, service.id);
    expect((await hw("DELETE", `/vpc-endpoint-services/${service.id}`)).code).toBe("EndPoint.3006");
    expect((await hw("DELETE", `/vpc-endpoints/${endpoint.body.id as string}`)).status).toBe(204);
    await hw("GET", `/vpc-endpoints/${endpoint.body.id as string}`);
    expect((await hw("DELETE", `/vpc-endpoint-services/${service.id}`)).status).toBe(204);
    expect((await hw("GET", `/vpc-endpoint-services/${service.id}`)).body.status).toBe("deleting");
    const gone = await hw("GET", `/vpc-endpoint-services/${service.id}`);
    expect(gone).toMatchObject({
      status: 404,
      code: "EndPoint.0005",
      message: "The requested resource does not exist.",
    });
  });
});

describe("endpoints", () => {
  test("create, get with every documented field, update the whitelist, delete to 404", async () => {
    const service = await createService({ approval_enabled: false });
    const created = await createEndpoint(hw, service.id, {
      enable_dns: true,
      description: "ep",
      tags: [{ key: "a", value: "b" }],
    });
    expect(created.body.status).toBe("creating");
    const id = created.body.id as string;
    const got = await hw("GET", `/vpc-endpoints/${id}`);
    expect(got.body).toMatchObject({
      id,
      status: "accepted",
      service_type: "interface",
      endpoint_service_id: service.id,
      endpoint_service_name: service.service_name,
      vpc_id: HW_IDS.vpc,
      subnet_id: HW_IDS.subnet,
      ip: "192.168.0.10",
      enable_dns: true,
      dns_names: [expect.any(String)],
      whitelist: [],
      enable_whitelist: false,
      project_id: primary.projectId,
      tags: [{ key: "a", value: "b" }],
      description: "ep",
      error: [],
    });
    expect(got.body.marker_id as number).toBeGreaterThan(2 ** 32);
    const put = await hw("PUT", `/vpc-endpoints/${id}`, {
      body: { enable_whitelist: true, whitelist: ["10.0.0.0/24", "10.1.1.1"] },
    });
    expect(put.body).toMatchObject({ enable_whitelist: true, whitelist: ["10.0.0.0/24", "10.1.1.1"] });
    expect((await hw("DELETE", `/vpc-endpoints/${id}`)).status).toBe(204);
    expect(await hw("GET", `/vpc-endpoints/${id}`)).toMatchObject({ status: 404, code: "EndPoint.0005" });
  });

  test.each([
    ["a port_ip in 198.19.128.0/17", { port_ip: "198.19.200.1" }, "EndPoint.2041"],
    ["a malformed port_ip", { port_ip: "10.0.0.256" }, "EndPoint.2041"],
    [
      "21 whitelist entries",
      { whitelist: Array.from({ length: 21 }, (_, i) => `10.0.0.${i}`) },
      "EndPoint.2045",
    ],
    ["a bad whitelist entry", { whitelist: ["10.0.0.0/33"] }, "EndPoint.2044"],
    ["a description with <", { description: "<b>" }, "EndPoint.0002"],
    ["a 129-character description", { description: "d".repeat(129) }, "EndPoint.0002"],
    [
      "21 tags",
      { tags: Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: "" })) },
      "EndPoint.3069",
    ],
  ])("create refuses %s", async (_name, extra, code) => {
    const service = await createService({ approval_enabled: false });
    const result = await createEndpoint(hw, service.id, extra);
    expect(result.status).toBe(400);
    expect(result.code).toBe(code);
  });

  test("an unknown service is EndPoint.2003; a taken port_ip is EndPoint.2042", async () => {
    expect((await createEndpoint(hw, "00000000-0000-4000-8000-000000000000")).code).toBe("EndPoint.2003");
    const service = await createService({ approval_enabled: false });
    expect((await createEndpoint(hw, service.id, { port_ip: "10.0.0.5" })).status).toBe(200);
    expect((await createEndpoint(hw, service.id, { port_ip: "10.0.0.5" })).code).toBe("EndPoint.2042");
  });

  test("list filters by vpc_id and endpoint_service_name and pages", async () => {
    const service = await createService({ service_name: "listed", approval_enabled: false });
    for (let i = 0; i < 3; i += 1) await createEndpoint(hw, service.id);
    const all = await hw("GET", "/vpc-endpoints", { query: { vpc_id: HW_IDS.vpc, limit: 2 } });
    expect(all.body.total_count).toBe(3);
    expect((all.body.endpoints as unknown[]).length).toBe(2);
    expect(
      (await hw("GET", "/vpc-endpoints", { query: { endpoint_service_name: "listed" } })).body.total_count,
    ).toBe(3);
    expect(
      (await hw("GET", "/vpc-endpoints", { query: { endpoint_service_name: "other" } })).body.total_count,
    ).toBe(0);
  });

  test("a failed endpoint cannot be modified (EndPoint.2047) and shows the forced error", async () => {
    const service = await createService({ approval_enabled: false });
    const id = (await createEndpoint(hw, service.id)).body.id as string;
    const forced = await control.post(`/resources/${id}/state`, {
      status: "failed",
      errorCode: "EndPoint.4004",
      errorMessage: "boom",
    });
    expect(forced.status).toBe(200);
    const got = await hw("GET", `/vpc-endpoints/${id}`);
    expect(got.body).toMatchObject({
      status: "failed",
      error: [{ error_code: "EndPoint.4004", error_message: "boom" }],
    });
    expect((await hw("PUT", `/vpc-endpoints/${id}`, { body: { enable_whitelist: false } })).code).toBe(
      "EndPoint.2047",
    );
  });

  test("tags are created and deleted through the tag action", async () => {
    const service = await createService({ approval_enabled: false });
    const id = (await createEndpoint(hw, service.id)).body.id as string;
    expect(
      (
        await hw("POST", `/endpoint/${id}/tags/action`, {
          body: { action: "create", tags: [{ key: "x", value: "1" }] },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await hw("POST", `/endpoint_service/${service.id}/tags/action`, {
          body: { action: "create", tags: [{ key: "y", value: "2" }] },
        })
      ).status,
    ).toBe(204);
    expect((await hw("GET", `/vpc-endpoints/${id}`)).body.tags).toEqual([{ key: "x", value: "1" }]);
    await hw("POST", `/endpoint/${id}/tags/action`, { body: { action: "delete", tags: [{ key: "x" }] } });
    expect((await hw("GET", `/vpc-endpoints/${id}`)).body.tags).toEqual([]);
    expect((await hw("GET", `/vpc-endpoint-services/${service.id}`)).body.tags).toEqual([
      { key: "y", value: "2" },
    ]);
  });
});

describe("cross-account approval", () => {
  test("a domain without permission gets EndPoint.2012; once permitted it waits for receive", async () => {
    const service = await createService();
    expect((await createEndpoint(hw2, service.id)).code).toBe("EndPoint.2012");
    const added = await hw("POST", `/vpc-endpoint-services/${service.id}/permissions/action`, {
      body: { action: "add", permissions: [`iam:domain::${secondary.domainId}`] },
    });
    expect(added.body).toEqual({ permissions: [`iam:domain::${secondary.domainId}`] });
    const created = await createEndpoint(hw2, service.id);
    const id = created.body.id as string;
    expect((await hw2("GET", `/vpc-endpoints/${id}`)).body.status).toBe("pendingAcceptance");
    // The owner cannot read another project's endpoint, only its connection.
    expect((await hw("GET", `/vpc-endpoints/${id}`)).status).toBe(404);
    const connections = await hw("GET", `/vpc-endpoint-services/${service.id}/connections`, {
      query: { id },
    });
    expect(connections.body).toMatchObject({
      total_count: 1,
      connections: [
        { id, status: "pendingAcceptance", domain_id: secondary.domainId, marker_id: expect.any(Number) },
      ],
    });
    const two = await hw("POST", `/vpc-endpoint-services/${service.id}/connections/action`, {
      body: { action: "receive", endpoints: [id, id] },
    });
    expect(two.code).toBe("EndPoint.2031");
    const received = await hw("POST", `/vpc-endpoint-services/${service.id}/connections/action`, {
      body: { action: "receive", endpoints: [id] },
    });
    expect(received.status).toBe(200);
    expect((await hw2("GET", `/vpc-endpoints/${id}`)).body.status).toBe("accepted");
    await hw("POST", `/vpc-endpoint-services/${service.id}/connections/action`, {
      body: { action: "reject", endpoints: [id] },
    });
    expect((await hw2("GET", `/vpc-endpoints/${id}`)).body.status).toBe("rejected");
  });

  test("* permits every account; iam:domain::* is EndPoint.3002", async () => {
    const service = await createService({ approval_enabled: false });
    const star = await hw("POST", `/vpc-endpoint-services/${service.id}/permissions/action`, {
      body: { action: "add", permissions: ["iam:domain::*"] },
    });
    expect(star.code).toBe("EndPoint.3002");
    await hw("POST", `/vpc-endpoint-services/${service.id}/permissions/action`, {
      body: { action: "add", permissions: ["*"] },
    });
    const created = await createEndpoint(hw2, service.id);
    expect((await hw2("GET", `/vpc-endpoints/${created.body.id as string}`)).body.status).toBe("accepted");
  });

  test("permissions page by 10 by default, up to 500", async () => {
    const service = await createService();
    const permissions = Array.from(
      { length: 12 },
      (_, i) => `iam:domain::${i.toString(16).padStart(32, "0")}`,
    );
    await hw("POST", `/vpc-endpoint-services/${service.id}/permissions/action`, {
      body: { action: "add", permissions },
    });
    const first = await hw("GET", `/vpc-endpoint-services/${service.id}/permissions`);
    expect(first.body.total_count).toBe(12);
    expect((first.body.permissions as unknown[]).length).toBe(10);
    expect((first.body.permissions as Record<string, unknown>[])[0]).toEqual({
      id: expect.any(String),
      permission: expect.stringMatching(/^iam:domain::/),
      permission_type: "domainId",
      description: "",
      created_at: expect.any(String),
    });
    const rest = await hw("GET", `/vpc-endpoint-services/${service.id}/permissions`, {
      query: { offset: 10, limit: 500 },
    });
    expect((rest.body.permissions as unknown[]).length).toBe(2);
    expect(
      (await hw("GET", `/vpc-endpoint-services/${service.id}/permissions`, { query: { limit: 501 } })).code,
    ).toBe("EndPoint.0002");
  });
});

describe("gateway behaviour", () => {
  test("a wrong secret key is 401 APIG.0301 with the gateway's message and a request id", async () => {
    const bad = huaweiClient(emulator.urls.huaweicloud, { ...primary, secretKey: "wrong" });
    const result = await bad("GET", "/vpc-endpoints");
    expect(result).toMatchObject({
      status: 401,
      code: "APIG.0301",
      message: "Incorrect IAM authentication information: verify aksk signature fail",
      requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  test("an unknown access key is reported as such", async () => {
    const bad = huaweiClient(emulator.urls.huaweicloud, { ...primary, accessKey: "UNKNOWNAK" });
    const result = await bad("GET", "/vpc-endpoints");
    expect(result.status).toBe(401);
    expect(result.message).toContain("ak not exist");
  });

  async function signedFetch(path: string, date: Date, credential = primary) {
    const url = new URL(`${emulator.urls.huaweicloud}${path}`);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      host: url.host,
      "x-sdk-date": sdkDate(date),
    };
    headers.authorization = authorization(
      { method: "GET", path: url.pathname, query: url.search.slice(1), headers: { ...headers }, body: "" },
      credential.accessKey,
      credential.secretKey,
    );
    const response = await fetch(url, { headers });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  test("a signature older than 15 minutes is refused as expired; 14 minutes passes", async () => {
    const old = await signedFetch(
      `/v1/${primary.projectId}/vpc-endpoints`,
      new Date(Date.now() - 16 * 60_000),
    );
    expect(old.status).toBe(401);
    expect(old.body).toMatchObject({
      error_code: "APIG.0301",
      error_msg: expect.stringContaining("signature expired"),
    });
    const recent = await signedFetch(
      `/v1/${primary.projectId}/vpc-endpoints`,
      new Date(Date.now() - 14 * 60_000),
    );
    expect(recent.status).toBe(200);
  });

  test("a path naming another project is refused", async () => {
    const other = await signedFetch(`/v1/${secondary.projectId}/vpc-endpoints`, new Date());
    expect(other.status).toBe(403);
    expect(other.body.error_code).toBe("EndPoint.0004");
  });

  test("unknown routes are APIG.0101 JSON 404s; declined APIs are 501 JSON; both carry X-Request-Id", async () => {
    const unknown = await fetch(`${emulator.urls.huaweicloud}/v1/${primary.projectId}/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/json");
    expect(unknown.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    expect(await unknown.json()).toMatchObject({
      error_code: "APIG.0101",
      request_id: unknown.headers.get("x-request-id"),
    });
    const root = await fetch(`${emulator.urls.huaweicloud}/`);
    expect(root.status).toBe(404);
    const declined = await signedFetch(`/v1/${primary.projectId}/quotas`, new Date());
    expect(declined.status).toBe(501);
    expect(declined.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("VPCEP v1 fidelity", () => {
  const emoji = "😀"; // one code point, two UTF-16 units

  test("tag lengths count Unicode code points, not UTF-16 units", async () => {
    const fits = await hw("POST", "/vpc-endpoint-services", {
      body: serviceBody({ tags: [{ key: emoji.repeat(36), value: emoji.repeat(43) }] }),
    });
    expect(fits.status).toBe(200);
    const longKey = await hw("POST", "/vpc-endpoint-services", {
      body: serviceBody({ port_id: HW_IDS.port2, tags: [{ key: emoji.repeat(37), value: "" }] }),
    });
    expect(longKey.code).toBe("EndPoint.3072");
    const longValue = await hw("POST", "/vpc-endpoint-services", {
      body: serviceBody({ port_id: HW_IDS.port2, tags: [{ key: "k", value: emoji.repeat(44) }] }),
    });
    expect(longValue.code).toBe("EndPoint.3073");
  });

  test("the tag action answers the tag codes: too many after the merge, bad characters", async () => {
    const service = await createService({
      tags: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: "v" })),
    });
    const eleventh = await hw("POST", `/endpoint_service/${service.id}/tags/action`, {
      body: { action: "create", tags: [{ key: "k10", value: "v" }] },
    });
    expect(eleventh).toMatchObject({ status: 400, code: "EndPoint.3069" });
    const bad = await hw("POST", `/endpoint_service/${service.id}/tags/action`, {
      body: { action: "create", tags: [{ key: "a|b", value: "v" }] },
    });
    expect(bad.code).toBe("EndPoint.3068");
  });

  test("permission_type: orgPath entries need orgPath, domain entries and * need domainId", async () => {
    const service = await createService();
    const action = (body: Record<string, unknown>) =>
      hw("POST", `/vpc-endpoint-services/${service.id}/permissions/action`, {
        body: { action: "add", ...body },
      });
    const org = "organizations:orgPath::o-abc/r-def";
    expect((await action({ permissions: [org] })).code).toBe("EndPoint.3002");
    expect((await action({ permissions: ["*"], permission_type: "orgPath" })).code).toBe("EndPoint.3002");
    expect(
      (await action({ permissions: [`iam:domain::${secondary.domainId}`], permission_type: "orgPath" })).code,
    ).toBe("EndPoint.3002");
    expect((await action({ permissions: ["*"], permission_type: "accountId" })).code).toBe("EndPoint.0002");
    expect((await action({ permissions: [org], permission_type: "orgPath" })).status).toBe(200);
    expect((await action({ permissions: [`iam:domain::${secondary.domainId}`] })).status).toBe(200);
    const listed = await hw("GET", `/vpc-endpoint-services/${service.id}/permissions`, {
      query: { sort_dir: "asc" },
    });
    expect(
      (listed.body.permissions as { permission: string; permission_type: string }[]).map((p) => [
        p.permission,
        p.permission_type,
      ]),
    ).toEqual([
      [org, "orgPath"],
      [`iam:domain::${secondary.domainId}`, "domainId"],
    ]);
  });

  test("PUT of a service with an empty body stays EndPoint.0002", async () => {
    const created = await createService();
    expect((await hw("PUT", `/vpc-endpoint-services/${created.id}`, { body: {} })).code).toBe(
      "EndPoint.0002",
    );
  });

  test("Huawei service answers carry enable_policy", async () => {
    const created = await createService();
    expect((await hw("GET", `/vpc-endpoint-services/${created.id}`)).body.enable_policy).toBe(false);
  });

  test("errors carry the documented messages", async () => {
    const result = await hw("POST", "/vpc-endpoint-services", { body: serviceBody({ server_type: "ECS" }) });
    expect(result.message).toMatch(/^Invalid serverType\./);
  });
});

describe("gateway endpoints: route tables", () => {
  const gateway = gatewayServiceId("huaweicloud", "eu-de");
  const tables = ["705290f3-0d00-41f2-aedc-71f09844e879", "705290f3-0d00-41f2-aedc-71f09844e87a"];
  const createGateway = (call = hw, extra: Record<string, unknown> = {}) =>
    call("POST", "/vpc-endpoints", { body: { endpoint_service_id: gateway, vpc_id: HW_IDS.vpc, ...extra } });

  test("the region's gateway service takes endpoints without a subnet, bound to the VPC's default route table", async () => {
    const created = await createGateway(hw2);
    expect(created.status).toBe(200);
    const got = await hw2("GET", `/vpc-endpoints/${created.body.id as string}`);
    expect(got.body).toMatchObject({
      status: "accepted",
      service_type: "gateway",
      endpoint_service_name: `eu-de.obs.${gateway}`,
      routetables: [defaultRouteTableId(HW_IDS.vpc)],
    });
    expect(got.body.subnet_id).toBeUndefined();
    expect(got.body.ip).toBeUndefined();
  });

  test("PUT …/routetables replaces the list, answers it, and GET reports it", async () => {
    const id = (await createGateway(hw, { routetables: [tables[0]] })).body.id as string;
    expect((await hw("GET", `/vpc-endpoints/${id}`)).body.routetables).toEqual([tables[0]]);
    const put = await hw("PUT", `/vpc-endpoints/${id}/routetables`, {
      body: { routetables: [tables[1], tables[0], tables[1]] },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ routetables: [tables[1], tables[0]] });
    const got = await hw("GET", `/vpc-endpoints/${id}`);
    expect(got.body.routetables).toEqual([tables[1], tables[0]]);
    const log = await control.get("/requests?operation=UpdateEndpointRoutetable");
    expect(log.body.requests).toEqual(
      expect.arrayContaining([expect.objectContaining({ method: "PUT", status: 200 })]),
    );
  });

  test.each([
    ["no routetables", {}, "EndPoint.0002"],
    ["a routetables string", { routetables: tables[0] }, "EndPoint.0002"],
    ["an empty list", { routetables: [] }, "EndPoint.2040"],
    ["an entry that is no route table id", { routetables: ["rtb-1"] }, "EndPoint.1019"],
  ])("PUT …/routetables refuses %s", async (_name, body, code) => {
    const id = (await createGateway()).body.id as string;
    const result = await hw("PUT", `/vpc-endpoints/${id}/routetables`, { body });
    expect(result).toMatchObject({ status: 400, code });
    expect((await hw("GET", `/vpc-endpoints/${id}`)).body.routetables).toEqual([
      defaultRouteTableId(HW_IDS.vpc),
    ]);
  });

  test("an interface endpoint has no route tables to change; a missing endpoint is EndPoint.0005", async () => {
    const service = await createService({ approval_enabled: false });
    const id = (await createEndpoint(hw, service.id)).body.id as string;
    const result = await hw("PUT", `/vpc-endpoints/${id}/routetables`, { body: { routetables: tables } });
    expect(result).toMatchObject({ status: 400, code: "EndPoint.0002" });
    expect((await hw("GET", `/vpc-endpoints/${id}`)).body.routetables).toEqual([]);
    const missing = await hw("PUT", "/vpc-endpoints/00000000-0000-4000-8000-000000000000/routetables", {
      body: { routetables: tables },
    });
    expect(missing).toMatchObject({ status: 404, code: "EndPoint.0005" });
  });

  test("a route table another endpoint of the service uses is EndPoint.2039, on create and on PUT", async () => {
    await createGateway(hw, { routetables: [tables[0]] });
    expect((await createGateway(hw, { routetables: [tables[0]] })).code).toBe("EndPoint.2039");
    const second = (await createGateway(hw, { routetables: [tables[1]] })).body.id as string;
    const put = await hw("PUT", `/vpc-endpoints/${second}/routetables`, { body: { routetables: tables } });
    expect(put.code).toBe("EndPoint.2039");
    // Its own tables are no clash.
    expect(
      (await hw("PUT", `/vpc-endpoints/${second}/routetables`, { body: { routetables: [tables[1]] } }))
        .status,
    ).toBe(200);
  });

  test("an endpoint still creating answers EndPoint.2019", async () => {
    await control.put("/transitions", { model: "huawei::vpcep_endpoint", progression: "manual", times: 5 });
    const id = (await createGateway()).body.id as string;
    const result = await hw("PUT", `/vpc-endpoints/${id}/routetables`, {
      body: { routetables: [tables[0]] },
    });
    expect(result.code).toBe("EndPoint.2019");
  });
});
