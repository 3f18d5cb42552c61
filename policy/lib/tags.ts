/** Tags as a map, whichever shape the resource declares them in (map, or a list of key/value pairs). */
import { UNKNOWN, valuesAt, type Plain } from "./known.js";

export interface KnownTags {
  tags: Record<string, string>;
  /** Some keys or values are unknown during preview: counts and required keys can't be judged. */
  partlyUnknown: boolean;
}

export function readTags(
  props: Plain,
  where: { path: string; shape: "map" | "list" },
): KnownTags | undefined {
  const [found] = valuesAt(props, where.path);
  if (found === undefined) return { tags: {}, partlyUnknown: false };
  if (found.value === UNKNOWN) return undefined;
  const tags: Record<string, string> = {};
  let partlyUnknown = false;
  if (where.shape === "map" && typeof found.value === "object" && !Array.isArray(found.value)) {
    for (const [key, value] of Object.entries(found.value as Plain)) {
      if (typeof value === "string") tags[key] = value;
      else partlyUnknown = true;
    }
  } else if (where.shape === "list" && Array.isArray(found.value)) {
    for (const item of found.value) {
      const pair = item as Plain | Unknown;
      if (pair === UNKNOWN || typeof pair !== "object" || pair === null) {
        partlyUnknown = true;
        continue;
      }
      if (typeof pair.key === "string" && typeof pair.value === "string") tags[pair.key] = pair.value;
      else partlyUnknown = true;
    }
  }
  return { tags, partlyUnknown };
}

type Unknown = typeof UNKNOWN;
