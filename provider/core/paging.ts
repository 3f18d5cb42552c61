/**
 * Pagers that read a list to its end. A first page alone once truncated whitelists and connection
 * lists in existing providers, and a pager that advances by the page size it asked for skips items
 * when the cloud caps a page below it: every pager here advances by what it received.
 */

/** The longest list a pager reads before it decides the cloud is looping. */
const MAX_PAGES = 10_000;

function tooMany(): never {
  throw new Error(`a list did not end after ${MAX_PAGES} pages`);
}

/** Offset/limit paging until the cloud's total count (Huawei, OTC, Tencent `Offset`/`Limit`). */
export default async function collectPages<T>(
  pageSize: number,
  fetchPage: (offset: number, limit: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 0, offset = 0; page < MAX_PAGES; page++) {
    const { items, total } = await fetchPage(offset, pageSize);
    all.push(...items);
    offset += items.length;
    if (items.length === 0 || offset >= total) return all;
  }
  return tooMany();
}

/** 1-based PageNumber/PageSize paging until the total count (Volcengine). */
export async function collectNumberedPages<T>(
  pageSize: number,
  fetchPage: (pageNumber: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber++) {
    const { items, total } = await fetchPage(pageNumber, pageSize);
    all.push(...items);
    if (items.length === 0 || all.length >= total) return all;
  }
  return tooMany();
}

/** Token paging until the cloud stops handing out a next token. */
export async function collectTokenPages<T>(
  fetchPage: (nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string | undefined }>,
): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, nextToken } = await fetchPage(token);
    all.push(...items);
    if (!nextToken || nextToken === token || items.length === 0) return all;
    token = nextToken;
  }
  return tooMany();
}
