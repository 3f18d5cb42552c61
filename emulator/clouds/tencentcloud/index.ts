/**
 * The Tencent Cloud VPC wire layer (placeholder until the actions land): every call answers
 * `InvalidAction` in the cloud's envelope.
 */
import { randomUUID } from "node:crypto";
import type { CloudModule } from "../../core/cloud-module.js";
import type { EmulatorState } from "../../core/state.js";

/** Builds the Tencent module bound to an emulator state. */
export function createTencentModule(_state: EmulatorState): CloudModule {
  const error = (code: string, message: string) => ({
    status: 200,
    body: { Response: { Error: { Code: code, Message: message } } },
    errorCode: code,
  });
  return {
    cloud: "tencentcloud",
    models: [],
    requestId: () => randomUUID(),
    identify: () => ({ operation: "Unknown", region: "", resourceIds: [], creates: false }),
    authenticate: () => ({ verdict: "skipped" }),
    handle: () => error("InvalidAction", "not yet emulated"),
    renderError: () => error("InternalError", "internal error"),
    faultReply: () => error("InternalError", "internal error"),
    finish: (reply, requestId) => {
      const body = reply.body as { Response: Record<string, unknown> };
      return { ...reply, body: { Response: { ...body.Response, RequestId: requestId } } };
    },
  };
}
