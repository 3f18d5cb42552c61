/**
 * Policy packs in the engine harness: `PolicyAnalyzer` against the fixture pack
 * (`tests/fixtures/policy-pack`) started as the CLI starts it, then preview and up through the
 * compiled CLI with `--policy-pack` (built by `npm test`'s pretest, as engine.test.ts needs).
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PolicyAnalyzer, reconcilePolicyConfig, type AnalyzerStackResource } from "./analyzer.js";
import { parseArgs, type OperationReport } from "./cli.js";
import type { Step } from "./engine.js";
import type { PlannedForeign } from "./policy-program.js";
import type { StackState } from "./state.js";
import { UNKNOWN } from "./values.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PACK = path.join(ROOT, "tests/fixtures/policy-pack");
const CLI = path.join(ROOT, "dist/tests/engine/cli.js");
const PROGRAM = path.join(ROOT, "dist/tests/engine/policy-program.js");
const RECORD = "pulumi-nodejs:dynamic/fixture:Record";
const VPC = "huaweicloud:Vpc/vpc:Vpc";
const urn = (name: string, type = RECORD): string => `urn:pulumi:dev::fixture::${type}::${name}`;

/** Every pack a test starts, so that none outlives the suite. */
const started: PolicyAnalyzer[] = [];
async function startPack(
  config?: Parameters<typeof PolicyAnalyzer.start>[0]["config"],
): Promise<PolicyAnalyzer> {
  const pack = await PolicyAnalyzer.start({ packDir: PACK, ...(config ? { config } : {}) });
  started.push(pack);
  return pack;
}
afterAll(() => Promise.all(started.map((pack) => pack.close())));

const record = (name: string, properties: Record<string, unknown>) => ({
  type: RECORD,
  urn: urn(name),
  name,
  properties,
});

