/**
 * Pieces of a canonical request that several signature forms build the same way (Huawei/OTC
 * `SDK-HMAC-SHA256`, Volcengine `HMAC-SHA256`): header lookup in any case, a query decoded,
 * re-encoded by RFC 3986 and sorted, and a path encoded segment by segment.
 */
import rfc3986, { decodeComponent } from "./rfc3986.js";

/** The value of a header in any case of its name; "" when absent. */
export function headerValue(headers: Record<string, string | undefined>, lowerName: string): string {
  const key = Object.keys(headers).find((name) => name.toLowerCase() === lowerName);
  return key === undefined ? "" : (headers[key] ?? "");
}

/**
 * Names and values decoded then RFC 3986-encoded (space `%20`, `!'()*` escaped), sorted by name
 * and then value, `key=` for an empty value: the order and spelling the client sent do not matter.
 */
export function sortedQuery(query: string): string {
  if (query === "") return "";
  return query
    .split("&")
    .filter((part) => part !== "")
    .map((part) => {
      const eq = part.indexOf("=");
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? "" : part.slice(eq + 1);
      return [rfc3986(decodeComponent(name)), rfc3986(decodeComponent(value))] as const;
    })
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

/** Each path segment decoded and RFC 3986-encoded again. */
export function encodedPath(path: string): string {
  return path
    .split("/")
    .map((segment) => rfc3986(decodeComponent(segment)))
    .join("/");
}
