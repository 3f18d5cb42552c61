/**
 * `npm run bench:policy`: what the policy pack costs the engine on a large stack. Starts the real
 * pack (policy/) the way the CLI does, sends one Analyze per resource (16 in flight, as the engine
 * analyses registrations concurrently) and one AnalyzeStack with every resource, over gRPC, for
 * stacks of growing size, and reads the pack process's peak resident memory. A fresh pack per size
 * keeps the peaks apart. Properties carry no `__provider`: the engine strips `__` keys before
 * analysis. Every hundredth group of resources is planted with a reserved-range VPC,
 * and the run fails unless exactly those violations come back: a fast wrong answer is no figure.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PolicyAnalyzer, type AnalyzerStackResource } from "../tests/engine/analyzer.js";
import { VpcEndpoint, VpcEndpointService } from "../sdk/index.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PACK = path.join(ROOT, "policy");
const SIZES = [1000, 2500, 5000, 10000];
const STACK_ROUNDS = 3;
const IN_FLIGHT = 16;

const urn = (type: string, name: string) => `urn:pulumi:bench::vpcep::${type}::${name}`;
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0").slice(-width);
const uuid = (kind: number, i: number) => `${hex(kind, 8)}-0000-4000-8000-${hex(i, 12)}`;

/** Ten resources per group: networks of two official packages, our resources and an official endpoint. */
function group(i: number): AnalyzerStackResource[] {
  const planted = i % 100 === 0;
  const r = (
    type: string,
    name: string,
    properties: Record<string, unknown>,
    deps: Record<string, string[]> = {},
  ) => ({
    type,
    name: `${name}-${i}`,
    urn: urn(type, `${name}-${i}`),
    properties,
    propertyDependencies: deps,
    dependencies: [...new Set(Object.values(deps).flat())],
  });
  const vpc = r("huaweicloud:Vpc/vpc:Vpc", "vpc", {
    cidr: planted ? "198.19.0.0/16" : `10.${i % 250}.0.0/16`,
  });
  const subnet = r(
    "huaweicloud:Vpc/subnet:Subnet",
    "subnet",
    { cidr: `10.${i % 250}.1.0/24`, gatewayIp: `10.${i % 250}.1.1`, vpcId: uuid(1, i) },
    { vpcId: [vpc.urn] },
  );
  const routes = r(
    "huaweicloud:Vpc/routeTable:RouteTable",
    "routes",
    { vpcId: uuid(1, i), routes: [{ destination: "0.0.0.0/0" }, { destination: "172.16.0.0/12" }] },
    { vpcId: [vpc.urn] },
  );
  const service = r(VpcEndpointService.__pulumiType, "service", {
    cloud: "huaweicloud",
    region: "cn-north-4",
    vpcId: uuid(2, i),
    portId: uuid(3, i),
    serverType: "LB",
    ports: [
      { protocol: "TCP", clientPort: 443, serverPort: 8443 },
      { protocol: "TCP", clientPort: 80, serverPort: 8080 },
    ],
    approvalRequired: true,
    permissions: ["iam:domain::0123456789abcdef0123456789abcdef"],
    tags: { team: "platform", env: "prod" },
  });
  const endpoint = (n: number) =>
    r(
      VpcEndpoint.__pulumiType,
      `endpoint${n}`,
      {
        cloud: "huaweicloud",
        region: "cn-north-4",
        vpcId: uuid(1, i),
        subnetId: uuid(4, i),
        serviceId: uuid(5, i),
        whitelist: [`10.${i % 250}.0.0/24`, "192.168.0.0/16"],
        enableWhitelist: true,
        tags: { team: "payments", index: String(i) },
      },
      { vpcId: [vpc.urn], subnetId: [subnet.urn], serviceId: [service.urn] },
    );
  const official = r(
    "huaweicloud:Vpcep/endpoint:Endpoint",
    "official",
    {
      vpcId: uuid(1, i),
      networkId: uuid(4, i),
      enableWhitelist: true,
      whitelists: ["10.0.0.0/8"],
      tags: { a: "b" },
    },
    { vpcId: [vpc.urn], networkId: [subnet.urn] },
  );
  const tcVpc = r("tencentcloud:Vpc/instance:Instance", "tc-vpc", {
    cidrBlock: `172.${16 + (i % 16)}.0.0/16`,
  });
  const tcRoute = r("tencentcloud:Route/tableEntry:TableEntry", "tc-route", {
    routeTableId: "rtb-1",
    destinationCidrBlock: "10.8.0.0/16",
  });
  const tcEndpoint = r(
    VpcEndpoint.__pulumiType,
    "tc-endpoint",
    {
      cloud: "tencentcloud",
      region: "ap-guangzhou",
      vpcId: "vpc-hj3he929",
      subnetId: "subnet-ab12cd34",
      serviceId: "vpcsvc-ab12cd34",
      name: `ep-${i}`,
      tags: { team: "payments" },
    },
    { vpcId: [tcVpc.urn] },
  );
  return [vpc, subnet, routes, service, endpoint(1), endpoint(2), official, tcVpc, tcRoute, tcEndpoint];
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(size: number) {
  const resources = Array.from({ length: size / 10 }, (_, i) => group(i)).flat();
  const planted = Math.ceil(size / 10 / 100);
  const analyzer = await PolicyAnalyzer.start({ packDir: PACK });
  try {
    const idleMb = peakRssMb(analyzer.pid);
    let next = 0;
    let resourceViolations = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < resources.length) {
          const { propertyDependencies: _p, dependencies: _d, ...resource } = resources[next++]!;
          // Await first: `x += await y` would read x before the await and lose other workers' counts.
          const found = (await analyzer.analyze(resource)).diagnostics.length;
          resourceViolations += found;
        }
      }),
    );
    const analyzeMs = Number(process.hrtime.bigint() - started) / 1e6;
    const stackTimes: number[] = [];
    let stackViolations = 0;
    for (let round = 0; round < STACK_ROUNDS; round++) {
      const start = process.hrtime.bigint();
      stackViolations = (await analyzer.analyzeStack(resources)).diagnostics.length;
      stackTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    if (resourceViolations !== planted || stackViolations !== planted) {
      throw new Error(
        `expected ${planted} violations from each pass, got ${resourceViolations} (Analyze) and ${stackViolations} (AnalyzeStack)`,
      );
    }
    return { analyzeMs, stackMs: median(stackTimes), idleMb, peakMb: peakRssMb(analyzer.pid), planted };
  } finally {
    await analyzer.close();
  }
}

console.log(
  "resources | Analyze total ms | µs/resource | AnalyzeStack ms | µs/resource | pack RSS idle → peak MB",
);
for (const size of SIZES) {
  const m = await measure(size);
  console.log(
    [
      size.toLocaleString("en"),
      m.analyzeMs.toFixed(0),
      ((m.analyzeMs * 1000) / size).toFixed(1),
      m.stackMs.toFixed(0),
      ((m.stackMs * 1000) / size).toFixed(1),
      `${m.idleMb.toFixed(0)} → ${m.peakMb.toFixed(0)}`,
      `(${m.planted} planted violations found by each pass)`,
    ].join(" | "),
  );
}
