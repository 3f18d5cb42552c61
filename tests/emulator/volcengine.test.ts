/**
 * Volcengine PrivateLink wire behaviour, driven through the official Node SDK
 * (`@volcengine/openapi` generic `Service` for calls, its `Signer` for raw and tampered requests).
 */
import { canonicalRequest, signatureOf, signingKey } from "../../emulator/clouds/volcengine/auth.js";
import { volcengineNetwork } from "../../emulator/clouds/volcengine/index.js";
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../emulator/index.js";
import {
  controlClient,
  volcengineClient,
  volcengineService,
  volcengineSignedFetch,
  type VeResult,
} from "./helpers.js";

const creds = EMULATOR_CREDENTIALS.volcengine;
const primary = creds.primary;
const secondary = creds.secondary;
const REGION = "cn-guangzhou";
const net = volcengineNetwork(primary.accountId, REGION);
const net2 = volcengineNetwork(secondary.accountId, REGION);
const [vpc1, vpc2] = net.vpcs;
const [subnetA, subnetB, subnetC, subnetA2, subnetVpc2] = net.subnets;
const groups = net.securityGroups.filter((sg) => sg.vpcId === vpc1!.id).map((sg) => sg.id);
const groupVpc2 = net.securityGroups.find((sg) => sg.vpcId === vpc2!.id)!.id;
const [clb1, clb2, alb1] = net.resources;

let emulator: RunningEmulator;
let ve: ReturnType<typeof volcengineClient>;
let vePost: ReturnType<typeof volcengineClient>;
let ve2: ReturnType<typeof volcengineClient>;
let control: ReturnType<typeof controlClient>;

beforeAll(async () => {
  emulator = await startEmulator({ clouds: ["volcengine"] });
  ve = volcengineClient(emulator.urls.volcengine, primary);
  vePost = volcengineClient(emulator.urls.volcengine, primary, { method: "POST" });
  ve2 = volcengineClient(emulator.urls.volcengine, secondary);
  control = controlClient(emulator.controlUrl);
});
afterAll(() => emulator.close());
beforeEach(() => control.post("/reset"));

function code(result: VeResult): string | undefined {
  return result.ResponseMetadata.Error?.Code;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON fields
type Json = Record<string, any>;

async function ok(result: Promise<VeResult>): Promise<Json> {
  const answer = await result;
  expect(answer.ResponseMetadata.Error).toBeUndefined();
  return answer.Result!;
}

async function createService(extra: Record<string, unknown> = {}, call = ve): Promise<string> {
  const result = await ok(
    call("CreateVpcEndpointService", {
      Resources: [{ ResourceId: clb1!.id }],
      AutoAcceptEnabled: true,
      ...extra,
    }),
  );
  return result.ServiceId as string;
}

function endpointParams(serviceId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    VpcId: vpc1!.id,
    ServiceId: serviceId,
    SecurityGroupIds: [groups[0]],
    Zones: [{ ZoneId: `${REGION}-a`, SubnetId: subnetA!.id }],
    EndpointName: "ep-test",
    ...extra,
  };
}

async function createEndpoint(serviceId: string, extra: Record<string, unknown> = {}, call = ve) {
  const result = await ok(call("CreateVpcEndpoint", endpointParams(serviceId, extra)));
  return result.EndpointId as string;
}

async function describe_(id: string, call = ve): Promise<Json> {
  return ok(call("DescribeVpcEndpointAttributes", { EndpointId: id }));
}

function manual(model: string, times = 1) {
  return control.put("/transitions", { model, progression: "manual", times });
}

function raw(
  query: Record<string, string>,
  options: Parameters<typeof volcengineSignedFetch>[2] = { query: {} },
) {
  return volcengineSignedFetch(emulator.urls.volcengine, primary, {
    ...options,
    query: { Version: "2020-04-01", ...query },
  });
}

