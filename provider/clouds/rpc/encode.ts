/**
 * How RPC clouds put an action on the wire. Tencent Cloud sends a JSON body with the action in a
 * header; Volcengine puts Action, Version and every parameter in the query, lists flattened with
 * 1-based indexes (`SecurityGroupIds.1`, `Zones.1.SubnetId`). Query strings are encoded by the same
 * RFC 3986 rules the signers canonicalise with (a space is `%20`).
 */
import type { HttpMethod } from "../../core/http.js";
import rfc3986 from "../../core/rfc3986.js";

/** An action as an HTTP request, before signing. */
export interface EncodedCall {
  method: HttpMethod;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export interface RpcEncoding {
  encode(action: string, params: Record<string, unknown>): EncodedCall;
}

/** `POST /` with a JSON body; the action and version go in headers (Tencent API 3.0). */
export function jsonBodyEncoding(
  base: URL,
  headers: (action: string) => Record<string, string>,
): RpcEncoding {
  return {
    encode: (action, params) => ({
      method: "POST",
      url: new URL(base.href),
      headers: headers(action),
      body: JSON.stringify(params),
    }),
  };
}

/**
 * Flattens parameters into query pairs: `List.N` from `listBase` (1 for Volcengine, 0 for
 * Tencent's GET form), objects as `Name.Key`, booleans as `true`/`false`; undefined is left out.
 */
export function flattenParams(params: Record<string, unknown>, listBase: number): [string, string][] {
  const pairs: [string, string][] = [];
  const walk = (prefix: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(`${prefix}.${index + listBase}`, item));
    } else if (typeof value === "object") {
      for (const [key, item] of Object.entries(value)) walk(prefix ? `${prefix}.${key}` : key, item);
    } else {
      pairs.push([prefix, String(value)]);
    }
  };
  walk("", params);
  return pairs;
}

/** Encodes query pairs with RFC 3986 rules, in the order given. */
export function encodePairs(pairs: readonly [string, string][]): string {
  return pairs.map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`).join("&");
}

/** `GET /?Action=…&Version=…&<flattened parameters>` (Volcengine's SDK form). */
export function queryEncoding(base: URL, version: string, listBase = 1): RpcEncoding {
  return {
    encode: (action, params) => {
      const url = new URL(base.href);
      url.search = encodePairs([
        ["Action", action],
        ["Version", version],
        ...flattenParams(params, listBase),
      ]);
      return { method: "GET", url, headers: {} };
    },
  };
}
