/**
 * The executions page's query string as SWF's List/Count*WorkflowExecutions filters. SWF accepts at
 * most one of the workflow id, type, tag and close status filters per call (beside the start-time
 * window); combining two is refused here with the same rule, before any call is made.
 */
import { CloseStatus, type ListClosedWorkflowExecutionsInput, type ListOpenWorkflowExecutionsInput } from '@aws-sdk/client-swf';
import { UiRequestError } from './ui-error.js';

export type ExecutionState = 'open' | 'closed';

/** The filters and window of one list or count call; everything but `domain` is optional. */
export interface ExecutionQuery {
  readonly state: ExecutionState;
  readonly workflowId?: string;
  readonly typeName?: string;
  readonly typeVersion?: string;
  readonly tag?: string;
  readonly closeStatus?: CloseStatus;
  readonly startFrom?: Date;
  readonly startTo?: Date;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

const CLOSE_STATUSES = Object.values(CloseStatus);

function date(name: string, value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new UiRequestError(`${name} must be a date and time (ISO 8601, e.g. 2026-12-07T20:00:00Z), got ${JSON.stringify(value)}`);
  return parsed;
}

const present = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** Reads and checks the query string; throws `UiRequestError` naming what is wrong and what is allowed. */
export function parseExecutionQuery(query: Readonly<Record<string, string | undefined>>): ExecutionQuery {
  const state = query['state'] ?? 'open';
  if (state !== 'open' && state !== 'closed') throw new UiRequestError(`state must be open or closed, got ${JSON.stringify(state)}`);
  const workflowId = present(query['workflowId']);
  const typeName = present(query['typeName']);
  const typeVersion = present(query['typeVersion']);
  const tag = present(query['tag']);
  const closeStatusText = present(query['closeStatus']);
  if (typeVersion !== undefined && typeName === undefined) throw new UiRequestError('typeVersion needs typeName: SWF filters by type name, or by name and version');
  let closeStatus: CloseStatus | undefined;
  if (closeStatusText !== undefined) {
    if (!CLOSE_STATUSES.includes(closeStatusText as CloseStatus)) throw new UiRequestError(`closeStatus must be one of ${CLOSE_STATUSES.join(', ')}, got ${JSON.stringify(closeStatusText)}`);
    if (state === 'open') throw new UiRequestError('closeStatus filters closed executions only: choose the closed tab, or clear the close status');
    closeStatus = closeStatusText as CloseStatus;
  }
  const given = [
    workflowId !== undefined && 'workflow id',
    typeName !== undefined && 'type',
    tag !== undefined && 'tag',
    closeStatus !== undefined && 'close status',
  ].filter((name): name is string => name !== false);
  if (given.length > 1) {
    throw new UiRequestError(`SWF filters by one of workflow id, type, tag or close status at a time (with the start-time window beside it); got ${given.join(' and ')}: clear all but one`, 400, 'FilterConflict');
  }
  const startFrom = date('startFrom', query['startFrom']);
  const startTo = date('startTo', query['startTo']);
  if (startFrom !== undefined && startTo !== undefined && startFrom > startTo) throw new UiRequestError('startFrom must not be later than startTo');
  return {
    state,
    ...(workflowId !== undefined && { workflowId }),
    ...(typeName !== undefined && { typeName }),
    ...(typeVersion !== undefined && { typeVersion }),
    ...(tag !== undefined && { tag }),
    ...(closeStatus !== undefined && { closeStatus }),
    ...(startFrom !== undefined && { startFrom }),
    ...(startTo !== undefined && { startTo }),
  };
}

/** `pageSize` from the query: 1 to 1000, default 100. */
export function parsePageSize(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PAGE_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw new UiRequestError(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${JSON.stringify(value)}`);
  return size;
}

/** The shared filter fields of a list or count call (SWF requires the start-time window; it defaults to all time). */
export function swfFilters(domain: string, query: ExecutionQuery): ListOpenWorkflowExecutionsInput & ListClosedWorkflowExecutionsInput {
  return {
    domain,
    startTimeFilter: { oldestDate: query.startFrom ?? new Date(0), ...(query.startTo !== undefined && { latestDate: query.startTo }) },
    ...(query.workflowId !== undefined && { executionFilter: { workflowId: query.workflowId } }),
    ...(query.typeName !== undefined && { typeFilter: { name: query.typeName, ...(query.typeVersion !== undefined && { version: query.typeVersion }) } }),
    ...(query.tag !== undefined && { tagFilter: { tag: query.tag } }),
    ...(query.closeStatus !== undefined && { closeStatusFilter: { status: query.closeStatus } }),
  };
}
