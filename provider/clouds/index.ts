/**
 * The cloud registry: one line per cloud. Everything per cloud (input unions, lifecycles, the SDK's
 * argument types, the README tables, the policy pack's cloud list) derives from this list.
 */
import type { ResourceKind } from "../schema/kinds.js";
import type { CloudModule } from "./cloud-module.js";
import { huaweicloud } from "./huaweicloud/index.js";
import { opentelekomcloud } from "./opentelekomcloud/index.js";
import { tencentcloud } from "./tencentcloud/index.js";
import { volcengine } from "./volcengine/index.js";

export const CLOUD_MODULES = [huaweicloud, tencentcloud, opentelekomcloud, volcengine] as const;

/** The values of the `cloud` input. */
export type CloudName = (typeof CLOUD_MODULES)[number]["name"];

export const CLOUD_NAMES: readonly CloudName[] = CLOUD_MODULES.map((m) => m.name);

type Modules = (typeof CLOUD_MODULES)[number];
type ArgsIn<M, K extends ResourceKind> = M extends CloudModule<string, infer A> ? A[K] : never;

/** The plain arguments of one kind of resource, a union discriminated on `cloud`. */
export type ArgsOf<K extends ResourceKind> = ArgsIn<Modules, K>;

const BY_NAME = new Map<string, CloudModule>(CLOUD_MODULES.map((m) => [m.name, m]));

/** The module of a cloud, or undefined for a name that is not registered. */
export function cloudModule(name: unknown): CloudModule | undefined {
  return typeof name === "string" ? BY_NAME.get(name) : undefined;
}

export type { CloudModule, ResourceSpec, KnownResource } from "./cloud-module.js";
export type { Timeouts } from "./common-args.js";

/** Every output-only property of a kind on any registered cloud. */
export function outputNames(kind: ResourceKind): string[] {
  return [...new Set(CLOUD_MODULES.flatMap((m) => m.resources[kind].outputs))];
}