describe("signing (signing.md §2)", () => {
  const V = {
    ak: "AKLTYWViMTVmZGYzM2E0NDI5Mzk2MDZjNjFmMjc2MjRjMzg",
    sk: "WkRZeE1EQmxPVGhsWWpWak5HVmtNbUUxTXpZeU9UVXlOMlE1TmpZeVlqTQ==",
  };

  test("V1: the official IAM ListUsers demo, canonical request and signature", () => {
    const canonical = canonicalRequest(
      {
        method: "GET",
        query: "Action=ListUsers&Version=2018-01-01&Limit=10&Offset=0",
        headers: { Host: "iam.volcengineapi.com", "X-Date": "20240619T071306Z" },
        body: "",
      },
      ["host", "x-date"],
    );
    expect(canonical).toBe(
      "GET\n/\nAction=ListUsers&Limit=10&Offset=0&Version=2018-01-01\nhost:iam.volcengineapi.com\nx-date:20240619T071306Z\n\nhost;x-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(signingKey(V.sk, "20240619", "cn-beijing", "iam").toString("hex")).toBe(
      "abee62e533a58934c49954459a3c3237d2fccea517c9a7c8a2651d8ea7779826",
    );
    expect(signatureOf(V.sk, "20240619T071306Z", "cn-beijing", "iam", canonical)).toBe(
      "e31c4558bcfe08a286001f59cedbf0791ffd0b2362f10e55ee2627467bcdde93",
    );
  });

  test("V2: the billing GET demo", () => {
    const canonical = canonicalRequest(
      {
        method: "GET",
        query: "Action=QueryBalanceAcct&Version=2022-01-01",
        headers: { host: "billing.volcengineapi.com", "x-date": "20250329T180937Z" },
        body: "",
      },
      ["host", "x-date"],
    );
    expect(signingKey(V.sk, "20250329", "cn-beijing", "billing").toString("hex")).toBe(
      "b491ed164936de3bb06c1eb23326aa9587b5aaa6a4e02144b9d523bbebb7ca9f",
    );
    expect(signatureOf(V.sk, "20250329T180937Z", "cn-beijing", "billing", canonical)).toBe(
      "1eda9e7e6b1728151a8e8791fdaf67cfbd28bd5c80d0fce2eb208746cf483105",
    );
  });

  test("V3: privatelink GET (query order irrelevant) and JSON POST with X-Content-Sha256", () => {
    const headers = { host: "open.volcengineapi.com", "x-date": "20240619T071306Z" };
    const get = canonicalRequest(
      {
        method: "GET",
        query: "PageSize=10&Version=2020-04-01&Action=DescribeVpcEndpoints&PageNumber=1",
        headers,
        body: "",
      },
      ["host", "x-date"],
    );
    expect(signatureOf(V.sk, "20240619T071306Z", "cn-beijing", "privatelink", get)).toBe(
      "e35f6081b4905f97397ec500d95d3656c4bed7adb1cca114357275728b4ac972",
    );
    const body =
      '{"ServiceId":"epsvc-2d72mvzvfvz5s58ozfe3v4nm3","VpcId":"vpc-13fpdgwk7rxfk3n6nu44wisg7","EndpointName":"ep-test"}';
    const post = canonicalRequest(
      {
        method: "POST",
        query: "Action=CreateVpcEndpoint&Version=2020-04-01",
        headers: {
          ...headers,
          "content-type": "application/json; charset=utf-8",
          "x-content-sha256": "19cba9bb0c3eccd977a9cde5b91749bc8d8626847de09814ccbe6ae7816d6539",
        },
        body,
      },
      ["host", "x-content-sha256", "x-date"],
    );
    expect(signatureOf(V.sk, "20240619T071306Z", "cn-beijing", "privatelink", post)).toBe(
      "f2ce7b98e3eb90abb067c717d48354dbe51c6390f4bfa6744b86265011766e6e",
    );
    // A tampered query signs differently.
    const tampered = canonicalRequest(
      {
        method: "GET",
        query: "Action=DescribeVpcEndpoints&PageNumber=2&PageSize=10&Version=2020-04-01",
        headers,
        body: "",
      },
      ["host", "x-date"],
    );
    expect(signatureOf(V.sk, "20240619T071306Z", "cn-beijing", "privatelink", tampered)).not.toBe(
      "e35f6081b4905f97397ec500d95d3656c4bed7adb1cca114357275728b4ac972",
    );
  });

  test("an SDK-signed request passes; the region comes from the credential scope only", async () => {
    const answer = await raw({ Action: "DescribeVpcEndpoints" }, { query: {}, region: "cn-beijing" });
    expect(answer.status).toBe(200);
    expect(answer.body.ResponseMetadata).toMatchObject({
      Action: "DescribeVpcEndpoints",
      Version: "2020-04-01",
      Service: "privatelink",
      Region: "cn-beijing",
    });
    expect(answer.body.Result!.RequestId).toBe(answer.body.ResponseMetadata.RequestId);
  });

  test.each([
    [
      "a query changed after signing",
      (sent: { url: URL }) => sent.url.searchParams.set("PageSize", "20"),
      401,
      "SignatureDoesNotMatch",
      100010,
    ],
    [
      "a body that does not match X-Content-Sha256",
      (sent: { body?: string }) => {
        sent.body = '{"PageSize":20}';
      },
      401,
      "SignatureDoesNotMatch",
      100010,
    ],
    [
      "an X-Date moved after signing",
      (sent: { headers: Record<string, string> }) => {
        // One second later: still inside the window, but no longer what was signed.
        const date = sent.headers["X-Date"]!;
        sent.headers["X-Date"] = date.replace(
          /(\d)Z$/,
          (_m, digit: string) => `${(Number(digit) + 1) % 10}Z`,
        );
      },
      401,
      "SignatureDoesNotMatch",
      100010,
    ],
    [
      "no Authorization header",
      (sent: { headers: Record<string, string> }) => {
        delete sent.headers.Authorization;
      },
      401,
      "MissingAuthenticationToken",
      100003,
    ],
    [
      "no X-Date header",
      (sent: { headers: Record<string, string> }) => {
        delete sent.headers["X-Date"];
      },
      400,
      "MissingRequestInfo",
      100004,
    ],
    [
      "an unknown access key",
      (sent: { headers: Record<string, string> }) => {
        sent.headers.Authorization = sent.headers.Authorization!.replace(primary.accessKeyId, "AKLTnobody");
      },
      401,
      "InvalidAccessKey",
      100009,
    ],
    [
      "no signature",
      (sent: { headers: Record<string, string> }) => {
        sent.headers.Authorization = sent.headers.Authorization!.replace(/, Signature=.*$/, "");
      },
      401,
      "MissingSignature",
      100005,
    ],
  ])("%s is refused", async (_name, tamper, status, errorCode, codeN) => {
    const answer = await volcengineSignedFetch(
      emulator.urls.volcengine,
      primary,
      {
        method: "POST",
        query: { Action: "DescribeVpcEndpoints", Version: "2020-04-01" },
        body: '{"PageSize":10}',
        headers: { "Content-Type": "application/json" },
      },
      tamper as never,
    );
    expect(answer.status).toBe(status);
    expect(answer.body.ResponseMetadata).toMatchObject({
      Action: "DescribeVpcEndpoints",
      Service: "privatelink",
      Error: { Code: errorCode, CodeN: codeN },
    });
  });

  test("a wrong secret, a stale X-Date and another product's scope are refused with their codes", async () => {
    const wrong = await volcengineSignedFetch(
      emulator.urls.volcengine,
      { ...primary, secretAccessKey: "nope" },
      {
        query: { Action: "DescribeVpcEndpoints", Version: "2020-04-01" },
      },
    );
    expect([wrong.status, code(wrong.body)]).toEqual([401, "SignatureDoesNotMatch"]);
    const stale = await volcengineSignedFetch(emulator.urls.volcengine, primary, {
      query: { Action: "DescribeVpcEndpoints", Version: "2020-04-01" },
      date: new Date(Date.now() - 20 * 60 * 1000),
    });
    expect([stale.status, code(stale.body)]).toEqual([400, "InvalidTimestamp"]);
    expect(stale.body.ResponseMetadata.Error!.CodeN).toBe(100006);
    const ecs = await volcengineSignedFetch(emulator.urls.volcengine, primary, {
      query: { Action: "DescribeVpcEndpoints", Version: "2020-04-01" },
      service: "ecs",
    });
    expect([ecs.status, code(ecs.body)]).toEqual([404, "ServiceNotFound"]);
  });

  test("keys added through the control API sign like the defaults and get their account's network", async () => {
    const third = {
      accessKeyId: "AKLTdGhpcmQtYWNjb3VudA",
      secretAccessKey: "third-secret",
      accountId: "2100000003",
    };
    expect((await control.post("/credentials", { cloud: "volcengine", ...third })).status).toBe(201);
    expect(
      (await control.post("/credentials", { cloud: "volcengine", ...third, accountId: "abc" })).status,
    ).toBe(400);
    const listed = (await control.get("/credentials")).body.volcengine;
    expect(listed).toContainEqual({ accessKeyId: third.accessKeyId, accountId: third.accountId });
    expect(JSON.stringify(listed)).not.toContain("third-secret");
    const call = volcengineClient(emulator.urls.volcengine, third);
    const own = volcengineNetwork(third.accountId, REGION);
    const serviceId = await createService({ Resources: [{ ResourceId: own.resources[0]!.id }] }, call);
    expect(code(await call("CreateVpcEndpointService", { Resources: [{ ResourceId: clb1!.id }] }))).toBe(
      "InvalidServiceResource.NotFound",
    );
    expect(
      (await ok(call("DescribeVpcEndpointServiceAttributes", { ServiceId: serviceId }))).ServiceOwner,
    ).toBe(third.accountId);
  });

  test("a temporary key needs its session token (X-Security-Token)", async () => {
    const sts = volcengineClient(emulator.urls.volcengine, creds.temporary);
    expect((await sts("DescribeVpcEndpoints")).ResponseMetadata.Error).toBeUndefined();
    const { sessionToken: _token, ...withoutToken } = creds.temporary;
    const bare = await volcengineClient(emulator.urls.volcengine, withoutToken)("DescribeVpcEndpoints");
    expect(code(bare)).toBe("InvalidSecretToken");
    const foreign = await volcengineClient(emulator.urls.volcengine, {
      ...primary,
      sessionToken: creds.temporary.sessionToken,
    })("DescribeVpcEndpoints");
    expect(code(foreign)).toBe("InvalidSecretToken");
  });
});

describe("envelopes and routing", () => {
  test("missing Action/Version is MissingParameter 400; an unknown action or version is InvalidActionOrVersion 404", async () => {
    const noAction = await raw({});
    expect([noAction.status, code(noAction.body), noAction.body.ResponseMetadata.Error!.CodeN]).toEqual([
      400,
      "MissingParameter",
      100002,
    ]);
    const unknown = await ve("DescribeVpcGatewayEndpoints");
    expect(unknown.ResponseMetadata.Error).toMatchObject({ Code: "InvalidActionOrVersion", CodeN: 100008 });
    const old = await volcengineClient(emulator.urls.volcengine, primary, { version: "2019-01-01" })(
      "DescribeVpcEndpoints",
    );
    expect(code(old)).toBe("InvalidActionOrVersion");
    const status = await raw({ Action: "NoSuchThing" });
    expect(status.status).toBe(404);
  });

  test("service errors carry the status, Code and Message (no CodeN) plus the call's metadata", async () => {
    const answer = await raw({ Action: "DescribeVpcEndpointAttributes", EndpointId: "ep-nothere" });
    expect(answer.status).toBe(404);
    expect(answer.body.ResponseMetadata).toMatchObject({
      Action: "DescribeVpcEndpointAttributes",
      Version: "2020-04-01",
      Service: "privatelink",
      Region: REGION,
      Error: { Code: "InvalidEndpoint.NotFound", Message: expect.stringContaining("ep-nothere") },
    });
    expect(answer.body.ResponseMetadata.Error!.CodeN).toBeUndefined();
    expect(answer.body.Result).toBeUndefined();
  });

  test("throttling is AccountFlowLimitExceeded 429; a 5xx fault is InternalError in the same envelope", async () => {
    await control.put("/faults", [
      { cloud: "volcengine", operation: "DescribeVpcEndpoints", action: "throttle", next: 1 },
      { cloud: "volcengine", operation: "DescribeVpcEndpoints", action: "error", next: 1 },
      {
        cloud: "volcengine",
        operation: "DescribeVpcEndpoints",
        action: "error",
        code: "ServiceUnavailable",
        next: 1,
      },
    ]);
    const throttled = await raw({ Action: "DescribeVpcEndpoints" });
    expect(throttled.status).toBe(429);
    expect(throttled.body.ResponseMetadata).toMatchObject({
      Action: "DescribeVpcEndpoints",
      Error: { Code: "AccountFlowLimitExceeded", CodeN: 100027 },
    });
    const failed = await raw({ Action: "DescribeVpcEndpoints" });
    expect([failed.status, code(failed.body), failed.body.ResponseMetadata.Error!.CodeN]).toEqual([
      500,
      "InternalError",
      100014,
    ]);
    const unavailable = await raw({ Action: "DescribeVpcEndpoints" });
    expect([unavailable.status, code(unavailable.body)]).toEqual([503, "ServiceUnavailable"]);
    expect((await raw({ Action: "DescribeVpcEndpoints" })).status).toBe(200);
  });

  test("unknown parameters are refused; the request log keeps parameters, never credentials", async () => {
    expect(code(await ve("DescribeVpcEndpoints", { Colour: "red" }))).toBe("InvalidParameter");
    const log = (await control.get("/requests?cloud=volcengine")).body.requests;
    expect(log[0]).toMatchObject({
      operation: "DescribeVpcEndpoints",
      status: 400,
      tenant: primary.accountId,
    });
    expect(JSON.stringify(log)).not.toContain(primary.secretAccessKey);
  });
});

