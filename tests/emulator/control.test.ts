/**
 * The control API: health, request log, reset, resources and forced states, credentials,
 * snapshots, auth modes and deterministic ids.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { controlClient, HW_IDS, huaweiClient, tencentClient } from "./helpers.js";

const hwPrimary = EMULATOR_CREDENTIALS.huaweicloud.primary;
const tcPrimary = EMULATOR_CREDENTIALS.tencentcloud.primary;

let emulator: RunningEmulator;
let hw: ReturnType<typeof huaweiClient>;
let tc: ReturnType<typeof tencentClient>;
let control: ReturnType<typeof controlClient>;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "vpcep-emulator-"));
  emulator = await startEmulator();
  hw = huaweiClient(emulator.urls.huaweicloud, hwPrimary);
  tc = tencentClient(emulator.urls.tencentcloud, tcPrimary);
  control = controlClient(emulator.controlUrl);
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => control.post("/reset"));

const serviceBody = {
  port_id: HW_IDS.port,
  vpc_id: HW_IDS.vpc,
  server_type: "VM",
  ports: [{ client_port: 1, server_port: 1 }],
};
const tcService = {
  VpcId: "vpc-hj3he929",
  EndPointServiceName: "svc",
  AutoAcceptFlag: false,
  ServiceInstanceId: "lb-p1hiksdg",
};

test("health answers on every cloud port", async () => {
  for (const url of Object.values(emulator.urls)) {
    const health = await controlClient(`${url}/_emulator`).get("/health");
    expect(health.body).toMatchObject({
      status: "ok",
      clouds: ["huaweicloud", "tencentcloud", "opentelekomcloud", "volcengine"],
      authMode: "strict",
    });
  }
});

test("the request log filters by cloud and operation and never holds credentials", async () => {
  await hw("POST", "/vpc-endpoint-services", { body: serviceBody });
  await hw("GET", "/vpc-endpoint-services");
  await tc("CreateVpcEndPointService", tcService);
  const all = await control.get("/requests");
  expect(all.body.requests).toHaveLength(3);
  expect(all.body.requests[0]).toMatchObject({
    seq: expect.any(Number),
    time: expect.any(String),
    cloud: "huaweicloud",
    method: "POST",
    operation: "CreateEndpointService",
    tenant: hwPrimary.projectId,
    region: "cn-north-4",
    status: 200,
    auth: "ok",
    requestBody: serviceBody,
  });
  expect((await control.get("/requests?cloud=tencentcloud")).body.requests).toMatchObject([
    {
      operation: "CreateVpcEndPointService",
      tenant: tcPrimary.uin,
      region: "ap-guangzhou",
      requestBody: tcService,
    },
  ]);
  expect((await control.get("/requests?operation=ListEndpointServices")).body.requests).toHaveLength(1);
  const text = JSON.stringify(all.body).toLowerCase();
  for (const secret of [hwPrimary.secretKey, tcPrimary.secretKey, "signature=", "authorization", "hmac"]) {
    expect(text).not.toContain(secret.toLowerCase());
  }
  await control.delete("/requests");
  expect((await control.get("/requests")).body.requests).toEqual([]);
});

test("reset ?cloud= clears only that cloud", async () => {
  await hw("POST", "/vpc-endpoint-services", { body: serviceBody });
  await tc("CreateVpcEndPointService", tcService);
  await control.post("/reset?cloud=tencentcloud");
  const resources = await control.get("/resources");
  expect(resources.body.resources.map((r: { cloud: string }) => r.cloud)).toEqual(["huaweicloud"]);
  expect((await control.post("/reset?cloud=aws")).status).toBe(400);
});

test("forced states use each cloud's spelling or a neutral alias; DELETE removes out of band", async () => {
  const created = await tc("CreateVpcEndPointService", { ...tcService, AutoAcceptFlag: true });
  const serviceId = (created.response!.EndPointService as Record<string, string>).EndPointServiceId;
  const endpoint = await tc("CreateVpcEndPoint", {
    VpcId: "vpc-coekkqtd",
    SubnetId: "subnet-4t7fr3fi",
    EndPointName: "e",
    EndPointServiceId: serviceId,
  });
  const id = (endpoint.response!.EndPoint as Record<string, string>).EndPointId!;
  expect((await control.post(`/resources/${id}/state`, { status: "rejected" })).body.status).toBe("REJECTED");
  const described = await tc("DescribeVpcEndPoint", { EndPointId: [id] });
  expect((described.response!.EndPointSet as Record<string, string>[])[0]!.State).toBe("REJECTED");
  expect((await control.post(`/resources/${id}/state`, { status: "deleting" })).status).toBe(400);
  expect((await control.get(`/resources/${id}`)).body).toMatchObject({
    id,
    model: "tencent::endpoint",
    tenant: tcPrimary.uin,
  });
  await control.delete(`/resources/${id}`);
  expect((await tc("DescribeVpcEndPoint", { EndPointId: [id] })).code).toBe("ResourceNotFound");
  expect((await control.get(`/resources/${id}`)).status).toBe(404);
});

test("credentials added at runtime sign like the defaults", async () => {
  const added = {
    cloud: "huaweicloud",
    accessKey: "VPCEPEMULATORHWAK0003",
    secretKey: "third-secret",
    projectId: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    domainId: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
  };
  expect((await control.post("/credentials", added)).status).toBe(201);
  const third = huaweiClient(emulator.urls.huaweicloud, added);
  expect((await third("GET", "/vpc-endpoints")).status).toBe(200);
  const listed = await control.get("/credentials");
  expect(JSON.stringify(listed.body)).not.toContain("third-secret");
  expect((await control.post("/credentials", { ...added, projectId: "short" })).status).toBe(400);
});

test("unknown control endpoints are JSON 404s; save without a state file is 409", async () => {
  const missing = await control.get("/nothing");
  expect(missing.status).toBe(404);
  expect(missing.body.error).toEqual(expect.any(String));
  expect((await control.post("/state/save")).status).toBe(409);
});

test("snapshots round-trip: resources, ids to come and overrides survive a restart", async () => {
  const file = join(dir, "state.json");
  const first = await startEmulator({ stateFile: file });
  const call = huaweiClient(first.urls.huaweicloud, hwPrimary);
  const ctl = controlClient(first.controlUrl);
  const service = await call("POST", "/vpc-endpoint-services", {
    body: { ...serviceBody, service_name: "kept" },
  });
  await ctl.put("/transitions", { model: "huawei::vpcep_endpoint", progression: "manual", times: 3 });
  expect((await ctl.post("/state/save")).body).toEqual({ saved: file });
  const saved = JSON.parse(await readFile(file, "utf8"));
  expect(saved.schema_version).toBe(1);
  const next = (
    await call("POST", "/vpc-endpoint-services", { body: { ...serviceBody, port_id: HW_IDS.port2 } })
  ).body.id;
  await first.close();

  const second = await startEmulator({ stateFile: file });
  try {
    const again = huaweiClient(second.urls.huaweicloud, hwPrimary);
    const got = await again("GET", `/vpc-endpoint-services/${service.body.id as string}`);
    expect(got.body).toMatchObject({
      id: service.body.id,
      service_name: `cn-north-4.kept.${service.body.id as string}`,
    });
    // The close saved the second service too, and the generator continues where it left off.
    expect((await again("GET", `/vpc-endpoint-services/${next as string}`)).status).toBe(200);
    const transitions = await controlClient(second.controlUrl).get("/transitions");
    expect(transitions.body.transitions).toContainEqual(
      expect.objectContaining({
        model: "huawei::vpcep_endpoint",
        progression: { progression: "manual", times: 3 },
      }),
    );
  } finally {
    await second.close();
  }
});

test("a snapshot from a newer emulator is refused", async () => {
  const file = join(dir, "newer.json");
  await writeFile(file, JSON.stringify({ schema_version: 99, resources: [] }));
  await expect(startEmulator({ stateFile: file })).rejects.toThrow(/newer/);
});

test("the same seed gives the same ids", async () => {
  const ids: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    const other = await startEmulator({ clouds: ["tencentcloud"], seed: 7 });
    const call = tencentClient(other.urls.tencentcloud, tcPrimary);
    const created = await call("CreateVpcEndPointService", tcService);
    ids.push((created.response!.EndPointService as Record<string, string>).EndPointServiceId!);
    await other.close();
  }
  expect(ids[0]).toMatch(/^vpcsvc-[a-z0-9]{8}$/);
  expect(ids[1]).toBe(ids[0]);
});

test("lenient mode answers normally but logs the failed signature; off mode needs no signature", async () => {
  const lenient = await startEmulator({ clouds: ["huaweicloud"], auth: "lenient" });
  try {
    const wrong = huaweiClient(lenient.urls.huaweicloud, { ...hwPrimary, secretKey: "wrong" });
    expect((await wrong("GET", "/vpc-endpoints")).status).toBe(200);
    expect((await controlClient(lenient.controlUrl).get("/requests")).body.requests).toMatchObject([
      { auth: "failed", status: 200 },
    ]);
  } finally {
    await lenient.close();
  }
  const off = await startEmulator({ clouds: ["tencentcloud"], auth: "off" });
  try {
    const response = await fetch(off.urls.tencentcloud, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-tc-action": "DescribeVpcEndPoint",
        "x-tc-version": "2017-03-12",
        "x-tc-region": "ap-guangzhou",
      },
      body: "{}",
    });
    const body = (await response.json()) as { Response: { TotalCount: number } };
    expect(body.Response.TotalCount).toBe(0);
    expect((await controlClient(off.controlUrl).get("/requests")).body.requests).toMatchObject([
      { auth: "skipped" },
    ]);
  } finally {
    await off.close();
  }
});

test("non-loopback hosts are refused", async () => {
  await expect(startEmulator({ host: "0.0.0.0" })).rejects.toThrow(/loopback/);
});

test("a snapshot of the current schema with added keys of both clouds still loads", async () => {
  const file = join(dir, "schema-1.json");
  const hwKey = {
    accessKey: "VPCEPEMULATORHWAK0009",
    secretKey: "ninth",
    projectId: "cccccccccccccccccccccccccccccccc",
    domainId: "dddddddddddddddddddddddddddddddd",
  };
  const tcKey = {
    secretId: "AKIDvpcepEmulator09",
    secretKey: "ninth-tc",
    uin: "100000000009",
    appId: "1302384419",
  };
  await writeFile(
    file,
    JSON.stringify({
      schema_version: 1,
      saved_at: new Date().toISOString(),
      seed: 1,
      random_state: 1,
      clock_offset_ms: 0,
      transitions: {},
      credentials: { huaweicloud: [hwKey], tencentcloud: [tcKey] },
      resources: [],
    }),
  );
  const loaded = await startEmulator({ stateFile: file });
  try {
    const listed = (await controlClient(loaded.controlUrl).get("/credentials")).body;
    expect(listed.huaweicloud).toContainEqual({
      accessKey: hwKey.accessKey,
      projectId: hwKey.projectId,
      domainId: hwKey.domainId,
    });
    expect(listed.tencentcloud).toContainEqual({
      secretId: tcKey.secretId,
      uin: tcKey.uin,
      appId: tcKey.appId,
    });
    expect((await huaweiClient(loaded.urls.huaweicloud, hwKey)("GET", "/vpc-endpoints")).status).toBe(200);
    expect(
      (await tencentClient(loaded.urls.tencentcloud, tcKey)("DescribeVpcEndPoint", {})).code,
    ).toBeUndefined();
  } finally {
    await loaded.close();
  }
  const saved = JSON.parse(await readFile(file, "utf8"));
  expect(saved.credentials).toEqual({
    huaweicloud: [hwKey],
    tencentcloud: [tcKey],
    opentelekomcloud: [],
    volcengine: [],
  });
});

test("credentials of every registered cloud are added through one endpoint; unknown clouds are refused", async () => {
  const added = {
    cloud: "tencentcloud",
    secretId: "AKIDvpcepEmulator03",
    secretKey: "third-tc",
    uin: "100000000003",
    appId: "1302384416",
  };
  expect((await control.post("/credentials", added)).status).toBe(201);
  const third = tencentClient(emulator.urls.tencentcloud, added);
  expect((await third("DescribeVpcEndPoint", {})).code).toBeUndefined();
  expect((await control.post("/credentials", { ...added, uin: "abc" })).body.error).toBe(
    "uin must be digits",
  );
  const unknown = await control.post("/credentials", { cloud: "aws", accessKey: "a" });
  expect(unknown.status).toBe(400);
  expect(unknown.body.error).toBe(
    "cloud must be one of huaweicloud, tencentcloud, opentelekomcloud, volcengine",
  );
});
