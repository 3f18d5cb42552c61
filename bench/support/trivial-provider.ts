/**
 * The benchmarks' trivial dynamic provider, the baseline of the host and runner figures: the
 * smallest useful provider. Check echoes the inputs, diff compares them field by field, create
 * returns the inputs as outputs under a fresh id, and every method answers at once, so an `up` of its
 * resources measures the engine runner and the dynamic-provider host, not a cloud. It is serialized
 * by value (it captures nothing), as any inline dynamic provider would be.
 */
import * as pulumi from "@pulumi/pulumi";

type Props = Record<string, unknown>;

export const trivialProvider: pulumi.dynamic.ResourceProvider = {
  async check(_olds: Props, news: Props) {
    return { inputs: news };
  },
  async diff(_id: string, olds: Props, news: Props) {
    const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
    const changed = [...keys].filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
    return { changes: changed.length > 0 };
  },
  async create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    return { id: globalThis.crypto.randomUUID(), outs: inputs };
  },
  async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    return { id, props };
  },
  async update(_id: string, _olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    return { outs: news };
  },
  async delete(): Promise<void> {},
};

/** Type token `pulumi-nodejs:dynamic/bench:Trivial`. */
export class Trivial extends pulumi.dynamic.Resource {
  constructor(name: string, args: pulumi.Inputs) {
    super(trivialProvider, name, args, {}, "bench", "Trivial");
  }
}

/** A program declaring `count` independent trivial resources, each with a few inputs. */
export function trivialProgram(count: number): () => void {
  return () => {
    for (let index = 0; index < count; index++) {
      new Trivial(`r${index}`, {
        index,
        label: `resource ${index}`,
        tags: { team: "platform", index: String(index) },
      });
    }
  };
}
