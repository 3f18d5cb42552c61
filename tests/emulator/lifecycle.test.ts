/**
 * Lifecycles on the injectable clock: manual (after N reads), time (per step on the emulator
 * clock, moved with /_emulator/clock/advance) and immediate, for every model.
 */
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

async function hwService(approval = false) {
  const created = await hw("POST", "/vpc-endpoint-services", {
    body: {
      port_id: HW_IDS.port,
      vpc_id: HW_IDS.vpc,
      server_type: "VM",
      ports: [{ client_port: 1, server_port: 1 }],
      approval_enabled: approval,
    },
  });
  return created.body.id as string;
}

const advance = (ms: number) => control.post("/clock/advance", { ms });

test("manual: an endpoint steps after every N reads, and only reads count", async () => {
  const serviceId = await hwService();
  await control.put("/transitions", { model: "huawei::vpcep_endpoint", progression: "manual", times: 2 });
  const created = await hw("POST", "/vpc-endpoints", {
    body: { endpoint_service_id: serviceId, vpc_id: HW_IDS.vpc, subnet_id: HW_IDS.subnet },
  });
  const id = created.body.id as string;
  await advance(3_600_000);
  expect((await hw("GET", `/vpc-endpoints/${id}`)).body.status).toBe("creating");
  expect((await hw("GET", `/vpc-endpoints/${id}`)).body.status).toBe("accepted");
  expect((await hw("GET", `/vpc-endpoints/${id}`)).body.status).toBe("accepted");
  await hw("DELETE", `/vpc-endpoints/${id}`);
  expect((await hw("GET", `/vpc-endpoints/${id}`)).body.status).toBe("deleting");
  expect((await hw("GET", `/vpc-endpoints/${id}`)).status).toBe(404);
});

test("time: a service steps once per interval of emulator time", async () => {
  await control.put("/transitions", { model: "huawei::vpcep_service", progression: "time", ms: 60_000 });
  const id = await hwService();
  expect((await hw("GET", `/vpc-endpoint-services/${id}`)).body.status).toBe("creating");
  await advance(55_000);
  expect((await hw("GET", `/vpc-endpoint-services/${id}`)).body.status).toBe("creating");
  await advance(5_000);
  const available = await hw("GET", `/vpc-endpoint-services/${id}`);
  expect(available.body.status).toBe("available");
  // The step lands at createdAt + 60 s, whatever the read time.
  expect(
    Date.parse(available.body.updated_at as string) - Date.parse(available.body.created_at as string),
  ).toBe(60_000);
  await hw("DELETE", `/vpc-endpoint-services/${id}`);
  expect((await hw("GET", `/vpc-endpoint-services/${id}`)).body.status).toBe("deleting");
  await advance(60_000);
  expect((await hw("GET", `/vpc-endpoint-services/${id}`)).status).toBe(404);
});

test("approval: pendingAcceptance is stable until the owner receives the connection", async () => {
  await control.put("/transitions", { model: "huawei::vpcep_endpoint", progression: "time", ms: 1000 });
  const serviceId = await hwService(true);
  const id = (
    await hw("POST", "/vpc-endpoints", {
      body: { endpoint_service_id: serviceId, vpc_id: HW_IDS.vpc, subnet_id: HW_IDS.subnet },
    })
  ).body.id as string;
  await advance(10_000);
  expect((await hw("GET", `/vpc-endpoints/${id}`)).body.status).toBe("pendingAcceptance");
  await hw("POST", `/vpc-endpoint-services/${serviceId}/connections/action`, {
    body: { action: "receive", endpoints: [id] },
  });
  expect((await hw("GET", `/vpc-endpoints/${id}`)).body.status).toBe("pendingAcceptance");
  await advance(1000);
  expect((await hw("GET", `/vpc-endpoints/${id}`)).body.status).toBe("accepted");
});

