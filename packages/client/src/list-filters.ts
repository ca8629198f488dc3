/**
 * Visibility filters as one options object, compiled to what ListOpen/ListClosed/Count* accept.
 * SWF allows at most one of workflowId, type, tag and closeStatus, and exactly one time filter for
 * closed executions; the client says so before the call rather than after a round trip.
 */
import type { CloseStatus, ExecutionTimeFilter } from '@aws-sdk/client-swf';
import type { OptionKeys } from './option-keys.js';

/** A window on start or close time. `oldest` defaults to the epoch. */
export interface TimeWindow {
  readonly oldest?: Date;
  readonly latest?: Date;
}

export interface ListExecutionsOptions {
  /** Open or closed executions; SWF keeps them in separate indexes. */
  readonly status: 'open' | 'closed';
  /** Executions started in this window. @default since the epoch (when no closeTime is given) */
  readonly startTime?: TimeWindow;
  /** Closed executions that closed in this window; not with `startTime`. @default none (filter on start time) */
  readonly closeTime?: TimeWindow;
  /** Executions with this workflowId. @default any */
  readonly workflowId?: string;
  /** A workflow type name, with an optional version. @default any */
  readonly type?: { readonly name: string; readonly version?: string };
  /** Executions carrying this tag. @default any */
  readonly tag?: string;
  /** Closed executions with this close status. @default any */
  readonly closeStatus?: CloseStatus | `${CloseStatus}`;
}

/** The keys `list`, `listPages` and `count` accept as filters. */
export const LIST_FILTER_KEYS = {
  status: true,
  startTime: true,
  closeTime: true,
  workflowId: true,
  type: true,
  tag: true,
  closeStatus: true,
} as const satisfies OptionKeys<ListExecutionsOptions>;

export class ListFilterError extends Error {
  override readonly name = 'ListFilterError';
}

/** The filter fields of a List*WorkflowExecutions or Count*WorkflowExecutions request. */
export interface CompiledListFilter {
  startTimeFilter?: ExecutionTimeFilter;
  closeTimeFilter?: ExecutionTimeFilter;
  executionFilter?: { workflowId: string };
  typeFilter?: { name: string; version?: string };
  tagFilter?: { tag: string };
  closeStatusFilter?: { status: CloseStatus };
}

function timeFilter(window: TimeWindow): ExecutionTimeFilter {
  return { oldestDate: window.oldest ?? new Date(0), ...(window.latest && { latestDate: window.latest }) };
}

export function compileListFilter(options: ListExecutionsOptions): CompiledListFilter {
  const narrowing = (['workflowId', 'type', 'tag', 'closeStatus'] as const).filter((key) => options[key] !== undefined);
  if (narrowing.length > 1) {
    throw new ListFilterError(
      `SWF accepts at most one of workflowId, type, tag and closeStatus per list or count; got ${narrowing.join(' and ')}`,
    );
  }
  if (options.status === 'open') {
    if (options.closeTime) throw new ListFilterError('closeTime filters closed executions only; use startTime for open ones');
    if (options.closeStatus) throw new ListFilterError('closeStatus filters closed executions only');
  }
  if (options.startTime && options.closeTime) {
    throw new ListFilterError('SWF accepts exactly one of startTime and closeTime; got both');
  }
  return {
    ...(options.closeTime ? { closeTimeFilter: timeFilter(options.closeTime) } : { startTimeFilter: timeFilter(options.startTime ?? {}) }),
    ...(options.workflowId !== undefined && { executionFilter: { workflowId: options.workflowId } }),
    ...(options.type !== undefined && {
      typeFilter: { name: options.type.name, ...(options.type.version !== undefined && { version: options.type.version }) },
    }),
    ...(options.tag !== undefined && { tagFilter: { tag: options.tag } }),
    ...(options.closeStatus !== undefined && { closeStatusFilter: { status: options.closeStatus as CloseStatus } }),
  };
}
