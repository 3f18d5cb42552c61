/**
 * The runner steps the dependency graph as the engine does: independent resources at once (up to
 * `--parallel`), a dependent only after what it depends on, deletes in reverse, and a failure
 * stops what comes after it without abandoning what already runs. Overlap is proved by the gate
 * fixture (two calls that each wait for the other to start can only finish together), never by
 * timing; the event log gives the order. Also: the state journal of a run killed mid-way.
 */
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { OperationReport } from "./cli.js";
import type { GatePlan, GateSpec } from "./fixtures/gate-program.js";
import { journalFile, loadState } from "./state.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = path.join(ROOT, "dist/tests/engine/cli.js");
const PROGRAM = path.join(ROOT, "dist/tests/engine/fixtures/gate-program.js");

class GateStack {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-scheduling-"));
  readonly stateFile = path.join(this.dir, "state.json");

  plan(resources: GateSpec[], crashAfter?: string): void {
    const plan: GatePlan = { resources, ...(crashAfter ? { crashAfter } : {}) };
    fs.writeFileSync(path.join(this.dir, "plan.json"), JSON.stringify(plan));
  }

  args(flags: string[], ops: string[]): string[] {
    return [
      CLI,
      ...["--program", PROGRAM, "--state", this.stateFile, "--project", "gate", "--stack", "dev"],
      ...["--config", `dir=${this.dir}`, ...flags, ...ops.flatMap((op) => ["--op", op])],
    ];
  }