describe("call forms and list encoding", () => {
  test("a form-encoded POST body (createUrlEncodeAPI) is the query form in the body", async () => {
    const serviceId = await createService();
    const service = volcengineService(emulator.urls.volcengine, primary);
    const created = await service.createUrlEncodeAPI("CreateVpcEndpoint")({
      VpcId: vpc1!.id,
      ServiceId: serviceId,
      "SecurityGroupIds.1": groups[0]!,
      "Zones.1.ZoneId": `${REGION}-a`,
      "Zones.1.SubnetId": subnetA!.id,
    } as never);
    const id = (created as unknown as VeResult).Result!.EndpointId as string;
    expect((await describe_(id)).VpcId).toBe(vpc1!.id);
    const disorder = await service.createUrlEncodeAPI("CreateVpcEndpoint")({
      VpcId: vpc1!.id,
      ServiceId: serviceId,
      "SecurityGroupIds.2": groups[0]!,
    } as never);
    expect(code(disorder as unknown as VeResult)).toBe("InvalidIncorrectOrder.Malformed");
  });

  test("resources belong to the scope's region; unsigned calls with auth off use the default region", async () => {
    const serviceId = await createService();
    await createEndpoint(serviceId);
    const beijing = volcengineClient(emulator.urls.volcengine, primary, { region: "cn-beijing" });
    expect((await ok(beijing("DescribeVpcEndpoints"))).TotalCount).toBe(0);
    expect(code(await beijing("DescribeVpcEndpointServiceAttributes", { ServiceId: serviceId }))).toBe(
      "InvalidEndpointService.NotFound",
    );
    const off = await startEmulator({ clouds: ["volcengine"], auth: "off" });
    try {
      const answer = await fetch(`${off.urls.volcengine}/?Action=DescribeVpcEndpoints&Version=2020-04-01`);
      const body = (await answer.json()) as VeResult;
      expect(answer.status).toBe(200);
      expect(body.ResponseMetadata.Region).toBe("cn-guangzhou");
      expect((await controlClient(off.controlUrl).get("/requests")).body.requests).toMatchObject([
        { auth: "skipped", tenant: primary.accountId, region: "cn-guangzhou" },
      ]);
    } finally {
      await off.close();
    }
  });

  test("GET (flattened query) and POST (JSON body) create the same endpoint shape", async () => {
    const serviceId = await createService();
    const viaGet = await createEndpoint(serviceId, { SecurityGroupIds: [groups[0], groups[1]] });
    const viaPost = await ok(
      vePost(
        "CreateVpcEndpoint",
        endpointParams(serviceId, { SecurityGroupIds: [groups[0], groups[1]], EndpointName: "ep-post" }),
      ),
    );
    for (const id of [viaGet, viaPost.EndpointId]) {
      const sgs = await ok(ve("DescribeVpcEndpointSecurityGroups", { EndpointId: id }));
      expect(sgs.SecurityGroupIds).toEqual([groups[0], groups[1]]);
    }
    const zones = await ok(vePost("DescribeVpcEndpointZones", { EndpointId: viaPost.EndpointId }));
    expect(zones.EndpointZones).toMatchObject([{ ZoneId: `${REGION}-a`, SubnetId: subnetA!.id }]);
  });

  test("list indexes must be 1..N without gaps: InvalidZone.Disorder for Zones, InvalidIncorrectOrder.Malformed otherwise", async () => {
    const serviceId = await createService();
    const base = {
      Action: "CreateVpcEndpoint",
      VpcId: vpc1!.id,
      ServiceId: serviceId,
      "SecurityGroupIds.1": groups[0]!,
    };
    const zoneGap = await raw({ ...base, "Zones.2.ZoneId": `${REGION}-a`, "Zones.2.SubnetId": subnetA!.id });
    expect([zoneGap.status, code(zoneGap.body)]).toEqual([400, "InvalidZone.Disorder"]);
    const { "SecurityGroupIds.1": _first, ...withoutFirst } = base;
    const sgGap = await raw({ ...withoutFirst, "SecurityGroupIds.2": groups[0]! });
    expect(code(sgGap.body)).toBe("InvalidIncorrectOrder.Malformed");
    const zeroBased = await raw({ ...base, "Tags.0.Key": "k" });
    expect(code(zeroBased.body)).toBe("InvalidIncorrectOrder.Malformed");
    const leadingZero = await raw({ ...base, "Tags.01.Key": "k" });
    expect(code(leadingZero.body)).toBe("InvalidIncorrectOrder.Malformed");
    // Ten contiguous tags are fine although `Tags.10` sorts before `Tags.2`.
    const tags = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`Tags.${i + 1}.Key`, `k${i + 1}`]));
    const fine = await raw({ ...base, ...tags });
    expect(fine.status).toBe(200);
    const created = await describe_(fine.body.Result!.EndpointId);
    expect(created.Tags).toHaveLength(10);
  });

  test("PrivateDNSEnabled is a string in CreateVpcEndpoint and a boolean in ModifyVpcEndpointAttributes (JSON form)", async () => {
    const serviceId = await createService();
    expect(
      code(await vePost("CreateVpcEndpoint", endpointParams(serviceId, { PrivateDNSEnabled: false }))),
    ).toBe("InvalidParameter");
    const created = await ok(
      vePost("CreateVpcEndpoint", endpointParams(serviceId, { PrivateDNSEnabled: "false" })),
    );
    const id = created.EndpointId as string;
    expect((await describe_(id)).PrivateDNSEnabled).toBe(false);
    expect(
      code(await vePost("ModifyVpcEndpointAttributes", { EndpointId: id, PrivateDNSEnabled: "false" })),
    ).toBe("InvalidParameter");
    await ok(
      vePost("ModifyVpcEndpointAttributes", { EndpointId: id, PrivateDNSEnabled: false, Description: "d" }),
    );
    // Enabling needs a service whose private DNS name is verified.
    expect(
      code(await vePost("ModifyVpcEndpointAttributes", { EndpointId: id, PrivateDNSEnabled: true })),
    ).toBe("InvalidPrivateDNS.UnsupportedOperation");
    const dnsService = await createService(
      { PrivateDNSEnabled: true, PrivateDNSName: "svc.example.com" },
      vePost,
    );
    const withDns = await ok(
      vePost("CreateVpcEndpoint", endpointParams(dnsService, { PrivateDNSEnabled: "true" })),
    );
    expect(await describe_(withDns.EndpointId)).toMatchObject({
      PrivateDNSEnabled: true,
      PrivateDNSName: "svc.example.com",
    });
    expect(
      code(
        await vePost("ModifyVpcEndpointServiceAttributes", {
          ServiceId: dnsService,
          PrivateDNSEnabled: true,
        }),
      ),
    ).toBe("InvalidParameter");
    await ok(
      vePost("ModifyVpcEndpointServiceAttributes", { ServiceId: dnsService, PrivateDNSEnabled: "false" }),
    );
  });
});

