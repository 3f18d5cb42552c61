/**
 * What the real dynamic-provider host costs with our stub, against a trivial dynamic provider in
 * the same run: check + diff per resource of an unchanged stack (what a preview sends), and the
 * host's peak RSS after a 1,000-resource `up` against the emulator (immediate transitions), and
 * the stub's share of what state stores per resource. Each run gets fresh hosts, as the engine
 * starts one per run; the preview hosts stay up side by side and the timed rounds alternate between
 * them, so machine noise falls on both. The host's CPU time is reported beside the wall time (the
 * goal is on wall time): on a shared machine it is the host's own work, apart from waiting for a
 * core. The endpoints are spread over 50 VPCs (20 each): creates in one VPC list that VPC's
 * endpoints and take turns, so one VPC for all would measure that listing rather than the host.
 */
import { providerConfig, startEmulator } from "../../emulator/index.js";
import { endpointProvider, endpointServiceProvider } from "../../sdk/provider-stub.js";
import type { ProviderHost } from "../../tests/engine/host.js";
import { median, type Figure, type Section } from "../figures.js";
import {
  checkAndDiffAll,
  cpuMs,
  createAll,
  peakRss,
  serializeProvider,
  startHost,
  urnOf,
  type BenchResource,
} from "../support/host-driver.js";
import { trivialProvider } from "../support/trivial-provider.js";

const RESOURCES = 1000;
/** In-flight operations, as the engine's parallelism allows. */
const CONCURRENCY = 16;
const ROUNDS = 5;
const VPCS = 50;
const TIME_GOAL = 1.2;
const RSS_GOAL = 1.3;

/**
 * Fast polling (as tests/support/engine.ts FAST), and no client-side rate limit: the emulator is
 * local and immediate, so nothing should wait.
 */
const FAST = {
  "vpcep:pollInterval": "20ms",
  "vpcep:pollMaxInterval": "100ms",
  "vpcep:progressInterval": "50ms",
  "vpcep:retryBaseDelay": "20ms",
  "vpcep:maxRequestsPerSecond": "100000",
};

const HUAWEI_SERVICE = {
  cloud: "huaweicloud",
  region: "cn-north-4",
  vpcId: "0b1c7f5e-3a55-4d2c-9a51-2f7a1c9e0a10",
  portId: "6a0e3f8b-9d1c-4b7e-8f23-5c4d2e1a9b30",
  serverType: "LB",
  serviceName: "orders",
  ports: [{ clientPort: 443, serverPort: 8443 }],
  approvalRequired: false,
  tags: { team: "platform" },
};

function huaweiEndpoint(i: number, serviceId: string) {
  return {
    cloud: "huaweicloud",
    region: "cn-north-4",
    vpcId: `7d2e9c41-5b6a-4f38-8e1d-${String(i % VPCS).padStart(12, "0")}`,
    subnetId: "3f4a5b6c-7d8e-4f90-a1b2-c3d4e5f6a7b8",
    serviceId,
    whitelist: [`10.${i % 250}.0.0/24`],
    tags: { team: "payments", index: String(i) },
  };
}

function tencentService(i: number) {
  return {
    cloud: "tencentcloud",
    region: "ap-guangzhou",
    vpcId: "vpc-hj3he929",
    serviceInstanceId: "lb-p1hiksdg",
    serviceName: `orders-${i}`,
    approvalRequired: false,
    tags: { team: "platform" },
  };
}

/**
 * The stack both providers get: one Huawei service (created first), half the rest Huawei endpoints
 * to it, half Tencent services, so both kinds' stubs are served by one host.
 */
