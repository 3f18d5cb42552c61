/**
 * The pulumi-vpcep policy pack. Nothing may print to stdout before the pack is constructed: the
 * engine reads the analyzer's port from the first line.
 */
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies.js";

new PolicyPack("vpcep", {
  description:
    "VPC endpoints and the networks around them on Huawei Cloud, Open Telekom Cloud, Tencent Cloud and Volcengine: the reserved range 198.19.128.0/17, tag limits, and safe endpoint services.",
  displayName: "VPC endpoint guardrails",
  policies,
});
