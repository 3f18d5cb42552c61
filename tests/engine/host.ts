/**
 * `ProviderHost`: the real dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`) in a child
 * process, driven over gRPC the way the engine drives the `pulumi-resource-pulumi-nodejs` plugin
 * (shared/reference/pulumi.md §5.1). Methods take and return plain JS values.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as readline from "node:readline";
import type { ServiceError } from "@grpc/grpc-js";
import type * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb.js";
import type * as providerPb from "@pulumi/pulumi/proto/provider_pb.js";
import type * as emptyPb from "google-protobuf/google/protobuf/empty_pb.js";
import { loadProto, toStruct, unaryCall } from "./proto.js";
import type { Props } from "./values.js";

/** One failed input check, as the provider's `check` reported it. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** `DiffResponse.changes`: `DIFF_NONE`, `DIFF_SOME`, `DIFF_UNKNOWN` (the provider did not say). */
export type DiffChanges = "none" | "some" | "unknown";

/** What `Diff` answered. `stables` and detailed diffs are never set by the dynamic host. */
export interface DiffResult {
  changes: DiffChanges;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/** `pulumirpc.ErrorResourceInitFailed`: the object exists but did not finish initialising. */
export interface InitFailed {
  id: string;
  properties: Props;
  reasons: string[];
}

/**
 * A host call that failed. `message` is the provider's own message (gRPC `details`); `initFailed`
 * is set when the provider threw an error carrying `id` (create and update only).
 */
export class HostCallError extends Error {
  override readonly name = "HostCallError";

  constructor(
    /** The RPC that failed: `check`, `create`, … */
    readonly method: string,
    message: string,
    /** The gRPC status code (2 = UNKNOWN for a provider error, 14 = UNAVAILABLE for a dead host). */
    readonly code: number,
    readonly initFailed?: InitFailed,
  ) {
    super(message);
  }
}

/** How to start a host. */
export interface ProviderHostOptions {
  /** The program directory: the host resolves the provider's `require`/`import()` from here. */
  cwd: string;
  /** Sets `PULUMI_NODEJS_PROJECT` and `PULUMI_PROJECT`: bare config keys are namespaced with it. */
  project: string;
  /** Extra environment on top of `process.env`. */
  env?: Record<string, string>;
  /** Called with every line the host writes after the port line (provider `console` output). */
  onLine?: (line: string, stream: "stdout" | "stderr") => void;
  /** How long to wait for the port line. Default 30 s. */
  startTimeoutMs?: number;
}

/** What `Configure` answered. The dynamic host always says false to both. */
export interface ConfigureResult {
  acceptSecrets: boolean;
  supportsPreview: boolean;
}

const DEFAULT_START_TIMEOUT_MS = 30_000;

/** Sets the resource's urn, name and type (and id) on a request, as the engine does. */
function address(
  req: {
    setUrn(v: string): void;
    setName(v: string): void;
    setType(v: string): void;
    setId?(v: string): void;
  },
  urn: string,
  id?: string,
): void {
  const { name, type } = urnParts(urn);
  req.setUrn(urn);
  req.setName(name);
  req.setType(type);
  if (id !== undefined) req.setId?.(id);
}

/** Name and type of a URN `urn:pulumi:<stack>::<project>::<qualified type>::<name>`. */
function urnParts(urn: string): { name: string; type: string } {
  const parts = urn.split("::");
  return { name: parts[3] ?? "", type: (parts[2] ?? "").split("$").pop() ?? "" };
}

/**
 * Resolves the host entry point the way the engine's `pulumi-resource-pulumi-nodejs` shim does:
 * from the program directory, so the program's own `@pulumi/pulumi` runs it; the harness's copy
 * otherwise.
 */
function resolveHostEntry(cwd: string): string {
  const specifier = "@pulumi/pulumi/cmd/dynamic-provider";
  try {
    return createRequire(path.join(path.resolve(cwd), "noop.js")).resolve(specifier);
  } catch {
    return createRequire(import.meta.url).resolve(specifier);
  }
}

/** The real dynamic-provider host in a child process, with a promise API over its gRPC interface. */
export class ProviderHost {
  /** The config last sent with {@link configure}, if any. */
  configuredWith: Record<string, string> | undefined;

