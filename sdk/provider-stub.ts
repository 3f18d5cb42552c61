/**
 * The thin providers that `pulumi.dynamic.Resource` serializes into state. Each method loads the
 * installed `pulumi-vpcep/provider` module at call time, so state stays small and constant, destroy
 * and refresh run the installed code, and all resources in a host process share one implementation
 * (one rate limiter, one connection pool). Nothing here may capture a value: only the type name.
 */
import type * as pulumi from "@pulumi/pulumi";

type Props = Record<string, unknown>;
type Impl = typeof import("../provider/index.js");

/**
 * Resolved from the program directory (the host's cwd), by package name, so the stub never embeds
 * a machine path. `import()` stays verbatim in the serialized text and runs in the host.
 */
async function loadProvider(): Promise<Impl> {
  const { createRequire } = await import("node:module");
  const { pathToFileURL } = await import("node:url");
  const resolve = createRequire(`${process.cwd()}/`).resolve;
  return (await import(pathToFileURL(resolve("pulumi-vpcep/provider")).href)) as Impl;
}

function stub(
  type: "VpcEndpoint" | "VpcEndpointService" | "VpcEndpointConnection",
): pulumi.dynamic.ResourceProvider {
  return {
    configure: async (req) => (await loadProvider()).configure(req as never),
    check: async (olds: Props, news: Props) => (await loadProvider()).check(type, olds, news),
    diff: async (id: string, olds: Props, news: Props) => (await loadProvider()).diff(type, id, olds, news),
    create: async (inputs: Props) => (await loadProvider()).create(type, inputs),
    read: async (id: string, props: Props) => (await loadProvider()).read(type, id, props),
    update: async (id: string, olds: Props, news: Props) =>
      (await loadProvider()).update(type, id, olds, news),
    delete: async (id: string, props: Props) => (await loadProvider()).remove(type, id, props),
  };
}

/** One provider object per kind: Pulumi caches its serialized text per object. */
export const endpointProvider = stub("VpcEndpoint");
export const endpointServiceProvider = stub("VpcEndpointService");
export const connectionProvider = stub("VpcEndpointConnection");
