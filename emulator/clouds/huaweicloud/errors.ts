/**
 * Huawei Cloud VPCEP error codes with the HTTP status the emulator answers them with.
 * Statuses the sources do not record default to 400.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_08_0002.html
 */
import { CloudError } from "../../core/errors.js";

/** A code with its HTTP status and default message. */
export interface CodeSpec {
  code: string;
  status: number;
  message: string;
}

const spec = (code: string, status: number, message: string): CodeSpec => ({ code, status, message });

/** The codes this emulator answers. */
export const HwErrors = {
  SystemError: spec("EndPoint.0001", 500, "System error. Please retry."),
  InvalidParameter: spec("EndPoint.0002", 400, "Invalid parameter."),
  Forbidden: spec("EndPoint.0004", 403, "Forbidden."),
  NotFound: spec("EndPoint.0005", 404, "The requested resource does not exist."),
  InvalidAction: spec("EndPoint.0007", 400, "Invalid action."),
  InvalidSubnet: spec("EndPoint.0023", 400, "Invalid subnet_id."),
  ServiceNotFound: spec("EndPoint.2003", 400, "The VPC endpoint service does not exist."),
  ServiceUnavailable: spec("EndPoint.2004", 400, "The VPC endpoint service is unavailable."),
  EndpointNotFound: spec("EndPoint.2006", 404, "The VPC endpoint does not exist."),
  NoPermission: spec(
    "EndPoint.2012",
    400,
    "You do not have permission to connect to the VPC endpoint service.",
  ),
  NotThisService: spec("EndPoint.2013", 400, "The VPC endpoint does not belong to the VPC endpoint service."),
  AlreadyConnected: spec("EndPoint.2014", 400, "The VPC endpoint has already been connected."),
  BeingDeleted: spec("EndPoint.2018", 400, "The VPC endpoint is being deleted."),
  BeingCreated: spec("EndPoint.2019", 400, "The VPC endpoint is being created."),
  OneEndpointPerAction: spec(
    "EndPoint.2031",
    400,
    "Only one VPC endpoint can be accepted or rejected at a time.",
  ),
  InvalidPortIp: spec("EndPoint.2041", 400, "Invalid port_ip."),
  PortIpInUse: spec("EndPoint.2042", 400, "The port_ip is already in use."),
  InvalidWhitelist: spec("EndPoint.2044", 400, "Invalid whitelist."),
  WhitelistFull: spec("EndPoint.2045", 400, "The whitelist has reached the maximum number of entries."),
  FailedNotModifiable: spec("EndPoint.2047", 400, "A VPC endpoint in the failed state cannot be modified."),
  InvalidPermission: spec("EndPoint.3002", 400, "Invalid permission."),
  ServiceInUse: spec("EndPoint.3006", 400, "The endpoint service is being used."),
  PortConflict: spec("EndPoint.3044", 400, "Port mapping conflict."),
  NotModifiable: spec(
    "EndPoint.3045",
    400,
    "The VPC endpoint service cannot be modified in its current state.",
  ),
  TooManyPorts: spec("EndPoint.3074", 400, "Too many port mappings."),
  InvalidProtocol: spec("EndPoint.3075", 400, "Invalid protocol."),
  InvalidServiceName: spec("EndPoint.3076", 400, "Invalid service_name."),
} as const;

/** A CloudError for one of the codes, with an optional detail appended to the message. */
export function hwError(which: CodeSpec, detail?: string): CloudError {
  return new CloudError(which.code, detail ? `${which.message} ${detail}` : which.message, which.status);
}

/** The gateway's unknown-API answer (APIG, before any service code runs). */
export const API_NOT_FOUND = {
  code: "APIG.0101",
  status: 404,
  message: "The API does not exist or has not been published in the environment.",
} as const;

/** The gateway's throttling answer. */
export const THROTTLED = {
  code: "APIG.0308",
  status: 429,
  message: "The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 minute",
} as const;

/** Gateway authentication failures (HTTP 401, `APIG.0301`). */
export const AuthMessages = {
  signature: "Incorrect IAM authentication information: verify aksk signature fail",
  unknownKey: "Incorrect IAM authentication information: Get secretKey failed,ak:******,err:ak not exist",
  expired: "Incorrect IAM authentication information: calc ak sk signature fail:signature expired",
  missing: "Incorrect IAM authentication information: x-auth-token not found",
  token: "Incorrect IAM authentication information: decrypt token fail",
} as const;
