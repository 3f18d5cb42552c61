/**
 * The Huawei Cloud VPCEP wire layer: REST JSON under `/v1/{project_id}`, SDK-HMAC-SHA256 auth,
 * `{"error_code","error_msg"}` errors with the documented HTTP status and an `X-Request-Id` on
 * every answer (the Node SDK reads the request id only from that header).
 */
import { randomBytes } from "node:crypto";
import type { CloudModule, CloudReply, IncomingCall, Identified } from "../../core/cloud-module.js";
import { CloudError } from "../../core/errors.js";
import { headerOf } from "../../core/http.js";
import type { EmulatorState } from "../../core/state.js";
import { authenticateHuawei, authFailure } from "./auth.js";
import { API_NOT_FOUND, AuthMessages, hwError, HwErrors, THROTTLED } from "./errors.js";
import { hwEndpointModel, hwServiceModel } from "./models.js";
import { HW_ROUTES, type HwRoute } from "./routes.js";

interface HwRouting {
  project: string;
  route: HwRoute;
  id: string;
}

const HOST_REGION = /^vpcep\.([a-z0-9-]+)\.(?:myhuaweicloud\.com|otc\.t-systems\.com)(?::\d+)?$/i;

function regionOf(raw: IncomingCall, state: EmulatorState): string {
  const match = HOST_REGION.exec(headerOf(raw, "host") ?? "");
  return match ? match[1]!.toLowerCase() : state.huaweiRegion;
}

function jsonOrText(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return body.toString("utf8").slice(0, 2000);
  }
}

function gatewayError(
  spec: { code: string; status: number; message: string },
  requestId: string,
): CloudReply {
  return {
    status: spec.status,
    body: { error_code: spec.code, error_msg: spec.message, request_id: requestId },
    errorCode: spec.code,
  };
}

/** Builds the Huawei module bound to an emulator state. */
export function createHuaweiModule(state: EmulatorState): CloudModule {
  return {
    cloud: "huaweicloud",
    models: [hwEndpointModel, hwServiceModel],

    requestId: () => randomBytes(16).toString("hex"),

    identify(raw) {
      const region = regionOf(raw, state);
      const body = jsonOrText(raw.body);
      const base = {
        region,
        creates: false,
        resourceIds: [] as string[],
        ...(body !== undefined ? { requestBody: body } : {}),
      };
      const match = /^\/v1\/([^/]+)(\/.*)?$/.exec(raw.path);
      const rest = (match?.[2] ?? "").replace(/\/$/, "");
      const route = match
        ? HW_ROUTES.find((r) => r.method === raw.method && r.pattern.test(rest))
        : undefined;
      if (!match || !route) {
        return { ...base, operation: "Unknown", reject: gatewayError(API_NOT_FOUND, "") };
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
        data: { project: match[1]!, route, id } satisfies HwRouting,
      };
      if (!route.handler) {
        identified.reject = {
          status: 501,
          body: {
            error_code: "Emulator.NotImplemented",
            error_msg: `${operation} is a real Huawei VPCEP API that this emulator knowingly declines.`,
          },
          errorCode: "Emulator.NotImplemented",
        };
      }
      return identified;
    },

    authenticate(raw, call, _state, requestId) {
      const routing = call.data as HwRouting | undefined;
      return authenticateHuawei(raw, routing?.project ?? "", state, requestId);
    },

    handle(ctx) {
      const routing = ctx.call.data as HwRouting;
      // AK/SK credentials are bound to one project; a path naming another one is refused.
      if (routing.project !== ctx.tenant) {
        throw hwError(
          HwErrors.Forbidden,
          "The project_id in the path does not match the credential's project.",
        );
      }
      return routing.route.handler!({
        ctx,
        id: routing.id.toLowerCase(),
        query: new URLSearchParams(ctx.raw.rawQuery),
        body: ctx.raw.body,
        region: ctx.call.region,
      });
    },

    renderError(error) {
      if (error instanceof CloudError) {
        return {
          status: error.status,
          body: { error_code: error.code, error_msg: error.message },
          errorCode: error.code,
        };
      }
      process.stderr.write(
        `vpcep-emulator: huaweicloud handler failed: ${(error as Error)?.stack ?? String(error)}\n`,
      );
      const spec = HwErrors.SystemError;
      return {
        status: spec.status,
        body: { error_code: spec.code, error_msg: spec.message },
        errorCode: spec.code,
      };
    },

    faultReply(rule, requestId) {
      switch (rule.action) {
        case "throttle":
          return gatewayError(
            {
              code: rule.code ?? THROTTLED.code,
              status: rule.status ?? THROTTLED.status,
              message: rule.message ?? THROTTLED.message,
            },
            requestId,
          );
        case "auth":
          return authFailure(rule.message ?? AuthMessages.signature, requestId, rule.code ?? "APIG.0301");
        default: {
          const spec = HwErrors.SystemError;
          const code = rule.code ?? spec.code;
          return {
            status: rule.status ?? spec.status,
            body: { error_code: code, error_msg: rule.message ?? spec.message },
            errorCode: code,
          };
        }
      }
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
