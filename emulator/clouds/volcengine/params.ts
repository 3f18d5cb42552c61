/**
 * Volcengine request parameters: the shared RPC readers with Volcengine's codes, the types each
 * call form carries (a GET query holds only strings; a JSON body is typed, so `PrivateDNSEnabled`
 * must be a JSON string in CreateVpcEndpoint and a JSON boolean in ModifyVpcEndpointAttributes),
 * and the limits of seed 001 / fact sheet §7: names, descriptions, tags, paging, ClientToken.
 */
import { codePoints } from "../../core/text.js";
import { Params } from "../rpc/params.js";
import { VE_PARAM_ERRORS, veError, VeErrors } from "./errors.js";

/** Parameters every call may carry besides its own. */
const COMMON = new Set(["Action", "Version"]);

/** 1–128 characters; starts with a letter, digit or Chinese character; then also `. _ -`. */
const NAME = /^[A-Za-z0-9\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5._-]*$/u;
export const NAME_MAX = 128;
/** 0–255 characters; starts with a letter, digit or Chinese character; then also `, . _ space = - ，。`. */
const DESCRIPTION = /^[A-Za-z0-9\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5,._ =\-，。]*$/u;
export const DESCRIPTION_MAX = 255;
/** Tag key 1–128, value 0–256; letters, digits, space and `_ . : / = + - @`; no edge spaces. */
const TAG_CHARS = /^[\p{L}\p{N} _.:/=+\-@]*$/u;
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;
/** Tags per call (`LimitExceeded.TagOperation`). */
export const TAGS_PER_CALL = 20;
const RESERVED_TAG_PREFIX = /^(volc:|sys:)/i;
/** ClientToken: ASCII, at most 64 characters. */
const CLIENT_TOKEN = /^[\x20-\x7e]{1,64}$/;
/** Project names (`default`): letters, digits and `_ . -`, at most 64. */
const PROJECT_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** A `{Key, Value}` tag. */
export interface VeTag {
  Key: string;
  Value: string;
}

/** Typed access to one Volcengine action's parameters. */
export class VeParams extends Params {
  constructor(
    raw: Record<string, unknown>,
    allowed: readonly string[],
    /** True for the GET query form (and form bodies), where every value is a string. */
    readonly fromQuery: boolean,
  ) {
    super(raw, allowed, VE_PARAM_ERRORS, COMMON);
  }

