/**
 * The provider implementation the thin stubs load at call time. It is required once per host
 * process, so its rate limiters, connection pools, claims and configuration are shared by every
 * resource.
 */
import { setConfigSource } from "./core/settings.js";
import { Lifecycle } from "./resources/lifecycle.js";

export type ResourceType = "VpcEndpoint" | "VpcEndpointService" | "VpcEndpointConnection";

const lifecycles: Record<ResourceType, Lifecycle> = {
  VpcEndpoint: new Lifecycle("endpoint"),
  VpcEndpointService: new Lifecycle("endpointService"),
  VpcEndpointConnection: new Lifecycle("connection"),
};

type Props = Record<string, unknown>;

/** Takes the engine's stack config; credentials are read from it (or the environment) at call time. */
export async function configure(req: { config: { get(key: string): string | undefined } }): Promise<void> {
  setConfigSource((key) => req.config.get(key));
}

export function check(type: ResourceType, olds: Props, news: Props) {
  return lifecycles[type].check(olds, news);
}
export function diff(type: ResourceType, id: string, olds: Props, news: Props) {
  return lifecycles[type].diff(id, olds, news);
}
export function create(type: ResourceType, inputs: Props) {
  return lifecycles[type].create(inputs);
}
export function read(type: ResourceType, id: string, props: Props) {
  return lifecycles[type].read(id, props);
}
export function update(type: ResourceType, id: string, olds: Props, news: Props) {
  return lifecycles[type].update(id, olds, news);
}
export function remove(type: ResourceType, id: string, props: Props) {
  return lifecycles[type].delete(id, props);
}

export { Lifecycle, SCHEMA_VERSION, DEFAULT_TIMEOUTS, PartialCreateError } from "./resources/lifecycle.js";
export { CLOUD_MODULES, CLOUD_NAMES, type CloudName } from "./clouds/index.js";
export * from "./core/errors.js";
