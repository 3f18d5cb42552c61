/**
 * `adoptId` applies to the first create only, as Pulumi's `import` option applies only while a
 * resource is not in state. A replacement runs Check without the old inputs and then Create with
 * the same `adoptId`, so Create alone cannot tell a first adoption from a replacement. The
 * engine's first Check (and Diff) of that same run does see the state: it notes the adoption as
 * taken here, in the host process every call of the run shares, and Create then makes a new object.
 */
const taken = new Set<string>();

function keyOf(props: Record<string, unknown>): string | undefined {
  const { cloud, region, adoptId } = props;
  return typeof adoptId === "string" && adoptId !== ""
    ? `${String(cloud)}|${String(region)}|${adoptId}`
    : undefined;
}

/** Called with the state's inputs (or outputs) and the program's: an adoption already in state is taken. */
export function noteAdoption(olds: Record<string, unknown>, news: Record<string, unknown>): void {
  const key = keyOf(olds);
  if (key !== undefined && key === keyOf(news)) taken.add(key);
}

/** True when this `adoptId` belongs to a resource already in state (a replacement is being created). */
export function adoptionTaken(inputs: Record<string, unknown>): boolean {
  const key = keyOf(inputs);
  return key !== undefined && taken.has(key);
}