describe("PolicyAnalyzer", () => {
  let pack: PolicyAnalyzer;
  beforeAll(async () => {
    pack = await startPack();
  });

  test("starts as the CLI does and describes the pack", async () => {
    const info = await pack.info();
    expect(info).toMatchObject({ name: "engine-fixture", version: "0.3.0", supportsConfig: true });
    expect(Object.fromEntries(info.policies.map((p) => [p.name, [p.type, p.enforcementLevel]]))).toEqual({
      "record-forbidden-label": ["resource", "mandatory"],
      "record-size-advisory": ["resource", "advisory"],
      "record-max-size": ["resource", "advisory"],
      "record-peer-same-zone": ["stack", "mandatory"],
      "record-label-trim": ["resource", "disabled"],
      "vpc-protect-advisory": ["resource", "advisory"],
      "vpc-no-open-cidr": ["resource", "mandatory"],
    });
    expect(info.policies.find((p) => p.name === "record-forbidden-label")).toMatchObject({
      description: "A record's label must not start with 'forbidden'.",
      severity: "high",
    });
    expect(info.policies.find((p) => p.name === "record-max-size")?.configSchema).toEqual({
      properties: { maxSize: { type: "integer", minimum: 0, default: 100 } },
      required: [],
    });
    expect(info.initialConfig).toEqual({});
    expect(pack.port).toBeGreaterThan(0);
  });

  test("analyze reports violations with their levels and the policies that do not apply", async () => {
    const result = await pack.analyze(record("bad", { label: "forbidden-x", size: 9, zone: "z1" }));
    expect(result.diagnostics).toEqual([
      {
        policyName: "record-forbidden-label",
        policyPackName: "engine-fixture",
        policyPackVersion: "0.3.0",
        description: "A record's label must not start with 'forbidden'.",
        message: "A record's label must not start with 'forbidden'.\nlabel 'forbidden-x' is forbidden",
        enforcementLevel: "mandatory",
        urn: "",
        severity: "high",
      },
      expect.objectContaining({
        policyName: "record-size-advisory",
        enforcementLevel: "advisory",
        message: "Records larger than 5 are expensive.\nsize 9 is larger than 5 (inputs: label, size, zone)",
      }),
    ]);
    expect(result.notApplicable).toEqual([
      { policyName: "vpc-protect-advisory", reason: `Policy only applies to resources of type '${VPC}'` },
      { policyName: "vpc-no-open-cidr", reason: `Policy only applies to resources of type '${VPC}'` },
    ]);

    const fine = await pack.analyze(record("fine", { label: "Fine", size: 1, zone: "z1" }));
    expect(fine.diagnostics).toEqual([]);
    const vpc = await pack.analyze({
      type: VPC,
      urn: urn("v", VPC),
      name: "v",
      properties: { cidr: "0.0.0.0/0" },
      options: { protect: true },
    });
    expect(vpc.diagnostics.map((d) => [d.policyName, d.enforcementLevel])).toEqual([
      ["vpc-no-open-cidr", "mandatory"],
    ]);
    expect(vpc.notApplicable.map((n) => n.policyName)).toEqual([
      "record-forbidden-label",
      "record-size-advisory",
      "record-max-size",
    ]);
  });

  test('an unknown value gives an advisory "can\'t run during preview", not a violation', async () => {
    const result = await pack.analyze(record("later", { label: UNKNOWN, size: 1, zone: "z1" }));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        policyName: "record-forbidden-label",
        enforcementLevel: "advisory",
        message:
          "can't run policy 'record-forbidden-label' from policy pack 'engine-fixture@v0.3.0' during preview: " +
          "string value at .label can't be known during preview",
      }),
    ]);
  });

  test("the resource options reach the policies", async () => {
    const result = await pack.analyze({
      type: VPC,
      urn: urn("v", VPC),
      name: "v",
      properties: { cidr: "10.0.0.0/16" },
      options: {
        ignoreChanges: ["tags"],
        deleteBeforeReplace: false,
        aliases: [urn("old", VPC)],
        customTimeouts: { create: 600 },
        parent: urn("parent", "my:index:Component"),
      },
    });
    const [diagnostic] = result.diagnostics;
    const shown = JSON.parse(/options: (.*)\)$/.exec(diagnostic?.message ?? "")?.[1] ?? "null") as unknown;
    expect(shown).toEqual({
      protect: false,
      ignoreChanges: ["tags"],
      aliases: [urn("old", VPC)],
      customTimeouts: { createSeconds: 600, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
      deleteBeforeReplace: false,
      parent: urn("parent", "my:index:Component"),
    });
  });

  test("configure changes levels and config, `all` included; the defaults come back with {}", async () => {
    const oversized = record("mid", { label: "Mid", size: 4, zone: "z1" });
    expect((await pack.analyze(oversized)).diagnostics).toEqual([]);

    const sent = await pack.configure({ "record-max-size": { enforcementLevel: "mandatory", maxSize: 3 } });
    expect(sent["record-max-size"]).toEqual({ enforcementLevel: "mandatory", properties: { maxSize: 3 } });
    expect(sent["record-forbidden-label"]).toEqual({ enforcementLevel: "mandatory", properties: {} });
    expect((await pack.analyze(oversized)).diagnostics).toEqual([
      expect.objectContaining({
        policyName: "record-max-size",
        enforcementLevel: "mandatory",
        message: "A record's size must not exceed the configured maximum.\nsize 4 exceeds maxSize 3",
      }),
    ]);

    // `all` sets every level; a policy's own entry still wins.
    await pack.configure({
      all: "disabled",
      "record-max-size": { maxSize: 3 },
      "record-size-advisory": "mandatory",
    });
    const big = record("big", { label: "forbidden-big", size: 9, zone: "z1" });
    expect((await pack.analyze(big)).diagnostics.map((d) => [d.policyName, d.enforcementLevel])).toEqual([
      ["record-size-advisory", "mandatory"],
    ]);

    await pack.configure({});
    expect((await pack.analyze(oversized)).diagnostics).toEqual([]);
    expect(() => reconcilePolicyConfig({ policies: [], initialConfig: {} }, { all: "sometimes" })).toThrow(
      `parsing enforcement level for "all": "sometimes" is not a valid enforcement level`,
    );
  });

  test("remediate returns the whole new inputs of a policy configured to remediate", async () => {
    const padded = record("padded", { __provider: "exports.handler = …", label: "  Padded ", size: 1 });
    expect((await pack.remediate(padded)).remediations).toEqual([]);

    await pack.configure({ "record-label-trim": "remediate" });
    try {
      const { remediations } = await pack.remediate(padded);
      expect(remediations).toEqual([
        {
          policyName: "record-label-trim",
          policyPackName: "engine-fixture",
          policyPackVersion: "0.3.0",
          description: "Record labels carry no surrounding whitespace.",
          properties: { __provider: "exports.handler = …", label: "Padded", size: 1 },
          diagnostic: "",
        },
      ]);
    } finally {
      await pack.configure({});
    }
  });

  test("analyzeStack resolves propertyDependencies to the resources they name", async () => {
    const a = { ...record("a", { label: "A", size: 1, zone: "z1", arn: "arn:record:rec-1" }) };
    const b: AnalyzerStackResource = {
      ...record("b", { label: "B", size: 1, zone: "z2", peer: "arn:record:rec-1" }),
      dependencies: [a.urn],
      propertyDependencies: { peer: [a.urn] },
    };
    const result = await pack.analyzeStack([a, b]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        policyName: "record-peer-same-zone",
        enforcementLevel: "mandatory",
        message: "A record's peer must be a record in the same zone.\nb (z2) peers a (z1)",
        urn: b.urn,
      }),
    ]);
    // The same peer value without the dependency: the policy cannot know, and says nothing.
    expect((await pack.analyzeStack([a, { ...b, propertyDependencies: {} }])).diagnostics).toEqual([]);
    const sameZone = { ...b, properties: { ...b.properties, zone: "z1" } };
    expect((await pack.analyzeStack([a, sameZone])).diagnostics).toEqual([]);
  });

  test("a stack of 10,000 resources (over gRPC's default 4 MB) goes through", async () => {
    const padding = "x".repeat(500);
    const resources = Array.from({ length: 10_000 }, (_, i) => ({
      type: "test:index:Blob",
      urn: urn(`blob-${i}`, "test:index:Blob"),
      name: `blob-${i}`,
      properties: { padding, index: i },
    }));
    expect(JSON.stringify(resources).length).toBeGreaterThan(4 * 1024 * 1024);
    const result = await pack.analyzeStack(resources);
    expect(result.diagnostics).toEqual([]);
  });

  test("configureStack is accepted", async () => {
    await expect(
      pack.configureStack({ project: "fixture", stack: "dev", dryRun: true, tags: { team: "net" } }),
    ).resolves.toBeUndefined();
  });

  test("start fails with the pack's stderr when it exits before its port, or without PulumiPolicy.yaml", async () => {
    // Under the repository (in the git-ignored build output), so that the pack resolves
    // `@pulumi/pulumi`, and so run-policy-pack, from the root node_modules.
    fs.mkdirSync(path.join(ROOT, "dist"), { recursive: true });
    const dir = fs.mkdtempSync(path.join(ROOT, "dist", "broken-pack-"));
    try {
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "broken", version: "1.0.0" }));
      fs.writeFileSync(path.join(dir, "index.js"), 'throw new Error("the broken pack refuses to load");\n');
      await expect(PolicyAnalyzer.start({ packDir: dir })).rejects.toThrow("no PulumiPolicy.yaml");
      fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
      await expect(PolicyAnalyzer.start({ packDir: dir })).rejects.toThrow(
        /exited \(\d+\) before printing a port:[\s\S]*the broken pack refuses to load/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("--policy-pack flags", () => {
  const base = ["--program", "p.js", "--state", "s.json", "--project", "p", "--stack", "dev", "--op", "up"];

  test("each --policy-pack-config belongs to the pack before it (or to the only pack)", () => {
    expect(
      parseArgs([...base, "--policy-pack", "a", "--policy-pack-config", "a.json", "--policy-pack", "b"])
        .policyPacks,
    ).toEqual([{ dir: "a", config: "a.json" }, { dir: "b" }]);
    expect(parseArgs([...base, "--policy-pack-config", "c.json", "--policy-pack", "a"]).policyPacks).toEqual([
      { dir: "a", config: "c.json" },
    ]);
    expect(parseArgs(base).policyPacks).toBeUndefined();
    expect(() =>
      parseArgs([
        ...base,
        "--policy-pack",
        "a",
        "--policy-pack-config",
        "1.json",
        "--policy-pack-config",
        "2.json",
      ]),
    ).toThrow("--policy-pack-config given twice");
    expect(() =>
      parseArgs([...base, "--policy-pack-config", "c.json", "--policy-pack", "a", "--policy-pack", "b"]),
    ).toThrow("needs exactly one --policy-pack");
  });
});

interface PlannedRecord {
  name: string;
  label: string;
  size: number;
  zone: string;
  peerOf?: string;
}

/** A stack in its own temp directory, run through the compiled CLI with the fixture pack. */
class Stack {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-policy-"));
  readonly stateFile = path.join(this.dir, "state.json");

  plan(records: PlannedRecord[], foreign: PlannedForeign[] = []): void {
    fs.writeFileSync(path.join(this.dir, "plan.json"), JSON.stringify({ records, foreign }));
  }

  async run(ops: string[], flags: string[] = ["--policy-pack", PACK]): Promise<OperationReport[]> {
    fs.rmSync(path.join(this.dir, "events.jsonl"), { force: true });
    const args = [
      CLI,
      "--program",
      PROGRAM,
      "--state",
      this.stateFile,
      "--project",
      "fixture",
      "--stack",
      "dev",
    ];
    args.push("--config", `dir=${this.dir}`, ...ops.flatMap((op) => ["--op", op]), ...flags);
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT });
    return stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as OperationReport);
  }

  /** `policyConfig` written to a file, as the flag's value. */
  configFile(policyConfig: unknown): string {
    const file = path.join(this.dir, "policy-config.json");
    fs.writeFileSync(file, JSON.stringify(policyConfig));
    return file;
  }

  /** The provider calls of the last run (`__provider` left out by the fixture). */
  events(): { call: string; id?: string; props?: Record<string, unknown> }[] {
    const file = path.join(this.dir, "events.jsonl");
    return fs.existsSync(file)
      ? fs
          .readFileSync(file, "utf8")
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line) as { call: string })
      : [];
  }

  /** The fixture's record store: what exists "in the cloud", by id. */
  records(): Record<string, { label: string }> {
    const file = path.join(this.dir, "records.json");
    return fs.existsSync(file)
      ? (JSON.parse(fs.readFileSync(file, "utf8")) as { records: Record<string, { label: string }> }).records
      : {};
  }

  state(): StackState {
    return JSON.parse(fs.readFileSync(this.stateFile, "utf8")) as StackState;
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function ops(report: OperationReport): Record<string, string> {
  return Object.fromEntries(report.steps.map((step) => [step.name, step.op]));
}

function stepOf(report: OperationReport, name: string): Step | undefined {
  return report.steps.find((step) => step.name === name);
}

/** `[level, policy, resource name]` of every diagnostic, sorted. */
function violations(report: OperationReport): string[][] {
  return report.policyViolations
    .map((d) => [d.enforcementLevel, d.policyName, d.urn.split("::").pop() ?? ""])
    .sort((a, b) => a.join().localeCompare(b.join()));
}

const forbiddenLabel = `${urn("bad")}: mandatory policy violation: [record-forbidden-label] A record's label must not start with 'forbidden'.\nlabel 'forbidden-x' is forbidden`;

describe("engine harness with a policy pack", () => {
  const stacks: Stack[] = [];
  const newStack = (): Stack => {
    const stack = new Stack();
    stacks.push(stack);
    return stack;
  };
  afterAll(() => stacks.forEach((stack) => stack.remove()));

  test("preview reports every violation; up fails the mandatory one's step and creates the rest", async () => {
    const stack = newStack();
    stack.plan([
      { name: "ok", label: "OK", size: 1, zone: "z1" },
      { name: "big", label: "Big", size: 9, zone: "z1" },
      { name: "bad", label: "forbidden-x", size: 1, zone: "z1" },
    ]);
    const [preview, up] = await stack.run(["preview", "up"]);

    // As the engine's step generator: in preview the step is still planned, the preview fails.
    expect(preview).toMatchObject({ op: "preview", ok: false, errors: [forbiddenLabel] });
    expect(ops(preview!)).toEqual({ ok: "create", big: "create", bad: "create" });
    expect(violations(preview!)).toEqual([
      ["advisory", "record-size-advisory", "big"],
      ["mandatory", "record-forbidden-label", "bad"],
    ]);
    // The engine leaves internal keys out: policies never see `__provider`.
    expect(preview!.policyViolations.find((d) => d.policyName === "record-size-advisory")?.message).toBe(
      "Records larger than 5 are expensive.\nsize 9 is larger than 5 (inputs: label, size, zone)",
    );
    expect(preview!.policyLogs).toEqual([]);

    expect(up).toMatchObject({ op: "up", ok: false, errors: [forbiddenLabel] });
    expect(ops(up!)).toEqual({ ok: "create", big: "create", bad: "failed" });
    expect(stepOf(up!, "bad")).toMatchObject({ error: forbiddenLabel });
    expect(stepOf(up!, "bad")?.id).toBeUndefined();
    expect(violations(up!)).toEqual(violations(preview!));
    // Checked, never created.
    const events = stack.events();
    expect(events.some((e) => e.call === "check" && e.props?.label === "forbidden-x")).toBe(true);
    expect(events.filter((e) => e.call === "create").map((e) => e.props?.label)).toEqual(
      expect.arrayContaining(["OK", "Big"]),
    );
    expect(events.filter((e) => e.call === "create")).toHaveLength(2);
    expect(Object.values(stack.records()).map((r) => r.label)).toEqual(expect.arrayContaining(["OK", "Big"]));
    expect(Object.keys(stack.records())).toHaveLength(2);
    expect(
      stack
        .state()
        .resources.map((r) => r.name)
        .sort(),
    ).toEqual(["big", "ok"]);
  });

  test("a stack policy fails preview and up, after up created everything", async () => {
    const stack = newStack();
    const a = { name: "a", label: "A", size: 1, zone: "z1" };
    stack.plan([a, { name: "b", label: "B", size: 1, zone: "z2", peerOf: "a" }]);
    const [preview, up] = await stack.run(["preview", "up"]);
    const peerMessage = `${urn("b")}: mandatory policy violation: [record-peer-same-zone] A record's peer must be a record in the same zone.\nb (z2) peers a (z1)`;

    // During preview b's peer is unknown, yet its dependency on a is known and so is a's zone.
    expect(preview).toMatchObject({ ok: false, errors: [peerMessage] });
    expect(ops(preview!)).toEqual({ a: "create", b: "create" });
    expect(violations(preview!)).toEqual([["mandatory", "record-peer-same-zone", "b"]]);

    expect(up).toMatchObject({ ok: false, errors: [peerMessage] });
    expect(ops(up!)).toEqual({ a: "create", b: "create" });
    expect(Object.keys(stack.records())).toHaveLength(2);
    expect(stack.state().resources.find((r) => r.name === "b")?.id).toBe(stepOf(up!, "b")?.id);

    stack.plan([a, { name: "b", label: "B", size: 1, zone: "z1", peerOf: "a" }]);
    const [fixed] = await stack.run(["preview"]);
    expect(fixed).toMatchObject({ ok: true, errors: [], policyViolations: [] });
    expect(ops(fixed!)).toEqual({ a: "same", b: "replace" });
  });

  test("--policy-pack-config: a mandatory level and config block, a remediation changes what is created", async () => {
    const stack = newStack();
    stack.plan([
      { name: "padded", label: "  Padded ", size: 1, zone: "z1" },
      { name: "mid", label: "Mid", size: 4, zone: "z1" },
    ]);
    const config = stack.configFile({
      "record-label-trim": "remediate",
      "record-max-size": { enforcementLevel: "mandatory", maxSize: 3 },
    });
    const [up] = await stack.run(["up"], ["--policy-pack", PACK, "--policy-pack-config", config]);

    expect(up?.ok).toBe(false);
    expect(ops(up!)).toEqual({ padded: "create", mid: "failed" });
    expect(up?.errors).toEqual([
      `${urn("mid")}: mandatory policy violation: [record-max-size] A record's size must not exceed the configured maximum.\nsize 4 exceeds maxSize 3`,
    ]);
    // The remediated inputs (with `__provider` kept) went to Create, unchecked, as in the engine.
    expect(Object.values(stack.records()).map((r) => r.label)).toEqual(["Padded"]);
    expect(stack.state().resources.find((r) => r.name === "padded")?.inputs.label).toBe("Padded");
  });

  test("foreign resources are analysed and recorded without provider calls; destroy drops them", async () => {
    const stack = newStack();
    const records = [{ name: "ok", label: "OK", size: 1, zone: "z1" }];
    const foreign: PlannedForeign[] = [
      { type: VPC, name: "open", props: { cidr: "0.0.0.0/0" }, opts: { protect: true } },
      {
        type: VPC,
        name: "timed",
        props: { cidr: "10.1.0.0/16" },
        opts: {
          customTimeouts: { create: "10m", delete: "1h30s" },
          ignoreChanges: ["tags"],
          deleteBeforeReplace: true,
          aliases: [{ name: "old-timed" }],
        },
      },
    ];
    stack.plan(records, foreign);

    // Without a policy pack the harness still refuses what it cannot run.
    const [refused] = await stack.run(["preview"], []);
    expect(refused?.ok).toBe(false);
    expect(refused?.errors).toContain(
      `${VPC} resource 'open' is not a dynamic resource: the harness only runs those`,
    );

    const [preview] = await stack.run(["preview"]);
    expect(preview).toMatchObject({
      ok: false,
      errors: [
        `${urn("open", VPC)}: mandatory policy violation: [vpc-no-open-cidr] A VPC must not span the whole address space.\ncidr 0.0.0.0/0 is not allowed`,
      ],
    });
    expect(ops(preview!)).toEqual({ ok: "create", open: "create", timed: "create" });
    expect(violations(preview!)).toEqual([
      ["advisory", "vpc-protect-advisory", "timed"],
      ["mandatory", "vpc-no-open-cidr", "open"],
    ]);
    // The engine's AnalyzerResourceOptions, from the registration.
    const advisory = preview!.policyViolations.find((d) => d.policyName === "vpc-protect-advisory")!;
    expect(JSON.parse(/options: (.*)\)$/.exec(advisory.message)?.[1] ?? "null")).toEqual({
      protect: false,
      ignoreChanges: ["tags"],
      aliases: [urn("old-timed", VPC)],
      customTimeouts: { createSeconds: 600, updateSeconds: 0, deleteSeconds: 3630 },
      additionalSecretOutputs: [],
      deleteBeforeReplace: true,
    });
    expect(preview!.outputs).toMatchObject({ foreignIds: { open: UNKNOWN, timed: UNKNOWN } });

    foreign[0]!.props = { cidr: "10.0.0.0/16" };
    stack.plan(records, foreign);
    const [up] = await stack.run(["up"]);
    expect(up).toMatchObject({ ok: true, errors: [] });
    const ids = (up!.outputs as { foreignIds: Record<string, string> }).foreignIds;
    expect(ids.open).toMatch(/^open-[0-9a-f]{8}$/);
    expect(stepOf(up!, "open")).toMatchObject({ op: "create", id: ids.open });
    const open = stack.state().resources.find((r) => r.name === "open");
    expect(open).toMatchObject({
      foreign: true,
      custom: true,
      id: ids.open,
      inputs: { cidr: "10.0.0.0/16" },
      outputs: { cidr: "10.0.0.0/16", id: ids.open },
    });

    const [again, refresh, destroy] = await stack.run(["preview", "refresh", "destroy"]);
    expect(ops(again!)).toEqual({ ok: "same", open: "same", timed: "same" });
    expect((again!.outputs as { foreignIds: unknown }).foreignIds).toEqual(ids);
    expect(stepOf(refresh!, "open")).toMatchObject({ op: "same", id: ids.open });
    expect(destroy).toMatchObject({ ok: true });
    expect(ops(destroy!)).toEqual({ ok: "delete", open: "drop", timed: "drop" });
    expect(stack.state().resources).toEqual([]);
    // Only the record ever reached the provider.
    const events = stack.events();
    expect(events.map((e) => e.call)).toEqual(expect.arrayContaining(["check", "read", "delete"]));
    expect(events.filter((e) => e.id !== undefined).every((e) => e.id!.startsWith("rec-"))).toBe(true);
    expect(events.filter((e) => e.props?.cidr !== undefined)).toEqual([]);
  });
});
