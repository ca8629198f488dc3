/**
 * Typed worker events (eventemitter3). Every event carries plain data suitable for metrics: counts,
 * ids and durations, never payload contents.
 */
import { EventEmitter } from 'eventemitter3';
import type { EvictionReason } from './sticky-cache.js';

export type PollKind = 'decision' | 'sticky-decision' | 'activity';

/** Why the held polls were ended: nothing left to run, the grace time, or `shutdown({ abortPolls: true })`. */
export type PollsEndedReason = 'idle' | 'grace-time-over' | 'requested';

export interface PollRef {
  readonly kind: PollKind;
  readonly taskList: string;
}

export interface DecisionTaskRef {
  readonly kind: 'decision';
  readonly workflowId: string;
  readonly runId: string;
  readonly workflowType: string;
  readonly startedEventId: number;
}

export interface ActivityTaskRef {
  readonly kind: 'activity';
  readonly workflowId: string;
  readonly runId: string;
  readonly activityId: string;
  readonly activityType: string;
}

export type TaskRef = DecisionTaskRef | ActivityTaskRef;

/** How a task ended, as answered to SWF. */
export type TaskOutcome =
  | 'decided'
  | 'completed'
  | 'failed'
  | 'canceled'
  /** The activity called `doNotComplete()`: a completion client answers later. */
  | 'manual';

export interface WorkerEventMap {
  /** A long poll was sent (a slot was free). */
  pollStarted: [PollRef];
  /** A long poll answered; `gotTask` is false for an empty poll. */
  pollReturned: [PollRef & { readonly gotTask: boolean; readonly durationMs: number }];
  /** A poll failed; the poller waits `retryInMs` (full jitter) before polling again. */
  pollFailed: [PollRef & { readonly error: unknown; readonly retryInMs: number }];
  taskStarted: [TaskRef];
  /** The task was answered to SWF. */
  taskCompleted: [TaskRef & { readonly outcome: TaskOutcome; readonly durationMs: number }];
  /** The task could not be answered: a decision that threw, or a respond call that failed. */
  taskFailed: [TaskRef & { readonly error: unknown }];
  /** A decision task whose replay did not match its recorded history. */
  nonDeterminism: [DecisionTaskRef & { readonly error: unknown }];
  /** A respond call refused with UnknownResourceFault: the task timed out or the run closed. */
  respondDropped: [TaskRef & { readonly error: unknown }];
  /** An answer could not reach SWF (unreachable, 5xx, throttled) and is sent again after `retryInMs`. */
  respondRetried: [TaskRef & { readonly attempt: number; readonly error: unknown; readonly retryInMs: number }];
  /** A heartbeat reached SWF: `OK`, `CANCEL_REQUESTED` (the workflow asked to cancel) or `TASK_GONE` (SWF no longer knows the task). */
  heartbeatRecorded: [ActivityTaskRef & { readonly outcome: 'OK' | 'CANCEL_REQUESTED' | 'TASK_GONE' }];
  /** A heartbeat could not be sent (unreachable, throttled); the next one retries. */
  heartbeatFailed: [ActivityTaskRef & { readonly error: unknown }];
  cacheHit: [{ readonly runId: string; readonly newEvents: number }];
  cacheMiss: [{ readonly runId: string; readonly reason: CacheMissReason }];
  cacheEviction: [{ readonly runId: string; readonly reason: EvictionReason }];
  /** shutdown() was called or a signal arrived: no new polls from now on. */
  shutdownStarted: [];
  /** The grace time passed with activities still running: their signals are aborted. */
  shutdownGraceExpired: [{ readonly runningActivities: number }];
  /**
   * Shutdown ended the long polls still held: nothing was left to run, or the grace time was over.
   * On real SWF a task handed to an ended poll comes back only after its start-to-close timeout.
   */
  pollsEnded: [{ readonly reason: PollsEndedReason }];
  /** Every poll and task is finished; run() resolves next. */
  drained: [];
}

/** Why a decision task replayed in full instead of applying only new events. */
export type CacheMissReason =
  /** The run is not in the cache (first task, evicted, or decided by another worker). */
  | 'NOT_CACHED'
  /** The cached runtime processed a different task than the one SWF says came before. */
  | 'PREVIOUS_STARTED_MISMATCH'
  /** The new pages did not join the events the runtime already holds. */
  | 'HISTORY_GAP';

export class WorkerEvents extends EventEmitter<WorkerEventMap> {}
