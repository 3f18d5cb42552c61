/**
 * Tencent Cloud VPC endpoint wire behaviour, driven through the official Node SDK client
 * (`AbstractClient` from tencentcloud-sdk-nodejs-common).
 */
import { authorization } from "../../provider/clouds/tencentcloud/sign.js";
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { controlClient, tencentClient } from "./helpers.js";

const primary = EMULATOR_CREDENTIALS.tencentcloud.primary;
const secondary = EMULATOR_CREDENTIALS.tencentcloud.secondary;

let emulator: RunningEmulator;
let tc: ReturnType<typeof tencentClient>;
let tc2: ReturnType<typeof tencentClient>;
let control: ReturnType<typeof controlClient>;

beforeAll(async () => {
  emulator = await startEmulator({ clouds: ["tencentcloud"] });
  tc = tencentClient(emulator.urls.tencentcloud, primary);
  tc2 = tencentClient(emulator.urls.tencentcloud, secondary);
  control = controlClient(emulator.controlUrl);
});
afterAll(() => emulator.close());
beforeEach(() => control.post("/reset"));

async function createService(extra: Record<string, unknown> = {}, call = tc) {
  const result = await call("CreateVpcEndPointService", {
    VpcId: "vpc-hj3he929",
    EndPointServiceName: "svc-a",
    AutoAcceptFlag: false,
    ServiceInstanceId: "lb-p1hiksdg",
    ...extra,
  });
  expect(result.code).toBeUndefined();
  return (result.response!.EndPointService as Record<string, unknown>).EndPointServiceId as string;
}

function createEndpoint(serviceId: string, call = tc, extra: Record<string, unknown> = {}) {
  return call("CreateVpcEndPoint", {
    VpcId: "vpc-coekkqtd",
    SubnetId: "subnet-4t7fr3fi",
    EndPointName: "point_002",
    EndPointServiceId: serviceId,
    ...extra,
  });
}

async function describeEndpoint(id: string, call = tc) {
  const result = await call("DescribeVpcEndPoint", { EndPointId: [id] });
  return (result.response?.EndPointSet as Record<string, unknown>[] | undefined)?.[0];
}

