/**
 * The network objects endpoints and services refer to. The emulator serves no VPC API, so every
 * account has the same seeded network in every region, with ids derived from the account id (so
 * one account's VPC is another's `InvalidVpc.NotFound`): two VPCs, subnets that each lie in one
 * zone with a CIDR (a fixed `PrivateIpAddress` is checked against it), security groups that
 * belong to one VPC, and load balancers (CLB, ALB) and an RDS MySQL instance to put behind
 * services. `volcengineNetwork(accountId, region)` lists them.
 */
import { createHash } from "node:crypto";

/** Zones of a region: `<region>-a`, `-b`, `-c` (`cn-guangzhou-a`). */
export const ZONE_SUFFIXES = ["a", "b", "c"] as const;

/** A VPC. */
export interface SeedVpc {
  id: string;
  cidr: string;
}

/** A subnet: one VPC, one zone, one IPv4 CIDR. */
export interface SeedSubnet {
  id: string;
  vpcId: string;
  zoneId: string;
  cidr: string;
}

/** A security group of one VPC. */
export interface SeedSecurityGroup {
  id: string;
  vpcId: string;
}

/** A backend a service can expose (`ServiceResourceType` CLB, ALB or RDSMySQL), in every zone. */
export interface SeedResource {
  id: string;
  type: "CLB" | "ALB" | "RDSMySQL";
  zoneIds: string[];
}

/** One account's network in one region. */
export interface SeedNetwork {
  vpcs: SeedVpc[];
  subnets: SeedSubnet[];
  securityGroups: SeedSecurityGroup[];
  resources: SeedResource[];
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** `<prefix>-` plus 25 lowercase letters and digits, as Volcengine ids look (`vpc-13fpdgwk7rxfk3n6nu44wisg7`). */
export function seededId(prefix: string, accountId: string, name: string): string {
  const digest = createHash("sha256").update(`${accountId}/${prefix}/${name}`).digest();
  let suffix = "";
  for (let i = 0; i < 25; i += 1) suffix += ALPHABET[digest[i]! % ALPHABET.length];
  return `${prefix}-${suffix}`;
}

/**
 * The account's network in `region`: VPC 1 `172.16.0.0/16` with one `/24` subnet per zone
 * (`172.16.0.0/24` in zone a, `.1.0/24` in b, `.2.0/24` in c), a second subnet in zone a
 * (`172.16.10.0/24`) and six security groups (one more than an endpoint may carry); VPC 2
 * `10.0.0.0/16` with subnet `10.0.0.0/24` in zone a and one security group; two CLBs, one ALB and
 * one RDS MySQL instance in every zone.
 */
export function volcengineNetwork(accountId: string, region: string): SeedNetwork {
  const zones = ZONE_SUFFIXES.map((suffix) => `${region}-${suffix}`);
  const vpc1 = seededId("vpc", accountId, "1");
  const vpc2 = seededId("vpc", accountId, "2");
  return {
    vpcs: [
      { id: vpc1, cidr: "172.16.0.0/16" },
      { id: vpc2, cidr: "10.0.0.0/16" },
    ],
    subnets: [
      ...zones.map((zoneId, i) => ({
        id: seededId("subnet", accountId, `1-${ZONE_SUFFIXES[i]}`),
        vpcId: vpc1,
        zoneId,
        cidr: `172.16.${i}.0/24`,
      })),
      { id: seededId("subnet", accountId, "1-a2"), vpcId: vpc1, zoneId: zones[0]!, cidr: "172.16.10.0/24" },
      { id: seededId("subnet", accountId, "2-a"), vpcId: vpc2, zoneId: zones[0]!, cidr: "10.0.0.0/24" },
    ],
    securityGroups: [
      ...[1, 2, 3, 4, 5, 6].map((n) => ({ id: seededId("sg", accountId, `1-${n}`), vpcId: vpc1 })),
      { id: seededId("sg", accountId, "2-1"), vpcId: vpc2 },
    ],
    resources: [
      { id: seededId("clb", accountId, "1"), type: "CLB", zoneIds: zones },
      { id: seededId("clb", accountId, "2"), type: "CLB", zoneIds: zones },
      { id: seededId("alb", accountId, "1"), type: "ALB", zoneIds: zones },
      { id: seededId("mysql", accountId, "1"), type: "RDSMySQL", zoneIds: zones },
    ],
  };
}

/** An IPv4 address as an unsigned integer, or undefined. */
export function ipv4ToInt(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255))
    return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** Dotted quad of an unsigned integer. */
export function intToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/** The usable host range of a CIDR: network and broadcast addresses excluded. */
export function hostRange(cidr: string): { first: number; last: number } {
  const [base, bits] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  const start = ipv4ToInt(base!)!;
  return { first: start + 1, last: start + size - 2 };
}
