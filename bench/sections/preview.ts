/**
 * What `pulumi preview` costs the provider per resource: check and diff (the only calls a preview
 * makes) in process over stacks of growing size, median time per resource of several rounds, and
 * the heap growth. The goal is linearity: time per resource at the largest size within 1.5 × the
 * smallest.
 */
import { Lifecycle } from "../../provider/resources/lifecycle.js";
import { median, type Figure, type Section } from "../figures.js";

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

export const previewSection: Section = {
  name: "preview",
  title: "Preview cost per resource in process (check + diff)",
  async run() {
    const figures: Figure[] = [];
    const first = measure(SIZES[0]!);
    for (const size of SIZES) {
      const m = size === SIZES[0] ? first : measure(size);
      const perResource = m.checkUs + m.diffUs;
      const base = first.checkUs + first.diffUs;
      figures.push({
        figure: `check + diff, ${size.toLocaleString("en")} resources (heap +${m.heapMb.toFixed(1)} MB)`,
        value: `${m.checkUs.toFixed(1)} + ${m.diffUs.toFixed(1)} µs/resource`,
        baseline: `${base.toFixed(1)} µs/resource at ${SIZES[0]!.toLocaleString("en")}`,
        goal: "≤ 1.5 × per resource (linear)",
        met: perResource <= 1.5 * base,
      });
    }
    return figures;
  },
};
