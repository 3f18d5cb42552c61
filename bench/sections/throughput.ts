/**
 * An `up` of 200 independent Tencent Cloud endpoint services under the provider's client-side rate
 * limit of 20 requests per second (Tencent's own limit is 20 per second per action), through the
 * engine runner and the real dynamic-provider host against the emulator, with the default poll
 * settings. The baseline is the bound the rate limit sets: the calls the run made, divided by the
 * rate. A runner that steps resources one at a time, or a provider that waits where it need not,
 * shows as wall time above it. (Destroy is the engine section's: there the runner's parallelism,
 * not the rate, bounds it.)
 */
import { startEmulator } from "../../emulator/index.js";
import { TestStack } from "../../tests/support/engine.js";
import { controlClient } from "../../tests/emulator/helpers.js";
import { tencentService } from "../../tests/support/fixtures.js";
import type { Figure, Section } from "../figures.js";

const SERVICES = 200;
const RATE = 20;

export const throughputSection: Section = {
  name: "throughput",
  title: `An up of ${SERVICES} independent services at ${RATE} requests/s`,
  async run() {
    const emulator = await startEmulator({ defaultProgression: "immediate", auth: "strict" });
    const control = controlClient(emulator.controlUrl);
    const figures: Figure[] = [];
    try {
      const stack = new TestStack(emulator);
      const program = Array.from({ length: SERVICES }, (_, i) =>
        tencentService({ serviceName: `orders-${i}` }, `svc-${i}`),
      );
      const config = {
        "vpcep:maxRequestsPerSecond": String(RATE),
        "vpcep:pollInterval": "2s",
        "vpcep:pollMaxInterval": "15s",
      };
      await control.delete("/requests");
      const started = Date.now();
      const [up] = await stack.run(program, ["up"], config);
      const wallMs = Date.now() - started;
      if (!up?.ok) throw new Error(`the up failed: ${up?.errors.join("; ")}`);
      const calls = ((await control.get("/requests")).body.requests as unknown[]).length;
      const boundMs = (calls / RATE) * 1000;
      figures.push({
        figure: `up of ${SERVICES} services (${calls} calls, ${(calls / SERVICES).toFixed(1)} per service)`,
        value: `${(wallMs / 1000).toFixed(1)} s (${(wallMs / boundMs).toFixed(2)} ×)`,
        baseline: `${(boundMs / 1000).toFixed(1)} s = calls ÷ ${RATE}/s`,
        goal: "≤ 1.1 × bound",
        met: wallMs <= 1.1 * boundMs,
      });
    } finally {
      await emulator.close();
    }
    return figures;
  },
};