describe("endpoints", () => {
  test("DescribeVpcEndpointAttributes shows the fields at the top level and under Endpoint", async () => {
    const serviceId = await createService();
    const id = await createEndpoint(serviceId, {
      Description: "first one",
      Tags: [{ Key: "team", Value: "a" }],
    });
    const got = await describe_(id);
    expect(got).toMatchObject({
      EndpointId: id,
      EndpointName: "ep-test",
      Description: "first one",
      VpcId: vpc1!.id,
      ServiceId: serviceId,
      ServiceName: `com.volces.privatelink.${REGION}.${serviceId}`,
      Status: "Available",
      ConnectionStatus: "Connected",
      PrivateDNSEnabled: false,
      IpAddressVersions: ["ipv4"],
      ProjectName: "default",
      Tags: [{ Key: "team", Value: "a" }],
    });
    expect(id).toMatch(/^ep-[a-z0-9]{25}$/);
    expect(got.Endpoint).toEqual(
      Object.fromEntries(Object.entries(got).filter(([k]) => k !== "Endpoint" && k !== "RequestId")),
    );
    // No name: the id is the name.
    const unnamed = await createEndpoint(serviceId, {
      EndpointName: undefined,
      Zones: [{ ZoneId: `${REGION}-b`, SubnetId: subnetB!.id }],
    });
    expect((await describe_(unnamed)).EndpointName).toBe(unnamed);
  });

  test("DescribeVpcEndpoints filters, pages (default 10, max 100) and counts", async () => {
    const serviceId = await createService();
    const other = await createService({ Resources: [{ ResourceId: clb2!.id }] });
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      ids.push(
        await createEndpoint(i < 11 ? serviceId : other, {
          EndpointName: `ep-${i}`,
          Zones: [{ ZoneId: `${REGION}-${"abc"[i % 3]}`, SubnetId: [subnetA, subnetB, subnetC][i % 3]!.id }],
          Tags: i === 5 ? [{ Key: "pick", Value: "me" }] : [],
        }),
      );
    }
    const first = await ok(ve("DescribeVpcEndpoints"));
    expect([first.Endpoints.length, first.TotalCount, first.PageNumber, first.PageSize]).toEqual([
      10, 12, 1, 10,
    ]);
    const second = await ok(ve("DescribeVpcEndpoints", { PageNumber: 2 }));
    expect(second.Endpoints.map((e: { EndpointId: string }) => e.EndpointId)).toEqual(ids.slice(10));
    expect((await ok(ve("DescribeVpcEndpoints", { PageSize: 100 }))).Endpoints).toHaveLength(12);
    expect(code(await ve("DescribeVpcEndpoints", { PageSize: 101 }))).toBe("InvalidParameter");
    expect((await ok(ve("DescribeVpcEndpoints", { ServiceId: other }))).TotalCount).toBe(1);
    expect((await ok(ve("DescribeVpcEndpoints", { EndpointName: "ep-3" }))).Endpoints[0].EndpointId).toBe(
      ids[3],
    );
    expect(
      (await ok(ve("DescribeVpcEndpoints", { EndpointIds: [ids[0], ids[1], "ep-gone"] }))).TotalCount,
    ).toBe(2);
    const tagged = await ok(
      vePost("DescribeVpcEndpoints", { TagFilters: [{ Key: "pick", Values: ["me"] }] }),
    );
    expect(tagged.Endpoints.map((e: { EndpointId: string }) => e.EndpointId)).toEqual([ids[5]]);
    const tooMany = Array.from({ length: 101 }, (_, i) => `ep-${i}`);
    expect(code(await vePost("DescribeVpcEndpoints", { EndpointIds: tooMany }))).toBe("InvalidParameter");
    // Another account sees none of them.
    expect((await ok(ve2("DescribeVpcEndpoints"))).TotalCount).toBe(0);
  });

  test.each([
    ["a missing VpcId", { VpcId: undefined }, "MissingParameter", 400],
    ["an unknown VPC", { VpcId: "vpc-nothere" }, "InvalidVpc.NotFound", 404],
    ["another account's VPC", { VpcId: net2.vpcs[0]!.id }, "InvalidVpc.NotFound", 404],
    ["no security group", { SecurityGroupIds: [] }, "MissingParameter", 400],
    ["six security groups", { SecurityGroupIds: groups.slice(0, 6) }, "LimitExceed.SecurityGroupNumber", 400],
    [
      "a security group twice",
      { SecurityGroupIds: [groups[0], groups[0]] },
      "InvalidSecurityGroup.Conflict",
      400,
    ],
    [
      "an unknown security group",
      { SecurityGroupIds: ["sg-nothere"] },
      "InvalidSecurityGroupId.NotFound",
      404,
    ],
    [
      "a security group of another VPC",
      { SecurityGroupIds: [groupVpc2] },
      "InvalidSecurityGroup.VpcMismatch",
      400,
    ],
    ["an unknown service", { ServiceId: "epsvc-nothere" }, "InvalidEndpointService.NotFound", 404],
    ["a name starting with a dot", { EndpointName: ".ep" }, "InvalidName.Malformed", 400],
    ["a 129-character name", { EndpointName: "e".repeat(129) }, "InvalidName.Malformed", 400],
    ["a description with a slash", { Description: "a/b" }, "InvalidDescription.Malformed", 400],
    ["a 256-character description", { Description: "d".repeat(256) }, "InvalidDescription.Malformed", 400],
    ["a 65-character ClientToken", { ClientToken: "t".repeat(65) }, "InvalidClientToken.Malformed", 400],
    ["a non-ASCII ClientToken", { ClientToken: "tökén" }, "InvalidClientToken.Malformed", 400],
    ["a malformed ProjectName", { ProjectName: "my project" }, "InvalidProjectName.Malformed", 400],
    [
      "eleven zones",
      { Zones: Array.from({ length: 11 }, () => ({ ZoneId: `${REGION}-a`, SubnetId: subnetA!.id })) },
      "LimitExceed.ZoneNumber",
      400,
    ],
    [
      "one zone twice",
      {
        Zones: [
          { ZoneId: `${REGION}-a`, SubnetId: subnetA!.id },
          { ZoneId: `${REGION}-a`, SubnetId: subnetA2!.id },
        ],
      },
      "InvalidZone.Conflict",
      400,
    ],
    [
      "a subnet of another zone",
      { Zones: [{ ZoneId: `${REGION}-b`, SubnetId: subnetA!.id }] },
      "InvalidSubnet.NotFound",
      404,
    ],
    [
      "a subnet of another VPC",
      { Zones: [{ ZoneId: `${REGION}-a`, SubnetId: subnetVpc2!.id }] },
      "InvalidSubnet.NotFound",
      404,
    ],
    [
      "an address outside the subnet",
      { Zones: [{ ZoneId: `${REGION}-a`, SubnetId: subnetA!.id, PrivateIpAddress: "172.16.1.20" }] },
      "InvalidIP.Malformed",
      400,
    ],
    [
      "a malformed address",
      { Zones: [{ ZoneId: `${REGION}-a`, SubnetId: subnetA!.id, PrivateIpAddress: "172.16.0.300" }] },
      "InvalidIP.Malformed",
      400,
    ],
    [
      "the subnet's broadcast address",
      { Zones: [{ ZoneId: `${REGION}-a`, SubnetId: subnetA!.id, PrivateIpAddress: "172.16.0.255" }] },
      "InvalidIP.Malformed",
      400,
    ],
    ["a zone without its subnet", { Zones: [{ ZoneId: `${REGION}-a` }] }, "MissingParameter", 400],
  ])("create refuses %s", async (_name, extra, errorCode, status) => {
    const serviceId = await createService();
    const params = endpointParams(serviceId, extra);
    const viaRaw = await volcengineSignedFetch(emulator.urls.volcengine, primary, {
      method: "POST",
      query: { Action: "CreateVpcEndpoint", Version: "2020-04-01" },
      body: JSON.stringify(params),
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
    expect([viaRaw.status, code(viaRaw.body)]).toEqual([status, errorCode]);
  });

  test("a fixed address is kept, checked against the subnet and refused when taken (409)", async () => {
    const serviceId = await createService();
    const zones = [{ ZoneId: `${REGION}-a`, SubnetId: subnetA!.id, PrivateIpAddress: "172.16.0.42" }];
    const id = await createEndpoint(serviceId, { Zones: zones });
    const listed = await ok(ve("DescribeVpcEndpointZones", { EndpointId: id }));
    expect(listed.EndpointZones[0]).toMatchObject({
      NetworkInterfaceIP: "172.16.0.42",
      ZoneStatus: "Connected",
    });
    const taken = await raw({
      Action: "CreateVpcEndpoint",
      VpcId: vpc1!.id,
      ServiceId: serviceId,
      "SecurityGroupIds.1": groups[0]!,
      "Zones.1.ZoneId": zones[0]!.ZoneId,
      "Zones.1.SubnetId": zones[0]!.SubnetId,
      "Zones.1.PrivateIpAddress": "172.16.0.42",
    });
    expect([taken.status, code(taken.body)]).toEqual([409, "InvalidIpAddress.InUse"]);
    // Assigned addresses skip taken ones.
    const second = await createEndpoint(serviceId);
    const assigned = (await ok(ve("DescribeVpcEndpointZones", { EndpointId: second }))).EndpointZones[0];
    expect(assigned.NetworkInterfaceIP).toMatch(/^172\.16\.0\.\d+$/);
    expect(assigned.NetworkInterfaceIP).not.toBe("172.16.0.42");
  });

  test("security groups attach and detach one per call; at most five; the last one stays", async () => {
    const serviceId = await createService();
    const id = await createEndpoint(serviceId);
    for (const group of groups.slice(1, 5))
      await ok(ve("AttachSecurityGroupToVpcEndpoint", { EndpointId: id, SecurityGroupId: group }));
    expect(
      code(await ve("AttachSecurityGroupToVpcEndpoint", { EndpointId: id, SecurityGroupId: groups[5] })),
    ).toBe("QuotaExceeded.SecurityGroup");
    expect(
      code(await ve("AttachSecurityGroupToVpcEndpoint", { EndpointId: id, SecurityGroupId: groups[1] })),
    ).toBe("InvalidSecurityGroup.Conflict");
    expect(
      code(await ve("AttachSecurityGroupToVpcEndpoint", { EndpointId: id, SecurityGroupId: groupVpc2 })),
    ).toBe("InvalidSecurityGroup.VpcMismatch");
    for (const group of groups.slice(0, 4))
      await ok(ve("DetachSecurityGroupFromVpcEndpoint", { EndpointId: id, SecurityGroupId: group }));
    expect((await ok(ve("DescribeVpcEndpointSecurityGroups", { EndpointId: id }))).SecurityGroupIds).toEqual([
      groups[4],
    ]);
    expect(
      code(await ve("DetachSecurityGroupFromVpcEndpoint", { EndpointId: id, SecurityGroupId: groups[4] })),
    ).toBe("LimitExceed.SecurityGroupNumber");
  });

  test("zones are added and removed one per call, in zones the service serves", async () => {
    const serviceId = await createService({
      Resources: [{ ResourceId: clb1!.id, ZoneIds: [`${REGION}-a`, `${REGION}-b`] }],
    });
    const id = await createEndpoint(serviceId);
    expect(
      code(
        await ve("AddZoneToVpcEndpoint", { EndpointId: id, ZoneId: `${REGION}-c`, SubnetId: subnetC!.id }),
      ),
    ).toBe("ErrEndpointServiceNotSupportedZone");
    expect(
      code(
        await ve("AddZoneToVpcEndpoint", { EndpointId: id, ZoneId: `${REGION}-a`, SubnetId: subnetA2!.id }),
      ),
    ).toBe("EndpointZoneDuplicated");
    await ok(
      ve("AddZoneToVpcEndpoint", {
        EndpointId: id,
        ZoneId: `${REGION}-b`,
        SubnetId: subnetB!.id,
        PrivateIpAddress: "172.16.1.7",
      }),
    );
    const zones = await ok(ve("DescribeVpcEndpointZones", { EndpointId: id }));
    expect(zones.EndpointZones.map((z: { ZoneId: string }) => z.ZoneId)).toEqual([
      `${REGION}-a`,
      `${REGION}-b`,
    ]);
    expect(zones.TotalCount).toBe(2);
    await ok(ve("RemoveZoneFromVpcEndpoint", { EndpointId: id, ZoneId: `${REGION}-a` }));
    expect((await ok(ve("DescribeVpcEndpointZones", { EndpointId: id }))).EndpointZones).toMatchObject([
      { ZoneId: `${REGION}-b`, NetworkInterfaceIP: "172.16.1.7" },
    ]);
  });
});

describe("state machines", () => {
  test("endpoint: Creating → Available; each change Available → Pending → Available; busy calls refused", async () => {
    const serviceId = await createService();
    // manual:2 — every second read moves one step, so each state is seen once.
    await manual("volcengine::privatelink_endpoint", 2);
    const id = await createEndpoint(serviceId);
    const busy = await raw({ Action: "ModifyVpcEndpointAttributes", EndpointId: id, Description: "x" });
    expect([busy.status, code(busy.body)]).toEqual([400, "InvalidEndpoint.InvalidStatus"]);
    expect((await describe_(id)).Status).toBe("Creating");
    expect((await describe_(id)).Status).toBe("Available");
    for (const [action, params] of [
      ["ModifyVpcEndpointAttributes", { EndpointName: "renamed" }],
      ["AttachSecurityGroupToVpcEndpoint", { SecurityGroupId: groups[1] }],
      ["DetachSecurityGroupFromVpcEndpoint", { SecurityGroupId: groups[1] }],
      ["AddZoneToVpcEndpoint", { ZoneId: `${REGION}-b`, SubnetId: subnetB!.id }],
      ["RemoveZoneFromVpcEndpoint", { ZoneId: `${REGION}-b` }],
    ] as const) {
      await ok(ve(action, { EndpointId: id, ...params }));
      // The next change is refused until the endpoint is Available again.
      expect(code(await ve("ModifyVpcEndpointAttributes", { EndpointId: id, Description: "again" }))).toBe(
        "InvalidEndpoint.InvalidStatus",
      );
      expect(code(await ve("DeleteVpcEndpoint", { EndpointId: id }))).toBe("InvalidEndpoint.InvalidStatus");
      expect([(await describe_(id)).Status, (await describe_(id)).Status]).toEqual(["Pending", "Available"]);
    }
    expect((await describe_(id)).EndpointName).toBe("renamed");
  });

  test("endpoint statuses as reads see them, including delete: Pending → Deleting → gone", async () => {
    const serviceId = await createService();
    await manual("volcengine::privatelink_endpoint", 2);
    const id = await createEndpoint(serviceId);
    const seen: string[] = [];
    for (let i = 0; i < 2; i += 1) seen.push((await describe_(id)).Status);
    expect(seen).toEqual(["Creating", "Available"]);
    await ok(ve("ModifyVpcEndpointAttributes", { EndpointId: id, Description: "changed" }));
    const change: string[] = [];
    for (let i = 0; i < 2; i += 1) change.push((await describe_(id)).Status);
    expect(change).toEqual(["Pending", "Available"]);
    await ok(ve("DeleteVpcEndpoint", { EndpointId: id }));
    // A repeated delete while deleting is accepted.
    await ok(ve("DeleteVpcEndpoint", { EndpointId: id }));
    const gone: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const answer = await ve("DescribeVpcEndpointAttributes", { EndpointId: id });
      gone.push(answer.Result?.Status ?? code(answer)!);
    }
    expect(gone).toEqual(["Pending", "Deleting", "Deleting", "InvalidEndpoint.NotFound"]);
    const after = await raw({ Action: "DeleteVpcEndpoint", EndpointId: id });
    expect([after.status, code(after.body)]).toEqual([404, "InvalidEndpoint.NotFound"]);
  });

  test("Inactive is reachable through the control API and can still be deleted", async () => {
    const serviceId = await createService();
    const id = await createEndpoint(serviceId);
    expect((await control.post(`/resources/${id}/state`, { status: "failed" })).status).toBe(200);
    expect((await describe_(id)).Status).toBe("Inactive");
    expect(code(await ve("ModifyVpcEndpointAttributes", { EndpointId: id, Description: "x" }))).toBe(
      "InvalidEndpoint.InvalidStatus",
    );
    await ok(ve("DeleteVpcEndpoint", { EndpointId: id }));
    expect(code(await ve("DescribeVpcEndpointAttributes", { EndpointId: id }))).toBe(
      "InvalidEndpoint.NotFound",
    );
  });

  test("connection: PendingAcceptance until enabled (Connecting → Connected); disabled → Rejected", async () => {
    const serviceId = await createService({ AutoAcceptEnabled: false });
    await manual("volcengine::privatelink_connection", 2);
    const id = await createEndpoint(serviceId);
    // Available is not connected: the connection waits for the owner.
    expect(await describe_(id)).toMatchObject({ Status: "Available", ConnectionStatus: "PendingAcceptance" });
    expect((await describe_(id)).ConnectionStatus).toBe("PendingAcceptance");
    await ok(ve("EnableVpcEndpointConnection", { ServiceId: serviceId, EndpointId: id }));
    const connections = await ok(ve("DescribeVpcEndpointConnections", { ServiceId: serviceId }));
    expect(connections.EndpointConnections).toMatchObject([
      {
        EndpointId: id,
        ConnectionStatus: "Connecting",
        EndpointOwnerAccountId: primary.accountId,
        EndpointVpcId: vpc1!.id,
        Zones: [{ ZoneId: `${REGION}-a`, ZoneStatus: "Connecting" }],
      },
    ]);
    expect(code(await ve("DisableVpcEndpointConnection", { ServiceId: serviceId, EndpointId: id }))).toBe(
      "UnsupportedOperation.ConnectionStatus",
    );
    expect((await describe_(id)).ConnectionStatus).toBe("Connected");
    // Enabling a connected endpoint again changes nothing.
    await ok(ve("EnableVpcEndpointConnection", { ServiceId: serviceId, EndpointId: id }));
    await ok(ve("DisableVpcEndpointConnection", { ServiceId: serviceId, EndpointId: id }));
    expect([(await describe_(id)).ConnectionStatus, (await describe_(id)).ConnectionStatus]).toEqual([
      "Disconnecting",
      "Rejected",
    ]);
    expect((await describe_(id)).Status).toBe("Available");
    expect(
      code(await ve("EnableVpcEndpointConnection", { ServiceId: serviceId, EndpointId: "ep-nothere" })),
    ).toBe("InvalidEndpoint.NotFound");
    // An auto-accepting service connects without the owner.
    await control.delete("/transitions?model=volcengine::privatelink_connection");
    const auto = await createService();
    const autoId = await createEndpoint(auto, { Zones: [{ ZoneId: `${REGION}-b`, SubnetId: subnetB!.id }] });
    expect((await describe_(autoId)).ConnectionStatus).toBe("Connected");
  });

  test("service: Creating → Available, Pending during changes; busy calls refused; deleting leaves endpoints ServiceDeleted", async () => {
    await manual("volcengine::privatelink_endpoint_service", 2);
    const serviceId = await createService();
    const busy = await raw({
      Action: "ModifyVpcEndpointServiceAttributes",
      ServiceId: serviceId,
      Description: "x",
    });
    expect([busy.status, code(busy.body)]).toEqual([400, "InvalidEndpointService.InvalidStatus"]);
    // Creating an endpoint against a service that is not Available is refused by the service.
    const early = await ve("CreateVpcEndpoint", endpointParams(serviceId));
    expect(code(early)).toBe("InvalidEndpointService.InvalidLock");
    expect((await ok(ve("DescribeVpcEndpointServiceAttributes", { ServiceId: serviceId }))).Status).toBe(
      "Creating",
    );
    expect((await ok(ve("DescribeVpcEndpointServiceAttributes", { ServiceId: serviceId }))).Status).toBe(
      "Available",
    );
    await ok(
      ve("ModifyVpcEndpointServiceAttributes", {
        ServiceId: serviceId,
        AutoAcceptEnabled: false,
        Description: "svc",
      }),
    );
    expect(
      code(await ve("AttachResourceToVpcEndpointService", { ServiceId: serviceId, ResourceId: clb2!.id })),
    ).toBe("InvalidEndpointService.InvalidStatus");
    const after = await ok(ve("DescribeVpcEndpointServiceAttributes", { ServiceId: serviceId }));
    expect(after).toMatchObject({ Status: "Pending", AutoAcceptEnabled: false, Description: "svc" });
    expect((await ok(ve("DescribeVpcEndpointServiceAttributes", { ServiceId: serviceId }))).Status).toBe(
      "Available",
    );
    await control.delete("/transitions?model=volcengine::privatelink_endpoint_service");
    const id = await createEndpoint(serviceId);
    await ok(ve("DeleteVpcEndpointService", { ServiceId: serviceId }));
    expect(code(await ve("DescribeVpcEndpointServiceAttributes", { ServiceId: serviceId }))).toBe(
      "InvalidEndpointService.NotFound",
    );
    expect((await describe_(id)).ConnectionStatus).toBe("ServiceDeleted");
  });
});

