/**
 * Endpoint and service VIPs: the two address families `IpAddressType` selects, their canonical
 * spellings (so `2402:4E00::8` and `2402:4e00:0::8` are one address) and the deterministic pools
 * the emulator assigns from when no address is asked for.
 */

/** `IpAddressType` values of the Private Link actions that create or address a resource. */
export const IP_ADDRESS_TYPES = ["Ipv4", "Ipv6"] as const;
/** One address family. */
export type IpAddressType = (typeof IP_ADDRESS_TYPES)[number];

function ipv4Groups(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255))
    return undefined;
  return parts.map(Number);
}

/** True for a dotted-quad IPv4 address. */
export function isIpv4(text: string): boolean {
  return ipv4Groups(text) !== undefined;
}

/** The eight 16-bit groups of an IPv6 address (with `::` and a trailing dotted quad), or undefined. */
function ipv6Groups(text: string): number[] | undefined {
  let body = text;
  if (text.includes(".")) {
    // A trailing dotted quad is the last two groups: rewrite it as hex and parse as usual.
    const lastColon = text.lastIndexOf(":");
    const v4 = ipv4Groups(text.slice(lastColon + 1));
    if (!v4) return undefined;
    body = `${text.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = body.split("::");
  if (halves.length > 2) return undefined;
  const parse = (part: string) =>
    part === ""
      ? []
      : part.split(":").map((group) => (/^[0-9A-Fa-f]{1,4}$/.test(group) ? parseInt(group, 16) : NaN));
  const left = parse(halves[0]!);
  const right = halves.length === 2 ? parse(halves[1]!) : [];
  if ([...left, ...right].some(Number.isNaN)) return undefined;
  if (halves.length === 1) return left.length === 8 ? left : undefined;
  const zeros = 8 - left.length - right.length;
  if (zeros < 1) return undefined;
  return [...left, ...new Array<number>(zeros).fill(0), ...right];
}

/** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

/** The family of an address, or undefined when it is neither. */
export function familyOf(text: string): IpAddressType | undefined {
  if (isIpv4(text)) return "Ipv4";
  return ipv6Groups(text) ? "Ipv6" : undefined;
}

/** The canonical spelling of an IPv4 or IPv6 address (IPv4 as given; IPv6 per RFC 5952). */
export function canonicalAddress(text: string): string {
  const groups = isIpv4(text) ? undefined : ipv6Groups(text);
  return groups ? formatIpv6(groups) : text;
}

/** Where the pools start, after the documented examples (endpoint `10.0.0.8`, service `10.101.1.11`). */
const POOLS = {
  endpoint: { Ipv4: [10, 0, 0, 8], Ipv6: [0x2402, 0x4e00, 0x1000, 0, 0, 0, 0, 8] },
  service: { Ipv4: [10, 101, 1, 11], Ipv6: [0x2402, 0x4e00, 0x1001, 0, 0, 0, 0, 0xb] },
} as const;

function offsetIpv4(start: readonly number[], offset: number): string {
  const n = (((start[0]! << 24) | (start[1]! << 16) | (start[2]! << 8) | start[3]!) >>> 0) + offset;
  return [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join(".");
}

function offsetIpv6(start: readonly number[], offset: number): string {
  // The pools are far from a 32-bit boundary, so carrying into group 7 is enough.
  const low = start[7]! + offset;
  return formatIpv6([...start.slice(0, 6), (start[6]! + Math.floor(low / 0x10000)) & 0xffff, low & 0xffff]);
}

/** The first address of a pool that `used` (canonical spellings) does not hold. */
export function nextFreeAddress(
  pool: keyof typeof POOLS,
  family: IpAddressType,
  used: ReadonlySet<string>,
): string {
  const start = POOLS[pool][family];
  for (let offset = 0; ; offset += 1) {
    const candidate = family === "Ipv4" ? offsetIpv4(start, offset) : offsetIpv6(start, offset);
    if (!used.has(candidate)) return candidate;
  }
}
