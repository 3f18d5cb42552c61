/** The state file and its journal: replay, torn lines, stale journals, dependency order. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  journalFile,
  loadState,
  recoverState,
  saveState,
  StateJournal,
  type ResourceState,
} from "./state.js";

const resource = (name: string, extra: Partial<ResourceState> = {}): ResourceState => ({
  urn: `urn:pulumi:dev::p::t::${name}`,
  type: "t",
  name,
  custom: true,
  id: `id-${name}`,
  inputs: { name },
  outputs: { name },
  ...extra,
});

describe("state journal", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-state-"));
    file = path.join(dir, "state.json");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("after each step the state on disk is the state so far, without compaction", () => {
    const base = saveState(file, { version: 1, project: "p", stack: "dev", resources: [resource("a")] });
    const journal = new StateJournal(file, base);
    journal.step([resource("b", { dependencies: [resource("a").urn] })]);
    expect(loadState(file, "p", "dev").resources.map((r) => r.name)).toEqual(["a", "b"]);
    // A replacement: new a and the old a's pending delete in one line.
    journal.step([resource("a", { id: "id-a2" }), resource("a", { delete: true })]);
    journal.step([], [resource("b").urn]);
    journal.close();
    const state = loadState(file, "p", "dev");
    expect(state.resources.map((r) => `${r.name} ${r.id}${r.delete ? " pending" : ""}`)).toEqual([
      "a id-a2",
      "a id-a pending",
    ]);
    // The base file itself was not rewritten.
    expect(JSON.parse(fs.readFileSync(file, "utf8")).resources).toHaveLength(1);
  });

  test("a torn last line is ignored; recovery compacts and removes the journal", () => {
    const base = saveState(file, { version: 1, project: "p", stack: "dev", resources: [] });
    const journal = new StateJournal(file, base);
    journal.step([resource("a")]);
    journal.close();
    fs.appendFileSync(journalFile(file), '{"t":"step","put":[{"urn":');
    expect(loadState(file, "p", "dev").resources.map((r) => r.name)).toEqual(["a"]);
    const recovered = recoverState(file, "p", "dev");
    expect(recovered.resources.map((r) => r.name)).toEqual(["a"]);
    expect(fs.existsSync(journalFile(file))).toBe(false);
    expect(loadState(file, "p", "dev").serial).toBe((base.serial ?? 0) + 1);
  });

  test("a journal of an older serial (compacted, then the run died) is dropped", () => {
    const base = saveState(file, { version: 1, project: "p", stack: "dev", resources: [] });
    const journal = new StateJournal(file, base);
    journal.step([resource("a")]);
    journal.close();
    const stale = fs.readFileSync(journalFile(file), "utf8");
    journal.compact({ ...base, resources: [] });
    fs.writeFileSync(journalFile(file), stale);
    expect(loadState(file, "p", "dev").resources).toEqual([]);
  });

  test("replay puts a resource after what it depends on, even when the dependency came later", () => {
    const base = saveState(file, { version: 1, project: "p", stack: "dev", resources: [resource("old")] });
    const journal = new StateJournal(file, base);
    journal.step([resource("fresh")]);
    // An update made the old resource depend on the new one.
    journal.step([resource("old", { dependencies: [resource("fresh").urn] })]);
    journal.close();
    expect(loadState(file, "p", "dev").resources.map((r) => r.name)).toEqual(["fresh", "old"]);
  });

  test("a journal without a state file is a new stack's first steps", () => {
    const journal = new StateJournal(file, { version: 1, project: "p", stack: "dev", resources: [] });
    journal.step([resource("a")]);
    journal.close();
    expect(fs.existsSync(file)).toBe(false);
    expect(loadState(file, "p", "dev").resources.map((r) => r.name)).toEqual(["a"]);
  });
});
