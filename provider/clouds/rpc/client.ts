/**
 * The RPC family's call layer (Tencent Cloud, Volcengine): one host, the action selects the call.
 * A member supplies its encoding, signer, error classifier and how a result is read from an answer;
 * the shared transport paces, signs, retries and classifies.
 */
import type { Clock } from "../../core/clock.js";
import type { CloudApiError } from "../../core/errors.js";
import { sharedTransport, type CloudResponse, type SignableRequest } from "../../core/http.js";
import type { RpcEncoding } from "./encode.js";

export interface RpcMember {
  cloud: string;
  /** Names the transport: cloud, region, account and endpoint. */
  transportKey: string;
  encoding: RpcEncoding;
  sign(request: SignableRequest): void;
  classify(response: CloudResponse, operation: string): CloudApiError | undefined;
  /** The action's result inside a successful answer. */
  result(body: string): unknown;
}

export interface RpcClient {
  region: string;
  /** Calls an action; `idempotent` marks reads, modifies and deletes that may be resent. */
  call<T>(action: string, params: Record<string, unknown>, idempotent: boolean): Promise<T>;
}

export function createRpcClient(member: RpcMember, region: string, clock: Clock): RpcClient {
  const transport = sharedTransport(
    member.transportKey,
    { cloud: member.cloud, sign: member.sign, classify: member.classify },
    clock,
  );
  return {
    region,
    async call<T>(action: string, params: Record<string, unknown>, idempotent: boolean): Promise<T> {
      const encoded = member.encoding.encode(action, params);
      const response = await transport.send({
        method: encoded.method,
        url: encoded.url,
        headers: encoded.headers,
        ...(encoded.body !== undefined ? { body: encoded.body } : {}),
        operation: action,
        idempotent,
      });
      return member.result(response.body) as T;
    },
  };
}
