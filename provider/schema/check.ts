/**
 * Pulumi's check contract over the registry: normalised inputs, or failures that name the property
 * path and the rule. Never throws, makes no cloud call, and tolerates preview unknowns: known
 * fields are checked and get their defaults even while others are unknown.
 */
import type { z } from "zod";
import { CLOUD_NAMES, cloudModule } from "../clouds/index.js";
import { containsUnknown, isUnknownAt } from "../core/unknown.js";
import { normalise, ruleIssues, validatorOf } from "./input-schema.js";
import { kindLabel, type ResourceKind } from "./kinds.js";

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckOutcome {
  /** Normalised inputs, unknown values kept where they are; the engine's own keys kept. */
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/** Validates and normalises one resource's inputs, keeping the engine's keys (`__provider`). */
export function checkInputs(kind: ResourceKind, news: Record<string, unknown>): CheckOutcome {
  const { __provider, ...raw } = news;
  const keep = __provider === undefined ? {} : { __provider };
  const module = cloudModule(raw.cloud);
  if (!module) {
    if (containsUnknown(raw.cloud)) return { inputs: news, failures: [] };
    return {
      inputs: news,
      failures: [
        {
          property: "cloud",
          reason: `must be one of ${CLOUD_NAMES.join(", ")} (got ${JSON.stringify(raw.cloud)})`,
        },
      ],
    };
  }
  const schema = module.resources[kind].schema;
  const failures: CheckFailure[] = [];
  const invalidFields = new Set<string>();
  const result = validatorOf(schema).safeParse(raw);
  for (const issue of result.success ? [] : (result.error as z.ZodError).issues) {
    if (isUnknownAt(raw, issue.path)) continue;
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        failures.push({
          property: pathOf([...issue.path, key]),
          reason: `is not supported by ${module.label} ${kindLabel(kind)}`,
        });
      }
      continue;
    }
    if (issue.path.length > 0) invalidFields.add(String(issue.path[0]));
    failures.push({ property: pathOf(issue.path), reason: issue.message });
  }
  for (const issue of ruleIssues(schema, raw, invalidFields)) {
    failures.push({ property: pathOf(issue.path), reason: issue.message });
  }
  return { inputs: { ...normalise(schema, raw), ...keep }, failures };
}