  /** Runs the CLI; the event log is cleared first so it holds this run's calls only. */
  async run(ops: string[], flags: string[] = []): Promise<OperationReport[]> {
    fs.rmSync(path.join(this.dir, "events.log"), { force: true });
    const { stdout } = await promisify(execFile)(process.execPath, this.args(flags, ops), { cwd: ROOT });
    return stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as OperationReport);
  }

  events(): string[] {
    const file = path.join(this.dir, "events.log");
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim().split("\n") : [];
  }

  state() {
    return loadState(this.stateFile, "gate", "dev");
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Position of an event in the log (-1 when absent). */
const at = (events: string[], event: string): number => events.indexOf(event);

/** `{ name: op }` of a report's steps. */
const ops = (report: OperationReport): Record<string, string> =>
  Object.fromEntries(report.steps.map((step) => [step.name, step.op]));

describe("engine runner: parallel steps within the dependency graph", () => {
  const stack = new GateStack();
  afterAll(() => stack.remove());

  test("up creates independent resources at once and a dependent after them; refresh reads at once; destroy deletes the dependent first, the rest at once", async () => {
    stack.plan([
      {
        name: "a",
        createGate: ["b:create-start"],
        deleteGate: ["b:delete-start"],
        readGate: ["b:read-start"],
      },
      {
        name: "b",
        createGate: ["a:create-start"],
        deleteGate: ["a:delete-start"],
        readGate: ["a:read-start"],
      },
      { name: "c", after: ["a", "b"] },
    ]);
    const [up] = await stack.run(["up"]);
    expect(up).toMatchObject({ ok: true, errors: [] });
    expect(ops(up!)).toEqual({ a: "create", b: "create", c: "create" });
    let events = stack.events();
    // a and b overlapped: each started before the other ended.
    expect(at(events, "a:create-start")).toBeLessThan(at(events, "b:create-end"));
    expect(at(events, "b:create-start")).toBeLessThan(at(events, "a:create-end"));
    // c waited for both.
    expect(at(events, "c:create-start")).toBeGreaterThan(at(events, "a:create-end"));
    expect(at(events, "c:create-start")).toBeGreaterThan(at(events, "b:create-end"));
    expect(stack.state().resources.find((r) => r.name === "c")?.dependencies).toHaveLength(2);

    const [refresh, destroy] = await stack.run(["refresh", "destroy"]);
    expect(refresh).toMatchObject({ ok: true, errors: [] });
    expect(destroy).toMatchObject({ ok: true, errors: [] });
    expect(ops(destroy!)).toEqual({ a: "delete", b: "delete", c: "delete" });
    events = stack.events();
    expect(at(events, "a:read-start")).toBeLessThan(at(events, "b:read-end"));
    expect(at(events, "b:read-start")).toBeLessThan(at(events, "a:read-end"));
    // The dependent went first; a and b overlapped.
    expect(at(events, "c:delete-end")).toBeLessThan(at(events, "a:delete-start"));
    expect(at(events, "c:delete-end")).toBeLessThan(at(events, "b:delete-start"));
    expect(at(events, "a:delete-start")).toBeLessThan(at(events, "b:delete-end"));
    expect(at(events, "b:delete-start")).toBeLessThan(at(events, "a:delete-end"));
    // Steps are listed in completion order.
    const destroyed = destroy!.steps.map((step) => step.name);
    expect(destroyed[0]).toBe("c");
    expect(stack.state().resources).toEqual([]);
  });

  test("--parallel 1 runs one step at a time", async () => {
    stack.plan([{ name: "p" }, { name: "q" }, { name: "r" }]);
    const [up, destroy] = await stack.run(["up", "destroy"], ["--parallel", "1"]);
    expect(up).toMatchObject({ ok: true });
    expect(destroy).toMatchObject({ ok: true });
    const events = stack.events();
    expect(events).toHaveLength(12);
    // Every start is followed by its own end.
    for (let i = 0; i < events.length; i += 2) {
      expect(events[i + 1]).toBe(events[i]!.replace("-start", "-end"));
    }
  });

  test("a failed step fails the operation: its dependents are not stepped, a running step finishes and is recorded, nothing new starts", async () => {
    stack.plan([
      // bad fails once indep runs; indep finishes only after bad failed.
      { name: "bad", failCreate: true, createGate: ["indep:create-start"] },
      { name: "indep", createGate: ["bad:create-fail"] },
      { name: "child", after: ["bad"] },
      // Registers only once indep exists, after the failure: the engine starts nothing new.
      { name: "late", after: ["indep"] },
    ]);
    const [up] = await stack.run(["up"]);
    expect(up!.ok).toBe(false);
    expect(up!.errors).toEqual([expect.stringContaining("creating bad: failed by the fixture")]);
    expect(ops(up!)).toEqual({ bad: "failed", indep: "create" });
    const events = stack.events();
    expect(at(events, "indep:create-end")).toBeGreaterThan(at(events, "bad:create-fail"));
    expect(events.some((event) => event.startsWith("child:") || event.startsWith("late:"))).toBe(false);
    expect(stack.state().resources.map((r) => r.name)).toEqual(["indep"]);

    // With --continue-on-error the independent one goes on; the dependent still waits.
    stack.plan([
      { name: "bad", failCreate: true },
      { name: "indep", createGate: ["bad:create-fail"] },
      { name: "child", after: ["bad"] },
      { name: "late", after: ["indep"] },
    ]);
    const [again] = await stack.run(["up"], ["--continue-on-error"]);
    expect(again!.ok).toBe(false);
    expect(again!.errors).toEqual([expect.stringContaining("creating bad: failed by the fixture")]);
    expect(ops(again!)).toEqual({ bad: "failed", indep: "same", late: "create" });
    expect(
      stack
        .state()
        .resources.map((r) => r.name)
        .sort(),
    ).toEqual(["indep", "late"]);
    const [destroy] = await stack.run(["destroy"]);
    expect(destroy).toMatchObject({ ok: true });
    expect(at(stack.events(), "late:delete-end")).toBeLessThan(at(stack.events(), "indep:delete-start"));
  });
});

describe("engine runner: the state journal", () => {
  const stack = new GateStack();
  afterAll(() => stack.remove());

  test("a runner killed mid-up leaves the steps it completed on disk; the next up finishes from there", async () => {
    stack.plan([{ name: "one" }, { name: "two", after: ["one"] }, { name: "three", after: ["two"] }], "two");
    // In its own process group: the killed runner cannot stop its host, the test does.
    const runner = spawn(process.execPath, stack.args([], ["up"]), {
      cwd: ROOT,
      detached: true,
      stdio: "ignore",
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      runner.once("exit", (_code, sig) => resolve(sig)),
    );
    try {
      process.kill(-runner.pid!, "SIGKILL");
    } catch {
      // The group is already gone.
    }
    expect(signal).toBe("SIGKILL");
    // Nothing was compacted: the journal holds the two completed creates.
    expect(fs.existsSync(journalFile(stack.stateFile))).toBe(true);
    const state = stack.state();
    const created = stack
      .events()
      .filter((event) => event.endsWith(":create-end"))
      .map((event) => event.split(":")[0]);
    expect(state.resources.map((r) => r.name)).toEqual(["one", "two"]);
    expect(created).toEqual(expect.arrayContaining(["one", "two"]));
    expect(state.resources.find((r) => r.name === "two")).toMatchObject({
      id: "gate-two",
      dependencies: [expect.stringContaining("::one")],
    });

    stack.plan([{ name: "one" }, { name: "two", after: ["one"] }, { name: "three", after: ["two"] }]);
    const [up] = await stack.run(["up"]);
    expect(up).toMatchObject({ ok: true });
    expect(ops(up!)).toEqual({ one: "same", two: "same", three: "create" });
    expect(fs.existsSync(journalFile(stack.stateFile))).toBe(false);
    expect(stack.state().resources.map((r) => r.name)).toEqual(["one", "two", "three"]);
  });
});
