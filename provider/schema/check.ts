/**
 * Turns a zod schema into Pulumi's check contract: normalised inputs or failures that name the
 * property path and the rule. Never throws, makes no cloud call, and tolerates preview unknowns.
 */
import type { z } from "zod";
import { containsUnknown, isUnknownAt } from "../core/unknown.js";
import { CLOUD_LABEL } from "./common.js";

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckOutcome<T> {
  /** Normalised inputs; when some inputs are unknown (preview), the raw inputs. */
  inputs: T | Record<string, unknown>;
  failures: CheckFailure[];
}

const SUPPORTED_CLOUDS = Object.keys(CLOUD_LABEL);

/** Validates and normalises inputs, keeping the engine's own keys (such as `__provider`). */
export function checkInputs<S extends z.ZodType>(
  schema: S,
  news: Record<string, unknown>,
  kindLabel: string,
): CheckOutcome<z.output<S>> {
  const { __provider, ...raw } = news;
  const keep = __provider === undefined ? {} : { __provider };
  if (raw.cloud === undefined || !SUPPORTED_CLOUDS.includes(String(raw.cloud))) {
    if (containsUnknown(raw.cloud)) return { inputs: news, failures: [] };
    return {
      inputs: news,
      failures: [
        {
          property: "cloud",
          reason: `must be one of ${SUPPORTED_CLOUDS.join(", ")} (got ${JSON.stringify(raw.cloud)})`,
        },
      ],
    };
  }
  const result = schema.safeParse(raw);
  const unknown = containsUnknown(raw);
  if (result.success) {
    return { inputs: unknown ? news : { ...(result.data as object), ...keep }, failures: [] };
  }
  const failures: CheckFailure[] = [];
  for (const issue of result.error.issues) {
    if (isUnknownAt(raw, issue.path)) continue;
    if (issue.code === "unrecognized_keys") {
      const cloud = CLOUD_LABEL[raw.cloud as keyof typeof CLOUD_LABEL];
      for (const key of issue.keys) {
        failures.push({
          property: [...issue.path, key].map(String).join("."),
          reason: `is not supported by ${cloud} ${kindLabel}`,
        });
      }
      continue;
    }
    failures.push({ property: issue.path.map(String).join("."), reason: issue.message });
  }
  return { inputs: news, failures };
}
