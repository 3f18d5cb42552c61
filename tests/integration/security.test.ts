/**
 * Credentials never leave the host: not in __provider, inputs, outputs, logs or the request log;
 * and the serialized provider is a thin stub, measured.
 */
import { readFileSync } from "node:fs";
import { HW, ROOT, TC, TestStack, useEmulator } from "../support/engine.js";
import { huaweiEndpoint, huaweiService, tencentService } from "../support/fixtures.js";

const ctx = useEmulator("manual:1");

const RESOURCES = [huaweiService(), huaweiEndpoint(), tencentService({}, "tsvc")];

const SECRETS = [HW.secretKey, TC.secretKey, HW.accessKey, TC.secretId];

function leaks(text: string): string[] {
  return SECRETS.filter((secret) => text.includes(secret));
}

describe("credentials and the serialized provider", () => {
  test("no credential appears in state, the host's output or the emulator's request log (stack config)", async () => {
    const stack = new TestStack(ctx.emulator);
    const reports = await stack.run(RESOURCES, ["up", "refresh", "destroy"]);
    expect(reports.map((r) => r.ok)).toEqual([true, true, true]);
    const statePath = stack.stateFile;
    const [up] = await stack.run(RESOURCES, ["up"]);
    expect(up!.ok).toBe(true);
    const stored = stack.state().resources;
    expect(stored.length).toBe(3);
    // Inputs and outputs, __provider included; state keeps secrets of the program only.
    expect(leaks(JSON.stringify(stored))).toEqual([]);
    expect(leaks(readFileSync(statePath, "utf8").replace(/"config":\{[^}]*\}/, ""))).toEqual([]);
    expect(leaks([...reports, up!].flatMap((r) => r.logs).join("\n"))).toEqual([]);
    expect(leaks(JSON.stringify((await ctx.control.get("/requests")).body))).toEqual([]);
  });

  test("credentials from the environment work the same and leave no trace", async () => {
    const stack = new TestStack(ctx.emulator, {
      env: {
        HW_ACCESS_KEY: HW.accessKey,
        HW_SECRET_KEY: HW.secretKey,
        HW_PROJECT_ID: HW.projectId,
        TENCENTCLOUD_SECRET_ID: TC.secretId,
        TENCENTCLOUD_SECRET_KEY: TC.secretKey,
      },
    });
    const config = {
      "vpcep:huaweicloudAccessKey": "",
      "vpcep:huaweicloudSecretKey": "",
      "vpcep:huaweicloudProjectId": "",
      "vpcep:tencentcloudSecretId": "",
      "vpcep:tencentcloudSecretKey": "",
    };
    const [up, destroy] = await stack.run(RESOURCES, ["up", "destroy"], config);
    expect(up!.ok).toBe(true);
    expect(destroy!.ok).toBe(true);
    expect(leaks(readFileSync(stack.stateFile, "utf8"))).toEqual([]);
    expect(leaks([up!, destroy!].flatMap((r) => r.logs).join("\n"))).toEqual([]);
  });

  test("missing credentials fail with the config key and variables to set, naming no value", async () => {
    const stack = new TestStack(ctx.emulator);
    const [up] = await stack.run(RESOURCES.slice(0, 1), ["up"], { "vpcep:huaweicloudSecretKey": "" });
    expect(up!.ok).toBe(false);
    expect(up!.errors.join("\n")).toMatch(
      /missing Huawei Cloud secret key: set the stack config "vpcep:huaweicloudSecretKey" \(as a secret\) or the environment variable HW_SECRET_KEY or HUAWEICLOUD_SDK_SK/,
    );
  });

  test("the serialized provider is a thin stub: at most 1,536 B, no machine path, identical for every resource of a kind", async () => {
    const stack = new TestStack(ctx.emulator);
    await stack.run(RESOURCES, ["up"]);
    const resources = stack.state().resources;
    const texts = resources.map((r) => String(r.outputs.__provider));
    for (const text of texts) {
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1536);
      expect(text).not.toContain(ROOT);
      expect(text).toContain('resolve("pulumi-vpcep/provider")');
    }
    const services = resources
      .filter((r) => r.type.endsWith("VpcEndpointService"))
      .map((r) => r.outputs.__provider);
    expect(new Set(services).size).toBe(1);
    await stack.run([], ["destroy"]);
  });
});
