/**
 * Clients for the emulator tests: the official Huawei, Tencent and Volcengine SDK clients aimed
 * at the emulator, and a tiny control-API client.
 */
import { Agent, request as httpRequest } from "node:http";
import core from "@huaweicloud/huaweicloud-sdk-core";
import builder from "@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js";
import tencent from "tencentcloud-sdk-nodejs-common";
import { Service as VolcengineService, Signer as VolcengineSigner } from "@volcengine/openapi";
import type { HuaweiCredential, TencentCredential, VolcengineCredential } from "../../emulator/index.js";

/** What a Huawei call gave back: the body on success, the SDK's exception fields otherwise. */
export interface HwResult {
  status: number;
  body: Record<string, unknown>;
  code?: string;
  message?: string;
  requestId?: string;
}

interface HcClientLike {
  sendRequest(options: Record<string, unknown>): Promise<Record<string, unknown>>;
  httpClient?: { _logger?: unknown };
}

const quietLogger = { error() {}, warn() {}, info() {}, debug() {} };

/** The official Huawei core client (`HcClient`) for one credential, with its error logging muted. */
export function huaweiClient(url: string, credential: HuaweiCredential) {
  const client = new builder.ClientBuilder<HcClientLike>((hc) => hc as unknown as HcClientLike)
    .withCredential(
      new core.BasicCredentials()
        .withAk(credential.accessKey)
        .withSk(credential.secretKey)
        .withProjectId(credential.projectId),
    )
    .withEndpoint(url)
    .build();
  // The SDK logs every non-2xx answer at ERROR level; tests provoke many on purpose.
  if (client.httpClient) client.httpClient._logger = quietLogger;
  return async function call(
    method: string,
    path: string,
    options: { query?: Record<string, string | number>; body?: unknown } = {},
  ): Promise<HwResult> {
    try {
      const response = await client.sendRequest({
        method,
        url: `/v1/{project_id}${path}`,
        contentType: "application/json",
        queryParams: options.query ?? {},
        pathParams: {},
        headers: {},
        ...(options.body !== undefined ? { data: options.body } : {}),
      });
      const { httpStatusCode, ...body } = response;
      return { status: httpStatusCode as number, body };
    } catch (error) {
      const e = error as {
        httpStatusCode?: number;
        errorCode?: string;
        errorMsg?: string;
        requestId?: string;
      };
      return {
        status: e.httpStatusCode ?? 0,
        body: {},
        ...(e.errorCode !== undefined ? { code: e.errorCode } : {}),
        ...(e.errorMsg !== undefined ? { message: e.errorMsg } : {}),
        ...(e.requestId !== undefined ? { requestId: e.requestId } : {}),
      };
    }
  };
}

/** What a Tencent call gave back: the `Response` on success, the SDK error's code otherwise. */
export interface TcResult {
  response?: Record<string, unknown>;
  code?: string;
  message?: string;
  requestId?: string;
}

/**
 * The official Tencent client. `vpc` mode uses endpoint `vpc.tencentcloudapi.com:PORT` with an
 * agent whose lookup answers 127.0.0.1 (scope service `vpc`); `ip` mode uses `127.0.0.1:PORT`,
 * which the SDK signs with service `127` (signing.md §1).
 */
export function tencentClient(
  url: string,
  credential: TencentCredential,
  options: { mode?: "vpc" | "ip"; region?: string; method?: "POST" | "GET"; version?: string } = {},
) {
  const port = new URL(url).port;
  const mode = options.mode ?? "vpc";
  const agent = new Agent({
    keepAlive: false,
    lookup: (_host, opts, callback) => {
      if ((opts as { all?: boolean }).all) {
        (callback as unknown as (e: null, list: { address: string; family: number }[]) => void)(null, [
          { address: "127.0.0.1", family: 4 },
        ]);
      } else callback(null, "127.0.0.1", 4);
    },
  });
  const client = new tencent.AbstractClient(
    mode === "vpc" ? `vpc.tencentcloudapi.com:${port}` : `127.0.0.1:${port}`,
    options.version ?? "2017-03-12",
    {
      credential: { secretId: credential.secretId, secretKey: credential.secretKey },
      region: options.region ?? "ap-guangzhou",
      profile: {
        httpProfile: {
          protocol: "http://",
          reqMethod: options.method ?? "POST",
          ...(mode === "vpc" ? { agent } : {}),
        },
      },
    },
  );
  return async function call(action: string, params: Record<string, unknown> = {}): Promise<TcResult> {
    try {
      return { response: (await client.request(action, params)) as Record<string, unknown> };
    } catch (error) {
      const e = error as { code?: string; message?: string; requestId?: string };
      return {
        ...(e.code !== undefined ? { code: e.code } : {}),
        ...(e.message !== undefined ? { message: e.message } : {}),
        ...(e.requestId !== undefined ? { requestId: e.requestId } : {}),
      };
    }
  };
}

/** A Volcengine answer as the SDK returns it (the SDK never throws on 4xx/5xx). */
export interface VeResult {
  ResponseMetadata: {
    RequestId: string;
    Action: string;
    Region: string;
    Error?: { Code: string; CodeN?: number; Message: string };
  } & Record<string, unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON fields
  Result?: Record<string, any>;
}

