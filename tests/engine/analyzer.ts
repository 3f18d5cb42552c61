/**
 * `PolicyAnalyzer`: a CrossGuard policy pack in a child process, started the way `pulumi preview/up
 * --policy-pack <dir>` starts it and driven over the analyzer gRPC interface
 * (shared/reference/pulumi.md §5.2, §6). Methods take and return plain JS values.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as readline from "node:readline";
import type * as analyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb.js";
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb.js";
import type * as emptyPb from "google-protobuf/google/protobuf/empty_pb.js";
import { loadProto, toStruct, unaryCall } from "./proto.js";
import type { Props } from "./values.js";

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

/** `PolicySeverity`; `""` when the policy does not say. */
export type Severity = "" | "low" | "medium" | "high" | "critical";

/** One policy as `GetAnalyzerInfo` describes it. */
export interface PolicyInfo {
  name: string;
  displayName: string;
  description: string;
  /** The policy's own level, else the pack's. */
  enforcementLevel: EnforcementLevel;
  type: "resource" | "stack" | "unknown";
  severity: Severity;
  /** The policy's `configSchema` (JSON schema of each config property), if it has one. */
  configSchema?: { properties: Props; required: string[] };
}

/** The config one policy runs with: what `Configure` sends as `PolicyConfig`. */
export interface PolicyConfig {
  enforcementLevel: EnforcementLevel;
  properties: Props;
}

/** `GetAnalyzerInfo`. */
export interface AnalyzerInfo {
  name: string;
  displayName: string;
  /** `PulumiPolicy.yaml`'s `version` when set (as the CLI), else `package.json`'s. */
  version: string;
  supportsConfig: boolean;
  policies: PolicyInfo[];
  /** The pack's `initialConfig` (third argument of `new PolicyPack`). */
  initialConfig: Record<string, PolicyConfig>;
}

/**
 * The `--policy-pack-config` file: per policy (or `all`) a level, or an object with an optional
 * `enforcementLevel` and the policy's config properties.
 */
export type PolicyConfigFile = Record<string, string | { enforcementLevel?: string; [key: string]: unknown }>;

/** `AnalyzerResourceOptions`. Always sent: the policy SDK refuses a request without it. */
export interface AnalyzerResourceOptions {
  protect?: boolean;
  ignoreChanges?: string[];
  /** `undefined` = the option was not set (`deleteBeforeReplaceDefined = false`). */
  deleteBeforeReplace?: boolean;
  additionalSecretOutputs?: string[];
  /** Alias URNs. */
  aliases?: string[];
  /** Seconds. */
  customTimeouts?: { create?: number; update?: number; delete?: number };
  parent?: string;
}

/** `AnalyzerProviderResource`. */
export interface AnalyzerProvider {
  type: string;
  urn: string;
  name: string;
  properties: Props;
}

/** What `Analyze` and `Remediate` look at. */
export interface AnalyzerResource {
  type: string;
  urn: string;
  name: string;
  properties: Props;
  options?: AnalyzerResourceOptions;
  provider?: AnalyzerProvider;
}

/** One resource of an `AnalyzeStack` request. */
export interface AnalyzerStackResource extends AnalyzerResource {
  parent?: string;
  dependencies?: string[];
  /** Input property → the URNs it depends on. */
  propertyDependencies?: Record<string, string[]>;
}

/** `AnalyzeDiagnostic`: one policy violation (or an advisory note, e.g. "can't run during preview"). */
export interface Diagnostic {
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  description: string;
  /** The description, a newline and the reported text (for a plain string violation). */
  message: string;
  enforcementLevel: EnforcementLevel;
  urn: string;
  severity: Severity;
}

export interface NotApplicable {
  policyName: string;
  reason: string;
}

export interface AnalyzeResult {
  diagnostics: Diagnostic[];
  notApplicable: NotApplicable[];
}

/** One `Remediation`: new properties (which replace the whole inputs), or a diagnostic instead. */
export interface Remediation {
  policyName: string;
  policyPackName: string;
  policyPackVersion: string;
  description: string;
  properties?: Props;
  diagnostic: string;
}

