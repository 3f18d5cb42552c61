import { huaweicloud } from "../../provider/clouds/huaweicloud/index.js";
import { tencentcloud } from "../../provider/clouds/tencentcloud/index.js";
import { UNKNOWN } from "../../provider/core/unknown.js";
import { canonicalJson, diffFields } from "../../provider/resources/diff.js";

const huaweiEndpointFields = huaweicloud.resources.endpoint.fields;
const huaweiServiceFields = huaweicloud.resources.endpointService.fields;
const tencentEndpointFields = tencentcloud.resources.endpoint.fields;
const tencentServiceFields = tencentcloud.resources.endpointService.fields;

const hwEndpoint = {
  cloud: "huaweicloud",
  region: "cn-north-4",
  vpcId: "v",
  subnetId: "s",
  serviceId: "svc",
  enableDns: false,
  whitelist: ["10.0.0.0/24"],
  enableWhitelist: true,
  description: "",
  tags: { a: "1", b: "2" },
  waitForAcceptance: false,
};

describe("diff rules", () => {
  test("identical inputs, with reordered tag keys, show no change", () => {
    const news = { ...hwEndpoint, tags: { b: "2", a: "1" } };
    expect(diffFields(huaweiEndpointFields, hwEndpoint, news)).toEqual({ changed: [], replaces: [] });
  });

  test("a server-assigned privateIp in state is not a diff when the program leaves it out", () => {
    const olds = { ...hwEndpoint, privateIp: "10.0.0.8", status: "accepted", endpointId: "x" };
    expect(diffFields(huaweiEndpointFields, olds, hwEndpoint).changed).toEqual([]);
  });

  test("Huawei endpoint: whitelist and tags update in place; vpc, subnet, service, IP, DNS replace", () => {
    expect(
      diffFields(huaweiEndpointFields, hwEndpoint, { ...hwEndpoint, whitelist: ["10.0.1.0/24"], tags: {} }),
    ).toEqual({
      changed: ["whitelist", "tags"],
      replaces: [],
    });
    for (const field of ["vpcId", "subnetId", "serviceId", "privateIp", "enableDns", "description"]) {
      const value = field === "enableDns" ? true : "changed";
      expect(
        diffFields(huaweiEndpointFields, hwEndpoint, { ...hwEndpoint, [field]: value }).replaces,
      ).toEqual([field]);
    }
  });

  test("provider-side settings change without touching the cloud", () => {
    const news = { ...hwEndpoint, waitForAcceptance: true, timeouts: { create: "20m" } };
    expect(diffFields(huaweiEndpointFields, hwEndpoint, news)).toEqual({
      changed: ["waitForAcceptance", "timeouts"],
      replaces: [],
    });
  });

  test("unknown values during preview count as changes, replacing when the field replaces", () => {
    expect(diffFields(huaweiEndpointFields, hwEndpoint, { ...hwEndpoint, serviceId: UNKNOWN })).toEqual({
      changed: ["serviceId"],
      replaces: ["serviceId"],
    });
  });

  test("Tencent endpoint: name and security groups update; tags replace (the VPC API cannot change them)", () => {
    const olds = {
      cloud: "tencentcloud",
      region: "ap-guangzhou",
      name: "a",
      securityGroupIds: ["sg-1"],
      tags: { a: "1" },
    };
    expect(diffFields(tencentEndpointFields, olds, { ...olds, name: "b", securityGroupIds: [] })).toEqual({
      changed: ["name", "securityGroupIds"],
      replaces: [],
    });
    expect(diffFields(tencentEndpointFields, olds, { ...olds, tags: { a: "2" } }).replaces).toEqual(["tags"]);
  });

  test("services: Huawei updates ports and permissions in place; Tencent replaces on service type", () => {
    const hw = {
      cloud: "huaweicloud",
      region: "r",
      vpcId: "v",
      serverType: "LB",
      ports: [{ clientPort: 1, serverPort: 1, protocol: "TCP" }],
      permissions: [],
    };
    expect(
      diffFields(huaweiServiceFields, hw, {
        ...hw,
        ports: [{ clientPort: 2, serverPort: 1, protocol: "TCP" }],
        permissions: ["*"],
      }),
    ).toEqual({ changed: ["ports", "permissions"], replaces: [] });
    expect(diffFields(huaweiServiceFields, hw, { ...hw, serverType: "VM" }).replaces).toEqual(["serverType"]);
    const tc = {
      cloud: "tencentcloud",
      region: "r",
      vpcId: "vpc-1",
      serviceType: "CLB",
      serviceName: "a",
      approvalRequired: true,
    };
    expect(
      diffFields(tencentServiceFields, tc, { ...tc, serviceName: "b", approvalRequired: false }),
    ).toEqual({
      changed: ["serviceName", "approvalRequired"],
      replaces: [],
    });
    expect(diffFields(tencentServiceFields, tc, { ...tc, serviceType: "GWLB" }).replaces).toEqual([
      "serviceType",
    ]);
  });

  test("canonicalJson sorts nested keys", () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
  });
});

describe("Lifecycle.diff", () => {
  test("needs no credentials, and deletes first when a replacement keeps an exclusive value", async () => {
    const { Lifecycle } = await import("../../provider/resources/lifecycle.js");
    const endpoints = new Lifecycle("endpoint");
    const fixedIp = { ...hwEndpoint, privateIp: "10.0.0.8" };
    expect(endpoints.diff("id", fixedIp, { ...fixedIp, enableDns: true })).toEqual({
      changes: true,
      replaces: ["enableDns"],
      deleteBeforeReplace: true,
    });
    expect(
      endpoints.diff("id", { ...hwEndpoint, privateIp: "10.0.0.8" }, { ...hwEndpoint, enableDns: true }),
    ).toMatchObject({
      deleteBeforeReplace: false,
    });
    const services = new Lifecycle("endpointService");
    const svc = {
      cloud: "huaweicloud",
      region: "cn-north-4",
      vpcId: "v",
      portId: "p",
      serverType: "LB",
      ports: [],
    };
    expect(services.diff("id", svc, { ...svc, serverType: "VM" })).toMatchObject({
      deleteBeforeReplace: true,
    });
    expect(services.diff("id", svc, { ...svc, serverType: "VM", portId: "q" })).toMatchObject({
      deleteBeforeReplace: false,
    });
    expect(services.diff("id", svc, { ...svc })).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});
