/**
 * Typed access to one RPC action's parameters: the JSON body of a POST, or the unflattened query
 * of a GET (strings then, so readers coerce them). Each cloud supplies the errors its API raises
 * for a missing, unknown or bad parameter; the readers only decide which one applies.
 */
import { codePoints } from "../../core/text.js";

type Json = Record<string, unknown>;

/** The parameter errors of one cloud, as throwable errors. */
export interface ParamErrors {
  missing(name: string): Error;
  unknownParameter(name: string): Error;
  invalid(name: string, why: string): Error;
  malformed(name: string, value: unknown): Error;
  tooLong(name: string, max: number): Error;
  empty(name: string): Error;
  range(name: string, why: string): Error;
}

/** Readers over one action's parameters. */
export class Params {
  constructor(
    readonly raw: Json,
    allowed: readonly string[],
    protected readonly errors: ParamErrors,
    /** Common parameters that may appear among action parameters and are never "unknown". */
    common: ReadonlySet<string> = new Set(),
  ) {
    for (const key of Object.keys(raw)) {
      if (!allowed.includes(key) && !common.has(key)) throw errors.unknownParameter(key);
    }
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== null;
  }

  /** A string; `max` characters (code points) at most; `pattern` checks the format. */
  str(name: string, options: { required: true; max?: number; pattern?: RegExp }): string;
  str(name: string, options?: { required?: false; max?: number; pattern?: RegExp }): string | undefined;
  str(
    name: string,
    options: { required?: boolean; max?: number; pattern?: RegExp } = {},
  ): string | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      if (options.required) throw this.errors.missing(name);
      return undefined;
    }
    if (typeof value !== "string") throw this.errors.invalid(name, "expected a string");
    if (options.required && value === "") throw this.errors.empty(name);
    if (options.max !== undefined && codePoints(value) > options.max)
      throw this.errors.tooLong(name, options.max);
    if (options.pattern && !options.pattern.test(value)) throw this.errors.malformed(name, value);
    return value;
  }

  /** A boolean; GET sends `true` / `false`. */
  bool(name: string, required: true): boolean;
  bool(name: string, required?: false): boolean | undefined;
  bool(name: string, required = false): boolean | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      if (required) throw this.errors.missing(name);
      return undefined;
    }
    if (typeof value === "boolean") return value;
    if (value === "true" || value === "TRUE") return true;
    if (value === "false" || value === "FALSE") return false;
    throw this.errors.invalid(name, "expected a boolean");
  }

  /** An integer within bounds. */
  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw[name];
    if (value === undefined || value === null) return fallback;
    const n = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== "number" || !Number.isInteger(n)) throw this.errors.invalid(name, "expected an integer");
    if (n < min || n > max) throw this.errors.range(name, `must be between ${min} and ${max}`);
    return n;
  }

  /** A list of strings, each matching `pattern` when given. */
  strList(
    name: string,
    options: { required?: boolean; pattern?: RegExp; nonEmpty?: boolean } = {},
  ): string[] | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      if (options.required) throw this.errors.missing(name);
      return undefined;
    }
    if (!Array.isArray(value)) throw this.errors.invalid(name, "expected a list");
    if (options.nonEmpty && value.length === 0) throw this.errors.empty(name);
    return value.map((item: unknown) => {
      if (typeof item !== "string") throw this.errors.invalid(name, "expected a list of strings");
      if (options.pattern && !options.pattern.test(item)) throw this.errors.malformed(name, item);
      return item;
    });
  }
}
