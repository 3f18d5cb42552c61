/**
 * Request parameters: the JSON body of a POST, or the query of a GET as the Node SDK flattens it
 * (`Filters.0.Name=…&Filters.0.Values.0=…`, 0-based). Readers coerce GET strings to the declared
 * types and raise the documented parameter errors.
 */
import { TcErrors } from "./errors.js";

type Json = Record<string, unknown>;

/** Rebuilds nested objects and arrays from flattened `A.0.B=…` query keys. */
export function unflattenQuery(rawQuery: string): Json {
  const root: Json = {};
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    const path = key.split(".");
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      const slot: string | number = Array.isArray(node) ? Number(segment) : segment;
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

/** Common parameters that may appear among action parameters and are never "unknown". */
const COMMON = new Set([
  "Action",
  "Version",
  "Region",
  "Timestamp",
  "Nonce",
  "SecretId",
  "Signature",
  "Language",
  "Token",
]);

/** Typed access to one action's parameters. */
export class Params {
  constructor(
    readonly raw: Json,
    allowed: readonly string[],
  ) {
    for (const key of Object.keys(raw)) {
      if (!allowed.includes(key) && !COMMON.has(key)) throw TcErrors.unknownParameter(key);
    }
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== null;
  }

  /** A string; `max` characters at most; `pattern` checks the format. */
  str(name: string, options: { required: true; max?: number; pattern?: RegExp }): string;
  str(name: string, options?: { required?: false; max?: number; pattern?: RegExp }): string | undefined;
  str(
    name: string,
    options: { required?: boolean; max?: number; pattern?: RegExp } = {},
  ): string | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      if (options.required) throw TcErrors.missing(name);
      return undefined;
    }
    if (typeof value !== "string") throw TcErrors.invalid(name, "expected a string");
    if (options.required && value === "") throw TcErrors.empty(name);
    if (options.max !== undefined && value.length > options.max) throw TcErrors.tooLong(name, options.max);
    if (options.pattern && !options.pattern.test(value)) throw TcErrors.malformed(name, value);
    return value;
  }

  /** A boolean; GET sends `true` / `false`. */
  bool(name: string, required: true): boolean;
  bool(name: string, required?: false): boolean | undefined;
  bool(name: string, required = false): boolean | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      if (required) throw TcErrors.missing(name);
      return undefined;
    }
    if (typeof value === "boolean") return value;
    if (value === "true" || value === "TRUE") return true;
    if (value === "false" || value === "FALSE") return false;
    throw TcErrors.invalid(name, "expected a boolean");
  }

  /** An integer within bounds. */
  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw[name];
    if (value === undefined || value === null) return fallback;
    const n = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== "number" || !Number.isInteger(n)) throw TcErrors.invalid(name, "expected an integer");
    if (n < min || n > max) throw TcErrors.range(name, `must be between ${min} and ${max}`);
    return n;
  }

  /** A list of strings, each matching `pattern` when given. */
  strList(
    name: string,
    options: { required?: boolean; pattern?: RegExp; nonEmpty?: boolean } = {},
  ): string[] | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      if (options.required) throw TcErrors.missing(name);
      return undefined;
    }
    if (!Array.isArray(value)) throw TcErrors.invalid(name, "expected a list");
    if (options.nonEmpty && value.length === 0) throw TcErrors.empty(name);
    return value.map((item: unknown) => {
      if (typeof item !== "string") throw TcErrors.invalid(name, "expected a list of strings");
      if (options.pattern && !options.pattern.test(item)) throw TcErrors.malformed(name, item);
      return item;
    });
  }

  /** `Filters` as name → values, checking names against `allowed`. */
  filters(allowed: readonly string[]): Map<string, string[]> | undefined {
    const value = this.raw.Filters;
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw TcErrors.invalid("Filters", "expected a list");
    const out = new Map<string, string[]>();
    for (const item of value) {
      if (typeof item !== "object" || item === null || Array.isArray(item)) throw TcErrors.filterNotDict();
      const { Name, Values } = item as { Name?: unknown; Values?: unknown };
      if (typeof Name !== "string") throw TcErrors.filterNotDict();
      if (!allowed.includes(Name)) throw TcErrors.filterKey(Name);
      if (!Array.isArray(Values) || Values.some((v) => typeof v !== "string"))
        throw TcErrors.filterValuesNotList(Name);
      out.set(Name, [...(out.get(Name) ?? []), ...(Values as string[])]);
    }
    return out;
  }

  /** `Tags` as `[{Key, Value}]`. */
  tags(): { Key: string; Value: string }[] {
    const value = this.raw.Tags;
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw TcErrors.invalid("Tags", "expected a list");
    const seen = new Set<string>();
    return value.map((item: unknown) => {
      const tag = (item ?? {}) as { Key?: unknown; Value?: unknown };
      if (typeof tag.Key !== "string" || tag.Key === "")
        throw TcErrors.invalid("Tags", "every tag needs a Key");
      if (tag.Value !== undefined && typeof tag.Value !== "string")
        throw TcErrors.invalid("Tags", "Value must be a string");
      if (seen.has(tag.Key)) throw TcErrors.duplicate("Tags.Key", tag.Key);
      seen.add(tag.Key);
      return { Key: tag.Key, Value: tag.Value ?? "" };
    });
  }

  /** Offset/Limit: default 0/20, at most 100. Token paging is declined. */
  paging(): { offset: number; limit: number } {
    if (this.has("NextToken") || this.has("MaxResults")) {
      throw TcErrors.unsupported("NextToken/MaxResults paging is not emulated; use Offset and Limit.");
    }
    return {
      offset: this.int("Offset", 0, 0, Number.MAX_SAFE_INTEGER),
      limit: this.int("Limit", 20, 1, 100),
    };
  }

  /** Only IPv4 is emulated. */
  ipv4Only(): void {
    const value = this.str("IpAddressType");
    if (value !== undefined && value !== "Ipv4")
      throw TcErrors.unsupported(`IpAddressType ${value} is not emulated.`);
  }
}

/** Tencent id formats. */
export const TcIds = {
  vpc: /^vpc-[a-z0-9]{8}$/,
  subnet: /^subnet-[a-z0-9]{8}$/,
  securityGroup: /^sg-[a-z0-9]{8}$/,
  endpoint: /^vpce-[a-z0-9]{8}$/,
  service: /^vpcsvc-[a-z0-9]{8}$/,
  uin: /^\d{5,20}$/,
  /** Backend instances by service type. */
  instance: {
    CLB: /^lb-[a-z0-9]{8}$/,
    CDB: /^cdb-[a-z0-9]{8}$/,
    CRS: /^crs-[a-z0-9]{8}$/,
    GWLB: /^gwlb-[a-z0-9]{8}$/,
  } as Record<string, RegExp>,
} as const;
