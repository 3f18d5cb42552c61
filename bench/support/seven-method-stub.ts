/**
 * The baseline of the stub figure: the thin-closure pattern as usually written (one serialized
 * method per provider method, each loading the package by name, shared/reference/pulumi.md §3.4),
 * with the same load as sdk/provider-stub.ts. Only serialized, never run.
 */
import type * as pulumi from "@pulumi/pulumi";

type Props = Record<string, unknown>;

export function sevenMethodStub(type: string): pulumi.dynamic.ResourceProvider {
  const load = () =>
    import("node:url").then(
      (url) => import(url.pathToFileURL(require.resolve("pulumi-vpcep/provider")).href),
    );
  return {
    configure: async (req) => (await load()).configure(req),
    check: async (olds: Props, news: Props) => (await load()).check(type, olds, news),
    diff: async (id: string, olds: Props, news: Props) => (await load()).diff(type, id, olds, news),
    create: async (inputs: Props) => (await load()).create(type, inputs),
    read: async (id: string, props: Props) => (await load()).read(type, id, props),
    update: async (id: string, olds: Props, news: Props) => (await load()).update(type, id, olds, news),
    delete: async (id: string, props: Props) => (await load()).remove(type, id, props),
  };
}