export interface RemediateResult {
  remediations: Remediation[];
  notApplicable: NotApplicable[];
}

/** `AnalyzerStackConfigureRequest`. */
export interface StackConfiguration {
  project: string;
  stack: string;
  organization?: string;
  dryRun: boolean;
  /** Stack config, `"<project>:<key>"` → plaintext value. */
  config?: Record<string, string>;
  configSecretKeys?: string[];
  /** Stack tags: `args.stackTags` in policies. */
  tags?: Record<string, string>;
}

/** How to start a pack. */
export interface PolicyAnalyzerOptions {
  /** The pack directory: `PulumiPolicy.yaml`, `package.json` and its dependencies. */
  packDir: string;
  /**
   * The `--policy-pack-config` contents. The CLI always configures a pack after starting it (with
   * the defaults alone when there is no file), and so does {@link PolicyAnalyzer.start}.
   */
  config?: PolicyConfigFile;
  /** Extra environment on top of `process.env`. */
  env?: Record<string, string>;
  /** Called with every line the pack writes other than the port line. */
  onLine?: (line: string, stream: "stdout" | "stderr") => void;
  /** How long to wait for the port line. Default 60 s (the pack may compile TypeScript first). */
  startTimeoutMs?: number;
}

/** An analyzer call that failed; `message` is the pack's own message (gRPC `details`). */
export class AnalyzerCallError extends Error {
  override readonly name = "AnalyzerCallError";

  constructor(
    readonly method: string,
    message: string,
    /** The gRPC status code (2 = UNKNOWN for a policy that threw). */
    readonly code: number,
  ) {
    super(message);
  }
}

const DEFAULT_START_TIMEOUT_MS = 60_000;
/** What the policy server accepts (`maxRPCMessageSize` in `@pulumi/policy/server`). */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;
const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

function isLevel(value: unknown): value is EnforcementLevel {
  return typeof value === "string" && (LEVELS as readonly string[]).includes(value);
}

/**
 * Parses a policy-config file's contents as the CLI does (`parsePolicyPackConfig`): a string is a
 * level, an object may carry `enforcementLevel` next to config properties, empty entries are
 * dropped, an invalid level is an error.
 */
export function parsePolicyConfig(file: PolicyConfigFile): Record<string, Partial<PolicyConfig>> {
  const result: Record<string, Partial<PolicyConfig>> = {};
  for (const [name, value] of Object.entries(file)) {
    let level: EnforcementLevel | undefined;
    let properties: Props = {};
    if (typeof value === "string") {
      if (!isLevel(value)) {
        throw new Error(
          `parsing enforcement level for "${name}": "${value}" is not a valid enforcement level`,
        );
      }
      level = value;
    } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const { enforcementLevel, ...rest } = value;
      if (enforcementLevel !== undefined) {
        if (!isLevel(enforcementLevel)) {
          throw new Error(
            `parsing enforcement level for "${name}": "${String(enforcementLevel)}" is not a valid enforcement level`,
          );
        }
        level = enforcementLevel;
      }
      properties = rest;
    } else {
      throw new Error(
        `parsing "${name}": ${JSON.stringify(value)} is not a valid value; must be a string or object`,
      );
    }
    if (level === undefined && Object.keys(properties).length === 0) {
      continue;
    }
    result[name] = { ...(level ? { enforcementLevel: level } : {}), properties };
  }
  return result;
}

/**
 * The config the CLI sends with `Configure` (`ReconcilePolicyPackConfig`): every policy's level
 * and its schema defaults, then the pack's initial config, then the file; `all` in either sets
 * every policy's level before that layer's own entries apply. Schema validation is not reproduced.
 */
