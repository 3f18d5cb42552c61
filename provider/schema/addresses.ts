/**
 * Addresses and CIDRs in standard form only. Lenient parsers take `167772161`, `0x0a000001`, `10.1`
 * or `012.0.0.1`, and some read `0177` as octal: the provider would then see another address than
 * the cloud, which reads the text as dotted decimal. So IPv4 is four decimal octets without leading
 * zeros, and a CIDR is canonical (no host bits set).
 */
import ipaddr from "ipaddr.js";
import { z } from "zod";
import { overlapsReserved, RESERVED_CIDR } from "../core/reserved-range.js";

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const PREFIX = /^(?:3[0-2]|[12]?\d)$/;

/** True for dotted-decimal IPv4 such as `10.0.0.8`: four octets 0–255, no leading zeros. */
export function isStandardIpv4(value: string): boolean {
  return IPV4.test(value);
}

/** Why `value` is not a canonical IPv4 CIDR, or undefined when it is one. */
export function ipv4CidrProblem(value: string): string | undefined {
  const [address, prefix, extra] = value.split("/");
  if (extra !== undefined || address === undefined || prefix === undefined) {
    return `must be an IPv4 CIDR such as 10.0.0.0/24 (got "${value}")`;
  }
  if (!isStandardIpv4(address)) {
    return `must be an IPv4 CIDR in dotted-decimal form such as 10.0.0.0/24, without leading zeros (got "${value}")`;
  }
  if (!PREFIX.test(prefix)) return `must have a prefix length from 0 to 32 (got "${value}")`;
  const network = ipaddr.IPv4.networkAddressFromCIDR(value).toString();
  if (network !== address) {
    return `must be a canonical CIDR without host bits: write ${network}/${prefix} (got "${value}")`;
  }
  return undefined;
}

/** The RFC 5952 spelling of an IPv6 address (lowercase, longest zero run as `::`), or undefined. */
export function canonicalIpv6(value: string): string | undefined {
  if (value.includes("%") || ipaddr.IPv4.isValid(value) || !ipaddr.IPv6.isValid(value)) return undefined;
  return ipaddr.IPv6.parse(value).toString();
}

/**
 * True for an IPv6 unicast address in RFC 5952 form, the form the cloud stores and reports: any
 * other spelling would show as a change on every preview. `::` and IPv4-mapped addresses are no
 * endpoint addresses.
 */
export function isStandardIpv6(value: string): boolean {
  if (canonicalIpv6(value) !== value) return false;
  const range = ipaddr.IPv6.parse(value).range();
  return range !== "unspecified" && range !== "ipv4Mapped" && range !== "loopback" && range !== "multicast";
}

const reservedMessage = (value: string) =>
  `${value} is inside ${RESERVED_CIDR}, which this cloud reserves for VPC endpoints`;

/** A dotted-decimal IPv4 address; `reserved` also refuses addresses inside 198.19.128.0/17. */
export function ipv4Address(options: { reserved: boolean }) {
  return z.string().superRefine((value, ctx) => {
    if (!isStandardIpv4(value)) {
      ctx.addIssue({
        code: "custom",
        message: `must be an IPv4 address in dotted-decimal form such as 10.0.0.8, without leading zeros (got "${value}")`,
      });
    } else if (options.reserved && overlapsReserved(value)) {
      ctx.addIssue({ code: "custom", message: reservedMessage(value) });
    }
  });
}

/** An IPv4 address or canonical CIDR, as endpoint whitelists take client sources. */
export const ipv4AddressOrCidr = z.string().superRefine((value, ctx) => {
  if (value.includes("/")) {
    const problem = ipv4CidrProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  } else if (!isStandardIpv4(value)) {
    ctx.addIssue({
      code: "custom",
      message: `must be an IPv4 address such as 10.0.0.8 or a CIDR such as 10.0.0.0/24, in dotted-decimal form without leading zeros (got "${value}")`,
    });
  }
});

/** Why `value` is not a standard-form IPv6 endpoint address, or undefined when it is one. */
export function ipv6Problem(value: string): string | undefined {
  if (isStandardIpv6(value)) return undefined;
  const canonical = canonicalIpv6(value);
  return canonical !== undefined && canonical !== value
    ? `must be an IPv6 address in its RFC 5952 form: write ${canonical} (got "${value}")`
    : `must be an IPv6 unicast address such as 2402:4e00::8 (got "${value}")`;
}
