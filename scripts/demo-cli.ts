/**
 * The demo through the real Pulumi CLI (Automation API, local file backend, no network). Used only
 * where `pulumi` is on PATH; the engine-protocol runner covers machines without it.
 */
import { mkdirSync } from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, type ConfigMap } from "@pulumi/pulumi/automation/index.js";

export interface CliStage {
  title: string;
  op: "preview" | "up" | "refresh" | "destroy";
  config: Record<string, string>;
  expect: Record<string, number>;
}

export interface CliDemoOptions {
  root: string;
  config: Record<string, string>;
  secretKeys: string[];
  stages: CliStage[];
}

/** The stack resource itself shows up in the CLI's counts; only changes are compared. */
function changesMatch(
  summary: Record<string, number | undefined>,
  expected: Record<string, number>,
): boolean {
  return Object.entries(expected)
    .filter(([op]) => op !== "same" && op !== "refresh")
    .every(([op, n]) => (summary[op] ?? 0) === n);
}

export async function runWithCli(options: CliDemoOptions): Promise<boolean> {
  const backend = path.join(options.root, ".state");
  mkdirSync(backend, { recursive: true });
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "demo", workDir: options.root },
    {
      envVars: {
        PULUMI_BACKEND_URL: `file://${backend}`,
        PULUMI_CONFIG_PASSPHRASE: "vpcep-demo",
        PULUMI_SKIP_UPDATE_CHECK: "true",
      },
    },
  );
  const print = (line: string) => process.stdout.write(`    | ${line}`);
  for (const [index, stage] of options.stages.entries()) {
    console.log(`\n[${index + 1}/${options.stages.length}] ${stage.title} (${stage.op})`);
    const config: ConfigMap = {};
    for (const [key, value] of Object.entries({ ...options.config, ...stage.config })) {
      const fullKey = key.includes(":") ? key : `vpcep-quickstart:${key}`;
      config[fullKey] = { value, secret: options.secretKeys.includes(fullKey) };
    }
    await stack.setAllConfig(config);
    let summary: Record<string, number | undefined> = {};
    if (stage.op === "preview") summary = (await stack.preview({ onOutput: print })).changeSummary;
    else if (stage.op === "up") summary = (await stack.up({ onOutput: print })).summary.resourceChanges ?? {};
    else if (stage.op === "refresh") await stack.refresh({ onOutput: print });
    else summary = (await stack.destroy({ onOutput: print })).summary.resourceChanges ?? {};
    console.log(`  changes: ${JSON.stringify(summary)}`);
    if (!changesMatch(summary, stage.expect)) {
      console.log(`  UNEXPECTED: expected ${JSON.stringify(stage.expect)}`);
      return false;
    }
  }
  await stack.workspace.removeStack("demo");
  return true;
}