export function reconcilePolicyConfig(
  info: Pick<AnalyzerInfo, "policies" | "initialConfig">,
  file: PolicyConfigFile = {},
): Record<string, PolicyConfig> {
  const result: Record<string, Partial<PolicyConfig>> = {};
  for (const policy of info.policies) {
    const defaults: Props = {};
    for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
      if (schema !== null && typeof schema === "object" && "default" in schema) {
        defaults[key] = (schema as Props).default;
      }
    }
    result[policy.name] = { enforcementLevel: policy.enforcementLevel, properties: defaults };
  }
  const apply = (layer: Record<string, Partial<PolicyConfig>>): void => {
    const all = layer.all?.enforcementLevel;
    if (all !== undefined) {
      for (const entry of Object.values(result)) {
        entry.enforcementLevel = all;
      }
    }
    for (const [name, given] of Object.entries(layer)) {
      const current = result[name] ?? {};
      const level = given.enforcementLevel ?? current.enforcementLevel;
      result[name] = {
        ...(level ? { enforcementLevel: level } : {}),
        properties: { ...current.properties, ...given.properties },
      };
    }
  };
  apply(info.initialConfig);
  apply(parsePolicyConfig(file));
  const reconciled: Record<string, PolicyConfig> = {};
  for (const [name, entry] of Object.entries(result)) {
    if (entry.enforcementLevel === undefined) {
      throw new Error(`policy config for "${name}": invalid enforcement level ""`);
    }
    reconciled[name] = { enforcementLevel: entry.enforcementLevel, properties: entry.properties ?? {} };
  }
  return reconciled;
}

