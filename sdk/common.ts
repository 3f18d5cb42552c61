import * as pulumi from "@pulumi/pulumi";
import { requiredInputs } from "../provider/schema/required.js";
import type { ResourceKind } from "../provider/schema/kinds.js";
import { UNREPRESENTABLE_TAG_KEY, unrepresentableTagKeyMessage } from "../provider/schema/tags.js";

/**
 * Rejects a missing required property before any I/O, naming it like generated providers do. The
 * required names come from the chosen cloud's schema; an unknown cloud is left to check.
 */
export function requireProperties(kind: ResourceKind, args: object | undefined): void {
  const values = (args ?? {}) as Record<string, unknown>;
  for (const name of ["cloud", ...requiredInputs(kind, values.cloud)]) {
    if (values[name] === undefined) throw new Error(`Missing required property '${name}'`);
  }
}

function refuseUnrepresentable(tags: unknown): void {
  if (tags !== null && typeof tags === "object" && Object.hasOwn(tags, UNREPRESENTABLE_TAG_KEY)) {
    throw new Error(unrepresentableTagKeyMessage);
  }
}

/**
 * The SDK's own serialization drops a `__proto__` key without a word (assigning it sets a
 * prototype), so the provider's check could never see it: it is refused here instead.
 */
export function guardTags(tags: unknown): unknown {
  if (pulumi.Output.isInstance(tags)) {
    return (tags as pulumi.Output<unknown>).apply((value) => {
      refuseUnrepresentable(value);
      return value;
    });
  }
  refuseUnrepresentable(tags);
  return tags;
}
