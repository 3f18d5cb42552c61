/**
 * The Tencent Cloud VPC wire layer (API 3.0, version 2017-03-12): `POST /` with `X-TC-Action` and
 * a JSON body, or `GET /?…` with flattened query parameters; TC3-HMAC-SHA256 auth; every answer is
 * HTTP 200 `{"Response":{…,"RequestId"}}`, errors in `Response.Error`.
 */
import { randomUUID } from "node:crypto";
import type { CloudModule, CloudReply, IncomingCall } from "../../core/cloud-module.js";
import { CloudError } from "../../core/errors.js";
import { headerOf } from "../../core/http.js";
import type { CredentialScope } from "../../core/registration.js";
import type { EmulatorState } from "../../core/state.js";
import { actionTable, idsIn } from "../rpc/actions.js";
import { unflattenQuery } from "../rpc/flatten.js";
import { authenticateTencent, tcAuthFailure } from "./auth.js";
import type { TencentCredential } from "./credentials.js";
import {
  createVpcEndPoint,
  deleteVpcEndPoint,
  describeVpcEndPoint,
  disassociateVpcEndPointSecurityGroups,
  modifyVpcEndPointAttribute,
} from "./endpoint.js";
import {
  createVpcEndPointService,
  deleteVpcEndPointService,
  describeVpcEndPointService,
  modifyVpcEndPointServiceAttribute,
} from "./endpoint-service.js";
import {
  AuthErrors,
  INTERNAL_MESSAGE,
  messageOf,
  tcError,
  TcErrors,
  THROTTLE_MESSAGE,
  TOO_LARGE,
} from "./errors.js";
import { tcEndpointModel, tcServiceModel, TENCENT_CLOUD } from "./models.js";
import { TcParams } from "./params.js";
import { PRIVATE_LINK_REGIONS, REGION_SHAPE } from "./regions.js";
import type { TcAction } from "./request.js";
import {
  createVpcEndPointServiceWhiteList,
  deleteVpcEndPointServiceWhiteList,
  describeVpcEndPointServiceWhiteList,
  enableVpcEndPointConnect,
  modifyVpcEndPointServiceWhiteList,
} from "./white-list.js";

/** The only API version of the `vpc` product. */
export const TENCENT_VPC_VERSION = "2017-03-12";

/** The emulated actions; the names are also the fault-rule operation names. */
export const TC_ACTIONS: ReadonlyMap<string, TcAction> = actionTable<TcAction>([
  createVpcEndPointService,
  describeVpcEndPointService,
  modifyVpcEndPointServiceAttribute,
  deleteVpcEndPointService,
  createVpcEndPointServiceWhiteList,
  describeVpcEndPointServiceWhiteList,
  modifyVpcEndPointServiceWhiteList,
  deleteVpcEndPointServiceWhiteList,
  enableVpcEndPointConnect,
  createVpcEndPoint,
  describeVpcEndPoint,
  modifyVpcEndPointAttribute,
  disassociateVpcEndPointSecurityGroups,
  deleteVpcEndPoint,
]);

interface TcRouting {
  action: string;
  version: string;
  params?: Record<string, unknown>;
  /** Set when the body could not be parsed. */
  parseError?: CloudError;
}

function readParams(raw: IncomingCall): { params?: Record<string, unknown>; error?: CloudError } {
  if (raw.method === "GET") return { params: unflattenQuery(raw.rawQuery) };
  if (raw.method !== "POST")
    return { error: tcError("InvalidParameter", `HTTP method ${raw.method} is not supported.`) };
  if (raw.body.length === 0) return { params: {} };
  const contentType = (headerOf(raw, "content-type") ?? "").toLowerCase();
  if (contentType.startsWith("application/x-www-form-urlencoded"))
    return { params: unflattenQuery(raw.body.toString("utf8")) };
  try {
    const parsed: unknown = JSON.parse(raw.body.toString("utf8"));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      return { error: tcError("InvalidParameter", "The request body must be a JSON object.") };
    }
    return { params: parsed as Record<string, unknown> };
  } catch {
    return { error: tcError("InvalidParameter", "The request body is not valid JSON.") };
  }
}

/** Query-signature (v1) parameters never reach the request log. */
const CREDENTIAL_PARAMS = ["SecretId", "Signature", "SignatureMethod", "Token"];

function journalParams(params: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...params };
  for (const key of CREDENTIAL_PARAMS) delete copy[key];
  return copy;
}

/** Parameters that name resources (fault rules match `resourceId` against them). */
const ID_PARAMS = ["EndPointId", "EndPointServiceId", "EndPointServiceIds"] as const;