  /** A boolean parameter: `true`/`false` in a query, a JSON boolean in a body. */
  override bool(name: string, required: true): boolean;
  override bool(name: string, required?: false): boolean | undefined;
  override bool(name: string, required = false): boolean | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      if (required) throw VeErrors.missing(name);
      return undefined;
    }
    if (this.fromQuery) {
      if (value === "true") return true;
      if (value === "false") return false;
    } else if (typeof value === "boolean") return value;
    throw VeErrors.invalid(name, "expected a boolean");
  }

  /** A boolean the API types as a string (`"true"` / `"false"`), in a query and a JSON body alike. */
  boolString(name: string): boolean | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (value === "true") return true;
    if (value === "false") return false;
    throw VeErrors.invalid(name, 'expected the string "true" or "false"');
  }

  /** A list of objects (`Zones`, `Resources`, `Tags`). */
  objList(name: string): Record<string, unknown>[] | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw VeErrors.invalid(name, "expected a list");
    return value.map((item: unknown, index) => {
      if (typeof item !== "object" || item === null || Array.isArray(item))
        throw VeErrors.invalid(`${name}.${index + 1}`, "expected an object");
      return item as Record<string, unknown>;
    });
  }

  /** An `EndpointName`-style name, or `InvalidName.Malformed`. */
  name(name: string): string | undefined {
    const value = this.str(name);
    if (value === undefined) return undefined;
    if (codePoints(value) > NAME_MAX || !NAME.test(value))
      throw veError("InvalidName.Malformed", [], `(${name})`);
    return value;
  }

  /** A description ("" allowed), or `InvalidDescription.Malformed`. */
  description(name = "Description"): string | undefined {
    const value = this.str(name);
    if (value === undefined || value === "") return value;
    if (codePoints(value) > DESCRIPTION_MAX || !DESCRIPTION.test(value))
      throw veError("InvalidDescription.Malformed");
    return value;
  }

  /** `ClientToken`: ASCII ≤64, or `InvalidClientToken.Malformed`; absent or empty means no check. */
  clientToken(): string | undefined {
    const value = this.raw.ClientToken;
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string" || !CLIENT_TOKEN.test(value)) throw veError("InvalidClientToken.Malformed");
    return value;
  }

  /** `ProjectName` (default `default`), or `InvalidProjectName.Malformed`. */
  projectName(): string {
    const value = this.str("ProjectName");
    if (value === undefined || value === "") return "default";
    if (!PROJECT_NAME.test(value)) throw veError("InvalidProjectName.Malformed");
    return value;
  }

  /** `IpAddressVersions.N`: `ipv4` and/or `ipv6`, default `["ipv4"]`. */
  ipVersions(fallback: string[] | undefined = ["ipv4"]): string[] | undefined {
    const list = this.strList("IpAddressVersions");
    if (list === undefined) return fallback;
    for (const item of list)
      if (item !== "ipv4" && item !== "ipv6")
        throw VeErrors.invalid("IpAddressVersions", `"${item}" is not ipv4 or ipv6`);
    return [...new Set(list)];
  }

  /** `Tags.N.{Key,Value}` checked per §7: at most 20, keys unique, reserved prefixes refused. */
  tags(name = "Tags"): VeTag[] {
    const list = this.objList(name);
    if (list === undefined) return [];
    if (list.length > TAGS_PER_CALL) throw veError("LimitExceeded.TagOperation");
    const seen = new Set<string>();
    return list.map((item) => {
      const { Key, Value } = item as { Key?: unknown; Value?: unknown };
      if (Key === undefined || Key === null || Key === "") {
        // "A Value requires its Key."
        throw veError("InvalidTagKey.Malformed", [], "(a tag value needs its key)");
      }
      const key = checkTagKey(Key);
      const value = Value === undefined || Value === null ? "" : checkTagValue(Value);
      if (seen.has(key)) throw veError("InvalidTagKey.Malformed", [], `(duplicate key ${key})`);
      seen.add(key);
      return { Key: key, Value: value };
    });
  }

  /** `TagKeys.N` of UntagResources. */
  tagKeys(): string[] {
    const list = this.strList("TagKeys", { required: true, nonEmpty: true })!;
    if (list.length > TAGS_PER_CALL) throw veError("LimitExceeded.TagOperation");
    return list.map(checkTagKey);
  }

  /** `PageNumber` (from 1) and `PageSize` (1–100, default 10). */
  paging(): { pageNumber: number; pageSize: number } {
    return {
      pageNumber: this.int("PageNumber", 1, 1, Number.MAX_SAFE_INTEGER),
      pageSize: this.int("PageSize", 10, 1, 100),
    };
  }
}

function checkTagKey(key: unknown): string {
  if (typeof key !== "string") throw veError("InvalidTagKey.Malformed");
  if (
    codePoints(key) < 1 ||
    codePoints(key) > TAG_KEY_MAX ||
    RESERVED_TAG_PREFIX.test(key) ||
    key.trim() !== key ||
    !TAG_CHARS.test(key)
  )
    throw veError("InvalidTagKey.Malformed", [], `(${JSON.stringify(key)})`);
  return key;
}

function checkTagValue(value: unknown): string {
  if (typeof value !== "string") throw veError("InvalidTagValue.Malformed");
  if (codePoints(value) > TAG_VALUE_MAX || value.trim() !== value || !TAG_CHARS.test(value))
    throw veError("InvalidTagValue.Malformed", [], `(${JSON.stringify(value)})`);
  return value;
}

/** One page of a list, and the paging fields Describe answers carry. */
export function pageOf<T>(
  items: T[],
  paging: { pageNumber: number; pageSize: number },
): { items: T[]; PageNumber: number; PageSize: number; TotalCount: number } {
  const start = (paging.pageNumber - 1) * paging.pageSize;
  return {
    items: items.slice(start, start + paging.pageSize),
    PageNumber: paging.pageNumber,
    PageSize: paging.pageSize,
    TotalCount: items.length,
  };
}
