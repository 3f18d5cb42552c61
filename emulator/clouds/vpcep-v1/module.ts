/**
 * The VPCEP v1 wire layer, for any profile of the family: REST JSON under `/v1/{project_id}`,
 * AK/SK signatures, `{"error_code","error_msg"}` errors with the documented HTTP status (gateway
 * errors add `request_id`) and an `X-Request-Id` on every answer (the Huawei Node SDK reads the
 * request id only from that header).
 */
import { randomBytes } from "node:crypto";
import type { CloudModule, Identified, IncomingCall } from "../../core/cloud-module.js";
import { CloudError } from "../../core/errors.js";
import { headerOf } from "../../core/http.js";
import type { CredentialScope } from "../../core/registration.js";
import type { EmulatorState } from "../../core/state.js";
import { authenticateV1, authFailure } from "./auth.js";
import type { VpcepV1LoginCredential } from "./credentials.js";
import { AuthMessages, codeReply, faultSpec, GATEWAY_CODES, v1Error, V1Errors } from "./errors.js";
import { baseUrlOf, KeystoneTokens, redactPasswords, TOKEN_OPERATION, TOKEN_PATH } from "./keystone.js";
import { endpointModel, serviceModel } from "./models.js";
import type { VpcepV1Profile } from "./profile.js";
import { routesFor, type V1Route } from "./routes.js";

/** The start options every cloud of the family takes. */
export interface VpcepV1Options {
  /** Region of requests whose Host names none (e.g. `127.0.0.1:PORT`). */
  region: string;
}

/** What the family module is built from (a registration's `ModuleInit` fits it). */
export interface V1ModuleInit {
  state: EmulatorState;
  credentials: CredentialScope<VpcepV1LoginCredential>;
  options: VpcepV1Options;
}

interface V1Routing {
  project: string;
  route: V1Route;
  id: string;
}

/** The IAM's token call (profiles with `features.keystoneTokens`), handled before any VPCEP route. */
const KEYSTONE = { keystone: true } as const;

function jsonOrText(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return body.toString("utf8").slice(0, 2000);
  }
}

/** Builds the module of one profile, bound to an emulator state. */
export function createVpcepV1Module(
  profile: VpcepV1Profile,
  { state, credentials, options }: V1ModuleInit,
): CloudModule {
  const routes = routesFor(profile);
  const tokens = profile.features.keystoneTokens
    ? new KeystoneTokens(credentials, () => state.clock.now())
    : undefined;
  const regionOf = (raw: IncomingCall) => {
    const match = profile.host.exec(headerOf(raw, "host") ?? "");
    return match ? match[1]!.toLowerCase() : options.region;
  };

  return {
    cloud: profile.cloud,
    models: [endpointModel(profile.models.endpoint), serviceModel(profile.models.service)],

    requestId: () => randomBytes(16).toString("hex"),

    identify(raw) {
      const region = regionOf(raw);
      const body = jsonOrText(raw.body);
      const base = {
        region,
        creates: false,
        resourceIds: [] as string[],
        ...(body !== undefined ? { requestBody: body } : {}),
      };
      if (tokens && raw.method === "POST" && raw.path.replace(/\/$/, "") === TOKEN_PATH) {
        return {
          ...base,
          ...(body !== undefined ? { requestBody: redactPasswords(body) } : {}),
          operation: TOKEN_OPERATION,
          data: KEYSTONE,
        };
      }
      const match = /^\/v1\/([^/]+)(\/.*)?$/.exec(raw.path);
      const rest = (match?.[2] ?? "").replace(/\/$/, "");
      const route = match ? routes.find((r) => r.method === raw.method && r.pattern.test(rest)) : undefined;
      if (!match || !route) {
        return { ...base, operation: "Unknown", reject: codeReply(GATEWAY_CODES.ApiNotFound, "") };
      }
      const id = route.pattern.exec(rest)?.[1] ?? "";
      const action =
        typeof body === "object" && body !== null ? (body as { action?: unknown }).action : undefined;
      const operation = typeof route.operation === "string" ? route.operation : route.operation(action);
      const identified: Identified = {
        ...base,
        operation,
        creates: route.creates === true,
        resourceIds: id ? [id] : [],
        data: { project: match[1]!, route, id } satisfies V1Routing,
      };
      if (!route.handler) {
        identified.reject = {
          status: 501,
          body: {
            error_code: "Emulator.NotImplemented",
            error_msg: `${operation} is a real VPCEP API that this emulator knowingly declines.`,
          },
          errorCode: "Emulator.NotImplemented",
        };
      }
      return identified;
    },

    authenticate(raw, call, _state, requestId) {
      // The IAM itself takes a password in the body, not a signature.
      if (call.data === KEYSTONE) return { verdict: "skipped" };
      const routing = call.data as V1Routing | undefined;
      return authenticateV1(
        {
          schemes: profile.signatures,
          credentials,
          tokens,
          pathProject: routing?.project ?? "",
          region: call.region,
        },
        raw,
        state,
        requestId,
      );
    },

    handle(ctx) {
      if (ctx.call.data === KEYSTONE) return tokens!.issue(ctx.raw, ctx.call.region, baseUrlOf(ctx.raw));
      const routing = ctx.call.data as V1Routing;
      // AK/SK credentials are bound to one project; a path naming another one is refused.
      if (routing.project !== ctx.tenant) {
        throw v1Error(
          V1Errors.Forbidden,
          "The project_id in the path does not match the credential's project.",
        );
      }
      return routing.route.handler!({
        ctx,
        profile,
        credentials,
        id: routing.id.toLowerCase(),
        query: new URLSearchParams(ctx.raw.rawQuery),
        body: ctx.raw.body,
        region: ctx.call.region,
      });
    },

    renderError(error, requestId) {
      if (error instanceof CloudError) {
        return {
          status: error.status,
          body: { error_code: error.code, error_msg: error.message },
          errorCode: error.code,
        };
      }
      process.stderr.write(
        `vpcep-emulator: ${profile.cloud} handler failed: ${(error as Error)?.stack ?? String(error)}\n`,
      );
      return codeReply(V1Errors.SystemError, requestId);
    },

    faultReply(rule, requestId) {
      switch (rule.action) {
        // Without a code, the profile's throttle answer (the gateway's 429 APIG.0308, or VPCEP's
        // own 400 EndPoint.0022).
        case "throttle":
          return codeReply(faultSpec(rule, profile.throttle), requestId);
        case "auth": {
          const spec = faultSpec(rule, { ...GATEWAY_CODES.AuthFailed, message: AuthMessages.signature });
          return authFailure(spec.message, requestId, spec.code, spec.status);
        }
        default:
          return codeReply(faultSpec(rule, V1Errors.SystemError), requestId);
      }
    },

    oversizedReply(requestId) {
      return codeReply(GATEWAY_CODES.EntityTooLarge, requestId);
    },

    finish(reply, requestId) {
      const body =
        reply.body &&
        typeof reply.body === "object" &&
        "request_id" in reply.body &&
        (reply.body as { request_id: unknown }).request_id === ""
          ? { ...(reply.body as object), request_id: requestId }
          : reply.body;
      return { ...reply, body, headers: { ...(reply.headers ?? {}), "X-Request-Id": requestId } };
    },
  };
}
