/**
 * The thin providers that `pulumi.dynamic.Resource` serializes into state (twice per resource:
 * inputs and outputs). In the host, each method loads the installed `pulumi-vpcep/provider` module,
 * so state stays small and constant, destroy and refresh run the installed code, and every resource
 * of every kind in a host process shares one implementation (one rate limiter, one connection pool,
 * one set of claims). A stub holds no value but its type name.
 *
 * Why a setter: the serializer wraps every function it writes in ~190 bytes of scaffolding, so seven
 * serialized methods alone would exceed the 1.5 KB budget. A stub is therefore an object whose only
 * own property is `type`, over a prototype whose `type` setter defines the seven methods. The
 * serializer writes an object with a prototype as `Object.create(proto)` followed by
 * `obj.type = "<kind>"`; that assignment runs the setter in the host when it loads the text, once per
 * distinct text, and the text carries one function instead of seven. In the program the methods are
 * never defined (the SDK only serializes the object), which keeps them out of the text.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ResourceType } from "../provider/index.js";

/**
 * Runs only in the host (`require` there is the deserialized module's own, rooted at the host's cwd,
 * which is the program directory). The package is resolved by name from the program directory, never
 * by a machine path, and imported once per host process: the promise lives on `globalThis` because
 * every deserialized text (one per kind, and older texts still in state) has its own copy of this
 * code. Old stubs in state call the same exports, so they stay.
 */
const STUB_PROTOTYPE = {
  set type(type: ResourceType) {
    const key = Symbol.for("pulumi-vpcep/provider");
    const cache = globalThis as Record<symbol, never>;
    // A failed load is forgotten, so the next call tries again.
    const load = (): Promise<typeof import("../provider/index.js")> =>
      (cache[key] ??= import("node:url")
        .then((url) => import(url.pathToFileURL(require.resolve("pulumi-vpcep/provider")).href))
        .catch((err: unknown) => {
          delete cache[key];
          throw err;
        }) as never);
    const target = this as unknown as Record<string, unknown>;
    for (const m of ["check", "diff", "create", "read", "update"] as const) {
      target[m] = async (...a: [never, never, never]) => (await load())[m](type, ...a);
    }
    target.configure = async (req: never) => (await load()).configure(req);
    target.delete = async (id: string, props: never) => (await load()).remove(type, id, props);
  },
};

/** One stub object per kind: Pulumi caches its serialized text per object. */
export function stub(type: ResourceType): pulumi.dynamic.ResourceProvider {
  const provider = Object.create(STUB_PROTOTYPE) as pulumi.dynamic.ResourceProvider;
  // Defined, not assigned: assigning would run the setter here and serialize seven methods.
  return Object.defineProperty(provider, "type", {
    value: type,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

export const endpointProvider = stub("VpcEndpoint");
export const endpointServiceProvider = stub("VpcEndpointService");
export const connectionProvider = stub("VpcEndpointConnection");
