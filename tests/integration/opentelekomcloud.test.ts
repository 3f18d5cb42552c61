/**
 * Open Telekom Cloud, end to end: the real dynamic-provider host over gRPC, the fixture program run
 * with the SDK's mocks, the emulator's OTC profile as the cloud (scoped AK/SK signatures, IAM
 * tokens, no endpoint PUT, 20 tags of a narrow charset, EndPoint.0022 throttling with HTTP 400), and
 * the Huawei SDK client (the same gateway family) for out-of-band changes.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { providerConfig, PROVIDER_SECRET_KEYS } from "../../emulator/index.js";
import { clearTokenCache, passwordAuth } from "../../provider/clouds/opentelekomcloud/iam.js";
import { FakeClock } from "../../provider/core/clock.js";
import { huaweiClient } from "../emulator/helpers.js";
import { runOps } from "../engine/cli.js";
import {
  createIdempotently,
  eventually,
  FAST,
  OTC,
  requests,
  ROOT,
  stepsOf,
  TestStack,
  useEmulator,
} from "../support/engine.js";
import { otcEndpoint as ENDPOINT, otcService as SERVICE } from "../support/fixtures.js";
import { vpcepV1Matrix } from "./vpcep-v1-matrix.js";

const ctx = useEmulator("manual:2");

const cloud = () => huaweiClient(ctx.emulator.urls.opentelekomcloud, OTC);

/** Stack config for password authentication: no keys, a user, and the emulator as IAM. */
const passwordConfig = () => ({
  "vpcep:opentelekomcloudAccessKey": "",
  "vpcep:opentelekomcloudSecretKey": "",
  "vpcep:opentelekomcloudProjectId": "",
  "vpcep:opentelekomcloudUserName": OTC.userName!,
  "vpcep:opentelekomcloudPassword": OTC.password!,
  "vpcep:opentelekomcloudDomainName": OTC.domainName!,
  "vpcep:opentelekomcloudIamEndpoint": `${ctx.emulator.urls.opentelekomcloud}/v3`,
});

const domain = (c: string) => "iam:domain::" + c.repeat(32);

