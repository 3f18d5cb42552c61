/**
 * The gRPC client side of the provider and analyzer protocols, loaded from `@pulumi/pulumi`'s own
 * dependency tree.
 *
 * The generated message classes check `instanceof` against their own copy of `google-protobuf`
 * (nested under `@pulumi/pulumi/node_modules` in this repo), so the client, the messages and
 * `Struct` must all come from that tree: one `require` anchored at `@pulumi/pulumi/package.json`.
 * The types are the generated `.d.ts` files, imported for types only.
 */
import { createRequire } from "node:module";
import type * as grpcJs from "@grpc/grpc-js";
import type * as analyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb.js";
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb.js";
import type * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb.js";
import type * as providerPb from "@pulumi/pulumi/proto/provider_pb.js";
import type * as statusPb from "@pulumi/pulumi/proto/status_pb.js";
import type * as emptyPb from "google-protobuf/google/protobuf/empty_pb.js";
import type * as structPb from "google-protobuf/google/protobuf/struct_pb.js";

/** The modules the harness needs, all from one `@pulumi/pulumi` tree. */
export interface ProtoModules {
  grpc: typeof grpcJs;
  analyzer: typeof analyzerPb;
  analyzerGrpc: typeof analyzerGrpc;
  provider: typeof providerPb;
  providerGrpc: typeof providerGrpc;
  status: typeof statusPb;
  struct: typeof structPb;
  empty: typeof emptyPb;
}

let cached: ProtoModules | undefined;

/**
 * Loads (once) the gRPC runtime and the generated provider and analyzer messages of the installed
 * `@pulumi/pulumi`.
 */
export function loadProto(): ProtoModules {
  if (cached === undefined) {
    const pulumiPackage = createRequire(import.meta.url).resolve("@pulumi/pulumi/package.json");
    const req = createRequire(pulumiPackage);
    cached = {
      grpc: req("@grpc/grpc-js") as typeof grpcJs,
      analyzer: req("@pulumi/pulumi/proto/analyzer_pb") as typeof analyzerPb,
      analyzerGrpc: req("@pulumi/pulumi/proto/analyzer_grpc_pb") as typeof analyzerGrpc,
      provider: req("@pulumi/pulumi/proto/provider_pb") as typeof providerPb,
      providerGrpc: req("@pulumi/pulumi/proto/provider_grpc_pb") as typeof providerGrpc,
      status: req("@pulumi/pulumi/proto/status_pb") as typeof statusPb,
      struct: req("google-protobuf/google/protobuf/struct_pb") as typeof structPb,
      empty: req("google-protobuf/google/protobuf/empty_pb") as typeof emptyPb,
    };
  }
  return cached;
}

/**
 * A property bag as a `Struct`. The JSON round trip drops `undefined` members (and turns
 * `undefined` array items into `null`), which `Struct.fromJavaScript` would reject.
 */
export function toStruct(props: Record<string, unknown>): structPb.Struct {
  const json = JSON.parse(JSON.stringify(props)) as Parameters<typeof structPb.Struct.fromJavaScript>[0];
  return loadProto().struct.Struct.fromJavaScript(json);
}

/** One unary call on a generated client as a promise; a failure is turned into `toError`'s error. */
export function unaryCall<Response>(
  client: object,
  method: string,
  request: unknown,
  toError: (error: grpcJs.ServiceError) => Error,
): Promise<Response> {
  type Callback = (error: grpcJs.ServiceError | null, response: Response) => void;
  const call = (client as Record<string, (req: unknown, cb: Callback) => void>)[method]!.bind(client);
  return new Promise((resolve, reject) => {
    call(request, (error, response) => (error ? reject(toError(error)) : resolve(response)));
  });
}
