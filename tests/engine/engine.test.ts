/**
 * The engine harness end to end: the compiled CLI runs the fixture program (a dynamic provider
 * that keeps records in a JSON file) against the real dynamic-provider host. Closure serialization
 * must happen in plain Node, so every scenario spawns `node dist/tests/engine/cli.js` (built by
 * `npm test`'s pretest) and batches its operations into one spawn.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { OperationReport } from "./cli.js";
import type { Step } from "./engine.js";
import type { StackState } from "./state.js";
import { UNKNOWN } from "./values.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = path.join(ROOT, "dist/tests/engine/cli.js");
const PROGRAM = path.join(ROOT, "dist/tests/fixtures/engine/program.js");
const TYPE = "pulumi-nodejs:dynamic/fixture:Record";
const urn = (name: string): string => `urn:pulumi:dev::fixture::${TYPE}::${name}`;

interface PlannedRecord {
  name: string;
  label: unknown;
  size: unknown;
  zone: string;
  peerOf?: string;
  diffMode?: "unknown";
  deleteFirst?: boolean;
  failCreate?: boolean;
  throwCreate?: boolean;
}

interface ProviderEvent {
  call: string;
  id?: string;
  props?: Record<string, unknown>;
}

/** A stack in its own temp directory: plan, record store, events and state all live there. */
class Stack {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-harness-"));
  readonly stateFile = path.join(this.dir, "state.json");

  plan(records: PlannedRecord[], gets: { name: string; id: string }[] = [], programError?: string): void {
    fs.writeFileSync(path.join(this.dir, "plan.json"), JSON.stringify({ records, gets, programError }));
  }

  /** Runs the CLI once; the events file is cleared first so that it holds this run's calls only. */
  run(...ops: string[]): Promise<OperationReport[]> {
    return this.runWith([], ...ops);
  }

