/** Keyset paging over sorted lists, shared by every List* operation. */
import { decodePageToken, encodePageToken } from './page-tokens.js';

const MAXIMUM_PAGE_SIZE = 1_000;

/** A sort key: compared element by element. Listings are totally ordered by their keys. */
export type SortKey = ReadonlyArray<string | number>;

export function compareSortKeys(a: SortKey, b: SortKey): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const left = a[index];
    const right = b[index];
    if (left === right) continue;
    if (left === undefined) return -1;
    if (right === undefined) return 1;
    return left < right ? -1 : 1;
  }
  return 0;
}

/** `maximumPageSize` of 0 or absent means the service maximum of 1000. */
export const pageSizeOf = (maximumPageSize: number | undefined): number =>
  maximumPageSize === undefined || maximumPageSize <= 0 ? MAXIMUM_PAGE_SIZE : Math.min(maximumPageSize, MAXIMUM_PAGE_SIZE);

export interface PageRequest {
  /** Names the listing, so a token from one listing is refused by another. */
  kind: string;
  nextPageToken?: string | undefined;
  maximumPageSize?: number | undefined;
  /** Descending order of the sort key. */
  descending: boolean;
  now: number;
}

/**
 * Cuts one page out of `items` ordered by `keyOf`. The page token holds the last key returned,
 * so a page resumes correctly even when items were added or removed in between.
 */
export function pageOf<T>(items: readonly T[], keyOf: (item: T) => SortKey, request: PageRequest): { page: T[]; nextPageToken?: string } {
  const direction = request.descending ? -1 : 1;
  const ordered = [...items].sort((a, b) => direction * compareSortKeys(keyOf(a), keyOf(b)));
  let start = 0;
  if (request.nextPageToken) {
    const cursor = decodePageToken<{ after: SortKey }>(request.nextPageToken, request.kind, request.now);
    const after = cursor.after;
    start = ordered.findIndex((item) => direction * compareSortKeys(keyOf(item), after) > 0);
    if (start < 0) start = ordered.length;
  }
  const size = pageSizeOf(request.maximumPageSize);
  const page = ordered.slice(start, start + size);
  const last = page[page.length - 1];
  if (start + size < ordered.length && last !== undefined) {
    return { page, nextPageToken: encodePageToken({ kind: request.kind, after: keyOf(last) }, request.now) };
  }
  return { page };
}
