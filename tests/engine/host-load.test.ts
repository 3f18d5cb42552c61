/**
 * The thin stub in the real dynamic-provider host: the provider package is resolved and loaded once
 * per host process, however many resources and kinds it serves, and every call (configure, check,
 * diff, create, read, delete) runs the installed code. A probe preloaded into the host
 * (tests/fixtures/engine/load-probe.cjs) counts the stub's resolutions of `pulumi-vpcep/provider`
 * and the ES module loader's loads of the provider's entry module. The stub texts come from a plain
 * Node process (serialization must not run under jest).
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { providerConfig } from "../../emulator/index.js";
import { FAST, ROOT, useEmulator } from "../support/engine.js";
import { huaweiEndpoint, huaweiService, tencentService } from "../support/fixtures.js";
import { ProviderHost } from "./host.js";
import type { Props } from "./values.js";

const PROBE = path.join(ROOT, "tests/fixtures/engine/load-probe.cjs");
const SERIALIZE = path.join(ROOT, "dist/tests/fixtures/engine/serialize-stubs.js");
const PROJECT = "fixture";

const ctx = useEmulator("immediate");

type Kind = "VpcEndpoint" | "VpcEndpointService";

const urn = (kind: Kind, name: string) =>
  `urn:pulumi:test::${PROJECT}::pulumi-nodejs:dynamic/vpcep:${kind}::${name}`;

interface ProbeReport {
  resolves: number;
  loads: number;
  urls: string[];
}

let texts: Record<Kind, string>;
let host: ProviderHost;

beforeAll(async () => {
  texts = JSON.parse(execFileSync(process.execPath, [SERIALIZE], { cwd: ROOT, encoding: "utf8" }));
  host = await ProviderHost.start({
    cwd: ROOT,
    project: PROJECT,
    env: { NODE_OPTIONS: `--require ${PROBE}` },
  });
  await host.configure({ ...providerConfig(ctx.emulator.urls), ...FAST });
});

afterAll(async () => {
  await host?.stop();
});

/** Asks the probe in the host for its counts. */
async function probe(): Promise<ProbeReport> {
  const before = host.logs.length;
  process.kill(host.pid!, "SIGUSR2");
  for (let i = 0; i < 100; i++) {
    const line = host.logs.slice(before).find((l) => l.startsWith("load-probe "));
    if (line) return JSON.parse(line.slice("load-probe ".length)) as ProbeReport;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the load probe did not answer; host output:\n${host.logs.join("\n")}`);
}

function inputs(kind: Kind, args: Record<string, unknown>): Props {
  return { ...args, __provider: texts[kind] };
}

describe("the thin stub in the real host", () => {
  test("the stub texts are small, name the package and no machine path, and differ only in the kind", () => {
    for (const text of Object.values(texts)) {
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1536);
      expect(text).toContain('require.resolve("pulumi-vpcep/provider")');
      expect(text).not.toContain(ROOT);
    }
    expect(texts.VpcEndpoint.replace('"VpcEndpoint"', '"VpcEndpointService"')).toBe(texts.VpcEndpointService);
  });

  test("one resolution and one load of the package serve both kinds and every call", async () => {
    const service = huaweiService().args!;
    const created = new Map<string, { kind: Kind; id: string; inputs: Props; outputs: Props }>();
    const up = async (kind: Kind, name: string, args: Record<string, unknown>) => {
      const checked = await host.check(urn(kind, name), {}, inputs(kind, args));
      expect(checked.failures).toEqual([]);
      const result = await host.create(urn(kind, name), checked.inputs);
      created.set(name, { kind, id: result.id, inputs: checked.inputs, outputs: result.properties });
      return result;
    };
    const svc = await up("VpcEndpointService", "svc", service);
    await Promise.all([
      up("VpcEndpoint", "ep", { ...huaweiEndpoint().args, serviceId: svc.id }),
      up("VpcEndpointService", "tsvc", tencentService().args!),
    ]);

    // A preview of forty resources of both kinds at once: check against the old inputs, then diff.
    const previews = Array.from({ length: 40 }, (_, i) => {
      const kind: Kind = i % 2 === 0 ? "VpcEndpointService" : "VpcEndpoint";
      const args =
        kind === "VpcEndpointService"
          ? tencentService({ serviceName: `orders-${i}` }).args!
          : { ...huaweiEndpoint({ whitelist: [`10.${i}.0.0/24`] }).args, serviceId: svc.id };
      return { kind, name: `r${i}`, args };
    });
    await Promise.all(
      previews.map(async ({ kind, name, args }) => {
        const checked = await host.check(urn(kind, name), {}, inputs(kind, args));
        expect(checked.failures).toEqual([]);
        const diff = await host.diff("id-1", urn(kind, name), checked.inputs, checked.inputs);
        expect(diff.changes).toBe("none");
      }),
    );

    // Refresh and destroy run the installed code through the same texts.
    for (const [name, { kind, id, outputs }] of created) {
      const read = await host.read(id, urn(kind, name), outputs);
      expect(read.id).toBe(id);
    }
    for (const [name, { kind, id, outputs }] of [...created].reverse()) {
      await host.delete(id, urn(kind, name), outputs);
    }

    const report = await probe();
    expect(report).toEqual({
      resolves: 1,
      loads: 1,
      urls: [expect.stringMatching(/\/dist\/provider\/index\.js$/)],
    });
  });
});