describe("ClientToken", () => {
  test("same token and parameters → same id; different parameters → IdempotentParameterMismatch; no token → no check", async () => {
    const serviceId = await createService();
    const token = "123e4567-e89b-12d3-a456-426655440000";
    const params = endpointParams(serviceId, { ClientToken: token });
    const first = await ok(ve("CreateVpcEndpoint", params));
    // The JSON form of the same request is the same request.
    const again = await ok(vePost("CreateVpcEndpoint", params));
    expect(again.EndpointId).toBe(first.EndpointId);
    const mismatch = await raw({
      Action: "CreateVpcEndpoint",
      VpcId: vpc1!.id,
      ServiceId: serviceId,
      "SecurityGroupIds.1": groups[1]!,
      ClientToken: token,
    });
    expect([mismatch.status, code(mismatch.body)]).toEqual([400, "IdempotentParameterMismatch"]);
    expect((await ok(ve("DescribeVpcEndpoints"))).TotalCount).toBe(1);
    const { ClientToken: _t, ...untokened } = params;
    await ok(
      ve("CreateVpcEndpoint", { ...untokened, Zones: [{ ZoneId: `${REGION}-b`, SubnetId: subnetB!.id }] }),
    );
    await ok(
      ve("CreateVpcEndpoint", { ...untokened, Zones: [{ ZoneId: `${REGION}-c`, SubnetId: subnetC!.id }] }),
    );
    expect((await ok(ve("DescribeVpcEndpoints"))).TotalCount).toBe(3);
    // Services replay the same way.
    const svcParams = {
      Resources: [{ ResourceId: alb1!.id }],
      ServiceResourceType: "ALB",
      ClientToken: "svc-token-1",
    };
    const svc = await ok(ve("CreateVpcEndpointService", svcParams));
    expect((await ok(ve("CreateVpcEndpointService", svcParams))).ServiceId).toBe(svc.ServiceId);
    expect(code(await ve("CreateVpcEndpointService", { ...svcParams, Description: "other" }))).toBe(
      "IdempotentParameterMismatch",
    );
  });

  test("a create whose answer was lost still happened: the resend with the same token gets its id", async () => {
    const serviceId = await createService();
    await control.put("/faults", [
      { cloud: "volcengine", operation: "CreateVpcEndpoint", action: "lostReply", next: 1 },
    ]);
    const params = endpointParams(serviceId, { ClientToken: "lost-answer-token" });
    await expect(ve("CreateVpcEndpoint", params)).rejects.toThrow();
    const listed = await ok(ve("DescribeVpcEndpoints"));
    expect(listed.TotalCount).toBe(1);
    const resent = await ok(ve("CreateVpcEndpoint", params));
    expect(resent.EndpointId).toBe(listed.Endpoints[0].EndpointId);
    expect((await ok(ve("DescribeVpcEndpoints"))).TotalCount).toBe(1);
  });

  test("replayWhileCreating: processing answers IdempotentProcessing 412 while the object is Creating", async () => {
    const other = await startEmulator({
      clouds: ["volcengine"],
      defaultProgression: "time:60000",
      cloudOptions: { volcengine: { replayWhileCreating: "processing" } },
    });
    try {
      const call = volcengineClient(other.urls.volcengine, primary);
      const params = { Resources: [{ ResourceId: clb1!.id }], ClientToken: "slow-token" };
      const first = await ok(call("CreateVpcEndpointService", params));
      const processing = await volcengineSignedFetch(other.urls.volcengine, primary, {
        query: {
          Action: "CreateVpcEndpointService",
          Version: "2020-04-01",
          "Resources.1.ResourceId": clb1!.id,
          ClientToken: "slow-token",
        },
      });
      expect([processing.status, code(processing.body)]).toEqual([412, "IdempotentProcessing"]);
      // Once the clock has moved the object to Available, the replay answers its id.
      await controlClient(other.controlUrl).post("/clock/advance", { ms: 60000 });
      expect((await ok(call("CreateVpcEndpointService", params))).ServiceId).toBe(first.ServiceId);
      expect((await ok(call("DescribeVpcEndpointServices"))).TotalCount).toBe(1);
    } finally {
      await other.close();
    }
  });
});

