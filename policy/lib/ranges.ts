/** Overlap checks against the reserved range and any ranges a platform team adds. */
import { parseAddressOrCidr, rangesOverlap, RESERVED_CIDR } from "pulumi-vpcep/schema";

type Range = NonNullable<ReturnType<typeof parseAddressOrCidr>>;

export interface ReservedRange {
  cidr: string;
  range: Range;
}

/** Parsed values by text; bounded, since one pack process may see many stacks. */
const PARSED = new Map<string, Range | undefined>();
const PARSED_MAX = 10_000;

/**
 * `parseAddressOrCidr` of the trimmed value, remembered: stacks repeat the same CIDRs (every
 * `0.0.0.0/0` route), and parsing an IPv4 CIDR tries IPv6 first and throws, which made parsing
 * the largest share of the stack policies' time. Ranges are never mutated, so sharing them is safe.
 */
function parseRange(value: string): Range | undefined {
  if (PARSED.has(value)) return PARSED.get(value);
  const range = parseAddressOrCidr(value.trim());
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  PARSED.set(value, range);
  return range;
}

/** How a value is judged: an address or CIDR must not overlap; a route must not point inside. */
export type RangeUse = "address" | "route-destination";

/** Parsed once: the resource policy asks for it on every resource. */
const RESERVED: ReservedRange = { cidr: RESERVED_CIDR, range: parseAddressOrCidr(RESERVED_CIDR)! };

/** The reserved range plus the configured extra ones; a malformed entry names the config key. */
export function reservedRanges(extra: readonly unknown[] = []): ReservedRange[] {
  const ranges: ReservedRange[] = [RESERVED];
  extra.forEach((cidr, index) => {
    const range = typeof cidr === "string" ? parseAddressOrCidr(cidr) : undefined;
    if (range === undefined) {
      throw new Error(
        `policy config extraReservedRanges[${index}] must be an IPv4 or IPv6 address or CIDR (got ${JSON.stringify(cidr)})`,
      );
    }
    ranges.push({ cidr: cidr as string, range });
  });
  return ranges;
}

/**
 * The first reserved range an address or CIDR overlaps; undefined for no overlap or not an address.
 * A route destination only counts when it lies inside the range: a wider route such as 0.0.0.0/0
 * never takes the traffic the cloud's more specific system route carries (longest prefix wins).
 */
export function overlappingRange(
  value: string,
  reserved: readonly ReservedRange[],
  use: RangeUse = "address",
): ReservedRange | undefined {
  const range = parseRange(value);
  if (range === undefined) return undefined;
  return reserved.find(
    (r) => rangesOverlap(range, r.range) && (use === "address" || prefixOf(range) >= prefixOf(r.range)),
  );
}

/** The prefix length, an IPv4-mapped IPv6 range counted as the IPv4 range it carries. */
function prefixOf([address, bits]: Range): number {
  const mapped =
    address.kind() === "ipv6" && (address as { isIPv4MappedAddress(): boolean }).isIPv4MappedAddress();
  return mapped ? bits - 96 : bits;
}

/** Route destinations are judged as routes; everything else as addresses. */
export function useOf(kind: string): RangeUse {
  return kind === "route" || kind === "route-table" ? "route-destination" : "address";
}

/** The rule a hit breaks, for messages. */
export function overlapRule(hit: ReservedRange, use: RangeUse): string {
  const why =
    hit.cidr === RESERVED_CIDR
      ? "which Huawei Cloud and Open Telekom Cloud reserve for VPC endpoints (kept free on every cloud)"
      : "a range reserved by policy config (extraReservedRanges)";
  return `${use === "address" ? "overlaps" : "lies inside"} ${hit.cidr}, ${why}`;
}

/** True for a CIDR with prefix length 0, such as 0.0.0.0/0 or ::/0: every address there is. */
export function coversEverything(value: string): boolean {
  const range = parseRange(value);
  return range !== undefined && value.includes("/") && range[1] === 0;
}

/** JSON schema of the `extraReservedRanges` config key, shared by both reserved-range policies. */
export const extraReservedRangesSchema = {
  type: "array",
  description: `Address ranges to treat like ${RESERVED_CIDR}: IPv4 or IPv6 CIDRs such as 100.64.0.0/10 or fd00:ec2::/32.`,
  items: { type: "string", pattern: "^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$" },
  default: [],
} as const;
