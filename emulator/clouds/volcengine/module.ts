/**
 * The Volcengine PrivateLink wire layer (OpenAPI, service `privatelink`, version 2020-04-01):
 * `GET /?Action=…&Version=…&…` with every parameter in the query (1-based, contiguous flattened
 * lists), or `POST /?Action=…&Version=…` with a JSON (or form) body; HMAC-SHA256 auth with the
 * region in the credential scope only; answers `{"ResponseMetadata":{…},"Result":{…}}`, errors
 * with their HTTP status and `ResponseMetadata.Error`.
 */
import { randomUUID } from "node:crypto";
import type { CloudModule, CloudReply, IncomingCall, Identified } from "../../core/cloud-module.js";
import { CloudError } from "../../core/errors.js";
import { headerOf } from "../../core/http.js";
import type { CredentialScope } from "../../core/registration.js";
import type { EmulatorState } from "../../core/state.js";
import { actionTable, idsIn } from "../rpc/actions.js";
import { unflattenQueryStrict } from "../rpc/flatten.js";
import { authenticateVolcengine, peekScope, PRIVATELINK_SERVICE } from "./auth.js";
import type { VolcengineCredential } from "./credentials.js";
import {
  createVpcEndpoint,
  deleteVpcEndpoint,
  describeVpcEndpointAttributes,
  describeVpcEndpoints,
  modifyVpcEndpointAttributes,
} from "./endpoint.js";
import {
  addZoneToVpcEndpoint,
  attachSecurityGroupToVpcEndpoint,
  describeVpcEndpointSecurityGroups,
  describeVpcEndpointZones,
  detachSecurityGroupFromVpcEndpoint,
  removeZoneFromVpcEndpoint,
} from "./endpoint-members.js";
import {
  attachResourceToVpcEndpointService,
  createVpcEndpointService,
  deleteVpcEndpointService,
  describeVpcEndpointServiceAttributes,
  describeVpcEndpointServiceResources,
  describeVpcEndpointServices,
  describeVpcEndpointServicesByEndUser,
  detachResourceFromVpcEndpointService,
  modifyVpcEndpointServiceAttributes,
} from "./endpoint-service.js";
import { codeSpec, veError, VeError } from "./errors.js";
import { VOLCENGINE_CLOUD, veConnectionModel, veEndpointModel, veServiceModel } from "./models.js";
import { VeParams } from "./params.js";
import {
  addPermissionToVpcEndpointService,
  describeVpcEndpointConnections,
  describeVpcEndpointServicePermissions,
  disableVpcEndpointConnection,
  enableVpcEndpointConnection,
  modifyVpcEndpointConnections,
  removePermissionFromVpcEndpointService,
} from "./permissions.js";
import type { ReplayWhileCreating, VeAction } from "./request.js";
import { listTagsForResources, tagResources, untagResources } from "./tags.js";

/** The PrivateLink API version. */
export const PRIVATELINK_VERSION = "2020-04-01";

/**
 * The emulated actions; the names are also the fault-rule operation names. Knowingly declined
 * (answered `InvalidActionOrVersion` like any unknown action): gateway endpoints
 * (`*VpcGatewayEndpoint*`), `VerifyVpcEndpointServicePrivateDNS` (private DNS names count as
 * verified at once), `*PrivateLinkGateway*` and `*VpcLink*`.
 */
export const VE_ACTIONS: ReadonlyMap<string, VeAction> = actionTable<VeAction>([
  createVpcEndpoint,
  describeVpcEndpointAttributes,
  describeVpcEndpoints,
  modifyVpcEndpointAttributes,
  deleteVpcEndpoint,
  attachSecurityGroupToVpcEndpoint,
  detachSecurityGroupFromVpcEndpoint,
  describeVpcEndpointSecurityGroups,
  addZoneToVpcEndpoint,
  removeZoneFromVpcEndpoint,
  describeVpcEndpointZones,
  createVpcEndpointService,
  describeVpcEndpointServiceAttributes,
  describeVpcEndpointServices,
  describeVpcEndpointServicesByEndUser,
  modifyVpcEndpointServiceAttributes,
  deleteVpcEndpointService,
  attachResourceToVpcEndpointService,
  detachResourceFromVpcEndpointService,
  describeVpcEndpointServiceResources,
  addPermissionToVpcEndpointService,
  removePermissionFromVpcEndpointService,
  describeVpcEndpointServicePermissions,
  enableVpcEndpointConnection,
  disableVpcEndpointConnection,
  describeVpcEndpointConnections,
  modifyVpcEndpointConnections,
  tagResources,
  untagResources,
  listTagsForResources,
]);

interface VeRouting {
  action: string;
  version: string;
  params: Record<string, unknown>;
  fromQuery: boolean;
  /** Set when the parameters could not be read (bad JSON, list indexes out of order). */
  parseError?: VeError;
}

/** `Zones.N` has its own disorder code; every other list answers the generic one. */
function disorderError(list: string): VeError {
  return list === "Zones"
    ? veError("InvalidZone.Disorder")
    : veError("InvalidIncorrectOrder.Malformed", [], `(${list})`);
}

function fromFlattened(text: string): { params: Record<string, unknown>; error?: VeError } {
  const { params, disorder } = unflattenQueryStrict(text, 1);
  return disorder ? { params: {}, error: disorderError(disorder.list) } : { params };
}