function stack(service: string, endpoint: string, serviceId: string): BenchResource[] {
  const resources: BenchResource[] = [];
  for (let i = 1; i < RESOURCES; i++) {
    const news =
      i % 2 === 1
        ? { ...huaweiEndpoint(i, serviceId), __provider: endpoint }
        : { ...tencentService(i), __provider: service };
    const type = i % 2 === 1 ? "VpcEndpoint" : "VpcEndpointService";
    resources.push({ urn: urnOf(type, `r${i}`), news });
  }
  return resources;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The stub's share of one resource's state (inputs and outputs as JSON, each holding the stub). */
function stubShare(resource: BenchResource): number {
  const stub = Buffer.byteLength(JSON.stringify(resource.inputs!.__provider)) * 2;
  return stub / Buffer.byteLength(JSON.stringify(resource.inputs) + JSON.stringify(resource.outputs));
}

/** The resources an `up` made, with their state, and the host's peak RSS in bytes. */
interface UpRun {
  resources: BenchResource[];
  rss: number;
}

/** Runs `up` in a fresh host. */
async function upRun(
  config: Record<string, string>,
  up: (host: ProviderHost) => Promise<BenchResource[]>,
): Promise<UpRun> {
  const host = await startHost(config);
  try {
    const resources = await up(host);
    return { resources, rss: peakRss(host.pid!) };
  } finally {
    await host.stop();
  }
}

export const hostSection: Section = {
  name: "host",
  title: "The dynamic-provider host: our stub vs a trivial provider, same run",
  async run() {
    const emulator = await startEmulator({ auth: "strict" });
    const config = { ...providerConfig(emulator.urls), ...FAST };
    const [service, endpoint, trivial] = await Promise.all([
      serializeProvider(endpointServiceProvider),
      serializeProvider(endpointProvider),
      serializeProvider(trivialProvider),
    ]);
    // `up`: one host per provider, as each run of the engine starts its own.
    const first: BenchResource = {
      urn: urnOf("VpcEndpointService", "r0"),
      news: { ...HUAWEI_SERVICE, __provider: service },
    };
    let ourStack: UpRun;
    let trivialStack: UpRun;
    try {
      ourStack = await upRun(config, async (host) => {
        await createAll(host, [first], 1);
        const rest = stack(service, endpoint, first.id!);
        await createAll(host, rest, CONCURRENCY);
        return [first, ...rest];
      });
      trivialStack = await upRun(config, async (host) => {
        const resources = [
          { urn: first.urn, news: { ...first.news, __provider: trivial } },
          ...stack(trivial, trivial, first.id!),
        ];
        await createAll(host, resources, CONCURRENCY);
        return resources;
      });
    } finally {
      await emulator.close();
    }
    const ourRss = ourStack.rss;
    const trivialRss = trivialStack.rss;

    // `preview` of the unchanged stacks: a new run, so fresh hosts, side by side. Nothing here
    // calls the cloud; one untimed round each first, while the JIT compiler warms up.
    const [ours, baseline] = [await startHost(config), await startHost(config)];
    const ourTimes: number[] = [];
    const trivialTimes: number[] = [];
    const ourCpu: number[] = [];
    const trivialCpu: number[] = [];
    try {
      await checkAndDiffAll(baseline, trivialStack.resources, CONCURRENCY);
      await checkAndDiffAll(ours, ourStack.resources, CONCURRENCY);
      const timed = async (
        host: ProviderHost,
        resources: BenchResource[],
        times: number[],
        cpu: number[],
      ) => {
        const before = cpuMs(host.pid!);
        times.push((await checkAndDiffAll(host, resources, CONCURRENCY)) / RESOURCES);
        cpu.push((cpuMs(host.pid!) - before) / RESOURCES);
      };
      for (let round = 0; round < ROUNDS; round++) {
        await timed(baseline, trivialStack.resources, trivialTimes, trivialCpu);
        await timed(ours, ourStack.resources, ourTimes, ourCpu);
      }
    } finally {
      await Promise.all([ours.stop(), baseline.stop()]);
    }
    const share = median(ourStack.resources.map(stubShare));
    const trivialShare = median(trivialStack.resources.map(stubShare));
    const ourMs = median(ourTimes);
    const trivialMs = median(trivialTimes);
    const ourCpuMs = median(ourCpu);
    const trivialCpuMs = median(trivialCpu);
    return [
      {
        figure: `check + diff per resource through the host (${RESOURCES.toLocaleString("en")} resources, ${CONCURRENCY} in flight)`,
        value: `${(ourMs * 1000).toFixed(0)} µs (${(ourMs / trivialMs).toFixed(2)} ×)`,
        baseline: `${(trivialMs * 1000).toFixed(0)} µs, trivial provider`,
        goal: `≤ ${TIME_GOAL} × baseline`,
        met: ourMs <= TIME_GOAL * trivialMs,
      },
      {
        figure: "  the host's CPU time in it, per resource",
        value: `${(ourCpuMs * 1000).toFixed(0)} µs (${(ourCpuMs / trivialCpuMs).toFixed(2)} ×)`,
        baseline: `${(trivialCpuMs * 1000).toFixed(0)} µs, trivial provider`,
        goal: "reported",
        met: true,
      },
      {
        figure: `host peak RSS after a ${RESOURCES.toLocaleString("en")}-resource up (emulator, immediate)`,
        value: `${mb(ourRss)} (${(ourRss / trivialRss).toFixed(2)} ×)`,
        baseline: `${mb(trivialRss)}, trivial provider`,
        goal: `≤ ${RSS_GOAL} × baseline`,
        met: ourRss <= RSS_GOAL * trivialRss,
      },
      {
        figure: "__provider share of a resource's state (median)",
        value: `${(share * 100).toFixed(0)} %`,
        baseline: `${(trivialShare * 100).toFixed(0)} %, trivial provider`,
        goal: "reported",
        met: true,
      },
    ] satisfies Figure[];
  },
};