describe("Open Telekom Cloud VpcEndpointService and VpcEndpoint", () => {
  vpcepV1Matrix({
    label: "Open Telekom Cloud",
    cloud: "opentelekomcloud",
    region: "eu-de",
    serviceModel: "otc::vpcep_service",
    ctx,
    client: cloud,
    SERVICE,
    ENDPOINT,
  });

  test("basic: preview makes no call, up creates and waits, the next preview shows no changes; ip and DNS names come from GET", async () => {
    const stack = new TestStack(ctx.emulator);
    const up = await createIdempotently(
      stack,
      ctx.control,
      [SERVICE(), ENDPOINT({ enableDns: true })],
      ["CreateEndpointService", "CreateEndpoint"],
    );
    const svc = stack.resource("svc")!;
    expect(svc.outputs).toMatchObject({ state: "available", status: "available", approvalRequired: false });
    expect(svc.outputs.endpointServiceName).toBe(`eu-de.orders.${svc.id}`);
    const ep = stack.resource("ep")!;
    expect(ep.outputs).toMatchObject({ status: "accepted", state: "available", serviceId: svc.id });
    // The create answer carries neither; the recorded values are the GET's.
    expect(ep.outputs.privateIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect((ep.outputs.dnsNames as string[]).length).toBeGreaterThan(0);
    expect(up.logs.join("\n")).toMatch(/Open Telekom Cloud VPC Endpoint \(.+\): accepted after/);
    const live = await cloud()("GET", `/vpc-endpoints/${ep.id}`);
    expect(live.body).toMatchObject({ ip: ep.outputs.privateIp, enable_dns: true });
  });

  test("update: service fields, permissions and tags change in place; endpoint tags through the tag action, nothing else", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const before = { svc: stack.resource("svc")!.id, ep: stack.resource("ep")!.id };
    await ctx.control.delete("/requests");
    const changed = [
      SERVICE({
        ports: [
          { clientPort: 443, serverPort: 8443 },
          { clientPort: 80, serverPort: 8080 },
        ],
        permissions: ["*", domain("e")],
        description: "orders API",
        tcpProxy: "proxy_vni",
        tags: { team: "platform", env: "prod" },
      }),
      ENDPOINT({ tags: { team: "billing", "cost@center": "a-1" } }),
    ];
    const [preview, up, again] = await stack.run(changed, ["preview", "up", "preview"]);
    expect(stepsOf(preview)).toEqual({ svc: "update", ep: "update" });
    expect(stepsOf(up)).toEqual({ svc: "update", ep: "update" });
    expect(stepsOf(again)).toEqual({ svc: "same", ep: "same" });
    expect({ svc: stack.resource("svc")!.id, ep: stack.resource("ep")!.id }).toEqual(before);

    const ops = (await requests(ctx.control)).map((c) => c.operation);
    expect(ops).toEqual(expect.arrayContaining(["UpdateEndpointService", "CreateTags"]));
    expect(ops).not.toContain("CreateEndpoint");
    expect(ops).not.toContain("UpdateEndpoint");
    const svc = await cloud()("GET", `/vpc-endpoint-services/${before.svc}`);
    expect(svc.body).toMatchObject({ description: "orders API", tcp_proxy: "proxy_vni" });
    expect(svc.body).not.toHaveProperty("vip_port_id");
    const permissions = await cloud()("GET", `/vpc-endpoint-services/${before.svc}/permissions`, {
      query: { limit: 500 },
    });
    expect(
      (permissions.body.permissions as { permission: string }[]).map((p) => p.permission).sort(),
    ).toEqual(["*", domain("e")].sort());
    const ep = await cloud()("GET", `/vpc-endpoints/${before.ep}`);
    expect(ep.body.tags).toEqual(
      expect.arrayContaining([
        { key: "team", value: "billing" },
        { key: "cost@center", value: "a-1" },
      ]),
    );
  });

  test("permissions are paged through to the end: twelve accounts (pages hold 10 by default) show no diff", async () => {
    const stack = new TestStack(ctx.emulator);
    const many = Array.from({ length: 12 }, (_, i) => domain(i.toString(16)));
    const [up, preview, refresh] = await stack.run(
      [SERVICE({ permissions: many })],
      ["up", "preview", "refresh"],
    );
    expect(up!.ok).toBe(true);
    expect(stepsOf(preview)).toEqual({ svc: "same" });
    expect(refresh!.steps.find((s) => s.name === "svc")!.changedKeys ?? []).toEqual([]);
    expect(stack.resource("svc")!.outputs.permissions).toEqual([...many].sort());
  });

  test("replace: OTC cannot modify an endpoint, so a whitelist change makes a new one before deleting the old", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const oldId = stack.resource("ep")!.id;
    await ctx.control.delete("/requests");
    const [preview, up, again] = await stack.run(
      [SERVICE(), ENDPOINT({ whitelist: ["10.0.0.0/24", "10.9.0.0/16"] })],
      ["preview", "up", "preview"],
    );
    expect(preview!.steps.find((s) => s.name === "ep")).toMatchObject({
      op: "replace",
      replaceKeys: ["whitelist"],
    });
    expect(stepsOf(up)).toEqual({ svc: "same", ep: "replace" });
    expect(stepsOf(again)).toEqual({ svc: "same", ep: "same" });
    const newId = stack.resource("ep")!.id;
    expect(newId).not.toBe(oldId);
    const ops = (await requests(ctx.control)).map((c) => c.operation);
    expect(ops).not.toContain("UpdateEndpoint");
    expect(ops.filter((o) => o === "CreateEndpoint" || o === "DeleteEndpoint")).toEqual([
      "CreateEndpoint",
      "DeleteEndpoint",
    ]);
    expect(
      [...((await cloud()("GET", `/vpc-endpoints/${newId}`)).body.whitelist as string[])].sort(),
    ).toEqual(["10.0.0.0/24", "10.9.0.0/16"]);
    expect((await cloud()("GET", `/vpc-endpoints/${oldId}`)).status).toBe(404);
  });

  test("replace: DNS and description changes make a new endpoint too", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const [preview, up] = await stack.run(
      [SERVICE(), ENDPOINT({ enableDns: true, description: "orders consumer" })],
      ["preview", "up"],
    );
    expect(preview!.steps.find((s) => s.name === "ep")).toMatchObject({
      op: "replace",
      replaceKeys: expect.arrayContaining(["description", "enableDns"]),
    });
    expect(stepsOf(up)).toEqual({ svc: "same", ep: "replace" });
    expect((await cloud()("GET", `/vpc-endpoints/${stack.resource("ep")!.id}`)).body).toMatchObject({
      enable_dns: true,
      description: "orders consumer",
    });
  });

  test("the endpoint update call does not exist on OTC: the gateway answers an unknown route", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const put = await cloud()("PUT", `/vpc-endpoints/${stack.resource("ep")!.id}`, {
      body: { whitelist: ["10.1.0.0/16"], enable_whitelist: true },
    });
    expect(put.status).toBeGreaterThanOrEqual(400);
  });

  test("refresh reflects an out-of-band change, and the next up puts it back in place", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run([SERVICE(), ENDPOINT()], ["up"]);
    const id = stack.resource("svc")!.id;
    const changed = await cloud()("PUT", `/vpc-endpoint-services/${id}`, {
      body: { description: "changed by hand", tcp_proxy: "toa_open" },
    });
    expect(changed.status).toBe(200);
    const [refresh, preview, up, again] = await stack.run(
      [SERVICE(), ENDPOINT()],
      ["refresh", "preview", "up", "preview"],
    );
    expect(refresh!.steps.find((s) => s.name === "svc")!.changedKeys).toEqual(
      expect.arrayContaining(["description", "tcpProxy"]),
    );
    expect(preview!.steps.find((s) => s.name === "svc")).toMatchObject({ op: "update" });
    expect(stepsOf(up)).toMatchObject({ svc: "update" });
    expect(stepsOf(again)).toEqual({ svc: "same", ep: "same" });
    expect((await cloud()("GET", `/vpc-endpoint-services/${id}`)).body).toMatchObject({
      description: "",
      tcp_proxy: "close",
    });
  });

  test("approval: a connection action takes one endpoint (EndPoint.2031); refresh then reads the accepted endpoint", async () => {
    const stack = new TestStack(ctx.emulator);
    const [up] = await stack.run([SERVICE({ approvalRequired: true }), ENDPOINT()], ["up"]);
    expect(up!.ok).toBe(true);
    expect(stack.resource("ep")!.outputs).toMatchObject({
      status: "pendingAcceptance",
      state: "pendingAcceptance",
    });
    const serviceId = stack.resource("svc")!.id;
    const two = await cloud()("POST", `/vpc-endpoint-services/${serviceId}/connections/action`, {
      body: {
        action: "receive",
        endpoints: [stack.resource("ep")!.id, "4189d3c2-8882-4871-a3c2-d380272eed88"],
      },
    });
    expect(two).toMatchObject({ status: 400, code: "EndPoint.2031" });
    const one = await cloud()("POST", `/vpc-endpoint-services/${serviceId}/connections/action`, {
      body: { action: "receive", endpoints: [stack.resource("ep")!.id] },
    });
    expect(one.status).toBe(200);
    const epId = stack.resource("ep")!.id;
    await eventually(
      async () => (await cloud()("GET", `/vpc-endpoints/${epId}`)).body.status === "accepted",
      "accepted",
    );
    const [refresh] = await stack.run([SERVICE({ approvalRequired: true }), ENDPOINT()], ["refresh"]);
    expect(refresh!.ok).toBe(true);
    expect(stack.resource("ep")!.outputs.status).toBe("accepted");
  });

  test("bad input fails the preview with the property and the rule, before any cloud call", async () => {
    const stack = new TestStack(ctx.emulator);
    await ctx.control.delete("/requests");
    // As the engine: step generation stops at the first invalid resource, so each is previewed alone.
    const failures: unknown[] = [];
    for (const resource of [
      SERVICE({
        vipPortId: "6a0e3f8b-9d1c-4b7e-8f23-5c4d2e1a9b39",
        permissions: ["organizations:orgPath::o-1"],
      }),
      ENDPOINT({
        serviceId: "4189d3c2-8882-4871-a3c2-d380272eed88",
        privateIp: "198.19.200.4",
        tags: { "team.name": "x" },
      }),
    ]) {
      const [preview] = await stack.run([resource], ["preview"]);
      expect(preview!.ok).toBe(false);
      failures.push(...preview!.steps.flatMap((s) => s.failures ?? []));
    }
    expect(failures).toEqual(
      expect.arrayContaining([
        { property: "vipPortId", reason: expect.stringMatching(/not supported by Open Telekom Cloud/) },
        { property: "permissions.0", reason: expect.stringMatching(/iam:domain::/) },
        { property: "privateIp", reason: expect.stringMatching(/inside 198\.19\.128\.0\/17/) },
        { property: "tags.team.name", reason: expect.stringMatching(/letters, digits/) },
      ]),
    );
    expect(await requests(ctx.control)).toEqual([]);
  });

  test("a deprecated server type (VIP, BMS) is accepted with a warning line", async () => {
    const stack = new TestStack(ctx.emulator);
    const [up] = await stack.run([SERVICE({ serverType: "VIP" })], ["up"]);
    expect(up!.ok).toBe(true);
    expect(up!.logs.join("\n")).toMatch(
      /Open Telekom Cloud VPC Endpoint Service: warning: server type VIP is deprecated by Open Telekom Cloud; use LB or VM/,
    );
  });

  test("faults: EndPoint.0022 with HTTP 400 is throttling (retried, the create lands once); 5xx and a dropped read are retried", async () => {
    await ctx.control.put("/faults", [
      { cloud: "opentelekomcloud", operation: "CreateEndpointService", action: "throttle", next: 2 },
      { cloud: "opentelekomcloud", operation: "GetEndpointService", action: "error", next: 1 },
      { cloud: "opentelekomcloud", operation: "ListServicePermissions", action: "drop", next: 1 },
    ]);
    const stack = new TestStack(ctx.emulator);
    const [up] = await stack.run([SERVICE()], ["up"]);
    expect(up!.ok).toBe(true);
    const creates = await requests(ctx.control, "CreateEndpointService");
    expect(creates.map((c) => [c.status, c.errorCode ?? "ok"])).toEqual([
      [400, "EndPoint.0022"],
      [400, "EndPoint.0022"],
      [200, "ok"],
    ]);
    expect((await requests(ctx.control, "GetEndpointService"))[0]!.status).toBe(500);
    expect((await requests(ctx.control, "ListServicePermissions"))[0]!.status).toBe(0);
    const listed = JSON.stringify((await ctx.control.get("/resources")).body);
    expect(listed.match(/"otc::vpcep_service"/g)?.length ?? 0).toBe(1);
  });

  test("a create whose answer is lost is found by its fields: not leaked, not made twice", async () => {
    await ctx.control.put("/faults", [
      { cloud: "opentelekomcloud", operation: "CreateEndpoint", action: "lostReply", next: 1 },
    ]);
    const stack = new TestStack(ctx.emulator);
    const [up, again] = await stack.run([SERVICE(), ENDPOINT()], ["up", "preview"]);
    expect(up!.ok).toBe(true);
    expect(stepsOf(again)).toEqual({ svc: "same", ep: "same" });
    expect((await requests(ctx.control, "CreateEndpoint")).map((c) => c.status)).toEqual([0]);
    const listed = JSON.stringify((await ctx.control.get("/resources")).body);
    expect(listed.match(/"otc::vpcep_endpoint"/g)?.length ?? 0).toBe(1);
  });

  test("password authentication: one IAM token serves the whole run; no password, key or token in state, logs or the request log", async () => {
    const stack = new TestStack(ctx.emulator);
    await ctx.control.delete("/requests");
    const reports = await stack.run([SERVICE(), ENDPOINT()], ["up", "refresh", "destroy"], passwordConfig());
    expect(reports.map((r) => r.ok)).toEqual([true, true, true]);
    const log = (await requests(ctx.control)).map((r) => r.operation);
    expect(log.filter((o) => /token/i.test(o))).toHaveLength(1);
    expect(log).toEqual(
      expect.arrayContaining(["CreateEndpointService", "CreateEndpoint", "DeleteEndpoint"]),
    );
    const secrets = [OTC.password, OTC.secretKey, OTC.accessKey];
    const everything = [
      readFileSync(stack.stateFile, "utf8").replace(/"config":\{[^}]*\}/, ""),
      reports.flatMap((r) => r.logs).join("\n"),
      JSON.stringify((await ctx.control.get("/requests")).body),
    ].join("\n");
    for (const secret of secrets) expect(everything).not.toContain(secret);
    // The token itself is a credential: nothing that looks like one is stored.
    expect(readFileSync(stack.stateFile, "utf8")).not.toMatch(/x-auth-token|X-Subject-Token/i);
  });

  test("stack config decides the method as a whole: a password in config is not overridden by keys in the environment", async () => {
    const stack = new TestStack(ctx.emulator, {
      env: {
        OS_ACCESS_KEY: "AKFROMTHESHELL0000001",
        OS_SECRET_KEY: "a-secret-of-another-account",
      },
    });
    await ctx.control.delete("/requests");
    const [up, destroy] = await stack.run([SERVICE()], ["up", "destroy"], passwordConfig());
    expect(up!.errors).toEqual([]);
    expect(destroy!.ok).toBe(true);
    expect(await requests(ctx.control, "KeystoneCreateUserTokenByPassword")).toHaveLength(1);
  });

  test("AK/SK: no key in state, logs or the request log; incomplete credentials name what to set", async () => {
    const stack = new TestStack(ctx.emulator);
    const reports = await stack.run([SERVICE()], ["up", "destroy"]);
    expect(reports.map((r) => r.ok)).toEqual([true, true]);
    const everything = [
      readFileSync(stack.stateFile, "utf8").replace(/"config":\{[^}]*\}/, ""),
      reports.flatMap((r) => r.logs).join("\n"),
      JSON.stringify((await ctx.control.get("/requests")).body),
    ].join("\n");
    for (const secret of [OTC.secretKey, OTC.accessKey]) expect(everything).not.toContain(secret);

    const [missing] = await new TestStack(ctx.emulator).run([SERVICE()], ["up"], {
      "vpcep:opentelekomcloudProjectId": "",
    });
    expect(missing!.ok).toBe(false);
    // Only what is missing is named.
    expect(missing!.errors.join("\n")).toMatch(
      /Open Telekom Cloud AK\/SK authentication needs "vpcep:opentelekomcloudProjectId" \/ OS_PROJECT_ID(?!, )/,
    );
    await ctx.control.delete("/requests");
    const [wrong] = await new TestStack(ctx.emulator).run(
      [
        SERVICE(),
        SERVICE({ serviceName: "orders2", portId: "6a0e3f8b-9d1c-4b7e-8f23-5c4d2e1a9b31" }, "svc2"),
      ],
      ["up"],
      { ...passwordConfig(), "vpcep:opentelekomcloudPassword": "not-the-password" },
    );
    expect(wrong!.ok).toBe(false);
    // IAM refused it once; the other resource does not try again (accounts lock after failures).
    expect(await requests(ctx.control, "KeystoneCreateUserTokenByPassword")).toHaveLength(1);
    expect(wrong!.errors.join("\n")).toMatch(/IAM refused the user name, password or domain/);
    expect(wrong!.errors.join("\n")).not.toContain("not-the-password");
  });
});

