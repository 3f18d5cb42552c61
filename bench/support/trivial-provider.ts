/**
 * The baseline of the host figures: the smallest useful dynamic provider. Check echoes the inputs,
 * diff compares them field by field, create returns the inputs as outputs under a fresh id. It is
 * serialized by value (it captures nothing), as any inline dynamic provider would be.
 */
import type * as pulumi from "@pulumi/pulumi";

type Props = Record<string, unknown>;

/** Echo check, field-by-field diff, inputs as outputs; no cloud, no configuration. */
export const trivialProvider: pulumi.dynamic.ResourceProvider = {
  async check(_olds: Props, news: Props) {
    return { inputs: news };
  },
  async diff(_id: string, olds: Props, news: Props) {
    const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
    const changed = [...keys].filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
    return { changes: changed.length > 0 };
  },
  async create(inputs: Props) {
    return { id: globalThis.crypto.randomUUID(), outs: inputs };
  },
  async delete() {},
};