  private readonly proto = loadProto();
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly output: { lines: string[]; lastLineAt: number },
    private readonly client: providerGrpc.ResourceProviderClient,
    /** The port the host listens on (127.0.0.1). */
    readonly port: number,
  ) {
    child.once("exit", () => {
      this.exited = true;
    });
  }

  /** Spawns the host, waits for its port line and connects. */
  static async start(options: ProviderHostOptions): Promise<ProviderHost> {
    const cwd = path.resolve(options.cwd);
    const child = spawn(process.execPath, [resolveHostEntry(cwd), "127.0.0.1:1"], {
      cwd,
      env: {
        ...process.env,
        PULUMI_NODEJS_PROJECT: options.project,
        PULUMI_PROJECT: options.project,
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output = { lines: [] as string[], lastLineAt: Date.now() };
    const onLine = (line: string, stream: "stdout" | "stderr"): void => {
      output.lines.push(line);
      output.lastLineAt = Date.now();
      options.onLine?.(line, stream);
    };
    readline.createInterface({ input: child.stderr! }).on("line", (line) => onLine(line, "stderr"));
    const stdout = readline.createInterface({ input: child.stdout! });

    const timeout = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`the dynamic-provider host printed no port within ${timeout} ms`));
      }, timeout);
      let first = true;
      stdout.on("line", (line) => {
        if (!first) {
          onLine(line, "stdout");
          return;
        }
        first = false;
        clearTimeout(timer);
        const value = Number(line.trim());
        if (Number.isInteger(value) && value > 0) {
          resolve(value);
        } else {
          child.kill();
          reject(new Error(`the dynamic-provider host printed "${line}" instead of a port`));
        }
      });
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the dynamic-provider host exited (${code ?? signal}) before printing a port`));
      });
    }).catch((error: unknown) => {
      const detail = output.lines.length > 0 ? `\n${output.lines.join("\n")}` : "";
      throw new Error(`${(error as Error).message}${detail}`);
    });

    const { grpc, providerGrpc: services } = loadProto();
    const client = new services.ResourceProviderClient(
      `127.0.0.1:${port}`,
      grpc.credentials.createInsecure(),
    );
    return new ProviderHost(child, output, client, port);
  }

  /** Every line the host wrote after the port line, stdout and stderr interleaved as received. */
  get logs(): string[] {
    return this.output.lines;
  }

  /** The host's process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * `Configure` with the whole stack config (`"<project>:<key>"` → plaintext value). Must come
   * first: the host keeps the config for the provider's `configure()`, which it calls lazily, once
   * per distinct provider text, on first use.
   */
  async configure(config: Record<string, string>): Promise<ConfigureResult> {
    const { provider } = this.proto;
    const req = new provider.ConfigureRequest();
    req.setArgs(toStruct(config));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    const res = await this.unary("configure", req);
    this.configuredWith = { ...config };
    return { acceptSecrets: res.getAcceptsecrets(), supportsPreview: res.getSupportspreview() };
  }

  /** `Check(urn, olds = old inputs, news = program inputs incl. __provider)`. */
  async check(urn: string, olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
    const { provider } = this.proto;
    const req = new provider.CheckRequest();
    address(req, urn);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    const res = await this.unary("check", req);
    return {
      inputs: res.getInputs()?.toJavaScript() ?? {},
      failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  /** `Diff(id, urn, olds = old outputs, news = checked inputs)`; `oldInputs` is sent but the host ignores it. */
  async diff(id: string, urn: string, olds: Props, news: Props, oldInputs?: Props): Promise<DiffResult> {
    const { provider } = this.proto;
    const req = new provider.DiffRequest();
    address(req, urn, id);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    if (oldInputs) {
      req.setOldInputs(toStruct(oldInputs));
    }
    const res = await this.unary("diff", req);
    const codes = provider.DiffResponse.DiffChanges;
    const changes = res.getChanges();
    return {
      changes: changes === codes.DIFF_SOME ? "some" : changes === codes.DIFF_NONE ? "none" : "unknown",
      replaces: res.getReplacesList(),
      deleteBeforeReplace: res.getDeletebeforereplace(),
    };
  }

  /** `Create(urn, checked inputs)` → the new id and outputs (the host adds `__provider`). */
  async create(urn: string, properties: Props): Promise<{ id: string; properties: Props }> {
    const { provider } = this.proto;
    const req = new provider.CreateRequest();
    address(req, urn);
    req.setProperties(toStruct(properties));
    const res = await this.unary("create", req);
    return { id: res.getId(), properties: res.getProperties()?.toJavaScript() ?? {} };
  }

  /**
   * `Read(id, urn, properties, inputs?)`. Refresh sends state outputs and inputs; a `get` sends
   * the program's inputs as both. An empty `id` in the answer means the resource is gone.
   */
  async read(
    id: string,
    urn: string,
    properties: Props,
    inputs?: Props,
  ): Promise<{ id: string; properties: Props; inputs?: Props }> {
    const { provider } = this.proto;
    const req = new provider.ReadRequest();
    address(req, urn, id);
    req.setProperties(toStruct(properties));
    if (inputs) {
      req.setInputs(toStruct(inputs));
    }
    const res = await this.unary("read", req);
    const result: { id: string; properties: Props; inputs?: Props } = {
      id: res.getId(),
      properties: res.getProperties()?.toJavaScript() ?? {},
    };
    if (res.hasInputs()) {
      result.inputs = res.getInputs()?.toJavaScript() ?? {};
    }
    return result;
  }

  /** `Update(id, urn, olds = old outputs, news = checked inputs)` → the new outputs. */
  async update(
    id: string,
    urn: string,
    olds: Props,
    news: Props,
    oldInputs?: Props,
  ): Promise<{ properties: Props }> {
    const { provider } = this.proto;
    const req = new provider.UpdateRequest();
    address(req, urn, id);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    if (oldInputs) {
      req.setOldInputs(toStruct(oldInputs));
    }
    const res = await this.unary("update", req);
    return { properties: res.getProperties()?.toJavaScript() ?? {} };
  }

  /** `Delete(id, urn, properties = state outputs)`. */
  async delete(id: string, urn: string, properties: Props, oldInputs?: Props): Promise<void> {
    const { provider } = this.proto;
    const req = new provider.DeleteRequest();
    address(req, urn, id);
    req.setProperties(toStruct(properties));
    if (oldInputs) {
      req.setOldInputs(toStruct(oldInputs));
    }
    await this.unary("delete", req);
  }

  /**
   * Waits until the host has written nothing for `quietMs` (counted from the call at the
   * earliest; at most `maxMs` in all): provider output travels on a pipe, not with the gRPC
   * answer, so its last lines can arrive just after it.
   */
  async settleLogs(quietMs = 100, maxMs = 2_000): Promise<void> {
    const start = Date.now();
    const deadline = start + maxMs;
    const quietFor = (): number => Date.now() - Math.max(start, this.output.lastLineAt);
    while (!this.exited && Date.now() < deadline && quietFor() < quietMs) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, quietMs - quietFor())));
    }
  }

  /** Closes the connection and kills the host (it never exits on its own). */
  async stop(): Promise<void> {
    this.client.close();
    if (this.exited) {
      return;
    }
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.kill();
    await exited;
  }

  /** One unary call, with failures turned into {@link HostCallError}. */
  private unary<K extends keyof Responses>(
    method: K,
    request: Parameters<providerGrpc.ResourceProviderClient[K]>[0],
  ): Promise<Responses[K]> {
    return unaryCall(this.client, method, request, (error) => this.toHostError(method, error));
  }

  private toHostError(method: string, error: ServiceError): HostCallError {
    const message = error.details || error.message;
    const [details] = error.metadata?.get("grpc-status-details-bin") ?? [];
    if (details instanceof Buffer) {
      const { provider, status } = this.proto;
      const type = "pulumirpc.ErrorResourceInitFailed";
      for (const any of status.Status.deserializeBinary(new Uint8Array(details)).getDetailsList()) {
        if (any.getTypeName() === type) {
          const failed = any.unpack(provider.ErrorResourceInitFailed.deserializeBinary, type);
          if (failed) {
            return new HostCallError(method, message, error.code, {
              id: failed.getId(),
              properties: failed.getProperties()?.toJavaScript() ?? {},
              reasons: failed.getReasonsList(),
            });
          }
        }
      }
    }
    return new HostCallError(method, message, error.code);
  }
}

/** The answer type of each RPC the harness uses. */
interface Responses {
  configure: providerPb.ConfigureResponse;
  check: providerPb.CheckResponse;
  diff: providerPb.DiffResponse;
  create: providerPb.CreateResponse;
  read: providerPb.ReadResponse;
  update: providerPb.UpdateResponse;
  delete: emptyPb.Empty;
}
