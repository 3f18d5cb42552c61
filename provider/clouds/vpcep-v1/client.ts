/**
 * The Huawei Cloud VPCEP client: REST + JSON under `/v1/{project_id}`, signed with SDK-HMAC-SHA256.
 * One transport per (region, account) is shared by every resource in the host process.
 */
import { systemClock, type Clock } from "../../core/clock.js";
import { sharedTransport, type HttpMethod, type SignableRequest } from "../../core/http.js";
import { huaweiCredentials, type HuaweiCredentials } from "../../core/settings.js";
import { classifyResponse } from "./errors.js";
import { authorization, sdkDate } from "./sign.js";

export interface HuaweiRequest {
  method: HttpMethod;
  /** Path below `/v1/{project_id}`, e.g. `/vpc-endpoints/<id>`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  operation: string;
  idempotent?: boolean;
}

export interface HuaweiClient {
  region: string;
  projectId: string;
  call<T>(request: HuaweiRequest): Promise<T>;
}

/** `https://vpcep.{region}.myhuaweicloud.com` unless an endpoint override (e.g. the emulator) is set. */
export function baseUrl(region: string, credentials: HuaweiCredentials): string {
  return (credentials.endpoint ?? `https://vpcep.${region}.myhuaweicloud.com`).replace(/\/+$/, "");
}

function signer(credentials: HuaweiCredentials, clock: Clock) {
  return (request: SignableRequest) => {
    const headers = request.headers;
    headers["content-type"] = "application/json";
    headers["host"] = request.url.host;
    headers["x-project-id"] = credentials.projectId;
    headers["x-sdk-date"] = sdkDate(new Date(clock.now()));
    if (credentials.securityToken) headers["x-security-token"] = credentials.securityToken;
    delete headers["authorization"];
    const signedHeaders: Record<string, string | undefined> = {};
    for (const name of ["content-type", "host", "x-project-id", "x-sdk-date", "x-security-token"]) {
      if (headers[name] !== undefined) signedHeaders[name] = headers[name];
    }
    headers["authorization"] = authorization(
      {
        method: request.method,
        path: request.url.pathname,
        query: request.url.search.replace(/^\?/, ""),
        headers: signedHeaders,
        body: request.body,
      },
      credentials.accessKey,
      credentials.secretKey,
    );
  };
}

/** A client for one region, with credentials read now (at call time, in the host). */
export function createClient(region: string, clock: Clock = systemClock): HuaweiClient {
  const credentials = huaweiCredentials();
  const base = baseUrl(region, credentials);
  const key = `huaweicloud|${region}|${credentials.accessKey}|${credentials.projectId}|${base}`;
  const bound = sharedTransport(
    key,
    { cloud: "huaweicloud", sign: signer(credentials, clock), classify: classifyResponse },
    clock,
  );
  return {
    region,
    projectId: credentials.projectId,
    async call<T>(request: HuaweiRequest): Promise<T> {
      const url = new URL(`${base}/v1/${credentials.projectId}${request.path}`);
      for (const [name, value] of Object.entries(request.query ?? {})) {
        if (value !== undefined) url.searchParams.set(name, String(value));
      }
      const response = await bound.send({
        method: request.method,
        url,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        operation: request.operation,
        idempotent: request.idempotent ?? request.method !== "POST",
      });
      return (response.body === "" ? {} : JSON.parse(response.body)) as T;
    },
  };
}
