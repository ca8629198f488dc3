/** GetWorkflowExecutionHistory: a run's events, paged. */
import type { ExecutionRecord, HistoryEventRecord } from '../../store/records.js';
import { fault, unknownExecution } from '../faults.js';
import { requireDomain } from '../registry/domains.js';
import type { OperationInput } from '../operations.js';
import { pageSizeOf } from '../visibility/paging.js';
import type { EngineState } from '../engine-state.js';
import { decodePageToken, encodePageToken } from '../visibility/page-tokens.js';

export interface HistoryPageRequest {
  /** Names the listing the token belongs to. */
  kind: string;
  fromEventId: number;
  toEventId: number;
  reverseOrder: boolean;
  maximumPageSize?: number | undefined;
  nextPageToken?: string | undefined;
  /** Extra cursor fields that must match when a token comes back (e.g. the run). */
  scope: Record<string, string | number>;
}

/** One page of a run's events in id order (or reversed), with a token naming the next event id. */
export function historyPage(state: EngineState, execution: ExecutionRecord, request: HistoryPageRequest): { events: HistoryEventRecord[]; nextPageToken?: string } {
  const now = state.now();
  let { fromEventId, toEventId } = request;
  if (request.nextPageToken) {
    const cursor = decodePageToken<{ next: number } & Record<string, unknown>>(request.nextPageToken, request.kind, now);
    for (const [key, value] of Object.entries(request.scope)) {
      if (cursor[key] !== value) throw fault('ValidationException', `Invalid nextPageToken: it was issued for another ${key}`);
    }
    if (request.reverseOrder) toEventId = Math.min(toEventId, cursor.next);
    else fromEventId = Math.max(fromEventId, cursor.next);
  }
  const size = pageSizeOf(request.maximumPageSize);
  let events: HistoryEventRecord[];
  let next: number | undefined;
  if (request.reverseOrder) {
    const start = Math.max(fromEventId, toEventId - size + 1);
    events = state.store.readEvents(execution.domain, execution.workflowId, execution.runId, start, toEventId).reverse();
    if (start > fromEventId) next = start - 1;
  } else {
    const end = Math.min(toEventId, fromEventId + size - 1);
    events = state.store.readEvents(execution.domain, execution.workflowId, execution.runId, fromEventId, end);
    if (end < toEventId) next = end + 1;
  }
  if (next === undefined) return { events };
  return { events, nextPageToken: encodePageToken({ kind: request.kind, ...request.scope, next }, now) };
}

export function requireExecution(state: EngineState, domain: string, execution: { workflowId: string; runId: string }): ExecutionRecord {
  requireDomain(state, domain);
  const record = state.store.getExecution(domain, execution.workflowId, execution.runId);
  if (!record) throw unknownExecution(execution.workflowId, execution.runId);
  return record;
}

export function getWorkflowExecutionHistory(state: EngineState, input: OperationInput<'GetWorkflowExecutionHistory'>): Record<string, unknown> {
  const execution = requireExecution(state, input.domain, input.execution);
  state.executionThrottle?.admit('GetWorkflowExecutionHistory', execution);
  const page = historyPage(state, execution, {
    kind: 'GetWorkflowExecutionHistory',
    fromEventId: 1,
    toEventId: execution.eventCount,
    reverseOrder: input.reverseOrder === true,
    maximumPageSize: input.maximumPageSize,
    nextPageToken: input.nextPageToken,
    scope: { domain: execution.domain, workflowId: execution.workflowId, runId: execution.runId },
  });
  return { events: page.events, ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
}
