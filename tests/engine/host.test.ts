/**
 * ProviderHost against the real dynamic-provider host. The `__provider` text is written by hand
 * (what `serializeFunction` would produce for a small provider), so nothing is serialized under
 * jest; the engine tests cover real serialization through the CLI.
 */
import * as os from "node:os";
import { HostCallError, ProviderHost } from "./host.js";
import { UNKNOWN } from "./values.js";

const PROVIDER = `exports.handler = __f0;
var __provider = {
  async configure(req) { this.prefix = req.config.require("prefix"); },
  async check(olds, news) {
    const failures = news.size === -1 ? [{ property: "size", reason: "size must not be negative" }] : [];
    return { inputs: { ...news, checked: true }, failures };
  },
  async diff(id, olds, news) {
    if (news.mode === "unknown") return {};
    return {
      changes: olds.size !== news.size || olds.zone !== news.zone,
      replaces: olds.zone !== news.zone ? ["zone"] : [],
      deleteBeforeReplace: news.deleteFirst === true,
    };
  },
  async create(inputs) {
    if (inputs.partial) {
      throw Object.assign(new Error("creating " + this.prefix + "-7: not ready"), {
        id: this.prefix + "-7", properties: { size: inputs.size, half: true }, reasons: ["timed out"],
      });
    }
    if (inputs.reject) throw new Error("creating: rejected");
    console.log("created " + this.prefix + "-1");
    return { id: this.prefix + "-1", outs: { size: inputs.size, zone: inputs.zone, arn: "arn:" + this.prefix + "-1" } };
  },
  async read(id, props) {
    if (id === "gone") return {};
    return { id, props: { ...props, seen: true }, inputs: { size: props.size } };
  },
  async update(id, olds, news) { return { outs: { ...news, revision: 2 } }; },
  async delete(id) { console.error("deleted " + id); },
};
function __f0() { return __provider; }
`;

const URN = "urn:pulumi:dev::proj::pulumi-nodejs:dynamic:Resource::thing";

let host: ProviderHost;
const lines: string[] = [];

beforeAll(async () => {
  host = await ProviderHost.start({
    cwd: os.tmpdir(),
    project: "proj",
    onLine: (line, stream) => lines.push(`${stream}: ${line}`),
  });
});

afterAll(async () => {
  await host?.stop();
});

describe("ProviderHost", () => {
  test("configure answers as the dynamic host does: no secrets, no preview", async () => {
    await expect(host.configure({ "proj:prefix": "t" })).resolves.toEqual({
      acceptSecrets: false,
      supportsPreview: false,
    });
    expect(host.configuredWith).toEqual({ "proj:prefix": "t" });
  });

  test("check returns the checked inputs with __provider and the failures by property", async () => {
    const ok = await host.check(URN, {}, { __provider: PROVIDER, size: 1, zone: UNKNOWN });
    expect(ok).toEqual({
      inputs: { __provider: PROVIDER, size: 1, zone: UNKNOWN, checked: true },
      failures: [],
    });
    const bad = await host.check(URN, {}, { __provider: PROVIDER, size: -1 });
    expect(bad.failures).toEqual([{ property: "size", reason: "size must not be negative" }]);
  });

  test("diff maps changes to some/none/unknown and passes replaces and deleteBeforeReplace", async () => {
    const olds = { __provider: PROVIDER, size: 1, zone: "a" };
    await expect(host.diff("t-1", URN, olds, { ...olds })).resolves.toEqual({
      changes: "none",
      replaces: [],
      deleteBeforeReplace: false,
    });
    await expect(host.diff("t-1", URN, olds, { ...olds, zone: "b", deleteFirst: true })).resolves.toEqual({
      changes: "some",
      replaces: ["zone"],
      deleteBeforeReplace: true,
    });
    const unknown = await host.diff("t-1", URN, olds, { ...olds, mode: "unknown" });
    expect(unknown.changes).toBe("unknown");
  });

  test("create returns the id and the outputs with __provider; provider output lands in logs", async () => {
    const created = await host.create(URN, { __provider: PROVIDER, size: 1, zone: "a" });
    expect(created).toEqual({
      id: "t-1",
      properties: { __provider: PROVIDER, size: 1, zone: "a", arn: "arn:t-1" },
    });
    await host.settleLogs();
    expect(host.logs).toContain("created t-1");
    expect(lines).toContain("stdout: created t-1");
  });

  test("read returns properties and inputs; a gone resource has an empty id", async () => {
    const props = { __provider: PROVIDER, size: 1 };
    await expect(host.read("t-1", URN, props)).resolves.toEqual({
      id: "t-1",
      properties: { ...props, seen: true },
      inputs: { __provider: PROVIDER, size: 1 },
    });
    const gone = await host.read("gone", URN, props);
    expect(gone.id).toBe("");
  });

  test("a get sends the program's inputs: the host finds __provider there when properties are empty", async () => {
    const read = await host.read("t-9", URN, {}, { __provider: PROVIDER, size: 3 });
    expect(read.properties).toEqual({ __provider: PROVIDER, size: 3, seen: true });
  });

  test("update returns the new outputs; delete resolves and its stderr lands in logs", async () => {
    const updated = await host.update(
      "t-1",
      URN,
      { __provider: PROVIDER, size: 1 },
      { __provider: PROVIDER, size: 2 },
    );
    expect(updated.properties).toEqual({ __provider: PROVIDER, size: 2, revision: 2 });
    await host.delete("t-1", URN, { __provider: PROVIDER, size: 2 });
    await host.settleLogs();
    expect(lines).toContain("stderr: deleted t-1");
  });

  test("an error carrying id and properties arrives as HostCallError with initFailed", async () => {
    const error = await host
      .create(URN, { __provider: PROVIDER, size: 1, partial: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostCallError);
    expect(error).toMatchObject({
      method: "create",
      code: 2,
      message: "creating t-7: not ready",
      initFailed: { id: "t-7", properties: { size: 1, half: true }, reasons: ["timed out"] },
    });
  });

  test("a plain error arrives as HostCallError with the provider's message and no initFailed", async () => {
    const error = await host.create(URN, { __provider: PROVIDER, reject: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostCallError);
    expect((error as HostCallError).message).toBe("creating: rejected");
    expect((error as HostCallError).initFailed).toBeUndefined();
  });

  test("a start in a directory that does not exist fails", async () => {
    await expect(ProviderHost.start({ cwd: "/nonexistent/engine-harness", project: "p" })).rejects.toThrow();
  });
});
