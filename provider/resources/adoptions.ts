/**
 * `adoptId` applies to the first create only, as Pulumi's `import` option applies only while a
 * resource is not in state. A replacement runs Check without the old inputs and then Create with
 * the same `adoptId`, so Create alone cannot tell a first adoption from a replacement. The
 * engine's Diff of that same run, which plans the replacement, does see the state: it notes the
 * replacement here, in the host process every call of the run shares, and Create takes the note
 * and makes a new object.
 */
const replacing = new Set<string>();

function keyOf(props: Record<string, unknown>): string | undefined {
  const { cloud, region, adoptId } = props;
  return typeof adoptId === "string" && adoptId !== ""
    ? `${String(cloud)}|${String(region)}|${adoptId}`
    : undefined;
}

/** Called by a Diff that plans a replacement: an adoption already in state is being replaced. */
export function noteReplacement(olds: Record<string, unknown>, news: Record<string, unknown>): void {
  const key = keyOf(olds);
  if (key !== undefined && key === keyOf(news)) replacing.add(key);
}

/** True (once) when this create is the replacement of a resource that adopted `adoptId`. */
export function takeReplacement(inputs: Record<string, unknown>): boolean {
  const key = keyOf(inputs);
  return key !== undefined && replacing.delete(key);
}
