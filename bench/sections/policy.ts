/**
 * What the policy pack costs the engine on a large stack. Starts the real pack (policy/) the way
 * the CLI does, in a fresh process per size, and over gRPC sends what one `pulumi up` sends: one
 * Analyze per resource (16 in flight, as the engine analyses registrations concurrently), then one
 * AnalyzeStack with every resource, then two more AnalyzeStack rounds for a median time. Memory is
 * the pack process's peak resident set (`VmHWM`) after that one run's AnalyzeStack, next to the
 * pack's idle RSS and the same pack without its stack policies. Time per resource (linearity) is
 * judged on the pack's own CPU time, which a busy machine disturbs less than wall time. Properties
 * carry no `__provider`: the engine strips `__` keys before analysis.
 *
 * Some groups of resources are planted with violations of each stack rule (and of a resource rule),
 * and every figure is void unless exactly those come back: a fast wrong answer is no figure.
 */
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PolicyAnalyzer, type AnalyzerStackResource, type Diagnostic } from "../../tests/engine/analyzer.js";
import { VpcEndpoint, VpcEndpointService } from "../../sdk/index.js";
import { median, type Figure, type Section } from "../figures.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const PACK = path.join(ROOT, "policy");
const SIZES = [1000, 5000, 10000];
const GROUP = 20;
const STACK_ROUNDS = 3;
const IN_FLIGHT = 16;
const GOAL_STACK_MS = 1500;
const GOAL_PEAK_MB = 300;
const LINEAR = 1.5;
/** Our connection resource's token (the SDK class is being added under issue 11). */
const CONNECTION = "pulumi-nodejs:dynamic/vpcep:VpcEndpointConnection";

const urn = (type: string, name: string) => `urn:pulumi:bench::vpcep::${type}::${name}`;
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0").slice(-width);
const uuid = (kind: number, i: number) => `${hex(kind, 8)}-0000-4000-8000-${hex(i, 12)}`;

/** Which groups carry a planted violation, and of which rule. */
const plantedVpc = (i: number) => i % 100 === 0;
const plantedPending = (i: number) => i % 100 === 33;
const plantedClash = (i: number) => i % 100 === 66;

/**
 * Twenty resources, as outputs after `up`: a Huawei VPC, subnet and route table; one of our
 * endpoint services requiring approval, two of our endpoints on it and a connection accepting each;
 * an official Huawei endpoint; a Tencent VPC, route entry, one of our Tencent services without
 * approval and one of our endpoints on it; an Open Telekom Cloud VPC, subnet, service, endpoint and
 * approval; a Volcengine service without approval and an endpoint on it. Linked by property
 * dependencies, as the engine sends them, and by ids. Each group's addresses are its own.
 */
