/**
 * What every resource stores in state twice (inputs and outputs): the serialized thin stub, next to
 * the same stub written the usual way (one serialized method per provider method) in the same run.
 */
import * as pulumi from "@pulumi/pulumi";
import { endpointProvider, endpointServiceProvider } from "../../sdk/provider-stub.js";
import type { Figure, Section } from "../figures.js";
import { sevenMethodStub } from "../support/seven-method-stub.js";

const GOAL_BYTES = 1536;

/** The text `pulumi.dynamic.Resource` stores (it serializes `() => provider`). */
async function serializedBytes(provider: pulumi.dynamic.ResourceProvider): Promise<number> {
  const { text } = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return Buffer.byteLength(text);
}

export const stubSection: Section = {
  name: "stub",
  title: "Serialized provider stub per resource",
  async run() {
    const figures: Figure[] = [];
    for (const [kind, provider] of [
      ["VpcEndpoint", endpointProvider],
      ["VpcEndpointService", endpointServiceProvider],
    ] as const) {
      const bytes = await serializedBytes(provider);
      const baseline = await serializedBytes(sevenMethodStub(kind));
      figures.push({
        figure: `serialized __provider of ${kind} (stored twice per resource)`,
        value: `${bytes.toLocaleString("en")} B`,
        baseline: `${baseline.toLocaleString("en")} B, one serialized method per provider method`,
        goal: `≤ ${GOAL_BYTES.toLocaleString("en")} B`,
        met: bytes <= GOAL_BYTES,
      });
    }
    return figures;
  },
};
