/** Visibility: listing and counting executions with SWF's one-filter rule. */
import { cursorOf, type ExecutionCursor, type ExecutionFilter, type ExecutionOrder, type TimeRange } from '../../store/execution-query.js';
import type { CloseStatus } from '../../store/records.js';
import { fault } from '../faults.js';
import { requireDomain } from '../registry/domains.js';
import { fromWireTime } from '../time/durations.js';
import { executionInfo } from '../runs/executions.js';
import type { OperationInput } from '../operations.js';
import { decodePageToken, encodePageToken } from './page-tokens.js';
import { pageSizeOf } from './paging.js';
import type { EngineState } from '../engine-state.js';

interface TimeFilter {
  oldestDate: number;
  latestDate?: number | undefined;
}

/** The union of every visibility call's filters and paging fields. */
interface VisibilityInput {
  domain: string;
  startTimeFilter?: TimeFilter | undefined;
  closeTimeFilter?: TimeFilter | undefined;
  executionFilter?: { workflowId: string } | undefined;
  typeFilter?: { name: string; version?: string | undefined } | undefined;
  tagFilter?: { tag: string } | undefined;
  closeStatusFilter?: { status: string } | undefined;
  nextPageToken?: string | undefined;
  maximumPageSize?: number | undefined;
  reverseOrder?: boolean | undefined;
}

const rangeOf = (filter: TimeFilter | undefined): TimeRange | undefined =>
  filter === undefined
    ? undefined
    : { oldest: fromWireTime(filter.oldestDate), ...(filter.latestDate !== undefined && { latest: fromWireTime(filter.latestDate) }) };

/** The store filter of a call: its status and every filter given (the schemas allow at most one of the exclusive ones). */
function filterOf(state: EngineState, status: 'OPEN' | 'CLOSED', input: VisibilityInput): ExecutionFilter {
  requireDomain(state, input.domain);
  return {
    domain: input.domain,
    status,
    startTime: rangeOf(input.startTimeFilter),
    closeTime: rangeOf(input.closeTimeFilter),
    workflowId: input.executionFilter?.workflowId,
    type: input.typeFilter,
    tag: input.tagFilter?.tag,
    closeStatus: input.closeStatusFilter?.status as CloseStatus | undefined,
  };
}

const isCursor = (value: unknown): value is ExecutionCursor =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'string';

/**
 * One page, cut by the store: it is asked for one run more than the page holds, which says whether
 * a next page exists without counting. The token holds the last key returned, so a page resumes
 * correctly even when runs were added or removed in between.
 */
function listExecutions(state: EngineState, status: 'OPEN' | 'CLOSED', input: VisibilityInput): Record<string, unknown> {
  const filter = filterOf(state, status, input);
  const kind = status === 'OPEN' ? 'ListOpenWorkflowExecutions' : 'ListClosedWorkflowExecutions';
  const now = state.now();
  const orderBy: ExecutionOrder = status === 'CLOSED' && input.closeTimeFilter !== undefined ? 'closeTime' : 'startTime';
  let after: ExecutionCursor | undefined;
  if (input.nextPageToken) {
    const cursor = decodePageToken<{ after: unknown; orderBy: unknown }>(input.nextPageToken, kind, now);
    if (!isCursor(cursor.after) || cursor.orderBy !== orderBy) {
      throw fault('ValidationException', `Invalid nextPageToken: pass it back with the same filters as the ${kind} call that returned it`);
    }
    after = cursor.after;
  }
  const size = pageSizeOf(input.maximumPageSize);
  // Newest first unless reverseOrder.
  const runs = state.store.queryExecutions({ ...filter, orderBy, descending: input.reverseOrder !== true, after, limit: size + 1 });
  const page = runs.slice(0, size);
  const last = page[page.length - 1];
  const nextPageToken = runs.length > size && last !== undefined ? encodePageToken({ kind, orderBy, after: cursorOf(last, orderBy) }, now) : undefined;
  return { executionInfos: page.map(executionInfo), ...(nextPageToken ? { nextPageToken } : {}) };
}

export const listOpenWorkflowExecutions = (state: EngineState, input: OperationInput<'ListOpenWorkflowExecutions'>): Record<string, unknown> =>
  listExecutions(state, 'OPEN', input);

export const listClosedWorkflowExecutions = (state: EngineState, input: OperationInput<'ListClosedWorkflowExecutions'>): Record<string, unknown> =>
  listExecutions(state, 'CLOSED', input);

export const countOpenWorkflowExecutions = (state: EngineState, input: OperationInput<'CountOpenWorkflowExecutions'>): Record<string, unknown> => ({
  count: state.store.countExecutions(filterOf(state, 'OPEN', input)),
  truncated: false,
});

export const countClosedWorkflowExecutions = (state: EngineState, input: OperationInput<'CountClosedWorkflowExecutions'>): Record<string, unknown> => ({
  count: state.store.countExecutions(filterOf(state, 'CLOSED', input)),
  truncated: false,
});

/** Pending means scheduled and not yet handed to a poller. */
export function countPendingTasks(state: EngineState, kind: 'decision' | 'activity', input: OperationInput<'CountPendingDecisionTasks'>): Record<string, unknown> {
  requireDomain(state, input.domain);
  return { count: state.store.countTasks(input.domain, kind, input.taskList.name), truncated: false };
}
