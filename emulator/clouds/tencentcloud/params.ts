/**
 * Tencent request parameters: the shared RPC readers with Tencent's error codes, plus the
 * parameter shapes only Tencent has (`Filters`, `Tags`, `Offset`/`Limit`, `IpAddressType`) and its
 * id formats.
 */
import { codePoints } from "../../core/text.js";
import { Params } from "../rpc/params.js";
import { IP_ADDRESS_TYPES, type IpAddressType } from "./addresses.js";
import { TC_PARAM_ERRORS, TcErrors } from "./errors.js";

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

/**
 * Tag lengths of the Tencent tag service (the VPC API documents none): key 1–127, value 1–255
 * characters, counted in code points as the provider does.
 * @link https://www.tencentcloud.com/document/product/651/13354
 */
export const TAG_KEY_MAX = 127;
export const TAG_VALUE_MAX = 255;

/** Typed access to one Tencent action's parameters. */
export class TcParams extends Params {
  constructor(raw: Record<string, unknown>, allowed: readonly string[]) {
    super(raw, allowed, TC_PARAM_ERRORS, COMMON);
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

  /** `Tags` as `[{Key, Value}]`: keys non-empty and unique, lengths within the tag service's limits. */
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
      if (tag.Value === undefined || tag.Value === "") throw TcErrors.empty("Tags.Value");
      if (codePoints(tag.Key) > TAG_KEY_MAX) throw TcErrors.tooLong("Tags.Key", TAG_KEY_MAX);
      if (codePoints(tag.Value ?? "") > TAG_VALUE_MAX) throw TcErrors.tooLong("Tags.Value", TAG_VALUE_MAX);
      if (seen.has(tag.Key)) throw TcErrors.duplicate("Tags.Key", tag.Key);
      seen.add(tag.Key);
      return { Key: tag.Key, Value: tag.Value };
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

  /**
   * `IpAddressType`: `Ipv4` (default) or `Ipv6`. `DualStack` (Describe only) needs token paging,
   * which is declined.
   */
  ipAddressType(): IpAddressType {
    const value = this.str("IpAddressType");
    if (value === undefined) return "Ipv4";
    if (value === "DualStack")
      throw TcErrors.unsupported("IpAddressType DualStack needs NextToken paging, which is not emulated.");
    if (!IP_ADDRESS_TYPES.includes(value as IpAddressType))
      throw TcErrors.value("IpAddressType", `must be one of ${IP_ADDRESS_TYPES.join(", ")}`);
    return value as IpAddressType;
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
  /**
   * Backend instances by `ServiceType`: CLB `lb-p1hiksdg` (CreateVpcEndPointService), CDB (MySQL)
   * `cdb-70zdmgg1`, CRS (Redis) `crs-jkbfbllz`, GWLB `gwlb-poqv7z4y` (the products' Describe examples).
   */
  instance: {
    CLB: /^lb-[a-z0-9]{8}$/,
    CDB: /^cdb-[a-z0-9]{8}$/,
    CRS: /^crs-[a-z0-9]{8}$/,
    GWLB: /^gwlb-[a-z0-9]{8}$/,
  } as Record<string, RegExp>,
} as const;