describe("services", () => {
  test("create answers only the id; describe shows the documented fields; list filters and pages", async () => {
    const created = await ve("CreateVpcEndpointService", {
      Resources: [{ ResourceId: clb1!.id }],
      AutoAcceptEnabled: false,
      Description: "my service",
      Tags: [{ Key: "env", Value: "prod" }],
    });
    expect(Object.keys(created.Result!).sort()).toEqual(["RequestId", "ServiceId"]);
    const id = created.Result!.ServiceId as string;
    expect(id).toMatch(/^epsvc-[a-z0-9]{25}$/);
    expect(await ok(ve("DescribeVpcEndpointServiceAttributes", { ServiceId: id }))).toMatchObject({
      ServiceId: id,
      ServiceName: `com.volces.privatelink.${REGION}.${id}`,
      ServiceType: "Interface",
      ServiceResourceType: "CLB",
      ServiceOwner: primary.accountId,
      Status: "Available",
      AutoAcceptEnabled: false,
      Description: "my service",
      IpAddressVersions: ["ipv4"],
      PrivateDNSEnabled: false,
      ZoneIds: [`${REGION}-a`, `${REGION}-b`, `${REGION}-c`],
      Tags: [{ Key: "env", Value: "prod" }],
    });
    for (let i = 0; i < 11; i += 1) await createService();
    const page = await ok(ve("DescribeVpcEndpointServices", { PageNumber: 2, PageSize: 5 }));
    expect([page.VpcEndpointServices.length, page.TotalCount]).toEqual([5, 12]);
    const tagged = await ok(vePost("DescribeVpcEndpointServices", { TagFilters: [{ Key: "env" }] }));
    expect(tagged.VpcEndpointServices.map((s: { ServiceId: string }) => s.ServiceId)).toEqual([id]);
    expect((await ok(ve("DescribeVpcEndpointServices", { ServiceIds: [id] }))).TotalCount).toBe(1);
  });

  test.each([
    ["no resources", { Resources: undefined }, "MissingParameter"],
    [
      "an unknown resource",
      { Resources: [{ ResourceId: "clb-nothere" }] },
      "InvalidServiceResource.NotFound",
    ],
    ["an ALB behind a CLB service", { Resources: [{ ResourceId: alb1!.id }] }, "InvalidParameter"],
    ["an unknown resource type", { ServiceResourceType: "NLB" }, "InvalidParameter"],
    [
      "a zone the backend lacks",
      { Resources: [{ ResourceId: clb1!.id, ZoneIds: ["cn-beijing-a"] }] },
      "ErrEndpointServiceNotSupportedZone",
    ],
    ["a bad description", { Description: "-starts-with-dash" }, "InvalidDescription.Malformed"],
  ])("create refuses %s", async (_name, extra, errorCode) => {
    const answer = await vePost("CreateVpcEndpointService", {
      Resources: [{ ResourceId: clb1!.id }],
      ...extra,
    });
    expect(code(answer)).toBe(errorCode);
  });

  test("backends attach and detach one per call; at least one must remain", async () => {
    const id = await createService();
    await ok(
      ve("AttachResourceToVpcEndpointService", {
        ServiceId: id,
        ResourceId: clb2!.id,
        ZoneIds: [`${REGION}-a`],
      }),
    );
    const rows = await ok(ve("DescribeVpcEndpointServiceResources", { ServiceId: id }));
    expect(rows.TotalCount).toBe(4);
    expect(
      (await ok(ve("DescribeVpcEndpointServiceResources", { ServiceId: id, ZoneId: `${REGION}-a` })))
        .Resources,
    ).toEqual([
      { ResourceId: clb1!.id, ResourceType: "CLB", ZoneId: `${REGION}-a` },
      { ResourceId: clb2!.id, ResourceType: "CLB", ZoneId: `${REGION}-a` },
    ]);
    await ok(ve("DetachResourceFromVpcEndpointService", { ServiceId: id, ResourceId: clb1!.id }));
    expect(
      code(await ve("DetachResourceFromVpcEndpointService", { ServiceId: id, ResourceId: clb2!.id })),
    ).toBe("InvalidParameter");
    expect(
      code(await ve("DetachResourceFromVpcEndpointService", { ServiceId: id, ResourceId: clb1!.id })),
    ).toBe("InvalidServiceResource.NotFound");
  });
});