/** Flattens parameters the way Volcengine's GET form wants them: `List.N` from 1, objects as `A.B`. */
export function flattenVolcengine(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (prefix: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) value.forEach((item, index) => walk(`${prefix}.${index + 1}`, item));
    else if (typeof value === "object")
      for (const [key, item] of Object.entries(value)) walk(prefix ? `${prefix}.${key}` : key, item);
    else out[prefix] = String(value);
  };
  walk("", params);
  return out;
}

/**
 * The official Volcengine client (`@volcengine/openapi` generic `Service`, signing.md §2 "Node SDK
 * at 127.0.0.1"). GET sends the parameters flattened in the query (flattened here: the SDK does
 * not flatten); POST sends them as a JSON body (`createJSONAPI`).
 */
export function volcengineClient(
  url: string,
  credential: VolcengineCredential,
  options: { region?: string; method?: "GET" | "POST"; version?: string; serviceName?: string } = {},
) {
  const service = volcengineService(url, credential, options);
  const method = options.method ?? "GET";
  return async function call(action: string, params: Record<string, unknown> = {}): Promise<VeResult> {
    const api =
      method === "GET" ? service.createAPI(action, { method: "GET" }) : service.createJSONAPI(action);
    const input = method === "GET" ? flattenVolcengine(params) : params;
    return (await api(input as never)) as unknown as VeResult;
  };
}

/** The SDK's generic `Service` aimed at the emulator (for `createUrlEncodeAPI` and other forms). */
export function volcengineService(
  url: string,
  credential: VolcengineCredential,
  options: { region?: string; version?: string; serviceName?: string } = {},
): VolcengineService {
  return new VolcengineService({
    host: new URL(url).host,
    protocol: "http:",
    region: options.region ?? "cn-guangzhou",
    serviceName: options.serviceName ?? "privatelink",
    defaultVersion: options.version ?? "2020-04-01",
    accessKeyId: credential.accessKeyId,
    secretKey: credential.secretAccessKey,
    ...(credential.sessionToken ? { sessionToken: credential.sessionToken } : {}),
  });
}

/**
 * A raw request signed by the official SDK's `Signer`, for what the SDK hides (HTTP status) or
 * what a test tampers with after signing (`tamper` edits the signed request before it is sent).
 */
export async function volcengineSignedFetch(
  url: string,
  credential: VolcengineCredential,
  request: {
    method?: string;
    query: Record<string, string>;
    body?: string;
    headers?: Record<string, string>;
    region?: string;
    service?: string;
    /** Signing time (default now). */
    date?: Date;
  },
  tamper?: (sent: { url: URL; headers: Record<string, string>; body?: string }) => void,
): Promise<{ status: number; body: VeResult }> {
  const headers: Record<string, string> = { ...(request.headers ?? {}) };
  const signable = {
    region: request.region ?? "cn-guangzhou",
    method: request.method ?? "GET",
    pathname: "/",
    params: { ...request.query },
    headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
  };
  const signer = new VolcengineSigner(signable, request.service ?? "privatelink");
  signer.addAuthorization(
    {
      accessKeyId: credential.accessKeyId,
      secretKey: credential.secretAccessKey,
      ...(credential.sessionToken ? { sessionToken: credential.sessionToken } : {}),
    },
    request.date,
  );
  const target = new URL(url);
  for (const [key, value] of Object.entries(request.query)) target.searchParams.append(key, value);
  const sent = {
    url: target,
    headers: signable.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
  };
  tamper?.(sent);
  const response = await fetch(sent.url, {
    method: signable.method,
    headers: sent.headers,
    ...(sent.body !== undefined ? { body: sent.body } : {}),
  });
  return { status: response.status, body: (await response.json()) as VeResult };
}

/** A JSON client for `/_emulator/*`. */
export function controlClient(controlUrl: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON fields
  async function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${controlUrl}${path}`, {
      method,
      ...(body !== undefined
        ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } }
        : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
  }
  return {
    send,
    get: (path: string) => send("GET", path),
    post: (path: string, body?: unknown) => send("POST", path, body),
    put: (path: string, body?: unknown) => send("PUT", path, body),
    patch: (path: string, body?: unknown) => send("PATCH", path, body),
    delete: (path: string) => send("DELETE", path),
  };
}

/** Fixed UUIDs for Huawei request bodies. */
export const HW_IDS = {
  vpc: "4189d3c2-8882-4871-a3c2-d380272eed80",
  subnet: "4189d3c2-8882-4871-a3c2-d380272eed81",
  port: "4189d3c2-8882-4871-a3c2-d380272eed88",
  port2: "4189d3c2-8882-4871-a3c2-d380272eed89",
} as const;

/** What {@link rawRequest} got back. */
export interface RawResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON fields
  body: any;
}

/**
 * One HTTP request with exactly the given headers (node's `fetch` would refuse a `Host` of another
 * name, which a signature test needs to replay a published vector byte for byte).
 */
export function rawRequest(
  url: string,
  options: { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<RawResult> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: options.method,
        path: options.path,
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text === "" ? undefined : JSON.parse(text),
          });
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}
