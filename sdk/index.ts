/** pulumi-vpcep: VPC endpoints and endpoint services on every cloud of the registry. */
export * from "./vpc-endpoint.js";
export * from "./vpc-endpoint-service.js";
export type { EndpointArgsFor, EndpointServiceArgsFor, PulumiArgs } from "./args.js";
export type { Timeouts } from "../provider/clouds/common-args.js";
export type { CloudName } from "../provider/clouds/index.js";