describe("Open Telekom Cloud IAM tokens in the host", () => {
  const credentials = () => ({
    iamEndpoint: `${ctx.emulator.urls.opentelekomcloud}/v3`,
    userName: OTC.userName!,
    password: OTC.password!,
    domainName: OTC.domainName!,
    project: { name: "eu-de" },
  });
  const tokenCalls = async () => (await requests(ctx.control, "KeystoneCreateUserTokenByPassword")).length;

  beforeEach(() => clearTokenCache());

  test("one token is cached per user and project, renewed before it expires, and asked again once refused", async () => {
    const clock = new FakeClock(Date.now());
    const auth = passwordAuth(credentials(), clock);
    const first = await auth.session();
    expect(first.projectId).toBe(OTC.projectId);
    await Promise.all([auth.session(), passwordAuth(credentials(), clock).session()]);
    expect(await tokenCalls()).toBe(1);

    const request = {
      method: "GET",
      url: new URL("http://x/"),
      headers: {} as Record<string, string>,
      body: "",
    };
    first.sign(request);
    const firstToken = request.headers["x-auth-token"];
    expect(firstToken).toBeTruthy();
    expect(request.headers).toMatchObject({ "x-project-id": OTC.projectId });

    // 23.5 hours on: inside the last hour of the token's 24, so the next session renews it.
    await clock.sleep(23.5 * 60 * 60 * 1000);
    const renewed = await auth.session();
    expect(await tokenCalls()).toBe(2);
    const again = { ...request, headers: {} as Record<string, string> };
    renewed.sign(again);
    expect(again.headers["x-auth-token"]).not.toBe(firstToken);

    expect(auth.refused!()).toBe(true);
    await auth.session();
    expect(await tokenCalls()).toBe(3);
  });
});

describe("examples/opentelekomcloud", () => {
  test("runs against the emulator: up, no-change preview, an in-place tag change, destroy", async () => {
    const config = { ...providerConfig(ctx.emulator.urls), ...FAST };
    const common = {
      program: path.join(ROOT, "dist/examples/opentelekomcloud/index.js"),
      cwd: ROOT,
      stateFile: path.join(mkdtempSync(path.join(tmpdir(), "vpcep-otc-example-")), "state.json"),
      project: "vpcep-opentelekomcloud",
      stack: "dev",
      secretKeys: PROVIDER_SECRET_KEYS,
    };
    const [up, preview] = await runOps({ ...common, config, ops: ["up", "preview"] });
    expect(up!.ok).toBe(true);
    expect(up!.steps.map((s) => s.op)).toEqual(["create", "create"]);
    expect(preview!.steps.map((s) => s.op)).toEqual(["same", "same"]);
    const [change, destroy] = await runOps({
      ...common,
      config: { ...config, owner: "billing" },
      ops: ["up", "destroy"],
    });
    expect(change!.steps.map((s) => s.op)).toEqual(["update", "update"]);
    expect(destroy!.steps.map((s) => s.op)).toEqual(["delete", "delete"]);
  });
});
