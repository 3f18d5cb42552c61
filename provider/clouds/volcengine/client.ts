/**
 * Volcengine as an RPC family member: `GET /?Action=…&Version=2020-04-01&…` of
 * `open.volcengineapi.com` with every parameter in the query (lists 1-based), HMAC-SHA256 with the
 * region in the credential scope only; results inside `{"ResponseMetadata": …, "Result": …}`.
 */
import { systemClock, type Clock } from "../../core/clock.js";
import { sha256Hex } from "../../core/crypto.js";
import type { SignableRequest } from "../../core/http.js";
import { readSettings } from "../../core/settings.js";
import type { UpdateStep } from "../../resources/backend.js";
import { createRpcClient, type RpcClient } from "../rpc/client.js";
import { queryEncoding } from "../rpc/encode.js";
import { classifyResponse } from "./errors.js";
import { VOLCENGINE_SETTINGS } from "./settings.js";
import { authorization, xDate } from "./sign.js";

export const API_VERSION = "2020-04-01";
export const SERVICE = "privatelink";
export const DEFAULT_ENDPOINT = "https://open.volcengineapi.com";

export type VolcengineClient = RpcClient;

type Credentials = ReturnType<typeof credentials>;

/** Volcengine keys, read now (at call time, in the host). */
export function credentials() {
  return readSettings(VOLCENGINE_SETTINGS);
}

/** Signs `host` and `x-date` (and the STS token and body hash when present), as Volcengine's SDKs do. */
function signer(credentials: Credentials, region: string, clock: Clock) {
  return (request: SignableRequest) => {
    const headers = request.headers;
    headers["host"] = request.url.host;
    headers["x-date"] = xDate(clock.now());
    const signed = ["host", "x-date"];
    if (credentials.sessionToken) {
      headers["x-security-token"] = credentials.sessionToken;
      signed.push("x-security-token");
    }
    if (request.body !== "") {
      headers["x-content-sha256"] = sha256Hex(request.body);
      signed.push("x-content-sha256");
    }
    delete headers["authorization"];
    headers["authorization"] = authorization(
      {
        method: request.method,
        path: request.url.pathname,
        query: request.url.search.replace(/^\?/, ""),
        headers,
        body: request.body,
      },
      credentials.accessKey,
      credentials.secretKey,
      region,
      SERVICE,
      signed,
    );
  };
}

/** The `Result` of a successful answer (Modify calls may send none). */
export function readResult(body: string): unknown {
  return (JSON.parse(body) as { Result?: unknown }).Result ?? {};
}

/** A client for one region. */
export function createClient(region: string, clock: Clock = systemClock): VolcengineClient {
  const keys = credentials();
  const base = new URL((keys.endpoint ?? DEFAULT_ENDPOINT).replace(/\/+$/, "") + "/");
  return createRpcClient(
    {
      cloud: "volcengine",
      transportKey: `volcengine|${region}|${keys.accessKey}|${base.origin}`,
      encoding: queryEncoding(base, API_VERSION),
      sign: signer(keys, region, clock),
      classify: classifyResponse,
      result: readResult,
    },
    region,
    clock,
  );
}

/**
 * One call of an update: the object passes through `Pending` while it applies, so the lifecycle
 * waits for it to settle before the next step. Every such call may be resent (it makes no object).
 */
export function settledStep(
  client: VolcengineClient,
  call: string,
  fields: string[],
  params: Record<string, unknown>,
): UpdateStep {
  return { fields, call, settle: true, apply: () => client.call(call, params, true) };
}