function group(i: number): AnalyzerStackResource[] {
  const r = (
    type: string,
    name: string,
    properties: Record<string, unknown>,
    deps: Record<string, string[]> = {},
  ): AnalyzerStackResource => ({
    type,
    name: `${name}-${i}`,
    urn: urn(type, `${name}-${i}`),
    properties,
    propertyDependencies: deps,
    dependencies: [...new Set(Object.values(deps).flat())],
  });
  const net = `10.${(i >> 8) & 255}.${i & 255}`;
  const vpc = r("huaweicloud:Vpc/vpc:Vpc", "vpc", { cidr: plantedVpc(i) ? "198.19.0.0/16" : `${net}.0/24` });
  const subnet = r(
    "huaweicloud:Vpc/subnet:Subnet",
    "subnet",
    { cidr: `${net}.0/26`, gatewayIp: `${net}.1`, vpcId: uuid(1, i) },
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
    // The clash: the previous group's backend port, mapping one of its client ports again.
    portId: uuid(3, plantedClash(i) ? i - 1 : i),
    serverType: "LB",
    ports: [
      { protocol: "TCP", clientPort: 443, serverPort: 8443 },
      ...(plantedClash(i) ? [] : [{ protocol: "TCP", clientPort: 80, serverPort: 8080 }]),
    ],
    approvalRequired: true,
    permissions: ["iam:domain::0123456789abcdef0123456789abcdef"],
    tags: { team: "platform", env: "prod" },
    serviceId: uuid(5, i),
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
        whitelist: [`${net}.0/24`, "192.168.0.0/16"],
        enableWhitelist: true,
        tags: { team: "payments", index: String(i) },
        endpointId: uuid(6, i * 2 + n),
      },
      { vpcId: [vpc.urn], subnetId: [subnet.urn], serviceId: [service.urn] },
    );
  const endpoints = [endpoint(0), endpoint(1)];
  // The pending endpoint: its connection names the other endpoint again.
  const connection = (n: number) => {
    const target = plantedPending(i) ? 0 : n;
    return r(
      CONNECTION,
      `connection${n}`,
      {
        cloud: "huaweicloud",
        region: "cn-north-4",
        serviceId: uuid(5, i),
        endpointId: uuid(6, i * 2 + target),
        accepted: true,
      },
      { serviceId: [service.urn], endpointId: [endpoints[target]!.urn] },
    );
  };
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
  const tcService = r(
    VpcEndpointService.__pulumiType,
    "tc-service",
    {
      cloud: "tencentcloud",
      region: "ap-guangzhou",
      vpcId: "vpc-hj3he929",
      serviceInstanceId: "lb-p1hiksdg",
      serviceName: `orders-${i}`,
      approvalRequired: false,
      permissions: ["100000000001"],
      tags: { team: "platform" },
      serviceId: `vpcsvc-${hex(i, 8)}`,
    },
    { vpcId: [tcVpc.urn] },
  );
  const tcEndpoint = r(
    VpcEndpoint.__pulumiType,
    "tc-endpoint",
    {
      cloud: "tencentcloud",
      region: "ap-guangzhou",
      vpcId: "vpc-hj3he929",
      subnetId: "subnet-ab12cd34",
      serviceId: `vpcsvc-${hex(i, 8)}`,
      name: `ep-${i}`,
      tags: { team: "payments" },
      endpointId: `vpce-${hex(i, 8)}`,
    },
    { vpcId: [tcVpc.urn], serviceId: [tcService.urn] },
  );
  const otcVpc = r("opentelekomcloud:index/vpcV1:VpcV1", "otc-vpc", {
    cidr: `192.168.${i & 255}.0/24`,
    vpcV1Id: uuid(7, i),
  });
  const otcSubnet = r(
    "opentelekomcloud:index/vpcSubnetV1:VpcSubnetV1",
    "otc-subnet",
    {
      cidr: `192.168.${i & 255}.0/25`,
      gatewayIp: `192.168.${i & 255}.1`,
      vpcId: uuid(7, i),
      vpcSubnetV1Id: uuid(8, i),
    },
    { vpcId: [otcVpc.urn] },
  );
  const otcService = r(
    "opentelekomcloud:index/vpcepServiceV1:VpcepServiceV1",
    "otc-service",
    {
      vpcId: uuid(7, i),
      portId: uuid(9, i),
      serverType: "LB",
      ports: [{ clientPort: 443, serverPort: 8443 }],
      approvalEnabled: true,
      whitelists: ["0123456789abcdef0123456789abcdef"],
      vpcepServiceV1Id: uuid(10, i),
    },
    { vpcId: [otcVpc.urn] },
  );
  const otcEndpoint = r(
    "opentelekomcloud:index/vpcepEndpointV1:VpcepEndpointV1",
    "otc-endpoint",
    { serviceId: uuid(10, i), vpcId: uuid(7, i), subnetId: uuid(8, i), vpcepEndpointV1Id: uuid(11, i) },
    { serviceId: [otcService.urn], vpcId: [otcVpc.urn], subnetId: [otcSubnet.urn] },
  );
  const otcApproval = r(
    "opentelekomcloud:index/vpcepApprovalV1:VpcepApprovalV1",
    "otc-approval",
    { serviceId: uuid(10, i), endpoints: [uuid(11, i)] },
    { serviceId: [otcService.urn], endpoints: [otcEndpoint.urn] },
  );
  const veService = r("volcengine:privatelink/vpcEndpointService:VpcEndpointService", "ve-service", {
    resources: [{ resourceId: `clb-${hex(i, 8)}`, resourceType: "CLB" }],
    autoAcceptEnabled: true,
    serviceId: `epsvc-${hex(i, 8)}`,
  });
  const veEndpoint = r(
    "volcengine:privatelink/vpcEndpoint:VpcEndpoint",
    "ve-endpoint",
    { serviceId: `epsvc-${hex(i, 8)}`, securityGroupIds: [`sg-${hex(i, 8)}`] },
    { serviceId: [veService.urn] },
  );
  return [
    vpc,
    subnet,
    routes,
    service,
    ...endpoints,
    connection(0),
    connection(1),
    official,
    tcVpc,
    tcRoute,
    tcService,
    tcEndpoint,
    otcVpc,
    otcSubnet,
    otcService,
    otcEndpoint,
    otcApproval,
    veService,
    veEndpoint,
  ];
}