function errorReply(code: string, message: string): CloudReply {
  return { status: 200, body: { Response: { Error: { Code: code, Message: message } } }, errorCode: code };
}

/** The fault answer's message: the rule's, the code's documented one, or the default code's. */
function faultMessage(rule: { code?: string; message?: string }, fallback: string): string {
  return rule.message ?? (rule.code !== undefined ? messageOf(rule.code) : fallback);
}

/** Builds the Tencent module bound to an emulator state. */
export function createTencentModule({
  state,
  credentials,
}: {
  state: EmulatorState;
  credentials: CredentialScope<TencentCredential>;
}): CloudModule {
  return {
    cloud: TENCENT_CLOUD,
    models: [tcEndpointModel, tcServiceModel],

    requestId: () => randomUUID(),

    identify(raw) {
      const query = new URLSearchParams(raw.rawQuery);
      const action = headerOf(raw, "x-tc-action") ?? query.get("Action") ?? "";
      const region = headerOf(raw, "x-tc-region") ?? query.get("Region") ?? "";
      const version = headerOf(raw, "x-tc-version") ?? query.get("Version") ?? "";
      const { params, error } = readParams(raw);
      const routing: TcRouting = {
        action,
        version,
        ...(params ? { params } : {}),
        ...(error ? { parseError: error } : {}),
      };
      return {
        operation: action || "Unknown",
        region,
        resourceIds: idsIn(params, ID_PARAMS),
        creates: TC_ACTIONS.get(action)?.creates === true,
        ...(params ? { requestBody: journalParams(params) } : {}),
        ...(action === ""
          ? {
              reject: errorReply("MissingParameter", "The request is missing a required parameter `Action`."),
            }
          : {}),
        data: routing,
      };
    },

    authenticate(raw) {
      return authenticateTencent(raw, state, credentials);
    },

    handle(ctx) {
      const routing = ctx.call.data as TcRouting;
      const action = TC_ACTIONS.get(routing.action);
      if (!action)
        throw tcError(
          "InvalidAction",
          `The action \`${routing.action}\` does not exist in API version ${TENCENT_VPC_VERSION} of service vpc.`,
        );
      if (routing.version === "") throw TcErrors.missing("Version");
      if (routing.version !== TENCENT_VPC_VERSION) {
        throw tcError(
          "NoSuchVersion",
          `The requested version \`${routing.version}\` of service \`vpc\` does not exist.`,
        );
      }
      if (ctx.call.region === "") throw TcErrors.missing("Region");
      if (!REGION_SHAPE.test(ctx.call.region)) {
        throw tcError("InvalidParameterValue", `The region \`${ctx.call.region}\` is invalid.`);
      }
      // Every emulated action is a Private Link action, documented for 18 regions only.
      if (!PRIVATE_LINK_REGIONS.has(ctx.call.region)) throw TcErrors.unsupportedRegion(ctx.call.region);
      if (routing.parseError) throw routing.parseError;
      const params = new TcParams(routing.params ?? {}, action.params);
      const fields = action.handler({ ctx, params, region: ctx.call.region, credentials });
      return { status: 200, body: { Response: fields } };
    },

    renderError(error) {
      if (error instanceof CloudError) return errorReply(error.code, error.message);
      process.stderr.write(
        `vpcep-emulator: ${TENCENT_CLOUD} handler failed: ${(error as Error)?.stack ?? String(error)}\n`,
      );
      return errorReply("InternalError", INTERNAL_MESSAGE);
    },

    faultReply(rule) {
      const authKnown = Object.values(AuthErrors).find((error) => error.code === rule.code);
      const base =
        rule.action === "throttle"
          ? errorReply(rule.code ?? "RequestLimitExceeded", faultMessage(rule, THROTTLE_MESSAGE))
          : rule.action === "auth"
            ? tcAuthFailure(
                rule.code ?? AuthErrors.signature.code,
                rule.message ?? authKnown?.message ?? faultMessage(rule, AuthErrors.signature.message),
              )
            : errorReply(rule.code ?? "InternalError", faultMessage(rule, INTERNAL_MESSAGE));
      // Tencent answers every code with HTTP 200; an explicit status simulates a gateway in front of it.
      return rule.status !== undefined ? { ...base, status: rule.status } : base;
    },

    oversizedReply() {
      return errorReply(TOO_LARGE.code, TOO_LARGE.message);
    },

    finish(reply, requestId) {
      const response = ((reply.body as { Response?: Record<string, unknown> } | undefined)?.Response ??
        {}) as Record<string, unknown>;
      return { ...reply, body: { Response: { ...response, RequestId: requestId } } };
    },
  };
}
