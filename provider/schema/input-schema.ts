/**
 * One cloud's inputs for one kind of resource, declared field by field, and the one normalise
 * function that check, diff, read, adopt and partial failures share. Declaring fields separately
 * (instead of one opaque object schema) lets normalisation fill defaults around preview unknowns,
 * so a preview plans exactly what `up` does.
 */
import { z } from "zod";
import { containsUnknown, UNKNOWN } from "../core/unknown.js";

type Values = Record<string, unknown>;

/** A problem a cross-field rule found, on the path the user must fix. */
export interface RuleIssue {
  path: (string | number)[];
  message: string;
}

/** A rule that reads several fields; it runs only when all of them are known and valid. */
export interface CrossFieldRule {
  fields: readonly string[];
  /**
   * `values` are normalised (defaults filled, sets sorted); `given` are the inputs as the program
   * wrote them, in its order: a rule that names a list entry takes its index from `given`, so the
   * path points at the entry the user must fix.
   */
  check(values: Values, given: Values): RuleIssue[];
}

/** A default that depends on other fields (a whitelist that is given is meant to be enforced). */
export interface DerivedDefault {
  field: string;
  from: readonly string[];
  value(values: Values): unknown;
}

export interface InputSchema<Shape extends z.ZodRawShape = z.ZodRawShape> {
  /** Every top-level input, `cloud` (a literal) and `region` included. */
  shape: Shape;
  rules?: readonly CrossFieldRule[];
  derived?: readonly DerivedDefault[];
}

/** The inputs a schema yields, derived defaults filled. */
export type InputsOf<S extends InputSchema> = z.output<z.ZodObject<S["shape"]>>;

/** Declares a schema, keeping its shape's type. */
export function inputSchema<Shape extends z.ZodRawShape>(schema: InputSchema<Shape>): InputSchema<Shape> {
  return schema;
}

const validators = new WeakMap<InputSchema, z.ZodType>();

/** The strict object validator of a schema (unknown keys are mistakes), built once. */
export function validatorOf(schema: InputSchema): z.ZodType {
  let validator = validators.get(schema);
  if (!validator) {
    validator = z.strictObject(schema.shape);
    validators.set(schema, validator);
  }
  return validator;
}

/**
 * Inputs in their one normal form: each known field parsed by its own schema (defaults, sorting,
 * trimming), unknown fields kept as the engine sent them, then derived defaults (unknown when a
 * field they depend on is). A field that does not parse is kept as given: check reports it, and
 * state written by older versions still reads. Keys outside the shape are dropped.
 */
export function normalise(schema: InputSchema, raw: Values): Values {
  const out: Values = {};
  for (const [field, fieldSchema] of Object.entries(schema.shape)) {
    const value = raw[field];
    if (containsUnknown(value)) {
      out[field] = value;
      continue;
    }
    const parsed = (fieldSchema as z.ZodType).safeParse(value);
    const result = parsed.success ? parsed.data : value;
    if (result !== undefined) out[field] = result;
  }
  for (const derived of schema.derived ?? []) {
    if (out[derived.field] !== undefined) continue;
    out[derived.field] = derived.from.some((f) => containsUnknown(out[f])) ? UNKNOWN : derived.value(out);
  }
  return out;
}

/** Issues of the cross-field rules whose fields are all known and valid. */
export function ruleIssues(schema: InputSchema, raw: Values, invalidFields: Set<string>): RuleIssue[] {
  const values = normalise(schema, raw);
  const issues: RuleIssue[] = [];
  for (const rule of schema.rules ?? []) {
    if (rule.fields.some((f) => invalidFields.has(f) || containsUnknown(raw[f]))) continue;
    issues.push(...rule.check(values, raw));
  }
  return issues;
}
