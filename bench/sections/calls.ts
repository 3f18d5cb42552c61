/**
 * Cloud calls per operation with an immediate cloud (every object ready or gone at its first
 * read), counted from the emulator's request log: what an `up` and a `destroy` cost in rate-limit
 * budget per resource, for every cloud and kind. The provider runs in process against the emulator,
 * with millisecond poll delays (the count, not the time, is measured here).
 */
import { startEmulator, providerConfig } from "../../emulator/index.js";
import { setConfigSource } from "../../provider/core/settings.js";
import { Lifecycle } from "../../provider/resources/lifecycle.js";
import { controlClient } from "../../tests/emulator/helpers.js";
import {
  huaweiEndpoint,
  huaweiService,
  otcEndpoint,
  otcService,
  tencentEndpoint,
  tencentService,
  volcengineEndpoint,
  volcengineService,
} from "../../tests/support/fixtures.js";
import type { Declared } from "../../tests/support/engine.js";
import type { Figure, Section } from "../figures.js";

interface Case {
  cloud: string;
  service: Declared;
  endpoint: Declared;
  /**
   * The calls a create cannot do without: the create call, one status read, the reads a full
   * lookup adds for what the create cannot have set, and the listing a lost answer needs where the
   * cloud takes no client token.
   */
  necessary: { service: number; endpoint: number; why: { service: string; endpoint: string } };
}

const CASES: Case[] = [
  {
    cloud: "huaweicloud",
    service: huaweiService(),
    endpoint: huaweiEndpoint(),
    necessary: {
      service: 5,
      endpoint: 3,
      why: {
        service: "list, create, status, permissions, connections (an output)",
        endpoint: "list, create, status",
      },
    },
  },
  {
    cloud: "opentelekomcloud",
    service: otcService(),
    endpoint: otcEndpoint(),
    necessary: {
      service: 5,
      endpoint: 3,
      why: {
        service: "list, create, status, permissions, connections (an output)",
        endpoint: "list, create, status",
      },
    },
  },
  {
    cloud: "tencentcloud",
    service: tencentService(),
    endpoint: tencentEndpoint(),
    necessary: {
      service: 3,
      endpoint: 5,
      why: {
        service: "list, create, status with its connections (a new service's whitelist is empty)",
        endpoint: "list, create, status, security groups call, status",
      },
    },
  },
  {
    cloud: "volcengine",
    service: volcengineService(),
    endpoint: volcengineEndpoint(),
    necessary: {
      service: 5,
      endpoint: 4,
      why: {
        service: "create (client token), status, backends, permissions, connections (an output)",
        endpoint: "create (client token), status, security groups, zones",
      },
    },
  },
];

export const callsSection: Section = {
  name: "calls",
  title: "Cloud calls per resource with an immediate cloud",
  async run() {
    const emulator = await startEmulator({ defaultProgression: "immediate", auth: "strict" });
    const control = controlClient(emulator.controlUrl);
    const config: Record<string, string> = {
      ...providerConfig(emulator.urls),
      "vpcep:pollInterval": "5ms",
      "vpcep:pollMaxInterval": "20ms",
      "vpcep:maxRequestsPerSecond": "1000",
    };
    setConfigSource((key) => config[key]);
    const quiet = () => undefined;
    const services = new Lifecycle("endpointService", undefined, quiet);
    const endpoints = new Lifecycle("endpoint", undefined, quiet);
    const count = async (work: () => Promise<unknown>) => {
      await control.delete("/requests");
      await work();
      const answer = await control.get("/requests");
      return (answer.body.requests as { operation: string }[]).map((r) => r.operation);
    };
    const checked = (lifecycle: Lifecycle, args: Record<string, unknown>) => {
      const { inputs, failures } = lifecycle.check({}, args);
      if (failures.length > 0) throw new Error(JSON.stringify(failures));
      return inputs;
    };
    const figures: Figure[] = [];
    try {
      for (const c of CASES) {
        await control.post("/reset");
        const serviceInputs = checked(services, c.service.args as Record<string, unknown>);
        let serviceId = "";
        let serviceOuts: Record<string, unknown> = {};
        const serviceCreate = await count(async () => {
          ({ id: serviceId, outs: serviceOuts } = await services.create(serviceInputs));
        });
        const endpointInputs = checked(endpoints, { ...c.endpoint.args, serviceId });
        let endpointId = "";
        let endpointOuts: Record<string, unknown> = {};
        const endpointCreate = await count(async () => {
          ({ id: endpointId, outs: endpointOuts } = await endpoints.create(endpointInputs));
        });
        const endpointDelete = await count(() =>
          endpoints.delete(endpointId, endpointOuts as Record<string, unknown>),
        );
        const serviceDelete = await count(() =>
          services.delete(serviceId, serviceOuts as Record<string, unknown>),
        );
        const row = (what: string, calls: string[], goal: number, why: string) =>
          figures.push({
            figure: `${c.cloud} ${what}`,
            value: `${calls.length} (${calls.join(", ")})`,
            baseline: `${goal}: ${why}`,
            goal: `≤ ${goal}`,
            met: calls.length <= goal,
          });
        row("service create", serviceCreate, c.necessary.service, c.necessary.why.service);
        row("endpoint create", endpointCreate, c.necessary.endpoint, c.necessary.why.endpoint);
        row("endpoint delete", endpointDelete, 2, "delete, one existence read");
        row("service delete", serviceDelete, 2, "delete, one existence read");
      }
    } finally {
      await emulator.close();
    }
    return figures;
  },
};
