/**
 * A history as Gantt rows: one per activity, timer, child workflow and lambda, from scheduled to
 * started to closed, with its outcome; decision tasks as ticks. Pure, so it is tested without a browser.
 */
import { attributesOf, type WireEvent } from './wire.js';

export type RowKind = 'activity' | 'timer' | 'child' | 'lambda';
export type Outcome = 'running' | 'completed' | 'failed' | 'timedOut' | 'canceled' | 'terminated' | 'fired';

export interface TimelineRow {
  readonly kind: RowKind;
  /** The event id that opened the row (scheduled, started or initiated). */
  readonly openedEventId: number;
  readonly label: string;
  readonly scheduled: number;
  started?: number;
  closed?: number;
  outcome: Outcome;
  /** The event that closed the row, e.g. ActivityTaskFailed. */
  closedBy?: string;
}

export interface DecisionTick {
  readonly eventId: number;
  readonly at: number;
  readonly outcome: 'completed' | 'timedOut' | 'failed';
}

export interface TimelineModel {
  readonly rows: TimelineRow[];
  readonly ticks: DecisionTick[];
  readonly start: number;
  readonly end: number;
}

interface Opener {
  readonly kind: RowKind;
  readonly label: (attributes: Record<string, unknown>) => string;
}

interface TypeRef {
  readonly name?: string;
  readonly version?: string;
}

const typeLabel = (type: unknown): string => {
  const ref = (type ?? {}) as TypeRef;
  return ref.name === undefined ? '' : `${ref.name}${ref.version === undefined ? '' : ` v${ref.version}`}`;
};

const OPENERS: Record<string, Opener> = {
  ActivityTaskScheduled: { kind: 'activity', label: (a) => `${typeLabel(a['activityType'])} (${String(a['activityId'])})` },
  TimerStarted: { kind: 'timer', label: (a) => `timer ${String(a['timerId'])} (${String(a['startToFireTimeout'])}s)` },
  StartChildWorkflowExecutionInitiated: { kind: 'child', label: (a) => `child ${String(a['workflowId'])}: ${typeLabel(a['workflowType'])}` },
  LambdaFunctionScheduled: { kind: 'lambda', label: (a) => `lambda ${String(a['name'])} (${String(a['id'])})` },
};

/** Each event that moves a row on: which attribute names the row's opening event, and where it moves it. */
const MOVES: Record<string, { readonly ref: string; readonly started?: true; readonly outcome?: Outcome }> = {
  ActivityTaskStarted: { ref: 'scheduledEventId', started: true },
  ActivityTaskCompleted: { ref: 'scheduledEventId', outcome: 'completed' },
  ActivityTaskFailed: { ref: 'scheduledEventId', outcome: 'failed' },
  ActivityTaskTimedOut: { ref: 'scheduledEventId', outcome: 'timedOut' },
  ActivityTaskCanceled: { ref: 'scheduledEventId', outcome: 'canceled' },
  TimerFired: { ref: 'startedEventId', outcome: 'fired' },
  TimerCanceled: { ref: 'startedEventId', outcome: 'canceled' },
  ChildWorkflowExecutionStarted: { ref: 'initiatedEventId', started: true },
  ChildWorkflowExecutionCompleted: { ref: 'initiatedEventId', outcome: 'completed' },
  ChildWorkflowExecutionFailed: { ref: 'initiatedEventId', outcome: 'failed' },
  ChildWorkflowExecutionTimedOut: { ref: 'initiatedEventId', outcome: 'timedOut' },
  ChildWorkflowExecutionCanceled: { ref: 'initiatedEventId', outcome: 'canceled' },
  ChildWorkflowExecutionTerminated: { ref: 'initiatedEventId', outcome: 'terminated' },
  StartChildWorkflowExecutionFailed: { ref: 'initiatedEventId', outcome: 'failed' },
  LambdaFunctionStarted: { ref: 'scheduledEventId', started: true },
  LambdaFunctionCompleted: { ref: 'scheduledEventId', outcome: 'completed' },
  LambdaFunctionFailed: { ref: 'scheduledEventId', outcome: 'failed' },
  LambdaFunctionTimedOut: { ref: 'scheduledEventId', outcome: 'timedOut' },
  StartLambdaFunctionFailed: { ref: 'scheduledEventId', outcome: 'failed' },
};

const TICKS: Record<string, DecisionTick['outcome']> = {
  DecisionTaskCompleted: 'completed',
  DecisionTaskTimedOut: 'timedOut',
};

/** `now` (epoch seconds) ends the rows still running and the chart of an open execution. */
export function buildTimeline(events: readonly WireEvent[], now: number): TimelineModel {
  const rows: TimelineRow[] = [];
  const byOpener = new Map<number, TimelineRow>();
  const ticks: DecisionTick[] = [];
  let closedAt: number | undefined;
  for (const event of events) {
    const at = event.eventTimestamp;
    const opener = OPENERS[event.eventType];
    if (opener !== undefined) {
      const row: TimelineRow = { kind: opener.kind, openedEventId: event.eventId, label: opener.label(attributesOf(event)), scheduled: at, outcome: 'running' };
      rows.push(row);
      byOpener.set(event.eventId, row);
      continue;
    }
    const move = MOVES[event.eventType];
    if (move !== undefined) {
      const row = byOpener.get(Number(attributesOf(event)[move.ref]));
      if (row === undefined) continue;
      if (move.started) row.started = at;
      if (move.outcome !== undefined) {
        row.outcome = move.outcome;
        row.closed = at;
        row.closedBy = event.eventType;
      }
      continue;
    }
    const tick = TICKS[event.eventType];
    if (tick !== undefined) ticks.push({ eventId: event.eventId, at, outcome: tick });
    if (/^WorkflowExecution(Completed|Failed|TimedOut|Canceled|ContinuedAsNew|Terminated)$/.test(event.eventType)) closedAt = at;
  }
  const start = events[0]?.eventTimestamp ?? now;
  const end = Math.max(closedAt ?? now, start + 0.001);
  return { rows, ticks, start, end };
}

/** A row that ended badly: what the chart marks as failed. */
export const isBadOutcome = (outcome: Outcome): boolean => outcome === 'failed' || outcome === 'timedOut' || outcome === 'terminated';
