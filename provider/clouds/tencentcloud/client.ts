/**
 * Tencent Cloud as an RPC family member: `POST /` of `vpc.tencentcloudapi.com` with `X-TC-Action`,
 * a JSON body and TC3-HMAC-SHA256; results inside `{"Response": …}`.
 */
import { systemClock, type Clock } from "../../core/clock.js";
import type { SignableRequest } from "../../core/http.js";
import { readSettings } from "../../core/settings.js";
import { createRpcClient, type RpcClient } from "../rpc/client.js";
import { jsonBodyEncoding } from "../rpc/encode.js";
import { classifyResponse } from "./errors.js";
import { TENCENT_SETTINGS } from "./settings.js";
import { authorization } from "./sign.js";

export const API_VERSION = "2017-03-12";
const SERVICE = "vpc";
export const DEFAULT_ENDPOINT = "https://vpc.tencentcloudapi.com";

export type TencentClient = RpcClient;

type Credentials = ReturnType<typeof credentials>;

/** Tencent Cloud API keys, read now (at call time, in the host). */
export function credentials() {
  return readSettings(TENCENT_SETTINGS);
}

function signer(credentials: Credentials, region: string, clock: Clock) {
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

/** A client for one region. */
export function createClient(region: string, clock: Clock = systemClock): TencentClient {
  const keys = credentials();
  const base = new URL((keys.endpoint ?? DEFAULT_ENDPOINT).replace(/\/+$/, "") + "/");
  return createRpcClient(
    {
      cloud: "tencentcloud",
      transportKey: `tencentcloud|${region}|${keys.secretId}|${base.origin}`,
      encoding: jsonBodyEncoding(base, (action) => ({ "x-tc-action": action })),
      sign: signer(keys, region, clock),
      classify: classifyResponse,
      result: (body) => (JSON.parse(body) as { Response: unknown }).Response,
    },
    region,
    clock,
  );
}