test("Tencent: PENDING → ACCEPTING → ACTIVE with AutoAcceptFlag, one step per interval", async () => {
  await control.put("/transitions", { model: "tencent::endpoint", progression: "time", ms: 1500 });
  const service = await tc("CreateVpcEndPointService", {
    VpcId: "vpc-hj3he929",
    EndPointServiceName: "auto",
    AutoAcceptFlag: true,
    ServiceInstanceId: "lb-p1hiksdg",
  });
  const serviceId = (service.response!.EndPointService as Record<string, string>).EndPointServiceId;
  const created = await tc("CreateVpcEndPoint", {
    VpcId: "vpc-coekkqtd",
    SubnetId: "subnet-4t7fr3fi",
    EndPointName: "ep",
    EndPointServiceId: serviceId,
  });
  const id = (created.response!.EndPoint as Record<string, string>).EndPointId!;
  const state = async () =>
    (
      (await tc("DescribeVpcEndPoint", { EndPointId: [id] })).response!.EndPointSet as Record<
        string,
        string
      >[]
    )[0]!.State;
  expect(await state()).toBe("PENDING");
  await advance(1500);
  expect(await state()).toBe("ACCEPTING");
  await advance(1500);
  expect(await state()).toBe("ACTIVE");
});

test("Tencent: a service's deletion can be delayed although it has no state field", async () => {
  await control.put("/transitions", { model: "tencent::endpoint_service", progression: "manual", times: 2 });
  const service = await tc("CreateVpcEndPointService", {
    VpcId: "vpc-hj3he929",
    EndPointServiceName: "slow",
    AutoAcceptFlag: false,
    ServiceInstanceId: "lb-p1hiksdg",
  });
  const id = (service.response!.EndPointService as Record<string, string>).EndPointServiceId;
  await tc("DeleteVpcEndPointService", { EndPointServiceId: id });
  expect((await tc("DescribeVpcEndPointService", { EndPointServiceIds: [id] })).response!.TotalCount).toBe(1);
  expect((await tc("DescribeVpcEndPointService", { EndPointServiceIds: [id] })).code).toBe(
    "ResourceNotFound",
  );
});

test("transitions API: list, set, validate and unset back to the default", async () => {
  const listed = await control.get("/transitions");
  expect(listed.body.transitions.map((t: { model: string }) => t.model).sort()).toEqual([
    "huawei::vpcep_endpoint",
    "huawei::vpcep_service",
    "otc::vpcep_endpoint",
    "otc::vpcep_service",
    "tencent::endpoint",
    "tencent::endpoint_service",
    "volcengine::privatelink_connection",
    "volcengine::privatelink_endpoint",
    "volcengine::privatelink_endpoint_service",
  ]);
  expect((await control.put("/transitions", { model: "nope::x", progression: "immediate" })).status).toBe(
    400,
  );
  expect(
    (await control.put("/transitions", { model: "tencent::endpoint", progression: "manual", times: 0 }))
      .status,
  ).toBe(400);
  await control.put("/transitions", { model: "tencent::endpoint", progression: "manual", times: 3 });
  const after = await control.get("/transitions");
  expect(after.body.transitions).toContainEqual({
    model: "tencent::endpoint",
    progression: { progression: "manual", times: 3 },
    isDefault: false,
  });
  await control.delete("/transitions?model=tencent::endpoint");
  expect((await control.get("/transitions")).body.transitions).toContainEqual({
    model: "tencent::endpoint",
    progression: { progression: "immediate" },
    isDefault: true,
  });
});

test("defaultProgression applies to every model", async () => {
  const other = await startEmulator({ clouds: ["tencentcloud"], defaultProgression: "manual:2" });
  try {
    const listed = await controlClient(other.controlUrl).get("/transitions");
    for (const entry of listed.body.transitions)
      expect(entry.progression).toEqual({ progression: "manual", times: 2 });
  } finally {
    await other.close();
  }
});
