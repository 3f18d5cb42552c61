/**
 * Offset paging until the cloud's total count: a first page alone once truncated whitelists and
 * connection lists in existing providers.
 */
export default async function collectPages<T>(
  pageSize: number,
  fetchPage: (offset: number, limit: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const { items, total } = await fetchPage(offset, pageSize);
    all.push(...items);
    if (items.length === 0 || offset + items.length >= total) return all;
  }
}
