/**
 * The resources' argument types, derived from the cloud registry: each cloud documents its plain
 * arguments in its folder, and every property here is that property wrapped in `pulumi.Input`
 * (docs and optionality kept). `cloud` stays a plain literal so the union discriminates at compile
 * time: a field the chosen cloud does not take is a compile error.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ArgsOf } from "../provider/clouds/index.js";

type Wrapped<T> = T extends readonly (infer U)[]
  ? pulumi.Input<Wrapped<U>>[]
  : T extends object
    ? { [K in keyof T]: pulumi.Input<Wrapped<T[K]>> }
    : T;

/** Plain arguments with every property but `cloud` as a `pulumi.Input`. */
export type PulumiArgs<T> = { [K in keyof T]: K extends "cloud" ? T[K] : pulumi.Input<Wrapped<T[K]>> };

type Distribute<T> = T extends unknown ? PulumiArgs<T> : never;

/** Arguments of `VpcEndpoint`, discriminated on `cloud`. */
export type VpcEndpointArgs = Distribute<ArgsOf<"endpoint">>;

/** Arguments of `VpcEndpointService`, discriminated on `cloud`. */
export type VpcEndpointServiceArgs = Distribute<ArgsOf<"endpointService">>;

/** Arguments of `VpcEndpointConnection`, discriminated on `cloud`. */
export type VpcEndpointConnectionArgs = Distribute<ArgsOf<"connection">>;

/** The arguments of one cloud's endpoint, e.g. `EndpointArgsFor<"tencentcloud">`. */
export type EndpointArgsFor<C extends VpcEndpointArgs["cloud"]> = Extract<VpcEndpointArgs, { cloud: C }>;

/** The arguments of one cloud's endpoint service. */
export type EndpointServiceArgsFor<C extends VpcEndpointServiceArgs["cloud"]> = Extract<
  VpcEndpointServiceArgs,
  { cloud: C }
>;

/** The arguments of one cloud's endpoint connection. */
export type ConnectionArgsFor<C extends VpcEndpointConnectionArgs["cloud"]> = Extract<
  VpcEndpointConnectionArgs,
  { cloud: C }
>;