  /** As {@link run}, with extra command-line flags (`--continue-on-error`, `--parallel 1`). */
  async runWith(flags: string[], ...ops: string[]): Promise<OperationReport[]> {
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
    args.push("--config", `dir=${this.dir}`, ...flags, ...ops.flatMap((op) => ["--op", op]));
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT });
    return stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as OperationReport);
  }

  events(): ProviderEvent[] {
    const file = path.join(this.dir, "events.jsonl");
    if (!fs.existsSync(file)) {
      return [];
    }
    return fs
      .readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as ProviderEvent);
  }

  /** The fixture's record store: what exists "in the cloud". */
  records(): Record<string, Record<string, unknown>> {
    const file = path.join(this.dir, "records.json");
    return fs.existsSync(file)
      ? (JSON.parse(fs.readFileSync(file, "utf8")) as { records: Record<string, Record<string, unknown>> })
          .records
      : {};
  }

  /** Changes the store behind the engine's back. */
  outOfBand(change: (records: Record<string, Record<string, unknown>>) => void): void {
    const file = path.join(this.dir, "records.json");
    const store = JSON.parse(fs.readFileSync(file, "utf8")) as {
      records: Record<string, Record<string, unknown>>;
    };
    change(store.records);
    fs.writeFileSync(file, JSON.stringify(store));
  }

  /** Seeds the store (before any run) with records the program can `get`. */
  seed(records: Record<string, Record<string, unknown>>): void {
    fs.writeFileSync(path.join(this.dir, "records.json"), JSON.stringify({ next: 100, records }));
  }

  state(): StackState {
    return JSON.parse(fs.readFileSync(this.stateFile, "utf8")) as StackState;
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The step of one resource (not the delete of its replaced old half). */
function stepOf(report: OperationReport, name: string): Step | undefined {
  return report.steps.find((step) => step.name === name && !step.replaced);
}

/** `{ name: op }` for every step of a report, leaving out the deletes of replaced resources. */
function ops(report: OperationReport): Record<string, string> {
  return Object.fromEntries(
    report.steps.filter((step) => !step.replaced).map((step) => [step.name, step.op]),
  );
}

function calls(events: ProviderEvent[], call: string): ProviderEvent[] {
  return events.filter((event) => event.call === call);
}

describe("engine harness: a stack's life", () => {
  const stack = new Stack();
  afterAll(() => stack.remove());

  const v1: PlannedRecord[] = [
    { name: "a", label: "A", size: 1, zone: "z1" },
    { name: "b", label: "B", size: 2, zone: "z1", peerOf: "a" },
    { name: "u", label: "U", size: 0, zone: "z1", diffMode: "unknown" },
    { name: "d", label: "D", size: 0, zone: "z1", deleteFirst: true },
    { name: "old", label: "Old", size: 0, zone: "z1" },
  ];

  test("preview creates nothing, up creates everything, a second preview is all same", async () => {
    stack.seed({ "rec-77": { label: "existing", size: 7, zone: "z9", revision: 3 } });
    stack.plan(v1, [{ name: "seen", id: "rec-77" }]);
    const [preview, up, again] = await stack.run("preview", "up", "preview");

    expect(preview).toMatchObject({ op: "preview", ok: true, errors: [] });
    expect(ops(preview!)).toEqual({
      a: "create",
      b: "create",
      u: "create",
      d: "create",
      old: "create",
      seen: "read",
    });
    expect(stepOf(preview!, "a")?.id).toBeUndefined();
    expect(preview!.logs.some((line) => line.startsWith("created"))).toBe(false);
    // b's peer is a's arn: unknown until a exists, so Check saw the sentinel during preview.
    const checksOfB = calls(stack.events(), "check").filter((event) => event.props?.label === "B");
    expect(checksOfB[0]?.props?.peer).toBe(UNKNOWN);
    expect(checksOfB[1]?.props?.peer).toMatch(/^arn:record:rec-/);
    expect(preview!.outputs).toEqual({
      arns: { a: UNKNOWN, b: UNKNOWN, u: UNKNOWN, d: UNKNOWN, old: UNKNOWN, seen: "arn:record:rec-77" },
    });

    expect(up).toMatchObject({ op: "up", ok: true, errors: [] });
    expect(ops(up!)).toEqual({
      a: "create",
      b: "create",
      u: "create",
      d: "create",
      old: "create",
      seen: "read",
    });
    expect(calls(stack.events(), "create")).toHaveLength(5);
    const arns = (up!.outputs as { arns: Record<string, string> }).arns;
    expect(arns.b).toBe(`arn:record:${stepOf(up!, "b")?.id}`);
    expect(stack.state().resources.map((r) => r.name)).toEqual(expect.arrayContaining(["a", "b", "seen"]));
    expect(stack.state().resources.find((r) => r.name === "seen")?.external).toBe(true);
    expect(stack.state().resources.find((r) => r.name === "b")?.dependencies).toEqual([urn("a")]);

    expect(again).toMatchObject({ op: "preview", ok: true });
    expect(new Set(Object.values(ops(again!)))).toEqual(new Set(["same", "read"]));
    expect(again!.outputs).toEqual(up!.outputs);
  });

  test("updates in place, replaces create-before-delete or delete-before-replace, deletes what the program dropped", async () => {
    const before = stack.state();
    const idOf = (name: string): string => before.resources.find((r) => r.name === name)!.id;
    stack.plan(
      [
        { name: "a", label: "A2", size: 1, zone: "z1" },
        { name: "b", label: "B", size: 2, zone: "z2", peerOf: "a" },
        { name: "u", label: "U2", size: 0, zone: "z1", diffMode: "unknown" },
        { name: "d", label: "D", size: 0, zone: "z2", deleteFirst: true },
      ],
      [{ name: "seen", id: "rec-77" }],
    );
    const [preview, up] = await stack.run("preview", "up");
    const events = stack.events();

    expect(preview).toMatchObject({ ok: true });
    expect(ops(preview!)).toEqual({
      a: "update",
      b: "replace",
      u: "update",
      d: "replace",
      old: "delete",
      seen: "read",
    });
    expect(stepOf(preview!, "a")).toMatchObject({ id: idOf("a"), changedKeys: ["label"] });
    expect(stepOf(preview!, "b")).toMatchObject({ replaceKeys: ["zone"], deleteBeforeReplace: false });
    expect(stepOf(preview!, "d")).toMatchObject({ replaceKeys: ["zone"], deleteBeforeReplace: true });
    // diff answered "unknown" for u: the engine compared the inputs itself.
    expect(stepOf(preview!, "u")).toMatchObject({ op: "update", changedKeys: ["label"] });
    expect(preview!.logs.some((line) => /^(created|deleted)/.test(line))).toBe(false);

    expect(up).toMatchObject({ ok: true, errors: [] });
    expect(ops(up!)).toEqual({
      a: "update",
      b: "replace",
      u: "update",
      d: "replace",
      old: "delete",
      seen: "read",
    });
    expect(calls(events, "update").map((e) => e.id)).toEqual(expect.arrayContaining([idOf("a"), idOf("u")]));

    // Create-before-delete: the new b exists before the old one goes, at the end of the run.
    const newB = stepOf(up!, "b")!.id!;
    expect(newB).not.toBe(idOf("b"));
    const at = (call: string, id: string): number => events.findIndex((e) => e.call === call && e.id === id);
    expect(at("create", newB)).toBeLessThan(at("delete", idOf("b")));
    // Delete-before-replace: the old d goes first.
    const newD = stepOf(up!, "d")!.id!;
    expect(at("delete", idOf("d"))).toBeLessThan(at("create", newD));
    expect(at("delete", idOf("old"))).toBeGreaterThan(-1);
    const replacedDeletes = up!.steps
      .filter((step) => step.replaced)
      .map((step) => `${step.name} ${step.id}`);
    expect(replacedDeletes).toEqual([`b ${idOf("b")}`]);
    const order = up!.steps.map((step) => `${step.op}${step.replaced ? "-replaced" : ""} ${step.name}`);
    expect(order.indexOf("replace b")).toBeLessThan(order.indexOf("delete-replaced b"));

    const records = stack.records();
    expect(Object.keys(records)).not.toEqual(expect.arrayContaining([idOf("b"), idOf("d"), idOf("old")]));
    expect(records[newB]).toMatchObject({ zone: "z2" });
    expect(stack.state().resources.some((r) => r.delete)).toBe(false);
    expect(stack.state().resources.map((r) => r.name)).not.toContain("old");
  });

  test("refresh takes out-of-band changes and drops what is gone; destroy deletes in reverse order", async () => {
    const before = stack.state();
    const idOf = (name: string): string => before.resources.find((r) => r.name === name)!.id;
    stack.outOfBand((records) => {
      records[idOf("a")]!.label = "changed outside";
      delete records[idOf("u")];
    });
    const [refresh, preview, destroy] = await stack.run("refresh", "preview", "destroy");

    expect(refresh).toMatchObject({ op: "refresh", ok: true });
    expect(stepOf(refresh!, "a")).toMatchObject({ op: "refresh", changedKeys: ["label"] });
    expect(stepOf(refresh!, "u")).toMatchObject({ op: "drop", id: idOf("u") });
    expect(stepOf(refresh!, "b")).toMatchObject({ op: "refresh", changedKeys: [] });
    expect(calls(stack.events(), "read").length).toBeGreaterThanOrEqual(before.resources.length);

    // The program still declares u and the old label of a.
    expect(stepOf(preview!, "u")?.op).toBe("create");
    expect(stepOf(preview!, "a")).toMatchObject({ op: "update", changedKeys: ["label"] });

    expect(destroy).toMatchObject({ op: "destroy", ok: true });
    const order = destroy!.steps.map((step) => `${step.op} ${step.name}`);
    expect(order.indexOf("delete b")).toBeLessThan(order.indexOf("delete a"));
    expect(order).toContain("drop seen");
    expect(order).not.toContain("delete u");
    // Only the record the stack never managed is left.
    expect(Object.keys(stack.records())).toEqual(["rec-77"]);
    expect(stack.state().resources).toEqual([]);
  });
});

describe("engine harness: failures", () => {
  const stack = new Stack();
  afterAll(() => stack.remove());

  test("a check failure stops preview and up: nothing after it is stepped", async () => {
    stack.plan([
      { name: "bad", label: "X", size: -1, zone: "z1" },
      { name: "half", label: "H", size: 1, zone: "z1", failCreate: true },
      { name: "fine", label: "F", size: 1, zone: "z1" },
    ]);
    const [preview, up] = await stack.run("preview", "up");

    const sizeProblem = `${TYPE} resource 'bad': property size value {-1} has a problem: size must be a non-negative integer`;
    for (const report of [preview!, up!]) {
      // As the engine: an invalid resource bails out of step generation, which goes one
      // registration at a time in arrival order, so the later ones are never stepped.
      expect(report).toMatchObject({ ok: false, errors: [sizeProblem] });
      expect(stepOf(report, "bad")).toMatchObject({
        op: "failed",
        failures: [{ property: "size", reason: "size must be a non-negative integer" }],
      });
      expect(stepOf(report, "half")).toBeUndefined();
      expect(stepOf(report, "fine")).toBeUndefined();
    }
    expect(calls(stack.events(), "create")).toEqual([]);
    expect(stack.state().resources).toEqual([]);
  });

  test("with --continue-on-error, a partial create is recorded, then updated and destroyed", async () => {
    stack.plan([
      { name: "half", label: "H", size: 1, zone: "z1", failCreate: true },
      { name: "nope", label: "N", size: 1, zone: "z1", throwCreate: true },
      { name: "fine", label: "F", size: 1, zone: "z1" },
    ]);
    const [up] = await stack.runWith(["--continue-on-error"], "up");

    expect(up?.ok).toBe(false);
    const half = stepOf(up!, "half")!;
    expect(half).toMatchObject({ op: "failed", id: expect.stringMatching(/^rec-/) });
    expect(half.error).toContain("did not become ready");
    expect(stepOf(up!, "nope")).toMatchObject({ op: "failed", error: expect.stringContaining("rejected") });
    expect(stepOf(up!, "nope")?.id).toBeUndefined();
    expect(stepOf(up!, "fine")?.op).toBe("create");
    expect(up!.errors).toHaveLength(2);

    // The partially created record stayed in state with initErrors, so the next up updated it.
    stack.plan([
      { name: "half", label: "H", size: 1, zone: "z1" },
      { name: "fine", label: "F", size: 1, zone: "z1" },
    ]);
    const [secondUp, destroy] = await stack.run("up", "destroy");
    expect(secondUp).toMatchObject({ ok: true, errors: [] });
    expect(stepOf(secondUp!, "half")).toMatchObject({ op: "update", id: half.id });
    expect(stepOf(secondUp!, "fine")?.op).toBe("same");
    const events = stack.events();
    expect(calls(events, "update").map((e) => e.id)).toEqual([half.id]);

    // The failed op left nothing undeletable behind: destroy removed the half-created record too.
    expect(destroy).toMatchObject({ ok: true });
    expect(stepOf(destroy!, "half")).toMatchObject({ op: "delete", id: half.id });
    expect(calls(events, "delete").map((e) => e.id)).toContain(half.id);
    expect(stack.records()).toEqual({});
    expect(stack.state().resources).toEqual([]);
  });

  test("a program that throws fails the op and deletes nothing it no longer declares", async () => {
    stack.plan([
      { name: "keep", label: "K", size: 1, zone: "z1" },
      { name: "left", label: "L", size: 1, zone: "z1" },
    ]);
    const [up] = await stack.run("up");
    expect(up?.ok).toBe(true);

    stack.plan([{ name: "keep", label: "K", size: 1, zone: "z1" }], [], "the program broke");
    const [preview, failed] = await stack.run("preview", "up");
    for (const report of [preview!, failed!]) {
      expect(report).toMatchObject({ ok: false, errors: ["program: the program broke"] });
      expect(ops(report)).toEqual({ keep: "same" });
      expect(report.outputs).toBeUndefined();
    }
    expect(calls(stack.events(), "delete")).toEqual([]);
    expect(stack.state().resources.map((r) => r.name)).toEqual(["keep", "left"]);
    expect(stack.state().outputs).toEqual(up!.outputs);
  });
});
