/**
 * The Tencent Cloud VPC client: `POST /` with `X-TC-Action`, JSON bodies, TC3-HMAC-SHA256.
 * One transport per (region, account) is shared by every resource in the host process.
 */
import { systemClock, type Clock } from "../../core/clock.js";
import { sharedTransport, type SignableRequest } from "../../core/http.js";
import { tencentCredentials, type TencentCredentials } from "../../core/settings.js";
import { classifyResponse } from "./errors.js";
import { authorization } from "./sign.js";

export const API_VERSION = "2017-03-12";
const SERVICE = "vpc";

export interface TencentClient {
  region: string;
  /** Calls an action; `idempotent` marks reads, modifies and deletes that may be resent. */
  call<T>(action: string, params: Record<string, unknown>, idempotent: boolean): Promise<T>;
}

export function baseUrl(credentials: TencentCredentials): string {
  return (credentials.endpoint ?? "https://vpc.tencentcloudapi.com").replace(/\/+$/, "");
}

function signer(credentials: TencentCredentials, region: string, clock: Clock) {
  return (request: SignableRequest) => {
    const headers = request.headers;
    const timestamp = Math.floor(clock.now() / 1000);
    headers["content-type"] = "application/json";
    headers["host"] = request.url.host;
    headers["x-tc-version"] = API_VERSION;
    headers["x-tc-region"] = region;
    headers["x-tc-timestamp"] = String(timestamp);
    if (credentials.sessionToken) headers["x-tc-token"] = credentials.sessionToken;
    delete headers["authorization"];
    headers["authorization"] = authorization(
      { method: request.method, query: "", headers, body: request.body },
      credentials.secretId,
      credentials.secretKey,
      SERVICE,
      timestamp,
      ["content-type", "host", "x-tc-action"],
    );
  };
}

/** A client for one region, with credentials read now (at call time, in the host). */
export function createClient(region: string, clock: Clock = systemClock): TencentClient {
  const credentials = tencentCredentials();
  const url = new URL(baseUrl(credentials) + "/");
  const key = `tencentcloud|${region}|${credentials.secretId}|${url.origin}`;
  const bound = sharedTransport(
    key,
    { cloud: "tencentcloud", sign: signer(credentials, region, clock), classify: classifyResponse },
    clock,
  );
  return {
    region,
    async call<T>(action: string, params: Record<string, unknown>, idempotent: boolean): Promise<T> {
      const response = await bound.send({
        method: "POST",
        url,
        headers: { "x-tc-action": action },
        body: JSON.stringify(params),
        operation: action,
        idempotent,
      });
      return (JSON.parse(response.body) as { Response: T }).Response;
    },
  };
}
