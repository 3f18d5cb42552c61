/**
 * The dispatch table of an RPC cloud (an `Action` names the call): one entry per action with the
 * parameters it takes (anything else is an unknown parameter), whether it creates a resource
 * (notVisibleYet applies) and its handler. Tencent Cloud API 3.0 and Volcengine's OpenAPI both
 * select the call this way; their envelopes, signatures and error codes stay in their folders.
 */

/** One action. `Req` is the cloud's per-request view. */
export interface RpcAction<Req> {
  name: string;
  params: readonly string[];
  creates?: boolean;
  /** Returns the answer's fields (the cloud's envelope wraps them). */
  handler(req: Req): Record<string, unknown>;
}

/** The table by action name; a duplicate name is a bug and surfaces at load time. */
export function actionTable<A extends { name: string }>(actions: readonly A[]): ReadonlyMap<string, A> {
  const table = new Map<string, A>();
  for (const action of actions) {
    if (table.has(action.name)) throw new Error(`duplicate RPC action ${action.name}`);
    table.set(action.name, action);
  }
  return table;
}

/** Resource ids named by the parameters under `keys` (strings or lists of strings), for fault matching. */
export function idsIn(params: Record<string, unknown> | undefined, keys: readonly string[]): string[] {
  if (!params) return [];
  const out: string[] = [];
  for (const key of keys) {
    const value = params[key];
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value))
      out.push(...value.filter((item): item is string => typeof item === "string"));
  }
  return out;
}
