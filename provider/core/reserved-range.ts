/**
 * The range Huawei Cloud and Open Telekom Cloud reserve for VPC endpoints. Older OTC docs say
 * /20, which lies inside /17, so checking /17 is the safe rule.
 * @link https://docs.otc.t-systems.com/vpc-endpoint/api-ref/apis/vpc_endpoints/creating_a_vpc_endpoint.html
 */
import ipaddr from "ipaddr.js";

export const RESERVED_CIDR = "198.19.128.0/17";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses an address or CIDR into [network address, prefix]; undefined when malformed. */
export function parseAddressOrCidr(value: string): Range | undefined {
  try {
    if (value.includes("/")) {
      const [addr, bits] = ipaddr.parseCIDR(value);
      return [addr, bits];
    }
    const addr = ipaddr.parse(value);
    return [addr, addr.kind() === "ipv4" ? 32 : 128];
  } catch {
    return undefined;
  }
}

/** IPv4-mapped IPv6 addresses compare as the IPv4 they carry. */
function normalise([addr, bits]: Range): Range {
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    return [(addr as ipaddr.IPv6).toIPv4Address(), Math.max(0, bits - 96)];
  }
  return [addr, bits];
}

/** Two ranges overlap when either contains the other's network address at the shorter prefix. */
export function rangesOverlap(a: Range, b: Range): boolean {
  const [addrA, bitsA] = normalise(a);
  const [addrB, bitsB] = normalise(b);
  if (addrA.kind() !== addrB.kind()) return false;
  const shorter = Math.min(bitsA, bitsB);
  return addrA.match(addrB as never, shorter);
}

/** True when an address or CIDR overlaps any of the given ranges (default: the reserved one). */
export function overlapsReserved(value: string, reserved: readonly string[] = [RESERVED_CIDR]): boolean {
  const range = parseAddressOrCidr(value);
  if (!range) return false;
  return reserved.some((r) => {
    const other = parseAddressOrCidr(r);
    return other !== undefined && rangesOverlap(range, other);
  });
}