function readParams(raw: IncomingCall): {
  params: Record<string, unknown>;
  fromQuery: boolean;
  error?: VeError;
} {
  const query = fromFlattened(raw.rawQuery);
  if (raw.method === "GET" || raw.body.length === 0) return { ...query, fromQuery: true };
  if (raw.method !== "POST")
    return {
      params: {},
      fromQuery: true,
      error: veError("InvalidParameter", ["method", `${raw.method} is not supported`]),
    };
  const contentType = (headerOf(raw, "content-type") ?? "").toLowerCase();
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    const body = fromFlattened(raw.body.toString("utf8"));
    return {
      params: { ...query.params, ...body.params },
      fromQuery: true,
      ...((query.error ?? body.error) ? { error: query.error ?? body.error } : {}),
    };
  }
  try {
    const parsed: unknown = JSON.parse(raw.body.toString("utf8"));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      return {
        params: {},
        fromQuery: false,
        error: veError("InvalidParameter", ["body", "must be a JSON object"]),
      };
    // Action and Version stay in the query; anything else there joins the body.
    return {
      params: { ...query.params, ...(parsed as Record<string, unknown>) },
      fromQuery: false,
      ...(query.error ? { error: query.error } : {}),
    };
  } catch {
    return {
      params: {},
      fromQuery: false,
      error: veError("InvalidParameter", ["body", "is not valid JSON"]),
    };
  }
}

/** Parameters that name resources (fault rules match `resourceId` against them). */
const ID_PARAMS = ["EndpointId", "ServiceId", "EndpointIds", "ServiceIds", "ResourceIds"] as const;

function errorBody(error: { code: string; message: string; codeN?: number | undefined }): CloudReply["body"] {
  return {
    ResponseMetadata: {
      Error: {
        ...(error.codeN !== undefined ? { CodeN: error.codeN } : {}),
        Code: error.code,
        Message: error.message,
      },
    },
  };
}

function errorReply(error: VeError): CloudReply {
  return { status: error.status, body: errorBody(error), errorCode: error.code };
}

/** Builds the Volcengine module bound to an emulator state. */
export function createVolcengineModule({
  state,
  credentials,
  options,
}: {
  state: EmulatorState;
  credentials: CredentialScope<VolcengineCredential>;
  options: { region: string; replayWhileCreating: string };
}): CloudModule {
  const replayWhileCreating = options.replayWhileCreating as ReplayWhileCreating;
  return {
    cloud: VOLCENGINE_CLOUD,
    models: [veEndpointModel, veServiceModel, veConnectionModel],

    requestId: () => randomUUID().toUpperCase(),

    identify(raw): Identified {
      const query = new URLSearchParams(raw.rawQuery);
      const action = query.get("Action") ?? "";
      const version = query.get("Version") ?? "";
      const region = peekScope(headerOf(raw, "authorization"))?.region ?? options.region;
      const { params, fromQuery, error } = readParams(raw);
      const routing: VeRouting = {
        action,
        version,
        params,
        fromQuery,
        ...(error ? { parseError: error } : {}),
      };
      const { Action: _a, Version: _v, ...requestBody } = params;
      const missing = action === "" ? "Action" : version === "" ? "Version" : undefined;
      return {
        operation: action || "Unknown",
        region,
        resourceIds: idsIn(params, ID_PARAMS),
        creates: VE_ACTIONS.get(action)?.creates === true,
        requestBody,
        ...(missing ? { reject: errorReply(veError("MissingParameter", [missing])) } : {}),
        data: routing,
      };
    },

    authenticate(raw) {
      return authenticateVolcengine(raw, state, credentials);
    },

    handle(ctx) {
      const routing = ctx.call.data as VeRouting;
      const action = VE_ACTIONS.get(routing.action);
      if (!action || routing.version !== PRIVATELINK_VERSION)
        throw veError("InvalidActionOrVersion", [routing.action, routing.version]);
      if (routing.parseError) throw routing.parseError;
      const params = new VeParams(routing.params, action.params, routing.fromQuery);
      const fields = action.handler({
        ctx,
        params,
        region: ctx.call.region,
        credentials,
        replayWhileCreating,
      });
      return { status: 200, body: { Result: fields } };
    },

    renderError(error) {
      if (error instanceof VeError) return errorReply(error);
      if (error instanceof CloudError)
        return errorReply(new VeError(error.code, error.message, error.status));
      process.stderr.write(
        `vpcep-emulator: ${VOLCENGINE_CLOUD} handler failed: ${(error as Error)?.stack ?? String(error)}\n`,
      );
      return errorReply(veError("InternalError"));
    },

    faultReply(rule) {
      const code =
        rule.code ??
        (rule.action === "throttle"
          ? "AccountFlowLimitExceeded"
          : rule.action === "auth"
            ? "SignatureDoesNotMatch"
            : "InternalError");
      const spec = codeSpec(code);
      const message = rule.message ?? spec.message.replace(/%s/g, "");
      return errorReply(new VeError(code, message, rule.status ?? spec.status, spec.codeN));
    },

    oversizedReply() {
      // The gateway's code for an oversized body is undocumented; 413 is the HTTP meaning.
      return errorReply(veError("RequestEntityTooLarge"));
    },

    finish(reply, requestId, call) {
      const body = (reply.body ?? {}) as {
        ResponseMetadata?: Record<string, unknown>;
        Result?: Record<string, unknown>;
      };
      const routing = call?.data as VeRouting | undefined;
      const metadata = {
        RequestId: requestId,
        Action: routing?.action ?? "",
        Version: routing?.version ?? "",
        Service: PRIVATELINK_SERVICE,
        Region: call?.region ?? options.region,
        ...(body.ResponseMetadata ?? {}),
      };
      return {
        ...reply,
        body: {
          ResponseMetadata: metadata,
          ...(body.Result !== undefined ? { Result: { ...body.Result, RequestId: requestId } } : {}),
        },
      };
    },
  };
}
