/**
 * `npm run bench`: what `pulumi preview` costs the provider per resource. Runs check and diff (the
 * only calls a preview makes) over stacks of growing size, in process, and prints the median time
 * per resource of several rounds and the heap growth, so a regression in the schemas or the diff
 * shows up as a number. Medians of one run on a shared 2-core machine: compare ratios, not absolutes.
 */
import * as pulumi from "@pulumi/pulumi";
import { Lifecycle } from "../provider/resources/lifecycle.js";
import { endpointProvider, endpointServiceProvider } from "../sdk/provider-stub.js";

const ROUNDS = 7;
const SIZES = [1000, 5000, 10000];

function huaweiEndpoint(i: number) {
  return {
    cloud: "huaweicloud",
    region: "cn-north-4",
    vpcId: "7d2e9c41-5b6a-4f38-8e1d-0c9b8a7f6e50",
    subnetId: "3f4a5b6c-7d8e-4f90-a1b2-c3d4e5f6a7b8",
    serviceId: "0b1c7f5e-3a55-4d2c-9a51-2f7a1c9e0a10",
    whitelist: [`10.${i % 250}.0.0/24`, "10.255.0.0/16"],
    tags: { team: "payments", index: String(i) },
    __provider: "stub",
  };
}

function tencentService(i: number) {
  return {
    cloud: "tencentcloud",
    region: "ap-guangzhou",
    vpcId: "vpc-hj3he929",
    serviceInstanceId: "lb-p1hiksdg",
    serviceName: `orders-${i}`,
    permissions: ["100000000002", "100000000003"],
    tags: { team: "platform" },
    __provider: "stub",
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(size: number): { checkUs: number; diffUs: number; heapMb: number } {
  const endpoints = new Lifecycle("endpoint", undefined, () => undefined);
  const services = new Lifecycle("endpointService", undefined, () => undefined);
  const checkTimes: number[] = [];
  const diffTimes: number[] = [];
  let heapMb = 0;
  for (let round = 0; round < ROUNDS; round++) {
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const checked: Record<string, unknown>[] = [];
    let start = process.hrtime.bigint();
    for (let i = 0; i < size; i++) {
      const kind = i % 2 === 0 ? endpoints : services;
      const news = i % 2 === 0 ? huaweiEndpoint(i) : tencentService(i);
      const { inputs, failures } = kind.check({}, news);
      if (failures.length > 0) throw new Error(JSON.stringify(failures));
      checked.push(inputs);
    }
    checkTimes.push(Number(process.hrtime.bigint() - start) / 1000 / size);
    start = process.hrtime.bigint();
    for (let i = 0; i < size; i++) {
      const kind = i % 2 === 0 ? endpoints : services;
      const result = kind.diff("id", checked[i]!, checked[i]!);
      if (result.changes) throw new Error("a fresh resource must show no diff");
    }
    diffTimes.push(Number(process.hrtime.bigint() - start) / 1000 / size);
    heapMb = Math.max(heapMb, (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024);
  }
  return { checkUs: median(checkTimes), diffUs: median(diffTimes), heapMb };
}

console.log(`preview cost per resource (check + diff), median of ${ROUNDS} rounds, node ${process.version}`);
console.log("resources  check µs/res  diff µs/res  heap growth MB");
for (const size of SIZES) {
  const { checkUs, diffUs, heapMb } = measure(size);
  console.log(
    `${String(size).padStart(9)}  ${checkUs.toFixed(1).padStart(12)}  ${diffUs.toFixed(1).padStart(11)}  ${heapMb.toFixed(1).padStart(14)}`,
  );
}

// What each resource stores in state twice (inputs and outputs): the serialized thin stub.
for (const [kind, provider] of [
  ["VpcEndpoint", endpointProvider],
  ["VpcEndpointService", endpointServiceProvider],
] as const) {
  const { text } = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  console.log(`serialized provider of ${kind}: ${Buffer.byteLength(text)} bytes`);
}
