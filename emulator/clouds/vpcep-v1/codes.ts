/**
 * Every error code the VPCEP v1 API documents, with its HTTP status and message. Shared by the
 * family (Huawei Cloud and OTC run the same codes). Handlers raise the named specs of errors.ts;
 * fault rules look any code up here, so `{"action":"error","code":"EndPoint.3045"}` answers what
 * the cloud would.
 * @link https://github.com/opentelekomcloud-docs/vpc-endpoint/blob/main/api-ref/source/appendix/error_codes.rst
 */

/** A documented code. */
export interface CodeSpec {
  code: string;
  status: number;
  message: string;
  /** Answered by the API gateway (APIG) in front of VPCEP: its body also carries `request_id`. */
  gateway?: boolean;
}

// [code, HTTP status, message], as the error-code appendix lists them (HEAD e75fcff).
const SERVICE_CODES: readonly (readonly [string, number, string])[] = [
  ["EndPoint.0001", 500, "System error. Please retry."],
  ["EndPoint.0002", 400, "Parameter error."],
  ["EndPoint.0003", 401, "Authentication failed or authentication information is invalid."],
  ["EndPoint.0004", 403, "Authentication information is incorrect or you have no permissions."],
  ["EndPoint.0005", 404, "The requested resource does not exist."],
  ["EndPoint.0006", 400, "Invalid limit."],
  ["EndPoint.0007", 400, "Invalid action."],
  ["EndPoint.0009", 400, "The remote address does not match."],
  ["EndPoint.0010", 400, "Invalid offset."],
  ["EndPoint.0011", 504, "The request body is null."],
  ["EndPoint.0012", 504, "The request header is null."],
  ["EndPoint.0013", 504, "The request timed out."],
  ["EndPoint.0014", 400, "Invalid project ID."],
  ["EndPoint.0015", 400, "Invalid specification."],
  ["EndPoint.0016", 400, "The number of batch operated resources exceeded the limit."],
  ["EndPoint.0017", 400, "Invalid sort_key."],
  ["EndPoint.0018", 400, "Invalid sort_dir."],
  ["EndPoint.0019", 400, "Invalid status."],
  ["EndPoint.0020", 400, "Invalid VPC ID."],
  ["EndPoint.0021", 400, "Invalid marker_id."],
  ["EndPoint.0022", 400, "The number of requests exceeded the limit. Please try later."],
  ["EndPoint.0023", 400, "Invalid subnet_id."],
  ["EndPoint.1003", 400, "Invalid service name."],
  ["EndPoint.1004", 400, "Invalid request."],
  ["EndPoint.1008", 400, "Failed to obtain the token."],
  ["Endpoint.1018", 400, "Quota exceeded."],
  ["EndPoint.1019", 400, "Invalid route table ID."],
  ["EndPoint.2001", 400, "The VPC does not exist."],
  ["EndPoint.2002", 400, "The request input parameter is empty."],
  ["EndPoint.2003", 400, "The endpoint service does not exist."],
  ["EndPoint.2004", 400, "The endpoint service is unavailable."],
  ["EndPoint.2006", 404, "The requested endpoint does not exist."],
  ["EndPoint.2007", 404, "The endpoint information does not exist."],
  ["EndPoint.2008", 404, "The endpoint has been deleted."],
  ["EndPoint.2009", 400, "The specification information does not exist."],
  ["EndPoint.2010", 400, "The input parameter subnet ID is empty."],
  ["EndPoint.2011", 400, "The input parameter VPC ID is empty."],
  ["EndPoint.2012", 400, "You have no permission to connect to the VPC endpoint service."],
  ["EndPoint.2013", 400, "The endpoint does not belong to the endpoint service."],
  ["EndPoint.2014", 400, "The endpoint has been connected to the endpoint service."],
  ["EndPoint.2015", 400, "The endpoint has been frozen."],
  ["EndPoint.2016", 400, "The endpoint pool IP address does not exist."],
  ["EndPoint.2017", 400, "Invalid endpoint ID."],
  ["EndPoint.2018", 400, "The endpoint is being deleted."],
  ["EndPoint.2019", 400, "The endpoint is being created."],
  ["EndPoint.2020", 400, "qrMac or sgMac does not exist."],
  ["EndPoint.2021", 400, "Failed to query the VPC."],
  ["EndPoint.2022", 400, "Failed to create an endpoint."],
  ["EndPoint.2023", 400, "CIDR is not found."],
  ["EndPoint.2024", 400, "shadowVpc or shadowPort does not exist."],
  ["EndPoint.2025", 400, "The endpoint port does not exist."],
  ["EndPoint.2026", 400, "VNI is empty."],
  ["EndPoint.2027", 400, "Invalid action."],
  ["EndPoint.2028", 400, "The endpoint service port or protocol is empty."],
  ["EndPoint.2029", 400, "The requested endpoint service ID is empty."],
  ["EndPoint.2030", 404, "markerId is empty."],
  ["EndPoint.2031", 400, "Only one endpoint is allowed."],
  ["EndPoint.2033", 400, "The entered parameter enable_dns is invalid."],
  ["EndPoint.2034", 400, "The entered parameter enable_dns is incorrect."],
  ["EndPoint.2035", 400, "The system parameter dns.enable is invalid."],
  ["EndPoint.2037", 400, "The current network does not belong to the VPC."],
  ["EndPoint.2038", 400, "The pool does not exist."],
  ["EndPoint.2039", 400, "The route table is being used by another VPC endpoint."],
  ["EndPoint.2040", 400, "The VPC endpoint has no route table bound."],
  ["EndPoint.2041", 400, "Invalid Port IP address."],
  ["EndPoint.2042", 400, "The Port IP is in use."],
  ["EndPoint.2043", 400, "The Port IP is not valid for the subnet."],
  ["EndPoint.2044", 400, "Invalid whitelist."],
  ["EndPoint.2045", 400, "The maximum number of whitelist records has been reached."],
  ["EndPoint.2046", 400, "Can not modify a specified mac endpoint."],
  ["EndPoint.2047", 400, "The VPC endpoint in the Failed status cannot be modified."],
  ["EndPoint.2048", 400, "The VPC endpoint policy is invalid."],
  ["EndPoint.2049", 400, "The VPC endpoint has no policy associated."],
  ["EndPoint.2050", 400, "The endpoint has been disabled."],
  ["EndPoint.2051", 400, "The current endpoint is switching to new pool."],
  ["EndPoint.2052", 400, "The current endpoint does not need to be rolled back."],
  ["EndPoint.3001", 400, "Failed to create a port."],
  ["EndPoint.3002", 400, "Invalid permission."],
  ["EndPoint.3003", 400, "Invalid port ID."],
  ["EndPoint.3004", 400, "Invalid port."],
  ["EndPoint.3005", 400, "Failed to delete the endpoint service."],
  ["EndPoint.3006", 400, "The endpoint service is being used."],
  ["EndPoint.3008", 400, "The port does not exist."],
  ["EndPoint.3009", 400, "Invalid CIDR."],
  ["EndPoint.3010", 400, "Invalid IP address."],
  ["EndPoint.3011", 400, "Parameter IP is not required to create an endpoint service (interface)."],
  ["EndPoint.3013", 400, "endpointService interface vlan can't have vpcId."],
  ["EndPoint.3014", 400, "endpointService interface can't have cidr."],
  ["EndPoint.3015", 400, "endpointService gateway vlan can't have portId."],
  ["EndPoint.3016", 400, "endpointService gateway vlan can't have ip."],
  ["EndPoint.3017", 400, "Invalid CIDRs."],
  ["EndPoint.3018", 400, "endpointService gateway vlan can't have vpcId."],
  ["EndPoint.3021", 400, "Invalid serverType."],
  ["EndPoint.3022", 400, "Failed to create a network."],
  ["EndPoint.3023", 400, "Failed to create a subnet."],
  ["EndPoint.3035", 400, "Invalid action."],
  ["EndPoint.3036", 400, "Invalid permissions."],
  ["EndPoint.3040", 400, "Failed to add a rollback task."],
  ["EndPoint.3042", 400, "The port ID does not belong to the current VPC."],
  ["EndPoint.3043", 400, "The service port is invalid."],
  ["EndPoint.3044", 400, "The parameter ports conflicted with ports in an existing endpoint service."],
  ["EndPoint.3045", 400, "Other properties cannot be modified in the current endpoint service state."],
  ["EndPoint.3046", 400, "The IP address conflicted with an existing endpoint service."],
  ["EndPoint.3049", 400, "The maximum number of whitelist records has been reached."],
  ["EndPoint.3051", 400, "Endpoint service vip port id is invalid."],
  ["EndPoint.3052", 400, "portId and ip cannot be modified at the same time."],
  ["EndPoint.3053", 400, "vipPortId and ip cannot be modified at the same time."],
  ["EndPoint.3054", 400, "portId or vipPortId cannot be modified."],
  ["EndPoint.3055", 400, "ip cannot be modified."],
  ["EndPoint.3056", 400, "The maximum of VPC endpoint services using the same IP address has been reached."],
  ["EndPoint.3057", 400, "cidr cannot be modified."],
  ["EndPoint.3058", 400, "The domain name is invalid."],
  ["EndPoint.3059", 400, "The domain name already exists."],
  ["EndPoint.3060", 400, "You have no permission to add domain names."],
  ["EndPoint.3061", 400, "The maximum number of domain names has reached."],
  ["EndPoint.3062", 400, "Invalid endpoint service ID."],
  ["EndPoint.3063", 400, "Invalid port ID."],
  ["EndPoint.3066", 400, "The tag cannot be empty."],
  ["EndPoint.3067", 400, "The tag key cannot be duplicated."],
  ["EndPoint.3068", 400, "Tag keys and values should meet relevant requirements."],
  ["EndPoint.3069", 400, "The maximum number of tags has been reached."],
  ["EndPoint.3070", 400, "Invalid resource type."],
  ["EndPoint.3071", 400, "The tag value cannot be duplicated."],
  ["EndPoint.3072", 400, "The tag key size is invalid."],
  ["EndPoint.3073", 400, "The tag value size is invalid."],
  ["EndPoint.3074", 400, "The maximum of ports has been reached."],
  ["EndPoint.3075", 400, "The protocol is invalid."],
  ["EndPoint.3076", 400, "Invalid service name."],
  ["EndPoint.4001", 400, "Failed to query the subnet."],
  ["EndPoint.4002", 400, "Failed to create a subnet."],
  ["EndPoint.4003", 400, "Failed to delete the subnet."],
  ["EndPoint.4004", 404, "The subnet is not found."],
  ["EndPoint.4005", 400, "Failed to query the network."],
  ["EndPoint.4006", 400, "Failed to create a network."],
  ["EndPoint.4007", 400, "Failed to delete the network."],
  ["EndPoint.4008", 404, "Network is unavailable."],
  ["EndPoint.4009", 400, "Failed to query the port."],
  ["EndPoint.4010", 400, "Failed to create a port."],
  ["EndPoint.4011", 400, "Failed to delete the port."],
  ["EndPoint.4012", 404, "The port is not found."],
  ["EndPoint.4013", 400, "Failed to query the proxy."],
  ["EndPoint.4014", 400, "Failed to query the router."],
  ["EndPoint.4015", 400, "The router is not found."],
  ["EndPoint.4016", 400, "Failed to add an interface router."],
  ["EndPoint.4017", 400, "Failed to delete the interface router."],
  ["EndPoint.4018", 400, "Failed to add an extension router."],
  ["EndPoint.4019", 400, "Failed to delete the extension router."],
  ["EndPoint.4020", 400, "Failed to query Neutron L3 Agent."],
  ["EndPoint.4021", 404, "Neutron L3 Agent is not found."],
  ["EndPoint.4025", 400, "The specification is being used."],
  ["EndPoint.4026", 400, "Failed to query the default route table of the VPC."],
  ["EndPoint.4027", 400, "Failed to query route tables of the VPC."],
  ["EndPoint.4028", 400, "Failed to add routes to the VPC's route table."],
  ["EndPoint.4029", 400, "Failed to remove routes from the VPC's route table."],
  ["EndPoint.4030", 404, "The route table is not found."],
];

