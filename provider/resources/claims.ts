/**
 * What the host process knows about creates in flight, shared by every resource of the run: the
 * objects creates have taken (a lost answer is never matched to one of them), and one create at a
 * time per identity, so that a second create with the same identifying fields lists only after
 * the first has taken its object.
 */
const claimed = new Set<string>();
const locks = new Map<string, Promise<unknown>>();

/** Marks an object as taken by a resource of this run. */
export function claim(scope: string, id: string): void {
  claimed.add(`${scope}|${id}`);
}

export function isClaimed(scope: string, id: string): boolean {
  return claimed.has(`${scope}|${id}`);
}

/** Runs `task` after every earlier task of the same key has settled. */
export async function serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.catch(() => undefined);
  locks.set(key, settled);
  try {
    return await run;
  } finally {
    if (locks.get(key) === settled) locks.delete(key);
  }
}
