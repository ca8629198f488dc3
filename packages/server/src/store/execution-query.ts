/**
 * Visibility queries a Store answers: the filters of SWF's List/Count*WorkflowExecutions, an order
 * and a keyset cursor. Stores push them into their indexes (SqliteStore into SQL); the predicates
 * and order here are the one definition of what a query means, used as is by MemoryStore and by
 * the tests that check every store answers the same.
 */
import type { CloseStatus, ExecutionRecord } from './records.js';

/** Inclusive epoch-millisecond bounds; `latest` absent means no upper bound. */
export interface TimeRange {
  oldest: number;
  latest?: number | undefined;
}

/** What to match: one domain and status, then every filter given (SWF allows at most one of the exclusive ones). */
export interface ExecutionFilter {
  domain: string;
  status: 'OPEN' | 'CLOSED';
  startTime?: TimeRange | undefined;
  closeTime?: TimeRange | undefined;
  workflowId?: string | undefined;
  /** `version` absent matches every version of the type. */
  type?: { name: string; version?: string | undefined } | undefined;
  tag?: string | undefined;
  closeStatus?: CloseStatus | undefined;
}

/** Listings are ordered by one timestamp, then by runId so that the order is total. */
export type ExecutionOrder = 'startTime' | 'closeTime';

/** The sort key of the last run of a page: `[timestamp, runId]`. */
export type ExecutionCursor = readonly [number, string];

export interface ExecutionPageQuery extends ExecutionFilter {
  orderBy: ExecutionOrder;
  /** Newest first (SWF's default; `reverseOrder: true` asks for oldest first). */
  descending: boolean;
  /** Only runs strictly after this key in the chosen order. */
  after?: ExecutionCursor | undefined;
  /** Most runs returned; a caller that wants to know whether more follow asks for one extra. */
  limit: number;
}

const inRange = (epochMs: number | undefined, range: TimeRange | undefined): boolean =>
  range === undefined || (epochMs !== undefined && epochMs >= range.oldest && (range.latest === undefined || epochMs <= range.latest));

/** True when `execution` matches every filter of `filter`. */
export function matchesFilter(execution: ExecutionRecord, filter: ExecutionFilter): boolean {
  if (execution.domain !== filter.domain || execution.status !== filter.status) return false;
  if (!inRange(execution.startTimestamp, filter.startTime) || !inRange(execution.closeTimestamp, filter.closeTime)) return false;
  if (filter.workflowId !== undefined && execution.workflowId !== filter.workflowId) return false;
  if (filter.type !== undefined) {
    if (execution.workflowType.name !== filter.type.name) return false;
    if (filter.type.version !== undefined && execution.workflowType.version !== filter.type.version) return false;
  }
  if (filter.tag !== undefined && !execution.tagList.includes(filter.tag)) return false;
  if (filter.closeStatus !== undefined && execution.closeStatus !== filter.closeStatus) return false;
  return true;
}

/** The run's key in `order`. A run without a close time sorts first, as SQL sorts NULL. */
export const cursorOf = (execution: ExecutionRecord, order: ExecutionOrder): ExecutionCursor => [
  order === 'closeTime' ? (execution.closeTimestamp ?? Number.NEGATIVE_INFINITY) : execution.startTimestamp,
  execution.runId,
];

/**
 * Ascending comparison of two keys. RunIds compare by UTF-16 code unit, which for the ASCII ids
 * the engine issues is the byte order SQLite's BINARY collation uses.
 */
export function compareCursors(a: ExecutionCursor, b: ExecutionCursor): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

/** A page of `candidates` for `query` by filtering and sorting in memory (MemoryStore's way). */
export function pageInMemory(candidates: Iterable<ExecutionRecord>, query: ExecutionPageQuery): ExecutionRecord[] {
  const direction = query.descending ? -1 : 1;
  const after = query.after;
  const keyed: Array<{ key: ExecutionCursor; execution: ExecutionRecord }> = [];
  for (const execution of candidates) {
    if (!matchesFilter(execution, query)) continue;
    const key = cursorOf(execution, query.orderBy);
    if (after !== undefined && direction * compareCursors(key, after) <= 0) continue;
    keyed.push({ key, execution });
  }
  keyed.sort((a, b) => direction * compareCursors(a.key, b.key));
  return keyed.slice(0, query.limit).map((entry) => entry.execution);
}
