/**
 * Open Telekom Cloud VPCEP wire behaviour: the official Huawei Node SDK core client (its `Access=`
 * signer), OTC's scoped `Credential=…/sdk_request` form pinned to vector O1 (signing.md §4.2), the
 * Keystone token flow, and where OTC differs from Huawei (seed-audit.md B.2).
 */
import { sha256Hex } from "../../provider/core/crypto.js";
import { sdkDate } from "../../provider/clouds/huaweicloud/sign.js";
import {
  credentialScope,
  parseScoped,
  scopedCanonicalQuery,
  scopedCanonicalRequest,
  scopedCanonicalUri,
  scopedSignature,
} from "../../emulator/clouds/opentelekomcloud/signature.js";
import { CLI_DEFAULT_PORTS, CLI_ENV_VARS } from "../../emulator/cli-options.js";
import {
  CLOUDS,
  EMULATOR_CREDENTIALS,
  providerConfig,
  PROVIDER_SECRET_KEYS,
  startEmulator,
  type OpenTelekomCloudCredential,
  type RunningEmulator,
} from "../../emulator/index.js";
import { controlClient, HW_IDS, huaweiClient, rawRequest, type RawResult } from "./helpers.js";

const primary = EMULATOR_CREDENTIALS.opentelekomcloud.primary;
const secondary = EMULATOR_CREDENTIALS.opentelekomcloud.secondary;

let emulator: RunningEmulator;
let url: string;
let otc: ReturnType<typeof huaweiClient>;
let otc2: ReturnType<typeof huaweiClient>;
let control: ReturnType<typeof controlClient>;