/** The top-level `version:` of `PulumiPolicy.yaml`, if any (the CLI prefers it to the pack's). */
function yamlVersion(text: string): string | undefined {
  const match = /^version:[ \t]*["']?([^"'\s#]+)["']?[ \t]*(?:#.*)?$/m.exec(text);
  return match?.[1];
}

/** The pack's policies over gRPC, in a child process started as the CLI starts it. */
export class PolicyAnalyzer {
  private readonly proto = loadProto();
  private exited = false;
  private cachedInfo: AnalyzerInfo | undefined;

  private constructor(
    private readonly child: ChildProcess,
    private readonly lines: string[],
    private readonly client: analyzerGrpc.AnalyzerClient,
    /** The pack directory (absolute). */
    readonly packDir: string,
    /** The port the pack listens on (127.0.0.1). */
    readonly port: number,
    private readonly versionOverride: string | undefined,
  ) {
    child.once("exit", () => {
      this.exited = true;
    });
  }

  /**
   * Spawns `node <run-policy-pack> 127.0.0.1:1 <packDir>` in the pack directory, with the
   * `@pulumi/pulumi` the pack itself resolves (the CLI's `pulumi-analyzer-policy` shim does the
   * same), waits for the port, connects, and configures the pack like the CLI: with `config`
   * reconciled against the pack's defaults.
   */
  static async start(options: PolicyAnalyzerOptions): Promise<PolicyAnalyzer> {
    const packDir = path.resolve(options.packDir);
    const projectFile = path.join(packDir, "PulumiPolicy.yaml");
    if (!fs.existsSync(projectFile)) {
      throw new Error(`failed to load Pulumi policy project located at "${packDir}": no PulumiPolicy.yaml`);
    }
    let entry: string;
    try {
      entry = createRequire(`${packDir}/`).resolve("@pulumi/pulumi/cmd/run-policy-pack");
    } catch {
      throw new Error(
        `it looks like the policy pack's dependencies are not installed; try running npm install or yarn install in "${packDir}"`,
      );
    }
    const child = spawn(process.execPath, [entry, "127.0.0.1:1", packDir], {
      cwd: packDir,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: string[] = [];
    const stderr: string[] = [];
    const onLine = (line: string, stream: "stdout" | "stderr"): void => {
      lines.push(line);
      options.onLine?.(line, stream);
    };
    readline.createInterface({ input: child.stderr! }).on("line", (line) => {
      stderr.push(line);
      onLine(line, "stderr");
    });
    const stdout = readline.createInterface({ input: child.stdout! });

    const timeout = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    const port = await new Promise<number>((resolve, reject) => {
      let port: number | undefined;
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`the policy pack printed no port within ${timeout} ms`));
      }, timeout);
      // Anything a pack prints at load comes before the port; the first all-digit line is the port.
      stdout.on("line", (line) => {
        if (port === undefined && /^\d+$/.test(line.trim())) {
          port = Number(line.trim());
          clearTimeout(timer);
          resolve(port);
        } else {
          onLine(line, "stdout");
        }
      });
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        // stderr may still be draining: let readline deliver its last lines first.
        setImmediate(() =>
          reject(
            new Error(
              `the policy pack in ${packDir} exited (${code ?? signal}) before printing a port` +
                (stderr.length > 0 ? `:\n${stderr.join("\n")}` : ""),
            ),
          ),
        );
      });
    });

    const { grpc, analyzerGrpc: services } = loadProto();
    const client = new services.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
      "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    });
    const analyzer = new PolicyAnalyzer(
      child,
      lines,
      client,
      packDir,
      port,
      yamlVersion(fs.readFileSync(projectFile, "utf8")),
    );
    try {
      await analyzer.configure(options.config ?? {});
    } catch (error) {
      await analyzer.close();
      throw error;
    }
    return analyzer;
  }

  /** Every line the pack wrote other than the port line, stdout and stderr interleaved. */
  get logs(): string[] {
    return this.lines;
  }

  /** The pack's process id (always set: `start` fails when the spawn does). */
  get pid(): number {
    return this.child.pid!;
  }

  /** `GetAnalyzerInfo` (cached: a pack's metadata cannot change while it runs). */
  async info(): Promise<AnalyzerInfo> {
    if (this.cachedInfo) {
      return this.cachedInfo;
    }
    const { empty } = this.proto;
    const res = await this.unary("getAnalyzerInfo", new empty.Empty());
    const initialConfig: Record<string, PolicyConfig> = {};
    res.getInitialconfigMap().forEach((config, name) => {
      initialConfig[name] = this.policyConfig(config);
    });
    this.cachedInfo = {
      name: res.getName(),
      displayName: res.getDisplayname(),
      version: this.versionOverride ?? res.getVersion(),
      supportsConfig: res.getSupportsconfig(),
      policies: res.getPoliciesList().map((p) => {
        const schema = p.getConfigschema();
        const policyType = p.getPolicyType();
        const types = this.proto.analyzer.PolicyType;
        return {
          name: p.getName(),
          displayName: p.getDisplayname(),
          description: p.getDescription(),
          enforcementLevel: this.level(p.getEnforcementlevel()),
          type:
            policyType === types.POLICY_TYPE_RESOURCE
              ? "resource"
              : policyType === types.POLICY_TYPE_STACK
                ? "stack"
                : "unknown",
          severity: this.severity(p.getSeverity()),
          ...(schema
            ? {
                configSchema: {
                  properties: schema.getProperties()?.toJavaScript() ?? {},
                  required: schema.getRequiredList(),
                },
              }
            : {}),
        };
      }),
      initialConfig,
    };
    return this.cachedInfo;
  }

  /**
   * `Configure` with a policy-config file's contents, reconciled as the CLI does
   * ({@link reconcilePolicyConfig}: `all` expanded into every policy's level, schema defaults
   * filled in). Returns what was sent. Replaces the pack's whole config.
   */
  async configure(policyConfig: PolicyConfigFile): Promise<Record<string, PolicyConfig>> {
    const reconciled = reconcilePolicyConfig(await this.info(), policyConfig);
    const { analyzer } = this.proto;
    const req = new analyzer.ConfigureAnalyzerRequest();
    const map = req.getPolicyconfigMap();
    for (const [name, config] of Object.entries(reconciled)) {
      const message = new analyzer.PolicyConfig();
      message.setEnforcementlevel(this.levelCode(config.enforcementLevel));
      message.setProperties(toStruct(config.properties));
      map.set(name, message);
    }
    await this.unary("configure", req);
    return reconciled;
  }

  /** `ConfigureStack`: the stack's identity, config and tags (`args.stackTags`). */
  async configureStack(stack: StackConfiguration): Promise<void> {
    const { analyzer } = this.proto;
    const req = new analyzer.AnalyzerStackConfigureRequest();
    req.setProject(stack.project);
    req.setStack(stack.stack);
    req.setOrganization(stack.organization ?? "");
    req.setDryRun(stack.dryRun);
    for (const [key, value] of Object.entries(stack.config ?? {})) {
      req.getConfigMap().set(key, value);
    }
    req.setConfigSecretKeysList(stack.configSecretKeys ?? []);
    for (const [key, value] of Object.entries(stack.tags ?? {})) {
      req.getTagsMap().set(key, value);
    }
    await this.unary("configureStack", req);
  }

  /** `Analyze`: resource policies on one resource's (checked) inputs. */
  async analyze(resource: AnalyzerResource): Promise<AnalyzeResult> {
    const res = await this.unary("analyze", this.analyzeRequest(resource));
    return this.analyzeResult(res);
  }

  /** `AnalyzeStack`: stack policies over every resource's outputs, with parents and dependencies. */
  async analyzeStack(resources: AnalyzerStackResource[]): Promise<AnalyzeResult> {
    const { analyzer } = this.proto;
    const req = new analyzer.AnalyzeStackRequest();
    req.setResourcesList(
      resources.map((resource) => {
        const message = new analyzer.AnalyzerResource();
        message.setType(resource.type);
        message.setUrn(resource.urn);
        message.setName(resource.name);
        message.setProperties(toStruct(resource.properties));
        message.setOptions(this.options(resource.options));
        if (resource.provider) {
          message.setProvider(this.provider(resource.provider));
        }
        message.setParent(resource.parent ?? "");
        message.setDependenciesList(resource.dependencies ?? []);
        const map = message.getPropertydependenciesMap();
        for (const [key, urns] of Object.entries(resource.propertyDependencies ?? {})) {
          // As the engine: a property without dependencies is left out.
          if (urns.length > 0) {
            const deps = new analyzer.AnalyzerPropertyDependencies();
            deps.setUrnsList(urns);
            map.set(key, deps);
          }
        }
        return message;
      }),
    );
    const res = await this.unary("analyzeStack", req);
    return this.analyzeResult(res);
  }

  /** `Remediate`: the remediations of policies whose level is `remediate`, in policy order. */
  async remediate(resource: AnalyzerResource): Promise<RemediateResult> {
    const res = await this.unary("remediate", this.analyzeRequest(resource));
    return {
      remediations: res.getRemediationsList().map((r) => ({
        policyName: r.getPolicyname(),
        policyPackName: r.getPolicypackname(),
        policyPackVersion: this.versionOverride ?? r.getPolicypackversion(),
        description: r.getDescription(),
        ...(r.hasProperties() ? { properties: r.getProperties()?.toJavaScript() ?? {} } : {}),
        diagnostic: r.getDiagnostic(),
      })),
      notApplicable: this.notApplicable(res.getNotApplicableList()),
    };
  }

  /** Closes the connection and kills the pack (it serves until killed). */
  async close(): Promise<void> {
    this.client.close();
    if (this.exited) {
      return;
    }
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.kill();
    await exited;
  }

  private analyzeRequest(resource: AnalyzerResource): analyzerPb.AnalyzeRequest {
    const req = new this.proto.analyzer.AnalyzeRequest();
    req.setType(resource.type);
    req.setUrn(resource.urn);
    req.setName(resource.name);
    req.setProperties(toStruct(resource.properties));
    req.setOptions(this.options(resource.options));
    if (resource.provider) {
      req.setProvider(this.provider(resource.provider));
    }
    return req;
  }

  private options(options: AnalyzerResourceOptions = {}): analyzerPb.AnalyzerResourceOptions {
    const { analyzer } = this.proto;
    const message = new analyzer.AnalyzerResourceOptions();
    message.setProtect(options.protect ?? false);
    message.setIgnorechangesList(options.ignoreChanges ?? []);
    message.setDeletebeforereplace(options.deleteBeforeReplace ?? false);
    message.setDeletebeforereplacedefined(options.deleteBeforeReplace !== undefined);
    message.setAdditionalsecretoutputsList(options.additionalSecretOutputs ?? []);
    message.setAliasesList(options.aliases ?? []);
    const timeouts = new analyzer.AnalyzerResourceOptions.CustomTimeouts();
    timeouts.setCreate(options.customTimeouts?.create ?? 0);
    timeouts.setUpdate(options.customTimeouts?.update ?? 0);
    timeouts.setDelete(options.customTimeouts?.delete ?? 0);
    message.setCustomtimeouts(timeouts);
    message.setParent(options.parent ?? "");
    return message;
  }

  private provider(provider: AnalyzerProvider): analyzerPb.AnalyzerProviderResource {
    const message = new this.proto.analyzer.AnalyzerProviderResource();
    message.setType(provider.type);
    message.setUrn(provider.urn);
    message.setName(provider.name);
    message.setProperties(toStruct(provider.properties));
    return message;
  }

  private analyzeResult(res: analyzerPb.AnalyzeResponse): AnalyzeResult {
    return {
      diagnostics: res.getDiagnosticsList().map((d) => ({
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        policyPackVersion: this.versionOverride ?? d.getPolicypackversion(),
        description: d.getDescription(),
        message: d.getMessage(),
        enforcementLevel: this.level(d.getEnforcementlevel()),
        urn: d.getUrn(),
        severity: this.severity(d.getSeverity()),
      })),
      notApplicable: this.notApplicable(res.getNotApplicableList()),
    };
  }

  private notApplicable(list: analyzerPb.PolicyNotApplicable[]): NotApplicable[] {
    return list.map((n) => ({ policyName: n.getPolicyName(), reason: n.getReason() }));
  }

  private policyConfig(config: analyzerPb.PolicyConfig): PolicyConfig {
    return {
      enforcementLevel: this.level(config.getEnforcementlevel()),
      properties: config.getProperties()?.toJavaScript() ?? {},
    };
  }

  private level(code: analyzerPb.EnforcementLevel): EnforcementLevel {
    const codes = this.proto.analyzer.EnforcementLevel;
    switch (code) {
      case codes.MANDATORY:
        return "mandatory";
      case codes.REMEDIATE:
        return "remediate";
      case codes.DISABLED:
        return "disabled";
      default:
        return "advisory";
    }
  }

  private levelCode(level: EnforcementLevel): analyzerPb.EnforcementLevel {
    const codes = this.proto.analyzer.EnforcementLevel;
    return {
      advisory: codes.ADVISORY,
      mandatory: codes.MANDATORY,
      remediate: codes.REMEDIATE,
      disabled: codes.DISABLED,
    }[level];
  }

  private severity(code: analyzerPb.PolicySeverity): Severity {
    const codes = this.proto.analyzer.PolicySeverity;
    switch (code) {
      case codes.POLICY_SEVERITY_LOW:
        return "low";
      case codes.POLICY_SEVERITY_MEDIUM:
        return "medium";
      case codes.POLICY_SEVERITY_HIGH:
        return "high";
      case codes.POLICY_SEVERITY_CRITICAL:
        return "critical";
      default:
        return "";
    }
  }

  private unary<K extends keyof Responses>(
    method: K,
    request: Parameters<analyzerGrpc.AnalyzerClient[K]>[0],
  ): Promise<Responses[K]> {
    return unaryCall(
      this.client,
      method,
      request,
      (error) => new AnalyzerCallError(method, error.details || error.message, error.code),
    );
  }
}

/** The answer type of each RPC the harness uses. */
interface Responses {
  getAnalyzerInfo: analyzerPb.AnalyzerInfo;
  configure: emptyPb.Empty;
  configureStack: analyzerPb.AnalyzerStackConfigureResponse;
  analyze: analyzerPb.AnalyzeResponse;
  analyzeStack: analyzerPb.AnalyzeResponse;
  remediate: analyzerPb.RemediateResponse;
}
