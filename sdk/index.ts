/** pulumi-vpcep: VPC endpoints, endpoint services and their connections on every cloud of the registry. */
export * from "./vpc-endpoint.js";
export * from "./vpc-endpoint-service.js";
export * from "./vpc-endpoint-connection.js";
export type { ConnectionArgsFor, EndpointArgsFor, EndpointServiceArgsFor, PulumiArgs } from "./args.js";
export type { Timeouts } from "../provider/clouds/common-args.js";
export type { CloudName } from "../provider/clouds/index.js";
