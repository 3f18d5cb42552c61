/** Which inputs a cloud's resource cannot do without, read off its schema (for fail-fast constructors). */
import { cloudModule } from "../clouds/index.js";
import type { z } from "zod";
import type { ResourceKind } from "./kinds.js";

/** The required input names of `kind` on `cloud`; none for a cloud that is not registered. */
export function requiredInputs(kind: ResourceKind, cloud: unknown): string[] {
  const module = cloudModule(cloud);
  if (!module) return [];
  return Object.entries(module.resources[kind].schema.shape)
    .filter(([, schema]) => !(schema as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name);
}
