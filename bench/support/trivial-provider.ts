/**
 * The benchmarks' trivial dynamic provider: every method answers at once, so an `up` of its
 * resources measures the engine runner and the dynamic-provider host, not a cloud.
 */
import * as pulumi from "@pulumi/pulumi";

type Props = Record<string, unknown>;

export const trivialProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    return { id: `trivial-${String(inputs.index)}`, outs: inputs };
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
