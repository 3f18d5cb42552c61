/**
 * Flattened query parameters of RPC clouds: `Filters.0.Name=…&Filters.0.Values.0=…` (the Tencent
 * Node SDK's GET form, 0-based) or `SecurityGroupIds.1=…&Tags.1.Key=…` (Volcengine, 1-based).
 */

type Json = Record<string, unknown>;

/**
 * Rebuilds nested objects and arrays from flattened `A.N.B=…` keys. `base` is the index of the
 * first list element on the wire (0 or 1); lists come back 0-based.
 */
export function unflattenQuery(rawQuery: string, base: 0 | 1 = 0): Json {
  const root: Json = {};
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    const path = key.split(".");
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      const slot: string | number = Array.isArray(node) ? Number(segment) - base : segment;
      if (last) {
        (node as Record<string | number, unknown>)[slot] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(path[index + 1]!);
      let child = (node as Record<string | number, unknown>)[slot];
      if (typeof child !== "object" || child === null) {
        child = nextIsIndex ? [] : {};
        (node as Record<string | number, unknown>)[slot] = child;
      }
      node = child as Record<string, unknown> | unknown[];
    });
  }
  return root;
}
