/**
 * What every resource stores in state twice (inputs and outputs): the serialized thin stub.
 */
import * as pulumi from "@pulumi/pulumi";
import { endpointProvider, endpointServiceProvider } from "../../sdk/provider-stub.js";
import type { Figure, Section } from "../figures.js";

const GOAL_BYTES = 1536;

export const stubSection: Section = {
  name: "stub",
  title: "Serialized provider stub per resource",
  async run() {
    const figures: Figure[] = [];
    for (const [kind, provider] of [
      ["VpcEndpoint", endpointProvider],
      ["VpcEndpointService", endpointServiceProvider],
    ] as const) {
      const { text } = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
      const bytes = Buffer.byteLength(text);
      figures.push({
        figure: `serialized __provider of ${kind}`,
        value: `${bytes.toLocaleString("en")} B`,
        baseline: "stored twice per resource",
        goal: `≤ ${GOAL_BYTES.toLocaleString("en")} B`,
        met: bytes <= GOAL_BYTES,
      });
    }
    return figures;
  },
};