describe("endpoint services", () => {
  test("create returns the EndPointService object; describe by id and by filter", async () => {
    const created = await tc("CreateVpcEndPointService", {
      VpcId: "vpc-hj3he929",
      EndPointServiceName: "svc-a",
      AutoAcceptFlag: true,
      ServiceInstanceId: "lb-p1hiksdg",
      Tags: [{ Key: "city", Value: "shanghai" }],
    });
    const service = created.response!.EndPointService as Record<string, unknown>;
    expect(service).toMatchObject({
      EndPointServiceId: expect.stringMatching(/^vpcsvc-[a-z0-9]{8}$/),
      VpcId: "vpc-hj3he929",
      ServiceOwner: primary.appId,
      ServiceUin: primary.uin,
      ServiceName: "svc-a",
      ServiceInstanceId: "lb-p1hiksdg",
      AutoAcceptFlag: true,
      EndPointCount: 0,
      EndPointSet: [],
      ServiceType: "CLB",
      TagSet: [{ Key: "city", Value: "shanghai" }],
    });
    expect(service.CreateTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(created.response!.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    const byId = await tc("DescribeVpcEndPointService", { EndPointServiceIds: [service.EndPointServiceId] });
    expect(byId.response).toMatchObject({
      TotalCount: 1,
      EndPointServiceSet: [{ EndPointServiceId: service.EndPointServiceId }],
    });
    const byName = await tc("DescribeVpcEndPointService", {
      Filters: [{ Name: "service-name", Values: ["svc-a"] }],
    });
    expect(byName.response!.TotalCount).toBe(1);
  });

  test("ids and filters together are InvalidParameter.Coexist; bad filter names are refused", async () => {
    const id = await createService();
    const both = await tc("DescribeVpcEndPointService", {
      EndPointServiceIds: [id],
      Filters: [{ Name: "service-id", Values: [id] }],
    });
    expect(both.code).toBe("InvalidParameter.Coexist");
    const badName = await tc("DescribeVpcEndPointService", { Filters: [{ Name: "nope", Values: ["x"] }] });
    expect(badName.code).toBe("InvalidParameter.FilterInvalidKey");
  });

  test("paging: Limit defaults to 20, caps at 100, TotalCount counts everything", async () => {
    for (let i = 0; i < 23; i += 1) await createService({ EndPointServiceName: `svc-${i}` });
    const first = await tc("DescribeVpcEndPointService", {});
    expect((first.response!.EndPointServiceSet as unknown[]).length).toBe(20);
    expect(first.response!.TotalCount).toBe(23);
    const rest = await tc("DescribeVpcEndPointService", { Offset: 20, Limit: 100 });
    expect((rest.response!.EndPointServiceSet as unknown[]).length).toBe(3);
    expect((await tc("DescribeVpcEndPointService", { Limit: 101 })).code).toBe("InvalidParameterValue.Range");
  });

  test.each([
    ["a malformed VpcId", { VpcId: "vpc_1" }, "InvalidParameterValue.Malformed"],
    ["a malformed ServiceInstanceId", { ServiceInstanceId: "clb-1" }, "InvalidParameterValue.Malformed"],
    ["a 61-character name", { EndPointServiceName: "n".repeat(61) }, "InvalidParameterValue.TooLong"],
    ["an unknown ServiceType", { ServiceType: "ELB" }, "InvalidParameterValue"],
    ["an unknown parameter", { Color: "red" }, "UnknownParameter"],
    ["a missing AutoAcceptFlag", { AutoAcceptFlag: undefined }, "MissingParameter"],
  ])("create refuses %s", async (_name, extra, code) => {
    const result = await tc("CreateVpcEndPointService", {
      VpcId: "vpc-hj3he929",
      EndPointServiceName: "svc-a",
      AutoAcceptFlag: false,
      ServiceInstanceId: "lb-p1hiksdg",
      ...extra,
    });
    expect(result.code).toBe(code);
  });

  test("modify changes name and AutoAcceptFlag; the VPC cannot change", async () => {
    const id = await createService();
    const modified = await tc("ModifyVpcEndPointServiceAttribute", {
      EndPointServiceId: id,
      VpcId: "vpc-hj3he929",
      EndPointServiceName: "renamed",
      AutoAcceptFlag: true,
    });
    expect(modified.code).toBeUndefined();
    const got = await tc("DescribeVpcEndPointService", { EndPointServiceIds: [id] });
    expect(got.response!.EndPointServiceSet).toMatchObject([
      { ServiceName: "renamed", AutoAcceptFlag: true },
    ]);
    const moved = await tc("ModifyVpcEndPointServiceAttribute", {
      EndPointServiceId: id,
      VpcId: "vpc-00000000",
    });
    expect(moved.code).toBe("UnsupportedOperation.VpcMismatch");
  });

  test("delete is ResourceInUse while endpoints are attached; afterwards describe is ResourceNotFound", async () => {
    const id = await createService({ AutoAcceptFlag: true });
    const endpoint = (await createEndpoint(id)).response!.EndPoint as Record<string, unknown>;
    expect((await tc("DeleteVpcEndPointService", { EndPointServiceId: id })).code).toBe("ResourceInUse");
    await tc("DeleteVpcEndPoint", { EndPointId: endpoint.EndPointId });
    expect((await tc("DeleteVpcEndPointService", { EndPointServiceId: id })).code).toBeUndefined();
    expect((await tc("DescribeVpcEndPointService", { EndPointServiceIds: [id] })).code).toBe(
      "ResourceNotFound",
    );
  });
});

describe("endpoints", () => {
  test("create answers PENDING with a zero CreateTime, then ACTIVE when the service auto-accepts", async () => {
    const serviceId = await createService({ AutoAcceptFlag: true });
    const created = await createEndpoint(serviceId, tc, {
      SecurityGroupId: "sg-abcd1234",
      Tags: [{ Key: "a", Value: "b" }],
    });
    const endpoint = created.response!.EndPoint as Record<string, unknown>;
    expect(endpoint).toMatchObject({
      EndPointId: expect.stringMatching(/^vpce-[a-z0-9]{8}$/),
      State: "PENDING",
      CreateTime: "0000-00-00 00:00:00",
      EndPointOwner: primary.appId,
      EndPointServiceId: serviceId,
      ServiceVpcId: "vpc-hj3he929",
      ServiceName: "svc-a",
      EndPointVip: "10.0.0.8",
      GroupSet: ["sg-abcd1234"],
      TagSet: [{ Key: "a", Value: "b" }],
    });
    const described = await describeEndpoint(endpoint.EndPointId as string);
    expect(described).toMatchObject({ State: "ACTIVE", CreateTime: expect.stringMatching(/^\d{4}-/) });
  });

  test("the service object embeds its endpoints and counts them", async () => {
    const serviceId = await createService();
    await createEndpoint(serviceId);
    const got = await tc("DescribeVpcEndPointService", { EndPointServiceIds: [serviceId] });
    expect(got.response!.EndPointServiceSet).toMatchObject([
      { EndPointCount: 1, EndPointSet: [{ State: "PENDING" }] },
    ]);
  });

  test("without auto-accept the endpoint waits for EnableVpcEndPointConnect (accept or reject)", async () => {
    const serviceId = await createService();
    const a = ((await createEndpoint(serviceId)).response!.EndPoint as Record<string, string>).EndPointId!;
    const b = ((await createEndpoint(serviceId)).response!.EndPoint as Record<string, string>).EndPointId!;
    expect((await describeEndpoint(a))!.State).toBe("PENDING");
    await tc("EnableVpcEndPointConnect", { EndPointServiceId: serviceId, EndPointId: [a], AcceptFlag: true });
    await tc("EnableVpcEndPointConnect", {
      EndPointServiceId: serviceId,
      EndPointId: [b],
      AcceptFlag: false,
    });
    expect((await describeEndpoint(a))!.State).toBe("ACTIVE");
    expect((await describeEndpoint(b))!.State).toBe("REJECTED");
  });

  test("another account needs the white list: ServiceWhiteListNotAdded until its UIN is added", async () => {
    const serviceId = await createService();
    expect((await createEndpoint(serviceId, tc2)).code).toBe("ResourceUnavailable.ServiceWhiteListNotAdded");
    await tc("CreateVpcEndPointServiceWhiteList", {
      UserUin: secondary.uin,
      EndPointServiceId: serviceId,
      Description: "team b",
    });
    const list = await tc("DescribeVpcEndPointServiceWhiteList", {
      Filters: [{ Name: "end-point-service-id", Values: [serviceId] }],
    });
    const entry = {
      Owner: Number(primary.appId),
      UserUin: secondary.uin,
      Description: "team b",
      EndPointServiceId: serviceId,
    };
    expect(list.response).toMatchObject({
      TotalCount: 1,
      VpcEndPointServiceUserSet: [entry],
      VpcEndpointServiceUserSet: [entry],
    });
    await tc("ModifyVpcEndPointServiceWhiteList", {
      UserUin: secondary.uin,
      EndPointServiceId: serviceId,
      Description: "b",
    });
    const created = await createEndpoint(serviceId, tc2);
    expect(created.code).toBeUndefined();
    // The owner does not see the consumer's endpoint through DescribeVpcEndPoint.
    const id = (created.response!.EndPoint as Record<string, string>).EndPointId!;
    expect((await tc("DescribeVpcEndPoint", { EndPointId: [id] })).code).toBe("ResourceNotFound");
    const authorized = await tc2("DescribeVpcEndPointService", { IsListAuthorizedEndPointService: true });
    expect(authorized.response!.TotalCount).toBe(1);
    await tc("DeleteVpcEndPointServiceWhiteList", { UserUin: [secondary.uin], EndPointServiceId: serviceId });
    expect((await createEndpoint(serviceId, tc2)).code).toBe("ResourceUnavailable.ServiceWhiteListNotAdded");
  });

  test("describe filters and an unknown id in EndPointId is ResourceNotFound", async () => {
    const serviceId = await createService({ AutoAcceptFlag: true });
    await createEndpoint(serviceId, tc, { EndPointName: "alpha" });
    await createEndpoint(serviceId, tc, { EndPointName: "beta", VpcId: "vpc-11111111" });
    const byName = await tc("DescribeVpcEndPoint", {
      Filters: [{ Name: "end-point-name", Values: ["beta"] }],
    });
    expect(byName.response).toMatchObject({ TotalCount: 1, EndPointSet: [{ EndPointName: "beta" }] });
    const byVpc = await tc("DescribeVpcEndPoint", {
      Filters: [{ Name: "vpc-id", Values: ["vpc-coekkqtd"] }],
    });
    expect(byVpc.response!.TotalCount).toBe(1);
    const bySvc = await tc("DescribeVpcEndPoint", {
      Filters: [{ Name: "end-point-service-id", Values: [serviceId] }],
    });
    expect(bySvc.response!.TotalCount).toBe(2);
    expect((await tc("DescribeVpcEndPoint", { EndPointId: ["vpce-00000000"] })).code).toBe(
      "ResourceNotFound",
    );
    expect((await tc("DescribeVpcEndPoint", { EndPointId: ["vpce-1"] })).code).toBe(
      "InvalidParameterValue.Malformed",
    );
  });

  test.each([
    ["a malformed EndPointVip", { EndPointVip: "10.0.0" }, "InvalidParameterValue.Malformed"],
    ["a 61-character name", { EndPointName: "n".repeat(61) }, "InvalidParameterValue.TooLong"],
    ["a malformed SubnetId", { SubnetId: "subnet-XYZ" }, "InvalidParameterValue.Malformed"],
    ["a malformed SecurityGroupId", { SecurityGroupId: "sg-1" }, "InvalidParameterValue.Malformed"],
    ["a missing service", { EndPointServiceId: "vpcsvc-00000000" }, "ResourceNotFound"],
  ])("create refuses %s", async (_name, extra, code) => {
    const serviceId = await createService();
    expect((await createEndpoint(serviceId, tc, extra)).code).toBe(code);
  });

  test("198.19.128.0/17 is not reserved on Tencent", async () => {
    const serviceId = await createService();
    const created = await createEndpoint(serviceId, tc, { EndPointVip: "198.19.130.5" });
    expect((created.response!.EndPoint as Record<string, unknown>).EndPointVip).toBe("198.19.130.5");
  });

  test("modify sets the ordered security group list; disassociate removes groups", async () => {
    const serviceId = await createService();
    const id = (
      (await createEndpoint(serviceId, tc, { SecurityGroupId: "sg-aaaaaaaa" })).response!.EndPoint as Record<
        string,
        string
      >
    ).EndPointId!;
    await tc("ModifyVpcEndPointAttribute", {
      EndPointId: id,
      EndPointName: "renamed",
      SecurityGroupIds: ["sg-cccccccc", "sg-bbbbbbbb"],
    });
    expect(await describeEndpoint(id)).toMatchObject({
      EndPointName: "renamed",
      GroupSet: ["sg-cccccccc", "sg-bbbbbbbb"],
    });
    await tc("DisassociateVpcEndPointSecurityGroups", { EndPointId: id, SecurityGroupIds: ["sg-cccccccc"] });
    expect((await describeEndpoint(id))!.GroupSet).toEqual(["sg-bbbbbbbb"]);
  });

  test("delete keeps the last state while deletion is delayed, then the endpoint is gone", async () => {
    await control.put("/transitions", { model: "tencent::endpoint", progression: "manual", times: 2 });
    const serviceId = await createService();
    const id = ((await createEndpoint(serviceId)).response!.EndPoint as Record<string, string>).EndPointId!;
    await tc("DeleteVpcEndPoint", { EndPointId: id });
    expect((await describeEndpoint(id))!.State).toBe("PENDING");
    expect((await tc("DescribeVpcEndPoint", { EndPointId: [id] })).code).toBe("ResourceNotFound");
  });
});

describe("clients and envelopes", () => {
  test("GET with flattened query parameters and the 127 service scope works", async () => {
    const serviceId = await createService();
    const get = tencentClient(emulator.urls.tencentcloud, primary, { mode: "ip", method: "GET" });
    await get("CreateVpcEndPoint", {
      VpcId: "vpc-coekkqtd",
      SubnetId: "subnet-4t7fr3fi",
      EndPointName: "a b/c",
      EndPointServiceId: serviceId,
    });
    const found = await get("DescribeVpcEndPoint", {
      Limit: 10,
      Filters: [{ Name: "end-point-name", Values: ["a b/c"] }],
    });
    expect(found.response).toMatchObject({ TotalCount: 1, EndPointSet: [{ EndPointName: "a b/c" }] });
    const accept = await get("EnableVpcEndPointConnect", {
      EndPointServiceId: serviceId,
      EndPointId: [(found.response!.EndPointSet as Record<string, string>[])[0]!.EndPointId],
      AcceptFlag: true,
    });
    expect(accept.code).toBeUndefined();
  });

  test("a wrong secret key is AuthFailure.SignatureFailure; an unknown SecretId is SecretIdNotFound", async () => {
    const wrong = tencentClient(emulator.urls.tencentcloud, { ...primary, secretKey: "wrong" });
    expect(await wrong("DescribeVpcEndPoint", {})).toMatchObject({
      code: "AuthFailure.SignatureFailure",
      message: "The provided credentials could not be validated. Please check your signature is correct.",
      requestId: expect.any(String),
    });
    const unknown = tencentClient(emulator.urls.tencentcloud, { ...primary, secretId: "AKIDunknown" });
    expect((await unknown("DescribeVpcEndPoint", {})).code).toBe("AuthFailure.SecretIdNotFound");
  });

  async function rawPost(
    headers: Record<string, string>,
    body: string,
    timestamp = Math.floor(Date.now() / 1000),
  ) {
    const url = new URL(emulator.urls.tencentcloud);
    const all: Record<string, string> = {
      "content-type": "application/json",
      host: url.host,
      "x-tc-version": "2017-03-12",
      "x-tc-region": "ap-guangzhou",
      "x-tc-timestamp": String(timestamp),
      ...headers,
    };
    all.authorization = authorization(
      { method: "POST", query: "", headers: all, body },
      primary.secretId,
      primary.secretKey,
      "vpc",
      timestamp,
    );
    const response = await fetch(url, { method: "POST", headers: all, body });
    return {
      status: response.status,
      body: (await response.json()) as { Response: { Error: { Code: string }; RequestId: string } },
    };
  }

  test("a timestamp more than 300 s off is AuthFailure.SignatureExpire, still HTTP 200", async () => {
    const old = await rawPost(
      { "x-tc-action": "DescribeVpcEndPoint" },
      "{}",
      Math.floor(Date.now() / 1000) - 301,
    );
    expect(old.status).toBe(200);
    expect(old.body.Response.Error.Code).toBe("AuthFailure.SignatureExpire");
    expect(old.body.Response.RequestId).toEqual(expect.any(String));
  });

  test("a missing Authorization is AuthFailure.InvalidAuthorization", async () => {
    const response = await fetch(emulator.urls.tencentcloud, {
      method: "POST",
      headers: { "content-type": "application/json", "x-tc-action": "DescribeVpcEndPoint" },
      body: "{}",
    });
    expect(((await response.json()) as { Response: { Error: { Code: string } } }).Response.Error.Code).toBe(
      "AuthFailure.InvalidAuthorization",
    );
  });

  test("unknown actions are InvalidAction; wrong or missing versions are refused", async () => {
    expect((await tc("DescribeVpcs", {})).code).toBe("InvalidAction");
    const old = tencentClient(emulator.urls.tencentcloud, primary, { version: "2016-01-01" });
    expect((await old("DescribeVpcEndPoint", {})).code).toBe("NoSuchVersion");
    const missing = await rawPost({ "x-tc-action": "DescribeVpcEndPoint", "x-tc-version": "" }, "{}");
    expect(missing.body.Response.Error.Code).toBe("MissingParameter");
  });
});

describe("CreateVpcEndPoint fidelity", () => {
  const vipOf = (result: { response?: Record<string, unknown> }) =>
    (result.response!.EndPoint as Record<string, string>).EndPointVip;

  test("a fixed EndPointVip already used in the subnet is ResourceInUse; another subnet may reuse it", async () => {
    const serviceId = await createService();
    expect(vipOf(await createEndpoint(serviceId, tc, { EndPointVip: "10.0.0.50" }))).toBe("10.0.0.50");
    const taken = await createEndpoint(serviceId, tc, { EndPointVip: "10.0.0.50" });
    expect(taken.code).toBe("ResourceInUse");
    expect(
      vipOf(await createEndpoint(serviceId, tc, { EndPointVip: "10.0.0.50", SubnetId: "subnet-22222222" })),
    ).toBe("10.0.0.50");
  });

  test("a fixed EndPointVip equal to a service VIP in the same VPC is ResourceInUse, and the pool skips it", async () => {
    const created = await tc("CreateVpcEndPointService", {
      VpcId: "vpc-coekkqtd",
      EndPointServiceName: "same-vpc",
      AutoAcceptFlag: true,
      ServiceInstanceId: "lb-p1hiksdg",
    });
    const service = created.response!.EndPointService as Record<string, string>;
    expect(service.ServiceVip).toBe("10.101.1.11");
    const clash = await createEndpoint(service.EndPointServiceId!, tc, { EndPointVip: "10.101.1.11" });
    expect(clash.code).toBe("ResourceInUse");
  });

  test("IpAddressType Ipv6 gives an IPv6 VIP; a fixed VIP must be of the requested family", async () => {
    const serviceId = await createService();
    const v6 = await createEndpoint(serviceId, tc, { IpAddressType: "Ipv6" });
    expect(v6.code).toBeUndefined();
    expect(vipOf(v6)).toBe("2402:4e00:1000::8");
    const id = (v6.response!.EndPoint as Record<string, string>).EndPointId!;
    const described = await tc("DescribeVpcEndPoint", { EndPointId: [id], IpAddressType: "Ipv6" });
    expect((described.response!.EndPointSet as Record<string, string>[])[0]!.EndPointVip).toBe(
      "2402:4e00:1000::8",
    );
    // Spellings are canonicalised, so the same address written differently is still in use.
    const fixed = await createEndpoint(serviceId, tc, {
      IpAddressType: "Ipv6",
      EndPointVip: "2402:4E00:1000:0::20",
    });
    expect(vipOf(fixed)).toBe("2402:4e00:1000::20");
    expect(
      (await createEndpoint(serviceId, tc, { IpAddressType: "Ipv6", EndPointVip: "2402:4e00:1000::0:20" }))
        .code,
    ).toBe("ResourceInUse");
    expect(
      (await createEndpoint(serviceId, tc, { IpAddressType: "Ipv6", EndPointVip: "10.0.0.9" })).code,
    ).toBe("InvalidParameterValue");
    expect((await createEndpoint(serviceId, tc, { EndPointVip: "2402:4e00::9" })).code).toBe(
      "InvalidParameterValue",
    );
    expect(
      (await createEndpoint(serviceId, tc, { IpAddressType: "Ipv6", EndPointVip: "2402::4e00::9" })).code,
    ).toBe("InvalidParameterValue.Malformed");
    expect((await createEndpoint(serviceId, tc, { IpAddressType: "Ipv5" })).code).toBe(
      "InvalidParameterValue",
    );
  });

  test("an Ipv6 endpoint service gets an IPv6 ServiceVip", async () => {
    const created = await tc("CreateVpcEndPointService", {
      VpcId: "vpc-hj3he929",
      EndPointServiceName: "v6",
      AutoAcceptFlag: true,
      ServiceInstanceId: "lb-p1hiksdg",
      IpAddressType: "Ipv6",
    });
    expect((created.response!.EndPointService as Record<string, string>).ServiceVip).toBe(
      "2402:4e00:1001::b",
    );
  });

  test.each([["ap-mumbai"], ["eu-moscow"], ["na-toronto"]])(
    "%s is not a Private Link region: UnsupportedRegion",
    async (region) => {
      const outside = tencentClient(emulator.urls.tencentcloud, primary, { region });
      expect((await outside("CreateVpcEndPoint", {})).code).toBe("UnsupportedRegion");
      expect((await outside("DescribeVpcEndPointService", {})).code).toBe("UnsupportedRegion");
    },
  );

  test("every documented region is served; a malformed one is InvalidParameterValue", async () => {
    for (const region of ["ap-shanghai-fsi", "ap-shenzhen-fsi", "sa-saopaulo", "na-siliconvalley"]) {
      const inside = tencentClient(emulator.urls.tencentcloud, primary, { region });
      expect((await inside("DescribeVpcEndPoint", {})).code).toBeUndefined();
    }
    const bad = tencentClient(emulator.urls.tencentcloud, primary, { region: "Guangzhou" });
    expect((await bad("DescribeVpcEndPoint", {})).code).toBe("InvalidParameterValue");
  });

  test.each([
    ["CLB", "lb-p1hiksdg", undefined],
    ["CDB", "cdb-70zdmgg1", undefined],
    ["CRS", "crs-jkbfbllz", undefined],
    ["GWLB", "gwlb-poqv7z4y", undefined],
    ["CDB", "lb-p1hiksdg", "InvalidParameterValue.Malformed"],
    ["CRS", "crs-JKBFBLLZ", "InvalidParameterValue.Malformed"],
    ["GWLB", "gwlb-1", "InvalidParameterValue.Malformed"],
  ])("ServiceType %s takes ServiceInstanceId %s", async (type, instance, code) => {
    const result = await tc("CreateVpcEndPointService", {
      VpcId: "vpc-hj3he929",
      EndPointServiceName: "typed",
      AutoAcceptFlag: true,
      ServiceType: type,
      ServiceInstanceId: instance,
    });
    expect(result.code).toBe(code);
  });

  test("tag keys (≤127) and values (≤255) are counted in code points", async () => {
    const serviceId = await createService();
    const emoji = "😀";
    const fits = await createEndpoint(serviceId, tc, {
      Tags: [{ Key: emoji.repeat(127), Value: emoji.repeat(255) }],
    });
    expect(fits.code).toBeUndefined();
    expect(
      (await createEndpoint(serviceId, tc, { Tags: [{ Key: emoji.repeat(128), Value: "v" }] })).code,
    ).toBe("InvalidParameterValue.TooLong");
    expect(
      (await createEndpoint(serviceId, tc, { Tags: [{ Key: "k", Value: emoji.repeat(256) }] })).code,
    ).toBe("InvalidParameterValue.TooLong");
  });

  test("a tag value must not be empty (tag service: 1–255 characters), as the provider checks", async () => {
    const serviceId = await createService();
    expect((await createEndpoint(serviceId, tc, { Tags: [{ Key: "k", Value: "" }] })).code).toBe(
      "InvalidParameterValue.Empty",
    );
  });

  test("EndPointName length is counted in code points", async () => {
    const serviceId = await createService();
    expect((await createEndpoint(serviceId, tc, { EndPointName: "名".repeat(60) })).code).toBeUndefined();
    expect((await createEndpoint(serviceId, tc, { EndPointName: "😀".repeat(31) })).code).toBeUndefined();
  });
});
