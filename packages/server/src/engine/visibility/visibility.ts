/** Visibility: listing and counting executions with SWF's one-filter rule. */
import type { ExecutionRecord } from '../../store/records.js';
import { requireDomain } from '../registry/domains.js';
import { fromWireTime } from '../time/durations.js';
import { executionInfo } from '../runs/executions.js';
import type { OperationInput } from '../operations.js';
import { pageOf } from './paging.js';
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

const inWindow = (epochMs: number | undefined, filter: TimeFilter | undefined): boolean =>
  filter === undefined ||
  (epochMs !== undefined && epochMs >= fromWireTime(filter.oldestDate) && (filter.latestDate === undefined || epochMs <= fromWireTime(filter.latestDate)));

/** Executions of one status matching every filter given (the schemas allow at most one of the exclusive ones). */
function matching(state: EngineState, status: 'OPEN' | 'CLOSED', input: VisibilityInput): ExecutionRecord[] {
  requireDomain(state, input.domain);
  const result: ExecutionRecord[] = [];
  for (const execution of state.store.listExecutions(input.domain, status)) {
    if (!inWindow(execution.startTimestamp, input.startTimeFilter)) continue;
    if (!inWindow(execution.closeTimestamp, input.closeTimeFilter)) continue;
    if (input.executionFilter && execution.workflowId !== input.executionFilter.workflowId) continue;
    if (input.typeFilter) {
      if (execution.workflowType.name !== input.typeFilter.name) continue;
      if (input.typeFilter.version !== undefined && execution.workflowType.version !== input.typeFilter.version) continue;
    }
    if (input.tagFilter && !execution.tagList.includes(input.tagFilter.tag)) continue;
    if (input.closeStatusFilter && execution.closeStatus !== input.closeStatusFilter.status) continue;
    result.push(execution);
  }
  return result;
}

function listExecutions(state: EngineState, status: 'OPEN' | 'CLOSED', input: VisibilityInput): Record<string, unknown> {
  const byCloseTime = status === 'CLOSED' && input.closeTimeFilter !== undefined;
  const { page, nextPageToken } = pageOf(
    matching(state, status, input),
    (execution) => [byCloseTime ? execution.closeTimestamp ?? 0 : execution.startTimestamp, execution.runId],
    {
      kind: status === 'OPEN' ? 'ListOpenWorkflowExecutions' : 'ListClosedWorkflowExecutions',
      nextPageToken: input.nextPageToken,
      maximumPageSize: input.maximumPageSize,
      // Newest first unless reverseOrder.
      descending: input.reverseOrder !== true,
      now: state.now(),
    },
  );
  return { executionInfos: page.map(executionInfo), ...(nextPageToken ? { nextPageToken } : {}) };
}

export const listOpenWorkflowExecutions = (state: EngineState, input: OperationInput<'ListOpenWorkflowExecutions'>): Record<string, unknown> =>
  listExecutions(state, 'OPEN', input);

export const listClosedWorkflowExecutions = (state: EngineState, input: OperationInput<'ListClosedWorkflowExecutions'>): Record<string, unknown> =>
  listExecutions(state, 'CLOSED', input);

export const countOpenWorkflowExecutions = (state: EngineState, input: OperationInput<'CountOpenWorkflowExecutions'>): Record<string, unknown> => ({
  count: matching(state, 'OPEN', input).length,
  truncated: false,
});

export const countClosedWorkflowExecutions = (state: EngineState, input: OperationInput<'CountClosedWorkflowExecutions'>): Record<string, unknown> => ({
  count: matching(state, 'CLOSED', input).length,
  truncated: false,
});

/** Pending means scheduled and not yet handed to a poller. */
export function countPendingTasks(state: EngineState, kind: 'decision' | 'activity', input: OperationInput<'CountPendingDecisionTasks'>): Record<string, unknown> {
  requireDomain(state, input.domain);
  return { count: state.store.countTasks(input.domain, kind, input.taskList.name), truncated: false };
}
