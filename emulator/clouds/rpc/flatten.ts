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

/** Where a flattened list's indexes break the cloud's rule. */
export interface ListOrderFault {
  /** The list's dotted path with its indexes, e.g. `Zones` or `TagFilters.1.Values`. */
  list: string;
  /** The indexes as sent, in numeric order. */
  indexes: string[];
}

/** A strict unflattening: the parameters, or the first list whose indexes are not `base…base+n-1`. */
export interface StrictUnflattened {
  params: Json;
  disorder?: ListOrderFault;
}

/**
 * Like {@link unflattenQuery}, but list indexes must be exactly `base, base+1, …` with no gap, no
 * repeat and no leading zero (Volcengine: "fill in numeric order starting from 1"). The order of
 * the pairs in the query is irrelevant: signers sort them, so `Tags.10` may precede `Tags.2`.
 */
export function unflattenQueryStrict(rawQuery: string, base: 0 | 1): StrictUnflattened {
  const lists = new Map<string, Set<string>>();
  for (const key of new URLSearchParams(rawQuery).keys()) {
    const path = key.split(".");
    for (let i = 1; i < path.length; i += 1) {
      if (!/^\d+$/.test(path[i]!)) continue;
      const list = path.slice(0, i).join(".");
      let seen = lists.get(list);
      if (!seen) lists.set(list, (seen = new Set()));
      seen.add(path[i]!);
    }
  }
  for (const [list, seen] of lists) {
    const indexes = [...seen].sort((a, b) => Number(a) - Number(b));
    const ok = indexes.every((index, position) => index === String(position + base));
    if (!ok) return { params: {}, disorder: { list, indexes } };
  }
  return { params: unflattenQuery(rawQuery, base) };
}
