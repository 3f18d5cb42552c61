/**
 * Field checks shared by the family's handlers; each throws the documented VPCEP code.
 */
import { codePoints } from "../../core/text.js";
import { v1Error, V1Errors } from "./errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for UUID-shaped ids (every resource id of the family is one). */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** The parsed JSON object body; anything else is EndPoint.0002. */
export function objectBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) throw v1Error(V1Errors.InvalidParameter, "The request body is empty.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw v1Error(V1Errors.InvalidParameter, "The request body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw v1Error(V1Errors.InvalidParameter, "The request body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

/** A required UUID field. */
export function requireUuid(
  body: Record<string, unknown>,
  field: string,
  code = V1Errors.InvalidParameter,
): string {
  const value = body[field];
  if (value === undefined || value === null || value === "") throw v1Error(code, `${field} is required.`);
  if (!isUuid(value)) throw v1Error(code, `${field} must be a UUID.`);
  return value.toLowerCase();
}

/** An optional boolean field. */
export function optionalBool(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw v1Error(V1Errors.InvalidParameter, `${field} must be a boolean.`);
  return value;
}

/** An optional string from an enum; `code` is what a value outside it answers. */
export function optionalEnum<T extends string>(
  body: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
  code = V1Errors.InvalidParameter,
): T | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !allowed.includes(value as T)) {
    throw v1Error(code, `${field} must be one of ${allowed.join(", ")}.`);
  }
  return value as T;
}

/** Descriptions: at most 128 characters, no `<` or `>`. */
export function optionalDescription(
  body: Record<string, unknown>,
  field = "description",
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || codePoints(value) > 128 || /[<>]/.test(value)) {
    throw v1Error(V1Errors.InvalidParameter, `${field} must be at most 128 characters without < or >.`);
  }
  return value;
}

/** Dotted-quad IPv4. */
export function isIpv4(value: string): boolean {
  const parts = value.split(".");
  return parts.length === 4 && parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

/** An IPv4 address as a 32-bit unsigned integer. */
export function ipv4ToInt(value: string): number {
  return value.split(".").reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0);
}

/** A 32-bit unsigned integer as dotted quad. */
export function intToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join(".");
}

/** True when an IPv4 address lies in `base/prefix`. */
export function inCidr(address: string, base: string, prefix: number): boolean {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return (ipv4ToInt(address) & mask) >>> 0 === (ipv4ToInt(base) & mask) >>> 0;
}

/** IPv4 address or CIDR, as endpoint whitelists take them. */
export function isIpv4OrCidr(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const [address, prefix, extra] = value.split("/");
  if (extra !== undefined || address === undefined || !isIpv4(address)) return false;
  return prefix === undefined || (/^\d{1,2}$/.test(prefix) && Number(prefix) <= 32);
}

/** `limit`/`offset` from the query; the limit bounds differ per list. */
export function paging(
  query: URLSearchParams,
  defaultLimit: number,
  maxLimit: number,
): { limit: number; offset: number } {
  const read = (name: string, fallback: number, min: number, max: number) => {
    const raw = query.get(name);
    if (raw === null || raw === "") return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      throw v1Error(V1Errors.InvalidParameter, `${name} must be an integer between ${min} and ${max}.`);
    }
    return Number(raw);
  };
  return {
    limit: read("limit", defaultLimit, 1, maxLimit),
    offset: read("offset", 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

/** Sorts by `sort_key` (created_at | updated_at) and `sort_dir` (desc default). */
export function sortRecords<T extends { createdAt: number; updatedAt: number }>(
  items: T[],
  query: URLSearchParams,
): T[] {
  const key = query.get("sort_key") ?? "created_at";
  const dir = query.get("sort_dir") ?? "desc";
  if (key !== "created_at" && key !== "updated_at") {
    throw v1Error(V1Errors.InvalidParameter, "sort_key must be created_at or updated_at.");
  }
  if (dir !== "desc" && dir !== "asc")
    throw v1Error(V1Errors.InvalidParameter, "sort_dir must be desc or asc.");
  const field = key === "created_at" ? "createdAt" : "updatedAt";
  const sorted = items.map((item, index) => ({ item, index }));
  sorted.sort((a, b) => a.item[field] - b.item[field] || a.index - b.index);
  if (dir === "desc") sorted.reverse();
  return sorted.map((entry) => entry.item);
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the API's UTC time format. */
export function v1Time(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
