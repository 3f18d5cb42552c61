/**
 * The engine harness as a command: runs operations on one program, in order, in one process with
 * one dynamic-provider host, and prints one JSON line per operation.
 *
 *   node dist/tests/engine/cli.js --program <module.js> --state <file> --project <name> --stack <name>
 *     [--config key=value]... [--secret-config key=value]... --op up [--op preview]...
 *     [--cwd <program dir>] [--env KEY=VALUE]...
 *     [--policy-pack <dir> [--policy-pack-config <file.json>]]... [--parallel <n>] [--continue-on-error]
 *
 * Exits 0 when every operation ran (failed or not: the JSON says), 1 on a harness error, 2 on a
 * usage error. `runOps` is the same thing for in-process callers (the demo script).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { PolicyAnalyzer, type PolicyConfigFile } from "./analyzer.js";
import { runOperation, type Operation, type OperationResult, type Program } from "./engine.js";
import { ProviderHost } from "./host.js";

/** One operation's result plus the host's output lines written while it ran. */
export interface OperationReport extends OperationResult {
  logs: string[];
  /** With policy packs: the packs' output lines written while it ran, as `[<pack dir name>] <line>`. */
  policyLogs?: string[];
}

/** A policy pack to run, as `--policy-pack <dir> [--policy-pack-config <file>]`. */
export interface PolicyPackOption {
  dir: string;
  /** A policy-config JSON file, or its parsed contents. */
  config?: string | PolicyConfigFile;
}

/** What {@link runOps} needs. */
export interface RunOpsOptions {
  /** A program function, or the path of a compiled ES module whose default export is one. */
  program: string | Program;
  stateFile: string;
  project: string;
  stack: string;
  /** Stack config; bare keys are namespaced with the project (`"<project>:<key>"`). */
  config?: Record<string, string>;
  /** Keys of `config` (bare or namespaced) to treat as secrets in the program. */
  secretKeys?: string[];
  ops: Operation[];
  /** The program directory, the host's cwd. Default: the module's directory, else `process.cwd()`. */
  cwd?: string;
  /** Extra environment for the host (and the policy packs). */
  env?: Record<string, string>;
  /**
   * Policy packs, started (in their own directories) before the first operation, configured like
   * the CLI does, stack-configured before each preview and up, and stopped at the end.
   */
  policyPacks?: PolicyPackOption[];
  /** The CLI's `--parallel`: resource operations at once. Default: four per CPU (`defaultParallel`). */
  parallel?: number;
  /** The CLI's `--continue-on-error`. */
  continueOnError?: boolean;
  /** Every host output line, as it arrives. */
  onLine?: (line: string, stream: "stdout" | "stderr") => void;
  /** Each operation's report, as soon as it is done. */
  onReport?: (report: OperationReport) => void;
}

const OPERATIONS: readonly Operation[] = ["preview", "up", "refresh", "destroy"];

