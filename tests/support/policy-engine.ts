/**
 * Runs a compiled example program through the engine-protocol runner with the real policy pack
 * attached, as `pulumi preview|up --policy-pack policy [--policy-pack-config f]` would.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { OperationReport } from "../engine/cli.js";
import { ROOT, runEngineCli } from "./engine.js";

export const POLICY_PACK = path.join(ROOT, "policy");

export interface PolicyRun {
  /** Compiled program module, relative to the repository root. */
  program: string;
  ops: ("preview" | "up" | "refresh" | "destroy")[];
  policyConfig?: Record<string, unknown>;
  config?: Record<string, string>;
  secretConfig?: Record<string, string>;
  project?: string;
}

export function runWithPolicies(run: PolicyRun): Promise<OperationReport[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "vpcep-policy-"));
  const args = [
    "--program",
    path.join(ROOT, run.program),
    "--cwd",
    ROOT,
    "--state",
    path.join(dir, "state.json"),
    "--project",
    run.project ?? "policy-test",
    "--stack",
    "dev",
    "--policy-pack",
    POLICY_PACK,
  ];
  if (run.policyConfig) {
    const file = path.join(dir, "policy-config.json");
    writeFileSync(file, JSON.stringify(run.policyConfig));
    args.push("--policy-pack-config", file);
  }
  for (const [key, value] of Object.entries(run.config ?? {})) args.push("--config", `${key}=${value}`);
  for (const [key, value] of Object.entries(run.secretConfig ?? {}))
    args.push("--secret-config", `${key}=${value}`);
  for (const op of run.ops) args.push("--op", op);
  return runEngineCli(args);
}

/** `policyName urnName` pairs of a report's violations, sorted: what a test compares. */
export function violationsOf(report: OperationReport): string[] {
  return report.policyViolations
    .map((d) => `${d.policyName} ${d.enforcementLevel} ${d.urn.slice(d.urn.lastIndexOf("::") + 2)}`)
    .sort();
}
