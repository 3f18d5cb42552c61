/** pulumi-vpcep: VPC endpoints and endpoint services on Huawei Cloud and Tencent Cloud. */
export * from "./vpc-endpoint.js";
export * from "./vpc-endpoint-service.js";
export type { Timeouts, CommonArgs } from "./common.js";