/**
 * The gateway's own codes that the emulator answers.
 * @link https://support.huaweicloud.com/intl/en-us/usermanual-apig/apig-ug-180530090.html
 */
export const GATEWAY_CODES = {
  ApiNotFound: {
    code: "APIG.0101",
    status: 404,
    message: "The API does not exist or has not been published in the environment.",
    gateway: true,
  },
  // APIG documents APIG.0201 twice: 400 "API request error." and 413 "Request entity too large.".
  RequestError: { code: "APIG.0201", status: 400, message: "API request error.", gateway: true },
  EntityTooLarge: { code: "APIG.0201", status: 413, message: "Request entity too large.", gateway: true },
  AuthFailed: {
    code: "APIG.0301",
    status: 401,
    message: "Incorrect IAM authentication information: verify aksk signature fail",
    gateway: true,
  },
  // Huawei and OTC FAQs; the limit figure varies by API.
  Throttled: {
    code: "APIG.0308",
    status: 429,
    message: "The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 minute",
    gateway: true,
  },
} as const satisfies Record<string, CodeSpec>;

const TABLE: ReadonlyMap<string, CodeSpec> = new Map<string, CodeSpec>([
  ...SERVICE_CODES.map(([code, status, message]): [string, CodeSpec] => [code, { code, status, message }]),
  ...[
    GATEWAY_CODES.ApiNotFound,
    GATEWAY_CODES.RequestError,
    GATEWAY_CODES.AuthFailed,
    GATEWAY_CODES.Throttled,
  ].map((spec): [string, CodeSpec] => [spec.code, spec]),
]);

/** The documented spec of a code, or undefined for a code the sources do not list. */
export function lookupCode(code: string): CodeSpec | undefined {
  return TABLE.get(code);
}

/** The spec of a code this module relies on being documented (a typo is a bug, caught at load). */
export function documented(code: string): CodeSpec {
  const spec = TABLE.get(code);
  if (!spec) throw new Error(`${code} is not in the documented VPCEP code table`);
  return spec;
}