/** `"<project>:<key>"` for a bare key; a namespaced key unchanged. */
function namespaced(project: string, key: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

/**
 * A program from a compiled ES module, imported on its first run (after the mocks are in place).
 * A default-exported function is the program: it is called on every run and its return value
 * gives the stack outputs. A module without one declares its resources in its body, like a
 * top-level Pulumi program: it is imported afresh (a new query string) on every run and its named
 * exports are the stack outputs.
 */
export function loadProgram(modulePath: string): Program {
  const url = pathToFileURL(path.resolve(modulePath)).href;
  let runs = 0;
  let main: Program | undefined;
  return async () => {
    if (main) {
      return main();
    }
    runs += 1;
    const module = (await import(runs === 1 ? url : `${url}?run=${runs}`)) as Record<string, unknown>;
    if (typeof module.default === "function") {
      main = module.default as Program;
      return main();
    }
    return Object.fromEntries(Object.entries(module).filter(([key]) => key !== "default"));
  };
}

/** Runs `ops` in order against one host; the host is stopped at the end. */
export async function runOps(options: RunOpsOptions): Promise<OperationReport[]> {
  const { project } = options;
  const config = Object.fromEntries(
    Object.entries(options.config ?? {}).map(([key, value]) => [namespaced(project, key), value]),
  );
  const secretKeys = (options.secretKeys ?? []).map((key) => namespaced(project, key));
  const modulePath = typeof options.program === "string" ? path.resolve(options.program) : undefined;
  const cwd = path.resolve(options.cwd ?? (modulePath ? path.dirname(modulePath) : process.cwd()));
  const stateFile = path.resolve(options.stateFile);
  const program = typeof options.program === "function" ? options.program : loadProgram(modulePath!);

  const host = await ProviderHost.start({
    cwd,
    project,
    ...(options.env ? { env: options.env } : {}),
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
  const packs: PolicyAnalyzer[] = [];
  const policyLogs: string[] = [];
  const reports: OperationReport[] = [];
  try {
    for (const pack of options.policyPacks ?? []) {
      const dir = path.resolve(pack.dir);
      const label = path.basename(dir);
      packs.push(
        await PolicyAnalyzer.start({
          packDir: dir,
          config: typeof pack.config === "string" ? readPolicyConfig(pack.config) : (pack.config ?? {}),
          // What the CLI puts into a pack's environment (`constructEnv`).
          env: {
            ...options.env,
            PULUMI_CONFIG: JSON.stringify(config),
            PULUMI_NODEJS_PROJECT: project,
            PULUMI_NODEJS_STACK: options.stack,
            PULUMI_PROJECT: project,
            PULUMI_STACK: options.stack,
          },
          onLine: (line) => policyLogs.push(`[${label}] ${line}`),
        }),
      );
    }
    for (const op of options.ops) {
      const firstLine = host.logs.length;
      const firstPolicyLine = policyLogs.length;
      const withPolicies = packs.length > 0 && (op === "preview" || op === "up");
      if (withPolicies) {
        for (const pack of packs) {
          await pack.configureStack({
            project,
            stack: options.stack,
            dryRun: op === "preview",
            config,
            configSecretKeys: secretKeys,
          });
        }
      }
      const result = await runOperation({
        op,
        program,
        stateFile,
        project,
        stack: options.stack,
        config,
        secretKeys,
        host,
        ...(withPolicies ? { policyPacks: packs } : {}),
        ...(options.parallel !== undefined ? { parallel: options.parallel } : {}),
        ...(options.continueOnError ? { continueOnError: true } : {}),
      });
      await host.settleLogs();
      const report: OperationReport = {
        ...result,
        logs: host.logs.slice(firstLine),
        ...(packs.length > 0 ? { policyLogs: policyLogs.slice(firstPolicyLine) } : {}),
      };
      reports.push(report);
      options.onReport?.(report);
    }
  } finally {
    await Promise.all(packs.map((pack) => pack.close()));
    await host.stop();
  }
  return reports;
}

function readPolicyConfig(file: string): PolicyConfigFile {
  const text = fs.readFileSync(file, "utf8");
  // As the CLI: an empty file is no config.
  return text.trim() === "" ? {} : (JSON.parse(text) as PolicyConfigFile);
}

/** A command-line mistake: reported with the usage text, exit code 2. */
class UsageError extends Error {}

const USAGE = `usage: node dist/tests/engine/cli.js --program <module.js> --state <file> --project <name>
  --stack <name> --op <preview|up|refresh|destroy> [--op ...] [--config key=value]...
  [--secret-config key=value]... [--cwd <program dir>] [--env KEY=VALUE]...
  [--policy-pack <dir> [--policy-pack-config <file.json>]]... [--parallel <n>] [--continue-on-error]`;

function splitPair(flag: string, value: string): [string, string] {
  const at = value.indexOf("=");
  if (at <= 0) {
    throw new UsageError(`${flag} expects key=value, got "${value}"`);
  }
  return [value.slice(0, at), value.slice(at + 1)];
}

/** Parses the command line (without `node` and the script). */
export function parseArgs(argv: readonly string[]): RunOpsOptions {
  const single: Record<string, string> = {};
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  const env: Record<string, string> = {};
  const ops: Operation[] = [];
  const packs: PolicyPackOption[] = [];
  /** A config given before any pack: it belongs to the only pack, if there turns out to be one. */
  let leadingConfig: string | undefined;
  let parallel: number | undefined;
  let continueOnError = false;
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] ?? "";
    if (flag === "--continue-on-error") {
      continueOnError = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) {
      throw new UsageError(`${flag} needs a value`);
    }
    i += 1;
    switch (flag) {
      case "--program":
      case "--state":
      case "--project":
      case "--stack":
      case "--cwd":
        single[flag.slice(2)] = value;
        break;
      case "--op":
        if (!OPERATIONS.includes(value as Operation)) {
          throw new UsageError(`unknown operation "${value}"`);
        }
        ops.push(value as Operation);
        break;
      case "--config":
      case "--secret-config": {
        const [key, val] = splitPair(flag, value);
        config[key] = val;
        if (flag === "--secret-config") {
          secretKeys.push(key);
        }
        break;
      }
      case "--env": {
        const [key, val] = splitPair(flag, value);
        env[key] = val;
        break;
      }
      case "--policy-pack":
        packs.push({ dir: value });
        break;
      case "--parallel":
        parallel = Number(value);
        if (!Number.isInteger(parallel) || parallel < 1) {
          throw new UsageError(`--parallel expects a positive integer, got "${value}"`);
        }
        break;
      case "--policy-pack-config": {
        const pack = packs[packs.length - 1];
        if (pack === undefined ? leadingConfig !== undefined : pack.config !== undefined) {
          throw new UsageError("--policy-pack-config given twice for one --policy-pack");
        }
        if (pack === undefined) {
          leadingConfig = value;
        } else {
          pack.config = value;
        }
        break;
      }
      default:
        throw new UsageError(`unknown flag ${flag}`);
    }
  }
  for (const required of ["program", "state", "project", "stack"]) {
    if (!single[required]) {
      throw new UsageError(`--${required} is required`);
    }
  }
  if (ops.length === 0) {
    throw new UsageError("at least one --op is required");
  }
  if (leadingConfig !== undefined) {
    if (packs.length !== 1 || packs[0]!.config !== undefined) {
      throw new UsageError(
        "--policy-pack-config before the first --policy-pack needs exactly one --policy-pack",
      );
    }
    packs[0]!.config = leadingConfig;
  }
  return {
    program: single.program!,
    stateFile: single.state!,
    project: single.project!,
    stack: single.stack!,
    config,
    secretKeys,
    ops,
    ...(single.cwd ? { cwd: single.cwd } : {}),
    ...(Object.keys(env).length > 0 ? { env } : {}),
    ...(packs.length > 0 ? { policyPacks: packs } : {}),
    ...(parallel !== undefined ? { parallel } : {}),
    ...(continueOnError ? { continueOnError } : {}),
  };
}

async function main(): Promise<number> {
  let options: RunOpsOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  // Stdout carries only the JSON lines: whatever the program prints goes to stderr.
  const write = process.stdout.write.bind(process.stdout);
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;
  try {
    await runOps({ ...options, onReport: (report) => write(`${JSON.stringify(report)}\n`) });
    return 0;
  } catch (error) {
    process.stderr.write(`engine harness: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const code = await main();
  process.stdout.write("", () => process.exit(code));
}
