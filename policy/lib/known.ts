/**
 * Reading resource properties without tripping over preview unknowns. The policy SDK hands policies a
 * proxy that throws on any unknown value, which would turn the whole check into "can't run policy"
 * even when the values that matter are known. Policies here read a plain copy instead, in which
 * every unknown is `UNKNOWN`, and check all the known values.
 */
import { UnknownValueError } from "@pulumi/policy";

export const UNKNOWN: unique symbol = Symbol("unknown during preview");
export type Unknown = typeof UNKNOWN;

/** The policy SDK's sentinels for unknown values (string, boolean, number, array, asset, archive, object). */
const SENTINELS = new Set([
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "030794c1-ac77-496b-92df-f27374a8bd58",
  "e48ece36-62e2-4504-bad9-02848725956a",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/**
 * The key under which the SDK's proxy answers with the object it wraps (its own serializer reads
 * it the same way). Not part of the SDK's typed surface: when it is missing, the copy goes through
 * the proxy, slower but with the same result.
 */
const PROXY_TARGET = "__getSpecialProxyTarget";

export type Plain = Record<string, unknown>;

/**
 * A plain, deep copy of `props` with unknowns as `UNKNOWN`. Top-level keys starting with `__` (the
 * dynamic provider's serialized code) are skipped: they are large and never policy input.
 *
 * The copy is taken from the object behind the SDK's proxy when it can be reached: going through
 * the proxy allocates a path array and a new proxy on every read and made copying most of the
 * pack's time on large stacks. Both ways see the same values; the proxy only adds the throw.
 */
export function plainProps(props: object): Plain {
  const target = (props as Plain)[PROXY_TARGET];
  const source = target !== null && typeof target === "object" ? (target as Plain) : undefined;
  const out: Plain = {};
  for (const key of Object.keys(source ?? props)) {
    if (key.startsWith("__")) continue;
    out[key] = source ? copyPlain(source[key]) : copy(() => (props as Plain)[key]);
  }
  return out;
}

/** `value` with the SDK's unknown sentinels as `UNKNOWN`. */
export function known(value: unknown): unknown {
  return typeof value === "string" && SENTINELS.has(value) ? UNKNOWN : value;
}

/** Copies an unproxied value: nothing throws, sentinels become `UNKNOWN`. */
function copyPlain(value: unknown): unknown {
  if (typeof value === "string") return known(value);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(copyPlain);
  const out: Plain = {};
  for (const key of Object.keys(value)) out[key] = copyPlain((value as Plain)[key]);
  return out;
}

/** Copies through the SDK's proxy, turning its throw on an unknown into `UNKNOWN`. */
function copy(read: () => unknown): unknown {
  let value: unknown;
  try {
    value = read();
  } catch (error) {
    if (error instanceof UnknownValueError) return UNKNOWN;
    throw error;
  }
  if (typeof value === "string") return known(value);
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (let i = 0; i < value.length; i++) items.push(copy(() => (value as unknown[])[i]));
    return items;
  }
  if (value !== null && typeof value === "object") {
    const out: Plain = {};
    for (const key of Object.keys(value)) out[key] = copy(() => (value as Plain)[key]);
    return out;
  }
  return value;
}

/** One value found at a path, with the concrete path (indices filled in) for messages. */
export interface Found {
  path: string;
  value: unknown;
}

/**
 * Every value at a path such as `routes[].destination`, `zones[].privateIpAddress` or `whitelist[]`.
 * Missing values are skipped; an unknown list or object yields one `UNKNOWN` at the unknown part.
 */
export function valuesAt(props: Plain, path: string): Found[] {
  let found: Found[] = [{ path: "", value: props }];
  for (const segment of path.split(".")) {
    const isList = segment.endsWith("[]");
    const key = isList ? segment.slice(0, -2) : segment;
    const next: Found[] = [];
    for (const { path: at, value } of found) {
      if (value === UNKNOWN) {
        next.push({ path: at, value });
        continue;
      }
      if (value === null || typeof value !== "object") continue;
      const child = (value as Plain)[key];
      const childPath = at === "" ? key : `${at}.${key}`;
      if (child === undefined || child === null) continue;
      if (!isList || child === UNKNOWN) {
        next.push({ path: childPath, value: child });
      } else if (Array.isArray(child)) {
        child.forEach((item, index) => next.push({ path: `${childPath}[${index}]`, value: item }));
      }
    }
    found = next;
  }
  return found;
}

/** The known string values at a path. */
export function knownStrings(props: Plain, path: string): { path: string; value: string }[] {
  return valuesAt(props, path).filter(
    (f): f is { path: string; value: string } => typeof f.value === "string",
  );
}
