/** Field-by-field comparison under a backend's rules: what changes, and what forces a replacement. */
import { containsUnknown } from "../core/unknown.js";
import type { FieldRule } from "./backend.js";

export interface FieldDiff {
  changed: string[];
  replaces: string[];
}

/** JSON with sorted object keys, so `{a,b}` and `{b,a}` compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** Treats missing and empty collections alike, so older state or a sparse read shows no diff. */
function normalise(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  if (typeof value === "object" && !Array.isArray(value) && Object.keys(value as object).length === 0)
    return undefined;
  if (value === "") return undefined;
  return value;
}

/** True when two input values are the same once empty collections and absence are alike. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(normalise(a)) === canonicalJson(normalise(b));
}

/** Compares the fields the rules name; unknown new values count as changes (preview). */
export function diffFields(
  rules: Record<string, FieldRule>,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): FieldDiff {
  const changed: string[] = [];
  const replaces: string[] = [];
  for (const [field, rule] of Object.entries(rules)) {
    const next = news[field];
    if (rule.computed && next === undefined) continue;
    const differs = containsUnknown(next) || !sameValue(olds[field], next);
    if (!differs) continue;
    changed.push(field);
    if (rule.change === "replace") replaces.push(field);
  }
  return { changed, replaces };
}