beforeAll(async () => {
  emulator = await startEmulator({ clouds: ["opentelekomcloud", "huaweicloud"] });
  url = emulator.urls.opentelekomcloud;
  otc = huaweiClient(url, primary);
  otc2 = huaweiClient(url, secondary);
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

async function createService(extra: Record<string, unknown> = {}, call = otc) {
  const created = await call("POST", "/vpc-endpoint-services", { body: serviceBody(extra) });
  expect(created.status).toBe(200);
  return created.body as { id: string; service_name: string; status: string };
}

async function createEndpoint(serviceId: string, extra: Record<string, unknown> = {}, call = otc) {
  return call("POST", "/vpc-endpoints", {
    body: { endpoint_service_id: serviceId, vpc_id: HW_IDS.vpc, subnet_id: HW_IDS.subnet, ...extra },
  });
}

/** A uuid-shaped port id per index, so that services never share ports. */
const portId = (i: number) => `4189d3c2-8882-4871-a3c2-${i.toString(16).padStart(12, "0")}`;

/** A request signed now in the scoped form, with the verifier's own (O1-pinned) functions. */
async function scoped(
  method: string,
  pathAndQuery: string,
  options: {
    body?: string;
    region?: string;
    service?: string;
    date?: Date;
    host?: string;
    key?: OpenTelekomCloudCredential;
  } = {},
) {
  const key = options.key ?? primary;
  const target = new URL(`${url}${pathAndQuery}`);
  const date = sdkDate(options.date ?? new Date());
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Content-Type": "application/json",
    Host: options.host ?? target.host,
    "User-Agent": "golangsdk",
    "X-Sdk-Date": date,
  };
  const names = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .sort();
  const scope = { date: date.slice(0, 8), region: options.region ?? "", service: options.service ?? "" };
  const canonical = scopedCanonicalRequest(
    {
      method,
      path: target.pathname,
      query: target.search.slice(1),
      headers,
      body: Buffer.from(options.body ?? ""),
    },
    names,
  );
  const signature = scopedSignature(key.secretKey, date, scope, canonical);
  headers.Authorization = `SDK-HMAC-SHA256 Credential=${key.accessKey}/${credentialScope(scope.date, scope.region, scope.service)}, SignedHeaders=${names.join(";")}, Signature=${signature}`;
  // Sent after signing, unsigned, as golangsdk does.
  headers["X-Project-Id"] = key.projectId;
  return rawRequest(url, {
    method,
    path: pathAndQuery,
    headers,
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
}

describe("registration", () => {
  test("opentelekomcloud is served on 18082 and configured through vpcep:opentelekomcloud* keys", () => {
    expect(CLOUDS).toContain("opentelekomcloud");
    expect(CLI_DEFAULT_PORTS.opentelekomcloud).toBe(18082);
    expect(CLI_ENV_VARS.VPCEP_EMULATOR_OPENTELEKOMCLOUD_PORT).toMatch(/^Open Telekom Cloud VPCEP port/);
    expect(CLI_ENV_VARS.VPCEP_EMULATOR_OPENTELEKOMCLOUD_REGION).toContain("default eu-de");
    const config = providerConfig({ opentelekomcloud: "http://127.0.0.1:3" });
    expect(config).toMatchObject({
      "vpcep:opentelekomcloudEndpoint": "http://127.0.0.1:3",
      "vpcep:opentelekomcloudAccessKey": primary.accessKey,
      "vpcep:opentelekomcloudSecretKey": primary.secretKey,
      "vpcep:opentelekomcloudProjectId": primary.projectId,
    });
    expect(Object.keys(config).filter((key) => key.startsWith("vpcep:opentelekomcloud"))).toHaveLength(4);
    expect(PROVIDER_SECRET_KEYS).toContain("vpcep:opentelekomcloudSecretKey");
    expect(PROVIDER_SECRET_KEYS).not.toContain("vpcep:opentelekomcloudAccessKey");
  });

  test("the default accounts carry a key, a 32-hex project and domain, and a password login to eu-de", () => {
    for (const account of [primary, secondary]) {
      expect(account.projectId).toMatch(/^[0-9a-f]{32}$/);
      expect(account.domainId).toMatch(/^[0-9a-f]{32}$/);
      expect(account.projectName).toBe("eu-de");
      expect(account.userName).not.toBe("");
    }
    expect(primary.projectId).not.toBe(EMULATOR_CREDENTIALS.huaweicloud.primary.projectId);
  });

  test("the control API lists OTC keys with their login but without secrets; a key needs a login", async () => {
    const listed = (await control.get("/credentials")).body.opentelekomcloud;
    expect(listed).toContainEqual({
      accessKey: primary.accessKey,
      projectId: primary.projectId,
      domainId: primary.domainId,
      userName: primary.userName,
      domainName: primary.domainName,
      projectName: "eu-de",
    });
    expect(JSON.stringify(listed)).not.toContain(primary.password);
    const half = await control.post("/credentials", {
      cloud: "opentelekomcloud",
      accessKey: "HALF",
      secretKey: "s",
      projectId: "0".repeat(32),
      domainId: "1".repeat(32),
      userName: "only-a-name",
    });
    expect(half.status).toBe(400);
    expect(half.body.error).toBe("password is required");
  });
});

describe("Huawei's Access= form through the official Huawei SDK signer", () => {
  test("create a service and an endpoint, read both", async () => {
    const service = await createService({ service_name: "svc-1", approval_enabled: false });
    expect(service.service_name).toBe(`eu-de.svc-1.${service.id}`);
    const endpoint = await createEndpoint(service.id);
    expect(endpoint.status).toBe(200);
    const got = await otc("GET", `/vpc-endpoints/${endpoint.body.id as string}`);
    expect(got.body).toMatchObject({ status: "accepted", endpoint_service_id: service.id });
  });

  test("a wrong secret key is 401 APIG.0301; a Huawei key does not open OTC", async () => {
    const bad = await huaweiClient(url, { ...primary, secretKey: "wrong" })("GET", "/vpc-endpoints");
    expect(bad).toMatchObject({
      status: 401,
      code: "APIG.0301",
      message: "Incorrect IAM authentication information: verify aksk signature fail",
    });
    const huawei = await huaweiClient(url, EMULATOR_CREDENTIALS.huaweicloud.primary)("GET", "/vpc-endpoints");
    expect(huawei.status).toBe(401);
    expect(huawei.message).toContain("ak not exist");
  });
});

describe("the scoped Credential=…/sdk_request form", () => {
  // Vector O1 (signing.md §4.2): keys as H1, a golangsdk GET with empty region and service.
  const O1 = {
    accessKey: "QTWAOYTTINDUT2QVKYUC",
    secretKey: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
    projectId: "0605767b5e00d5762fc8c0102dd4bb6b",
    date: "20240619T071306Z",
    path: "/v1/0605767b5e00d5762fc8c0102dd4bb6b/vpc-endpoints",
    query: "limit=10",
    headers: {
      Accept: "application/json",
      "User-Agent": "golangsdk",
      Host: "vpcep.eu-de.otc.t-systems.com",
      "X-Sdk-Date": "20240619T071306Z",
    },
    canonical:
      "GET\n/v1/0605767b5e00d5762fc8c0102dd4bb6b/vpc-endpoints/\nlimit=10\naccept:application/json\nhost:vpcep.eu-de.otc.t-systems.com\nuser-agent:golangsdk\nx-sdk-date:20240619T071306Z\n\naccept;host;user-agent;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    canonicalHash: "529d8c69800aaf4ec5f2e390f9876f239cda865d79523db8634a612421b0aad0",
    authorization:
      "SDK-HMAC-SHA256 Credential=QTWAOYTTINDUT2QVKYUC/20240619///sdk_request, SignedHeaders=accept;host;user-agent;x-sdk-date, Signature=8bb38b7e80f6a333f93c6742f66ad616d7e8694207eb2a0c078f99f77b8771cd",
  };
  const signedHeaders = ["accept", "host", "user-agent", "x-sdk-date"];

  test("the verifier's canonical request, scope and signature reproduce vector O1", () => {
    const canonical = scopedCanonicalRequest(
      { method: "GET", path: O1.path, query: O1.query, headers: O1.headers, body: Buffer.alloc(0) },
      signedHeaders,
    );
    expect(canonical).toBe(O1.canonical);
    expect(sha256Hex(canonical)).toBe(O1.canonicalHash);
    expect(credentialScope("20240619", "", "")).toBe("20240619///sdk_request");
    const parsed = parseScoped(O1.authorization);
    expect(parsed).toEqual({
      accessKey: O1.accessKey,
      signedHeaders,
      signature: "8bb38b7e80f6a333f93c6742f66ad616d7e8694207eb2a0c078f99f77b8771cd",
      scope: { date: "20240619", region: "", service: "" },
    });
    expect(scopedSignature(O1.secretKey, O1.date, parsed!.scope!, canonical)).toBe(parsed!.signature);
  });

  describe("replayed against the emulator (the vector's 2024 date, so without the skew check)", () => {
    let old: RunningEmulator;
    beforeAll(async () => {
      old = await startEmulator({ clouds: ["opentelekomcloud"], checkSkew: false });
      const added = await controlClient(old.controlUrl).post("/credentials", {
        cloud: "opentelekomcloud",
        accessKey: O1.accessKey,
        secretKey: O1.secretKey,
        projectId: O1.projectId,
        domainId: "a".repeat(32),
        userName: "o1",
        password: "o1-password",
        domainName: "o1-domain",
        projectName: "eu-de",
      });
      expect(added.status).toBe(201);
    });
    afterAll(() => old.close());

    const send = (changes: { path?: string; headers?: Record<string, string> } = {}) =>
      rawRequest(old.urls.opentelekomcloud, {
        method: "GET",
        path: changes.path ?? `${O1.path}?${O1.query}`,
        headers: { ...O1.headers, Authorization: O1.authorization, ...changes.headers },
      });

    test("the vector's exact request is accepted", async () => {
      const answer = await send();
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ endpoints: [], total_count: 0 });
    });

    test.each([
      ["another query", { path: `${O1.path}?limit=11` }],
      ["another path", { path: `${O1.path.replace("vpc-endpoints", "vpc-endpoint-services")}?limit=10` }],
      ["another signed header value", { headers: { "User-Agent": "golangsdk/2" } }],
      ["another host", { headers: { Host: "vpcep.eu-nl.otc.t-systems.com" } }],
      ["another X-Sdk-Date", { headers: { "X-Sdk-Date": "20240619T071307Z" } }],
      [
        "another signature",
        { headers: { Authorization: O1.authorization.replace(/Signature=8bb3/, "Signature=8bb4") } },
      ],
      [
        "another scope date",
        { headers: { Authorization: O1.authorization.replace("/20240619///", "/20240618///") } },
      ],
      [
        "another signed-header list",
        { headers: { Authorization: O1.authorization.replace("accept;host;", "host;") } },
      ],
    ])("%s is refused with 401 APIG.0301", async (_name, changes) => {
      const answer = await send(changes);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({
        error_code: "APIG.0301",
        error_msg: "Incorrect IAM authentication information: verify aksk signature fail",
        request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
    });
  });

  test("empty region and service (the Terraform provider's form) sign a create", async () => {
    const answer = await scoped("POST", `/v1/${primary.projectId}/vpc-endpoint-services`, {
      body: JSON.stringify(serviceBody()),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe("creating");
  });

  test("region eu-de and service vpcep in the scope are accepted; another region or service is not", async () => {
    const path = `/v1/${primary.projectId}/vpc-endpoints?limit=5&offset=0`;
    expect((await scoped("GET", path, { region: "eu-de", service: "vpcep" })).status).toBe(200);
    expect((await scoped("GET", path, { region: "eu-nl" })).status).toBe(401);
    expect((await scoped("GET", path, { service: "ecs" })).status).toBe(401);
  });

  test("canonical forms follow signer_helper.go: first values, case-insensitive order, Go escaping", () => {
    expect(scopedCanonicalQuery("b=2&A=1&a%20b=x+y&b=3")).toBe("A=1&a%20b=x%20y&b=2");
    expect(scopedCanonicalUri("/v1/p/a%20b~c")).toBe("/v1/p/a%20b~c/");
    expect(scopedCanonicalUri("/v1/p/%C3%BC/")).toBe("/v1/p/%C3%BC/");
    const empty = scopedCanonicalRequest(
      { method: "POST", path: "/v1/p/x", query: "z=1&a=b+c", headers: {}, body: Buffer.alloc(0) },
      [],
    ).split("\n");
    // A POST without a body: no canonical query, and the payload is the hash of url.Values.Encode().
    expect(empty[2]).toBe("");
    expect(empty.at(-1)).toBe(sha256Hex("a=b+c&z=1"));
  });

  test("query values with spaces and repeated keys canonicalise like the Go signer", async () => {
    const path = `/v1/${primary.projectId}/vpc-endpoints?endpoint_service_name=a+b%2Fc&limit=5&Limit=6`;
    const answer = await scoped("GET", path);
    expect(answer.status).toBe(200);
  });

  test("a POST without a body signs the query as its payload, then fails in VPCEP, not at the gateway", async () => {
    const answer = await scoped("POST", `/v1/${primary.projectId}/vpc-endpoint-services?x=1`);
    expect(answer.status).toBe(400);
    expect(answer.body.error_code).toBe("EndPoint.0002");
  });

  test("X-Sdk-Date more than 15 minutes off is refused as expired; 14 minutes passes", async () => {
    const path = `/v1/${primary.projectId}/vpc-endpoints`;
    const late = await scoped("GET", path, { date: new Date(Date.now() - 16 * 60_000) });
    expect(late.status).toBe(401);
    expect(late.body.error_msg).toBe(
      "Incorrect IAM authentication information: calc ak sk signature fail:signature expired",
    );
    expect((await scoped("GET", path, { date: new Date(Date.now() + 14 * 60_000) })).status).toBe(200);
  });
});

describe("Keystone tokens", () => {
  const tokenBody = (
    user: OpenTelekomCloudCredential,
    scope: Record<string, unknown> = { project: { name: "eu-de" } },
  ) => ({
    auth: {
      identity: {
        methods: ["password"],
        password: {
          user: {
            name: user.userName ?? "",
            password: user.password ?? "",
            domain: { name: user.domainName ?? "" },
          },
        },
      },
      scope,
    },
  });

  async function issue(body: unknown, query = "") {
    const response = await fetch(`${url}/v3/auth/tokens${query}`, {
      method: "POST",
      headers: { "content-type": "application/json;charset=utf8" },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      token: response.headers.get("x-subject-token"),
      body: (await response.json()) as RawResult["body"],
    };
  }

  async function withToken(token: string, path: string, init: { method?: string; body?: unknown } = {}) {
    const response = await fetch(`${url}${path}`, {
      method: init.method ?? "GET",
      headers: { "x-auth-token": token, "content-type": "application/json" },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as RawResult["body"] };
  }

  test("a password login answers 201, X-Subject-Token and the Keystone body; the token opens VPCEP", async () => {
    const issued = await issue(tokenBody(primary));
    expect(issued.status).toBe(201);
    expect(issued.token).toMatch(/^MII[A-Za-z0-9_-]+$/);
    const token = issued.body.token;
    const domain = { id: primary.domainId, name: primary.domainName };
    expect(token).toMatchObject({
      methods: ["password"],
      project: { id: primary.projectId, name: "eu-de", domain },
      user: { name: primary.userName, domain },
    });
    expect(Date.parse(token.expires_at) - Date.parse(token.issued_at)).toBe(24 * 60 * 60 * 1000);
    expect(token.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const vpcep = token.catalog.find((entry: { type: string }) => entry.type === "vpcep");
    expect(vpcep.endpoints).toEqual([
      expect.objectContaining({
        region: "eu-de",
        interface: "public",
        url: `${url}/v1/${primary.projectId}`,
      }),
    ]);

    const created = await withToken(issued.token!, `/v1/${primary.projectId}/vpc-endpoint-services`, {
      method: "POST",
      body: serviceBody(),
    });
    expect(created.status).toBe(200);
    const listed = await withToken(issued.token!, `/v1/${primary.projectId}/vpc-endpoint-services`);
    expect(listed.body.total_count).toBe(1);
    // The key's project owns what the token created.
    expect((await otc("GET", `/vpc-endpoint-services/${created.body.id as string}`)).status).toBe(200);
  });

  test("the project may be named by id; nocatalog leaves the catalog out", async () => {
    const issued = await issue(
      tokenBody(secondary, { project: { id: secondary.projectId } }),
      "?nocatalog=1",
    );
    expect(issued.status).toBe(201);
    expect(issued.body.token.project.id).toBe(secondary.projectId);
    expect(issued.body.token.catalog).toBeUndefined();
  });

  test("a wrong password or an unknown user is 401", async () => {
    for (const user of [
      { ...primary, password: "wrong" },
      { ...primary, userName: "nobody" },
      { ...primary, domainName: secondary.domainName },
    ]) {
      const refused = await issue(tokenBody(user));
      expect(refused.status).toBe(401);
      expect(refused.token).toBeNull();
      expect(refused.body).toEqual({
        error: { code: 401, message: expect.any(String), title: "Unauthorized" },
      });
    }
    expect((await issue({ auth: { identity: { methods: ["token"] } } })).status).toBe(400);
  });

  test("the request log masks the password", async () => {
    await issue(tokenBody(primary));
    const logged = await control.get(
      "/requests?cloud=opentelekomcloud&operation=KeystoneCreateUserTokenByPassword",
    );
    expect(logged.body.requests).toHaveLength(1);
    expect(JSON.stringify(logged.body.requests[0].requestBody)).not.toContain(primary.password);
    expect(logged.body.requests[0].status).toBe(201);
  });

  test("an expired token is 401 APIG.0301 'token expires' on the emulator clock", async () => {
    const issued = await issue(tokenBody(primary));
    const path = `/v1/${primary.projectId}/vpc-endpoints`;
    await control.post("/clock/advance", { ms: 24 * 60 * 60 * 1000 - 60_000 });
    expect((await withToken(issued.token!, path)).status).toBe(200);
    await control.post("/clock/advance", { ms: 60_000 });
    const expired = await withToken(issued.token!, path);
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({
      error_code: "APIG.0301",
      error_msg: `Incorrect IAM authentication information: token expires, expires_at: ${issued.body.token.expires_at as string}`,
    });
  });

  test("a token of another project, a domain-scoped token and an unknown token are 401 APIG.0301", async () => {
    const other = await issue(tokenBody(secondary));
    const path = `/v1/${primary.projectId}/vpc-endpoints`;
    const wrongProject = await withToken(other.token!, path);
    expect(wrongProject.status).toBe(401);
    expect(wrongProject.body.error_code).toBe("APIG.0301");
    const domainScoped = await issue(tokenBody(primary, { domain: { name: primary.domainName } }));
    expect(domainScoped.status).toBe(201);
    expect(domainScoped.body.token.project).toBeUndefined();
    expect((await withToken(domainScoped.token!, path)).status).toBe(401);
    const unknown = await withToken("MIInot-a-token", path);
    expect(unknown).toMatchObject({
      status: 401,
      body: {
        error_code: "APIG.0301",
        error_msg: "Incorrect IAM authentication information: decrypt token fail",
      },
    });
  });

  test("the IAM is OTC's: the Huawei port answers /v3/auth/tokens as an unknown API", async () => {
    const response = await fetch(`${emulator.urls.huaweicloud}/v3/auth/tokens`, {
      method: "POST",
      body: JSON.stringify(tokenBody(primary)),
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error_code: string }).error_code).toBe("APIG.0101");
  });
});

describe("where OTC differs from Huawei", () => {
  test("there is no endpoint PUT, route-table, policy or connection-description API: the gateway's 404", async () => {
    const service = await createService({ approval_enabled: false });
    const id = (await createEndpoint(service.id)).body.id as string;
    for (const [method, path, body] of [
      ["PUT", `/vpc-endpoints/${id}`, { enable_whitelist: true, whitelist: ["10.0.0.1"] }],
      ["PUT", `/vpc-endpoints/${id}/routetables`, { routetables: [HW_IDS.vpc] }],
      ["PUT", `/vpc-endpoints/${id}/policy`, { policy_statement: [] }],
      ["PUT", `/vpc-endpoint-services/${service.id}/connections/description`, { connections: [] }],
    ] as const) {
      const answer = await otc(method, path, { body });
      expect(answer).toMatchObject({ status: 404, code: "APIG.0101" });
    }
    const logged = await control.get("/requests?cloud=opentelekomcloud&operation=Unknown");
    expect(logged.body.requests).toHaveLength(4);
  });

  test("the create-endpoint answer has neither ip nor dns_names; GET and list have both", async () => {
    const service = await createService({ approval_enabled: false });
    const created = await createEndpoint(service.id, { enable_dns: true });
    expect(created.body.status).toBe("creating");
    expect(created.body).not.toHaveProperty("ip");
    expect(created.body).not.toHaveProperty("dns_names");
    expect(created.body.marker_id as number).toBeGreaterThan(2 ** 32);
    const id = created.body.id as string;
    const got = await otc("GET", `/vpc-endpoints/${id}`);
    expect(got.body).toMatchObject({
      ip: "192.168.0.10",
      dns_names: [`${id}.vpcep.eu-de.otc.t-systems.com`],
      enable_dns: true,
    });
    const listed = await otc("GET", "/vpc-endpoints");
    expect((listed.body.endpoints as Record<string, unknown>[])[0]).toHaveProperty("ip", "192.168.0.10");
  });

  test("approval_enabled defaults to true and enable_dns to false", async () => {
    const service = await createService();
    const created = await createEndpoint(service.id);
    expect(created.body.enable_dns).toBe(false);
    expect((await otc("GET", `/vpc-endpoints/${created.body.id as string}`)).body.status).toBe(
      "pendingAcceptance",
    );
  });

  test("endpoint and service lists page by 10 by default, at most 1000", async () => {
    for (let i = 0; i < 11; i += 1) await createService({ port_id: portId(i), approval_enabled: false });
    const services = await otc("GET", "/vpc-endpoint-services");
    expect(services.body.total_count).toBe(11);
    expect(services.body.endpoint_services as unknown[]).toHaveLength(10);
    const serviceId = (services.body.endpoint_services as { id: string }[])[0]!.id;
    for (let i = 0; i < 11; i += 1) await createEndpoint(serviceId);
    const endpoints = await otc("GET", "/vpc-endpoints");
    expect(endpoints.body.total_count).toBe(11);
    expect(endpoints.body.endpoints as unknown[]).toHaveLength(10);
    expect(
      ((await otc("GET", "/vpc-endpoints", { query: { limit: 1000 } })).body.endpoints as unknown[]).length,
    ).toBe(11);
    expect((await otc("GET", "/vpc-endpoints", { query: { limit: 1001 } })).code).toBe("EndPoint.0002");
    expect((await otc("GET", "/vpc-endpoint-services", { query: { limit: 1001 } })).code).toBe(
      "EndPoint.0002",
    );
  });

  test("the service list has no server_type filter", async () => {
    await createService({ server_type: "LB" });
    const listed = await otc("GET", "/vpc-endpoint-services", { query: { server_type: "VM" } });
    expect(listed.body.total_count).toBe(1);
  });

  test("permissions: iam:domain::<id> and bare *; no orgPath, no permission_type; pages of 10, at most 500", async () => {
    const service = await createService();
    const action = (permissions: string[], extra: Record<string, unknown> = {}) =>
      otc("POST", `/vpc-endpoint-services/${service.id}/permissions/action`, {
        body: { action: "add", permissions, ...extra },
      });
    expect((await action(["iam:domain::*"])).code).toBe("EndPoint.3002");
    expect((await action(["organizations:orgPath::o-abc/r-def"])).code).toBe("EndPoint.3002");
    // A permission_type is no field of OTC's API: it neither enables orgPath nor is refused itself.
    expect((await action(["organizations:orgPath::o-abc/r-def"], { permission_type: "orgPath" })).code).toBe(
      "EndPoint.3002",
    );
    expect(
      (await action([`iam:domain::${secondary.domainId}`], { permission_type: "whatever" })).status,
    ).toBe(200);
    expect((await action(["*"])).body).toEqual({ permissions: ["*"] });
    const more = Array.from({ length: 10 }, (_, i) => `iam:domain::${i.toString(16).padStart(32, "0")}`);
    await action(more);
    const first = await otc("GET", `/vpc-endpoint-services/${service.id}/permissions`);
    expect(first.body.total_count).toBe(12);
    expect(first.body.permissions as unknown[]).toHaveLength(10);
    for (const entry of first.body.permissions as { permission_type: string }[])
      expect(entry.permission_type).toBe("domainId");
    expect(
      (await otc("GET", `/vpc-endpoint-services/${service.id}/permissions`, { query: { limit: 500 } })).body
        .permissions as unknown[],
    ).toHaveLength(12);
    expect(
      (await otc("GET", `/vpc-endpoint-services/${service.id}/permissions`, { query: { limit: 501 } })).code,
    ).toBe("EndPoint.0002");
    // The * entry lets the second account connect.
    expect((await createEndpoint(service.id, {}, otc2)).status).toBe(200);
  });

  test.each([
    ["a key with a dot", [{ key: "a.b", value: "v" }], "EndPoint.3068"],
    ["a key with a space", [{ key: "a b", value: "v" }], "EndPoint.3068"],
    ["a value with a colon", [{ key: "k", value: "a:b" }], "EndPoint.3068"],
    ["a non-ASCII letter", [{ key: "schlüssel", value: "v" }], "EndPoint.3068"],
    ["a 37-character key", [{ key: "k".repeat(37), value: "v" }], "EndPoint.3072"],
    ["a 44-character value", [{ key: "k", value: "v".repeat(44) }], "EndPoint.3073"],
    ["an empty key", [{ key: "", value: "v" }], "EndPoint.3066"],
    ["21 tags", Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: "" })), "EndPoint.3069"],
  ])("service and endpoint tags refuse %s", async (_name, tags, code) => {
    const service = await otc("POST", "/vpc-endpoint-services", { body: serviceBody({ tags }) });
    expect(service).toMatchObject({ status: 400, code });
    const target = await createService({ approval_enabled: false });
    expect(await createEndpoint(target.id, { tags })).toMatchObject({ status: 400, code });
  });

  test("tags of letters, digits, -, _ and @ pass, 20 per service as per endpoint; the tag action keeps the limit", async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({
      key: `k_${i}@x-y`,
      value: i === 0 ? "" : `v-${i}@z_`,
    }));
    const service = await createService({ tags: twenty, approval_enabled: false });
    expect((await otc("GET", `/vpc-endpoint-services/${service.id}`)).body.tags).toHaveLength(20);
    const more = await otc("POST", `/endpoint_service/${service.id}/tags/action`, {
      body: { action: "create", tags: [{ key: "one-more", value: "v" }] },
    });
    expect(more).toMatchObject({ status: 400, code: "EndPoint.3069" });
    expect((await createEndpoint(service.id, { tags: twenty })).status).toBe(200);
  });

  test("server types LB, VM, VIP and BMS; TCP only; five tcp_proxy values", async () => {
    for (const [i, serverType] of ["LB", "VM", "VIP", "BMS"].entries())
      await createService({ port_id: portId(i), server_type: serverType });
    expect(
      (await otc("POST", "/vpc-endpoint-services", { body: serviceBody({ server_type: "ECS" }) })).code,
    ).toBe("EndPoint.3021");
    const udp = serviceBody({ ports: [{ client_port: 53, server_port: 53, protocol: "UDP" }] });
    expect((await otc("POST", "/vpc-endpoint-services", { body: udp })).code).toBe("EndPoint.3075");
    for (const [i, proxy] of ["close", "toa_open", "proxy_open", "open", "proxy_vni"].entries())
      await createService({ port_id: portId(10 + i), tcp_proxy: proxy });
    expect(
      (await otc("POST", "/vpc-endpoint-services", { body: serviceBody({ tcp_proxy: "on" }) })).code,
    ).toBe("EndPoint.0002");
  });

  test("services take no vip_port_id and answer neither cidr_type nor enable_policy", async () => {
    const service = await createService({ vip_port_id: HW_IDS.port2, description: "d" });
    const got = await otc("GET", `/vpc-endpoint-services/${service.id}`);
    expect(got.body).not.toHaveProperty("vip_port_id");
    expect(got.body).not.toHaveProperty("cidr_type");
    expect(got.body).not.toHaveProperty("enable_policy");
    expect(got.body.description).toBe("d");
    const put = await otc("PUT", `/vpc-endpoint-services/${service.id}`, {
      body: { vip_port_id: HW_IDS.port2 },
    });
    expect(put.code).toBe("EndPoint.0002");
    const described = await otc("PUT", `/vpc-endpoint-services/${service.id}`, {
      body: { description: "<b>" },
    });
    expect(described.code).toBe("EndPoint.0002");
  });

  test("connections/action takes exactly one endpoint (EndPoint.2031); DELETE answers 204", async () => {
    const service = await createService();
    const first = (await createEndpoint(service.id)).body.id as string;
    const second = (await createEndpoint(service.id)).body.id as string;
    const act = (endpoints: string[]) =>
      otc("POST", `/vpc-endpoint-services/${service.id}/connections/action`, {
        body: { action: "receive", endpoints },
      });
    expect((await act([first, second])).code).toBe("EndPoint.2031");
    expect((await act([])).code).toBe("EndPoint.2031");
    expect((await act([first])).status).toBe(200);
    expect((await otc("GET", `/vpc-endpoints/${first}`)).body.status).toBe("accepted");
    expect((await otc("DELETE", `/vpc-endpoints/${first}`)).status).toBe(204);
    expect(await otc("GET", `/vpc-endpoints/${first}`)).toMatchObject({ status: 404, code: "EndPoint.0005" });
  });

  test("a throttle fault answers OTC's 400 EndPoint.0022; a quota fault Endpoint.1018", async () => {
    await control.put("/faults", [
      { cloud: "opentelekomcloud", operation: "ListEndpoints", action: "throttle", next: 1 },
      {
        cloud: "opentelekomcloud",
        operation: "CreateEndpoint",
        action: "error",
        code: "Endpoint.1018",
        next: 1,
      },
      { cloud: "huaweicloud", operation: "ListEndpoints", action: "throttle", next: 1 },
    ]);
    const response = await fetch(`${url}/v1/${primary.projectId}/vpc-endpoints`);
    expect(response.status).toBe(400);
    expect(response.headers.get("x-emulator-injected")).toBe("fault-1");
    expect(await response.json()).toEqual({
      error_code: "EndPoint.0022",
      error_msg: "The number of requests exceeded the limit. Please try later.",
    });
    const quota = await otc("POST", "/vpc-endpoints", { body: {} });
    expect(quota).toMatchObject({ status: 400, code: "Endpoint.1018", message: "Quota exceeded." });
    // Huawei keeps the gateway's 429.
    const huawei = await fetch(
      `${emulator.urls.huaweicloud}/v1/${EMULATOR_CREDENTIALS.huaweicloud.primary.projectId}/vpc-endpoints`,
    );
    expect(huawei.status).toBe(429);
  });

  test("a Host of vpcep.eu-nl.otc.t-systems.com serves eu-nl; the scope must name that region or none", async () => {
    const path = `/v1/${primary.projectId}/vpc-endpoint-services`;
    const host = "vpcep.eu-nl.otc.t-systems.com";
    const body = JSON.stringify(serviceBody());
    const created = await scoped("POST", path, { body, host, region: "eu-nl", service: "vpcep" });
    expect(created.status).toBe(200);
    expect(created.body.service_name).toBe(`eu-nl.${created.body.id as string}`);
    expect((await scoped("POST", path, { body, host, region: "eu-de" })).status).toBe(401);
    // Requests to 127.0.0.1 fall back to the region option (eu-de): the eu-nl service is not there.
    expect((await otc("GET", "/vpc-endpoint-services")).body.total_count).toBe(0);
  });
});