/** What each pass must report for `groups` groups: `policy urn-name` lines, sorted. */
function expected(groups: number): { analyze: string[]; stack: string[] } {
  const analyze: string[] = [];
  const stack: string[] = [];
  for (let i = 0; i < groups; i++) {
    if (plantedVpc(i)) {
      analyze.push(`vpcep-network-reserved-range vpc-${i}`);
      stack.push(`vpcep-endpoint-network-reserved-range vpc-${i}`);
    }
    if (plantedPending(i)) stack.push(`vpcep-endpoint-service-connections-declared endpoint1-${i}`);
    if (plantedClash(i)) stack.push(`vpcep-endpoint-service-port-conflict service-${i}`);
  }
  return { analyze: analyze.sort(), stack: stack.sort() };
}

const found = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.policyName} ${d.urn.slice(d.urn.lastIndexOf("::") + 2)}`).sort();

function rssMb(pid: number, field: "VmHWM" | "VmRSS"): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
}

/** CPU time the process has used, user and system, in ms (`/proc/<pid>/stat`, 100 ticks/s). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Measured {
  size: number;
  analyzeUs: number;
  stackMs: number;
  /** The pack's own CPU time per AnalyzeStack: steadier than wall time on a busy machine. */
  stackCpuMs: number;
  idleMb: number;
  /** After the Analyze pass and one AnalyzeStack: what one `up` costs the pack. */
  peakMb: number;
  /** After all the rounds. */
  roundsPeakMb: number;
  /** Planted violations missed or unexpected findings, empty when the answers are right. */
  wrong: string[];
}

/**
 * The baseline pack: the same pack with its resource policies only, in a temporary directory that
 * borrows this repository's dependencies. What it costs is what the SDK and gRPC cost before any
 * stack policy runs; the difference is the stack policies' own.
 */
function packWithoutStackPolicies(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpcep-bench-pack-"));
  const manifest = JSON.parse(fs.readFileSync(path.join(PACK, "package.json"), "utf8")) as Record<
    string,
    unknown
  >;
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ ...manifest, main: "index.js" }));
  fs.copyFileSync(path.join(PACK, "PulumiPolicy.yaml"), path.join(dir, "PulumiPolicy.yaml"));
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  const policies = pathToFileURL(path.join(PACK, "bin", "policies.js")).href;
  fs.writeFileSync(
    path.join(dir, "index.js"),
    [
      `import { PolicyPack } from "@pulumi/policy";`,
      `import { policies } from ${JSON.stringify(policies)};`,
      `new PolicyPack("vpcep", { policies: policies.filter((p) => p.validateStack === undefined) });`,
    ].join("\n"),
  );
  return dir;
}

async function measure(size: number, packDir = PACK): Promise<Measured> {
  const groups = size / GROUP;
  const resources = Array.from({ length: groups }, (_, i) => group(i)).flat();
  const want = expected(groups);
  if (packDir !== PACK) want.stack = [];
  const analyzer = await PolicyAnalyzer.start({ packDir });
  try {
    const idleMb = rssMb(analyzer.pid, "VmHWM");
    let next = 0;
    // Analyze diagnostics carry no URN: the request names the resource.
    const analyzeFound: string[] = [];
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < resources.length) {
          const { propertyDependencies: _p, dependencies: _d, ...resource } = resources[next++]!;
          for (const d of (await analyzer.analyze(resource)).diagnostics) {
            analyzeFound.push(`${d.policyName} ${resource.name}`);
          }
        }
      }),
    );
    const analyzeUs = Number(process.hrtime.bigint() - started) / 1e3 / size;
    const stackTimes: number[] = [];
    const stackCpu: number[] = [];
    const wrong: string[] = [];
    let peakMb = 0;
    for (let round = 0; round < STACK_ROUNDS; round++) {
      const cpu = cpuMs(analyzer.pid);
      const start = process.hrtime.bigint();
      const { diagnostics } = await analyzer.analyzeStack(resources);
      stackTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
      stackCpu.push(cpuMs(analyzer.pid) - cpu);
      if (round === 0) peakMb = rssMb(analyzer.pid, "VmHWM");
      const got = found(diagnostics).join("\n");
      if (got !== want.stack.join("\n")) wrong.push(`AnalyzeStack round ${round + 1} found:\n${got}`);
    }
    if (analyzeFound.sort().join("\n") !== want.analyze.join("\n")) {
      wrong.push(`Analyze found:\n${analyzeFound.join("\n")}`);
    }
    return {
      size,
      analyzeUs,
      stackMs: median(stackTimes),
      stackCpuMs: median(stackCpu),
      idleMb,
      peakMb,
      roundsPeakMb: rssMb(analyzer.pid, "VmHWM"),
      wrong,
    };
  } finally {
    await analyzer.close();
  }
}

const n = (value: number) => value.toLocaleString("en");

export const policySection: Section = {
  name: "policy",
  title: "Policy pack on a large stack (Analyze per resource, then AnalyzeStack)",
  async run() {
    const runs: Measured[] = [];
    for (const size of SIZES) runs.push(await measure(size));
    const first = runs[0]!;
    const last = runs[runs.length - 1]!;
    const bare = packWithoutStackPolicies();
    let floor: Measured;
    try {
      floor = await measure(last.size, bare);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
    const figures: Figure[] = [];
    // Linearity is judged on the pack's own CPU time: wall time on a shared machine swings with
    // its load, and includes the harness encoding the request.
    for (const m of runs) {
      const perResource = (m.stackCpuMs * 1000) / m.size;
      const base = (first.stackCpuMs * 1000) / first.size;
      figures.push({
        figure: `AnalyzeStack, ${n(m.size)} resources, pack CPU (wall: median ${n(Math.round(m.stackMs))} ms of ${STACK_ROUNDS})`,
        value: `${perResource.toFixed(0)} µs/resource`,
        baseline: `${base.toFixed(0)} µs/resource at ${n(first.size)}`,
        goal: `≤ ${LINEAR} × per resource (linear)`,
        met: perResource <= LINEAR * base,
      });
    }
    figures.push({
      figure: `AnalyzeStack, ${n(last.size)} resources`,
      value: `${n(Math.round(last.stackMs))} ms`,
      baseline: `${n(Math.round(first.stackMs))} ms at ${n(first.size)}; ${n(Math.round(floor.stackMs))} ms (CPU ${n(floor.stackCpuMs)} ms) without stack policies`,
      goal: `≤ ${n(GOAL_STACK_MS)} ms`,
      met: last.stackMs <= GOAL_STACK_MS,
    });
    for (const m of runs) {
      figures.push({
        figure: `Analyze, ${n(m.size)} resources (${IN_FLIGHT} in flight)`,
        value: `${m.analyzeUs.toFixed(0)} µs/resource`,
        baseline: `${first.analyzeUs.toFixed(0)} µs/resource at ${n(first.size)}`,
        goal: `≤ ${LINEAR} × per resource (linear)`,
        met: m.analyzeUs <= LINEAR * first.analyzeUs,
      });
    }
    for (const m of runs) {
      figures.push({
        figure: `pack peak RSS, ${n(m.size)} resources (after ${STACK_ROUNDS} AnalyzeStack: ${m.roundsPeakMb.toFixed(0)} MB)`,
        value: `${m.peakMb.toFixed(0)} MB`,
        baseline:
          m === last
            ? `${m.idleMb.toFixed(0)} MB idle; ${floor.peakMb.toFixed(0)} MB without stack policies`
            : `${m.idleMb.toFixed(0)} MB idle`,
        goal: m === last ? `≤ ${GOAL_PEAK_MB} MB` : "—",
        met: m !== last || m.peakMb <= GOAL_PEAK_MB,
      });
    }
    const wrong = [...runs, floor].filter((m) => m.wrong.length > 0);
    for (const m of wrong) console.error(`${n(m.size)} resources:\n${m.wrong.join("\n")}`);
    const planted = runs.map((m) => expected(m.size / GROUP)).map((e) => e.analyze.length + e.stack.length);
    figures.push({
      figure: "planted violations found, nothing else (every size, both passes)",
      value:
        wrong.length === 0
          ? `${planted.reduce((a, b) => a + b, 0)} of ${planted.reduce((a, b) => a + b, 0)}`
          : `wrong at ${wrong.map((m) => n(m.size)).join(", ")}`,
      baseline: planted.map((p, i) => `${p} at ${n(SIZES[i]!)}`).join(", "),
      goal: "exactly the planted ones",
      met: wrong.length === 0,
    });
    return figures;
  },
};