describe("permissions and the second account", () => {
  test("a consumer account needs the owner's permission; the owner sees its connections", async () => {
    const serviceId = await createService({ AutoAcceptEnabled: false });
    const consumer = {
      VpcId: net2.vpcs[0]!.id,
      ServiceId: serviceId,
      SecurityGroupIds: [net2.securityGroups[0]!.id],
      Zones: [{ ZoneId: `${REGION}-a`, SubnetId: net2.subnets[0]!.id }],
    };
    expect(code(await ve2("CreateVpcEndpoint", consumer))).toBe("EndpointServiceNotAuthorized");
    // The consumer's own network, not the owner's: the owner's VPC is not found for it.
    expect(code(await ve2("CreateVpcEndpoint", { ...consumer, VpcId: vpc1!.id }))).toBe(
      "InvalidVpc.NotFound",
    );
    expect(
      code(
        await ve("AddPermissionToVpcEndpointService", { ServiceId: serviceId, PermitAccountId: "not-an-id" }),
      ),
    ).toBe("InvalidPermitAccountId.Malformed");
    await ok(
      ve("AddPermissionToVpcEndpointService", { ServiceId: serviceId, PermitAccountId: secondary.accountId }),
    );
    await ok(
      ve("AddPermissionToVpcEndpointService", { ServiceId: serviceId, PermitAccountId: secondary.accountId }),
    );
    const created = await ok(ve2("CreateVpcEndpoint", consumer));
    const mine = await ok(ve2("DescribeVpcEndpointAttributes", { EndpointId: created.EndpointId }));
    expect(mine).toMatchObject({ ServiceId: serviceId, ConnectionStatus: "PendingAcceptance" });
    // The owner neither sees the consumer's endpoint as its own nor may the consumer read the service.
    expect(code(await ve("DescribeVpcEndpointAttributes", { EndpointId: created.EndpointId }))).toBe(
      "InvalidEndpoint.NotFound",
    );
    expect(code(await ve2("DescribeVpcEndpointServiceAttributes", { ServiceId: serviceId }))).toBe(
      "InvalidEndpointService.NotFound",
    );
    const connections = await ok(
      ve("DescribeVpcEndpointConnections", {
        ServiceId: serviceId,
        EndpointOwnerAccountId: secondary.accountId,
      }),
    );
    expect(connections.EndpointConnections).toMatchObject([
      {
        EndpointId: created.EndpointId,
        EndpointOwnerAccountId: secondary.accountId,
        ConnectionStatus: "PendingAcceptance",
      },
    ]);
    await ok(ve("EnableVpcEndpointConnection", { ServiceId: serviceId, EndpointId: created.EndpointId }));
    expect(
      (await ok(ve2("DescribeVpcEndpointAttributes", { EndpointId: created.EndpointId }))).ConnectionStatus,
    ).toBe("Connected");
    // The consumer cannot accept for the owner.
    expect(
      code(
        await ve2("EnableVpcEndpointConnection", { ServiceId: serviceId, EndpointId: created.EndpointId }),
      ),
    ).toBe("InvalidEndpointService.NotFound");
  });

  test("the consumer view lists the services an account may connect to; owners set connection limits", async () => {
    const shared = await createService({ Tags: [{ Key: "owner-only", Value: "x" }] });
    await createService();
    expect((await ok(ve2("DescribeVpcEndpointServicesByEndUser"))).TotalCount).toBe(0);
    await ok(
      ve("AddPermissionToVpcEndpointService", { ServiceId: shared, PermitAccountId: secondary.accountId }),
    );
    const visible = await ok(ve2("DescribeVpcEndpointServicesByEndUser"));
    expect(visible.VpcEndpointServices).toMatchObject([
      {
        ServiceId: shared,
        ServiceOwner: primary.accountId,
        ServiceName: `com.volces.privatelink.${REGION}.${shared}`,
        Tags: [],
      },
    ]);
    const byName = await ok(
      ve2("DescribeVpcEndpointServicesByEndUser", {
        ServiceName: `com.volces.privatelink.${REGION}.${shared}`,
      }),
    );
    expect(byName.TotalCount).toBe(1);
    expect((await ok(ve("DescribeVpcEndpointServicesByEndUser"))).TotalCount).toBe(2);
    const endpoint = await ok(
      ve2("CreateVpcEndpoint", {
        VpcId: net2.vpcs[0]!.id,
        ServiceName: `com.volces.privatelink.${REGION}.${shared}`,
        SecurityGroupIds: [net2.securityGroups[0]!.id],
        Zones: [{ ZoneId: `${REGION}-a`, SubnetId: net2.subnets[0]!.id }],
      }),
    );
    await ok(
      ve("ModifyVpcEndpointConnections", { ServiceId: shared, EndpointId: endpoint.EndpointId, Bps: 100 }),
    );
    const connections = await ok(ve("DescribeVpcEndpointConnections", { ServiceId: shared }));
    expect(connections.EndpointConnections).toMatchObject([{ EndpointId: endpoint.EndpointId, Bps: 100 }]);
  });

  test("permissions are paged and removed one per call", async () => {
    const serviceId = await createService();
    const accounts = Array.from({ length: 12 }, (_, i) => String(2200000000 + i));
    for (const account of accounts)
      await ok(ve("AddPermissionToVpcEndpointService", { ServiceId: serviceId, PermitAccountId: account }));
    const first = await ok(ve("DescribeVpcEndpointServicePermissions", { ServiceId: serviceId }));
    expect([first.Permissions.length, first.TotalCount]).toEqual([10, 12]);
    const second = await ok(
      ve("DescribeVpcEndpointServicePermissions", { ServiceId: serviceId, PageNumber: 2 }),
    );
    expect(second.Permissions).toEqual(accounts.slice(10).map((PermitAccountId) => ({ PermitAccountId })));
    await ok(
      ve("RemovePermissionFromVpcEndpointService", { ServiceId: serviceId, PermitAccountId: accounts[0] }),
    );
    const one = await ok(
      ve("DescribeVpcEndpointServicePermissions", { ServiceId: serviceId, PermitAccountId: accounts[0] }),
    );
    expect(one.TotalCount).toBe(0);
  });
});

