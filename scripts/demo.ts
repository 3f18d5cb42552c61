/**
 * `npm run demo`: starts the emulator and runs the quickstart program through preview, up, a second
 * preview, an in-place change, a replacing change, refresh and destroy, printing each step. Uses the
 * real Pulumi CLI (Automation API, local file backend) when `pulumi` is on PATH, otherwise the
 * engine-protocol runner (the real dynamic-provider host over gRPC).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../emulator/index.js";
import { runOps, type OperationReport } from "../tests/engine/cli.js";
import { loadState } from "../tests/engine/state.js";
import { runWithCli } from "./demo-cli.js";
import { emulatorConfig, PROJECT, ROOT, SECRET_KEYS, STACK, STAGES } from "./demo-stages.js";

function count(report: OperationReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const step of report.steps) counts[step.op] = (counts[step.op] ?? 0) + 1;
  return counts;
}

function matches(actual: Record<string, number>, expected: Record<string, number>): boolean {
  return Object.entries(expected).every(([op, n]) => actual[op] === n);
}

function describeResource(stateFile: string, name: string, id: string | undefined): string {
  const resource = loadState(stateFile, PROJECT, STACK).resources.find((r) => r.name === name && !r.delete);
  // A delete (or the old half of a replacement) names an object no longer in state.
  if (!resource || (id !== undefined && resource.id !== id)) return id ? ` ${id}` : "";
  const outputs = resource.outputs;
  return ` ${resource.id} state=${String(outputs.state ?? "?")}${outputs.privateIp ? ` ip=${String(outputs.privateIp)}` : ""}`;
}

async function runWithEngine(emulator: RunningEmulator): Promise<boolean> {
  const workDir = mkdtempSync(path.join(tmpdir(), "vpcep-demo-"));
  const stateFile = path.join(workDir, "state.json");
  let ok = true;
  try {
    for (const [index, stage] of STAGES.entries()) {
      console.log(`\n[${index + 1}/${STAGES.length}] ${stage.title} (${stage.op})`);
      const [report] = await runOps({
        program: path.join(ROOT, "dist/examples/quickstart/index.js"),
        cwd: ROOT,
        stateFile,
        project: PROJECT,
        stack: STACK,
        config: { ...emulatorConfig(emulator), ...stage.config },
        secretKeys: SECRET_KEYS,
        ops: [stage.op],
        onLine: (line) => console.log(`    | ${line}`),
      });
      for (const step of report!.steps) {
        const detail = step.changedKeys?.length ? ` [${step.changedKeys.join(", ")}]` : "";
        console.log(
          `  ${step.op.padEnd(8)} ${step.name}${detail}${describeResource(stateFile, step.name, step.id)}`,
        );
      }
      for (const error of report!.errors) console.log(`  error: ${error}`);
      const counts = count(report!);
      if (!report!.ok || !matches(counts, stage.expect)) {
        console.log(`  UNEXPECTED: got ${JSON.stringify(counts)}, expected ${JSON.stringify(stage.expect)}`);
        ok = false;
        break;
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return ok;
}

function pulumiOnPath(): boolean {
  try {
    execFileSync("pulumi", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ defaultProgression: "time:600", auth: "strict" });
  console.log(
    `emulator: ${Object.entries(emulator.urls)
      .map(([cloud, url]) => `${cloud} ${url}`)
      .join(", ")}`,
  );
  let ok = false;
  try {
    if (pulumiOnPath()) {
      console.log("pulumi CLI found: running the quickstart through the Automation API");
      ok = await runWithCli({
        root: ROOT,
        config: emulatorConfig(emulator),
        secretKeys: SECRET_KEYS,
        stages: STAGES,
      });
    } else {
      console.log("pulumi CLI not found: running the quickstart through the engine-protocol runner");
      ok = await runWithEngine(emulator);
    }
  } finally {
    await emulator.close();
  }
  console.log(ok ? "\ndemo finished: every step did what it should" : "\ndemo FAILED");
  process.exitCode = ok ? 0 : 1;
}

await main();
