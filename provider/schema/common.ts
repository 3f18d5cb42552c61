/** Building blocks the clouds' input schemas share. */
import { z } from "zod";
import { isDuration } from "../core/duration.js";

const duration = z
  .string()
  .refine(isDuration, { error: 'must be a duration such as "10m" or "90s"' })
  .optional();

/** The `timeouts` input: Go-style durations per operation. */
export const timeoutsSchema = z
  .strictObject({ create: duration, update: duration, delete: duration })
  .optional();

export type Timeouts = z.infer<typeof timeoutsSchema>;

function duplicates(values: readonly string[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value))
      ctx.addIssue({ code: "custom", path: [index], message: `duplicate entry "${value}"` });
    seen.add(value);
  });
}

function atMost(values: readonly unknown[], ctx: z.RefinementCtx, max: number | undefined, what: string) {
  if (max !== undefined && values.length > max) {
    ctx.addIssue({ code: "custom", message: `at most ${max} ${what} are allowed (got ${values.length})` });
  }
}

/** A list treated as a set: duplicates are reported, order is not significant (sorted). */
export function stringSet(item: z.ZodType<string>, max?: number, what = "entries") {
  return z
    .array(item)
    .superRefine((values, ctx) => {
      duplicates(values, ctx);
      atMost(values, ctx, max, what);
    })
    .transform((values) => [...values].sort());
}

/** A list whose order means something (priority, primary first): duplicates reported, order kept. */
export function orderedList(item: z.ZodType<string>, max?: number, what = "entries") {
  return z.array(item).superRefine((values, ctx) => {
    duplicates(values, ctx);
    atMost(values, ctx, max, what);
  });
}

/** A string matching a pattern, with a message naming the rule. */
export function patterned(pattern: RegExp, rule: string) {
  return z.string().regex(pattern, { error: (issue) => `must be ${rule} (got "${String(issue.input)}")` });
}

/** A string from a fixed list, with a message naming the list. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => `must be one of ${values.join(", ")} (got ${JSON.stringify(issue.input)})`,
  });
}

/** Settings that shape how the provider acts, not what the cloud holds; they never replace. */
export const lifecycleFields = {
  timeouts: timeoutsSchema,
  /** Take over an existing object with this id instead of creating one (first create only). */
  adoptId: z.string().min(1, { error: "must not be empty" }).optional(),
};

/** Waiting for the service owner's approval is opt-in: by default a pending request is success. */
export const waitForAcceptance = z.boolean().default(false);