describe("tags", () => {
  test("TagResources, UntagResources and ListTagsForResources on endpoints and services", async () => {
    const serviceId = await createService();
    const id = await createEndpoint(serviceId, { Tags: [{ Key: "a", Value: "1" }] });
    await ok(
      ve("TagResources", {
        ResourceIds: [id],
        ResourceType: "endpoint",
        Tags: [
          { Key: "b", Value: "2" },
          { Key: "a", Value: "9" },
        ],
      }),
    );
    await ok(
      ve("TagResources", {
        ResourceIds: [serviceId],
        ResourceType: "endpointservice",
        Tags: [{ Key: "svc", Value: "" }],
      }),
    );
    const listed = await ok(ve("ListTagsForResources", { ResourceIds: [id], ResourceType: "endpoint" }));
    expect(listed.ResourceTags).toEqual([
      { ResourceId: id, ResourceType: "endpoint", TagKey: "a", TagValue: "9" },
      { ResourceId: id, ResourceType: "endpoint", TagKey: "b", TagValue: "2" },
    ]);
    const paged = await ok(ve("ListTagsForResources", { ResourceType: "endpoint", MaxResults: 1 }));
    expect(paged.ResourceTags).toHaveLength(1);
    const rest = await ok(
      ve("ListTagsForResources", { ResourceType: "endpoint", MaxResults: 1, NextToken: paged.NextToken }),
    );
    expect([rest.ResourceTags[0].TagKey, rest.NextToken]).toEqual(["b", ""]);
    await ok(ve("UntagResources", { ResourceIds: [id], ResourceType: "endpoint", TagKeys: ["a", "nope"] }));
    expect((await describe_(id)).Tags).toEqual([{ Key: "b", Value: "2" }]);
    expect((await ok(ve("DescribeVpcEndpointServiceAttributes", { ServiceId: serviceId }))).Tags).toEqual([
      { Key: "svc", Value: "" },
    ]);
    expect(
      code(
        await ve("TagResources", {
          ResourceIds: [id],
          ResourceType: "vpc",
          Tags: [{ Key: "x", Value: "y" }],
        }),
      ),
    ).toBe("InvalidParameter");
    expect(
      code(
        await ve("TagResources", {
          ResourceIds: ["ep-nothere"],
          ResourceType: "endpoint",
          Tags: [{ Key: "x" }],
        }),
      ),
    ).toBe("InvalidEndpoint.NotFound");
  });

  test.each([
    [
      "21 tags in one call",
      { Tags: Array.from({ length: 21 }, (_, i) => ({ Key: `k${i}`, Value: "v" })) },
      "LimitExceeded.TagOperation",
    ],
    ["a volc: key", { Tags: [{ Key: "volc:owner", Value: "v" }] }, "InvalidTagKey.Malformed"],
    ["a VOLC: key (any case)", { Tags: [{ Key: "VOLC:owner", Value: "v" }] }, "InvalidTagKey.Malformed"],
    ["a Sys: key", { Tags: [{ Key: "Sys:x", Value: "v" }] }, "InvalidTagKey.Malformed"],
    ["a key with a leading space", { Tags: [{ Key: " k", Value: "v" }] }, "InvalidTagKey.Malformed"],
    ["a key with a comma", { Tags: [{ Key: "a,b", Value: "v" }] }, "InvalidTagKey.Malformed"],
    ["a 129-character key", { Tags: [{ Key: "k".repeat(129), Value: "v" }] }, "InvalidTagKey.Malformed"],
    [
      "a key twice",
      {
        Tags: [
          { Key: "k", Value: "1" },
          { Key: "k", Value: "2" },
        ],
      },
      "InvalidTagKey.Malformed",
    ],
    ["a value without its key", { Tags: [{ Value: "v" }] }, "InvalidTagKey.Malformed"],
    ["a value with a trailing space", { Tags: [{ Key: "k", Value: "v " }] }, "InvalidTagValue.Malformed"],
    ["a 257-character value", { Tags: [{ Key: "k", Value: "v".repeat(257) }] }, "InvalidTagValue.Malformed"],
    ["a value with a star", { Tags: [{ Key: "k", Value: "a*b" }] }, "InvalidTagValue.Malformed"],
  ])("tags refuse %s (create and TagResources alike)", async (_name, extra, errorCode) => {
    const serviceId = await createService();
    expect(code(await vePost("CreateVpcEndpoint", endpointParams(serviceId, extra)))).toBe(errorCode);
    expect(
      code(
        await vePost("TagResources", { ResourceIds: [serviceId], ResourceType: "endpointservice", ...extra }),
      ),
    ).toBe(errorCode);
  });

  test("allowed tag characters: letters, digits, space and _ . : / = + - @ (keys up to 128, values up to 256)", async () => {
    const serviceId = await createService();
    const tags = [
      { Key: "team name_1.a:b/c=d+e-f@g", Value: "Value with space_.:/=+-@" },
      { Key: "k".repeat(128), Value: "v".repeat(256) },
      { Key: "环境", Value: "生产" },
    ];
    const id = await createEndpoint(serviceId, { Tags: tags });
    expect((await describe_(id)).Tags).toEqual(tags);
  });
});
