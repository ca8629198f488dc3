/**
 * Cuts a history into decision batches, exactly as ARCHITECTURE.md "Replay, exactly" says:
 * one batch per DecisionTaskStarted S(i) that a DecisionTaskCompleted C(i) names. Batch i holds
 * the non-bookkeeping events with ids in (S(i-1), S(i)]; a started task that timed out is not a
 * boundary, and events recorded while the decider worked (between S(i) and C(i)) go to batch i+1.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { anyAttributesOf, attributesOf, eventIdOf, HistoryEventError } from './event-attributes.js';

export interface DecisionBatch {
  /** The DecisionTaskStarted event of this batch's decision task. */
  readonly startedEvent: HistoryEvent;
  readonly startedEventId: number;
  /** Timestamp of the DecisionTaskStarted: the workflow clock (`now()`) while deciding this batch. */
  readonly startedAt: Date;
  /** The non-bookkeeping events with ids in (S(i-1), S(i)], in id order: the workflow's inputs. */
  readonly events: readonly HistoryEvent[];
  /** The DecisionTaskCompleted naming this batch's task; absent for the live (undecided) batch. */
  readonly completedEvent?: HistoryEvent;
  /** The decisions recorded for `completedEvent`, in id order (including `*Failed` ones). */
  readonly decisionEvents: readonly HistoryEvent[];
}

interface MutableBatch {
  startedEvent: HistoryEvent;
  startedEventId: number;
  startedAt: Date;
  events: HistoryEvent[];
  completedEvent?: HistoryEvent;
  decisionEvents: HistoryEvent[];
}

const BOOKKEEPING_TYPES: ReadonlySet<string> = new Set([
  'DecisionTaskScheduled',
  'DecisionTaskStarted',
  'DecisionTaskCompleted',
  'DecisionTaskTimedOut',
]);

/** Decision-task bookkeeping events: they cut batches and are never delivered to the workflow. */
export function isBookkeepingEvent(event: HistoryEvent): boolean {
  return BOOKKEEPING_TYPES.has(event.eventType ?? '');
}

// These three carry the initiating decision's completed id but, with a non-zero initiatedEventId,
// report an asynchronous outcome of an earlier `*Initiated` event, not a decision of their own.
const OUTCOME_TYPES_WITH_COMPLETED_ID: ReadonlySet<string> = new Set([
  'StartChildWorkflowExecutionFailed',
  'SignalExternalWorkflowExecutionFailed',
  'RequestCancelExternalWorkflowExecutionFailed',
]);

/** The DecisionTaskCompleted id whose decision this event records, or undefined for any other event. */
export function recordedDecisionCompletedId(event: HistoryEvent): number | undefined {
  const attributes = anyAttributesOf(event);
  const completedId = attributes.decisionTaskCompletedEventId;
  if (typeof completedId !== 'number' || completedId === 0) return undefined;
  if (OUTCOME_TYPES_WITH_COMPLETED_ID.has(event.eventType ?? '') && attributes.initiatedEventId) return undefined;
  return completedId;
}

/**
 * Streaming form of the cut, for a runtime that is fed a history in contiguous slices (the
 * sticky cache): `push` events in id order; completed batches come back at their
 * DecisionTaskCompleted and keep collecting their recorded decisions until the next task starts.
 */
export class DecisionBatcher {
  #lastEventId = 0;
  #inputs: HistoryEvent[] = [];
  #open: MutableBatch | undefined;
  #lastCompleted: MutableBatch | undefined;

  /** Id of the last event pushed, 0 before any. */
  get lastEventId(): number {
    return this.#lastEventId;
  }

  /** The batch of the started, not yet completed decision task (the live one), if any. */
  get openBatch(): DecisionBatch | undefined {
    return this.#open;
  }

  /** Feeds the next event; returns the batch it completed, when it is a DecisionTaskCompleted. */
  push(event: HistoryEvent): DecisionBatch | undefined {
    const eventId = eventIdOf(event);
    if (this.#lastEventId !== 0 && eventId !== this.#lastEventId + 1) {
      throw new HistoryEventError(
        `History events must be contiguous and in id order: got event ${eventId} after event ${this.#lastEventId}`,
      );
    }
    this.#lastEventId = eventId;
    switch (event.eventType) {
      case 'DecisionTaskScheduled':
        return undefined;
      case 'DecisionTaskStarted':
        return this.#started(event, eventId);
      case 'DecisionTaskCompleted':
        return this.#completed(event);
      case 'DecisionTaskTimedOut':
        this.#timedOut(event);
        return undefined;
      default:
        this.#inputs.push(event);
        if (this.#lastCompleted && recordedDecisionCompletedId(event) === this.#lastCompleted.completedEvent?.eventId) {
          this.#lastCompleted.decisionEvents.push(event);
        }
        return undefined;
    }
  }

  #started(event: HistoryEvent, eventId: number): undefined {
    if (this.#open) {
      throw new HistoryEventError(
        `DecisionTaskStarted ${eventId} while decision task ${this.#open.startedEventId} is still open: a task must complete or time out first`,
      );
    }
    if (!(event.eventTimestamp instanceof Date)) {
      throw new HistoryEventError(`DecisionTaskStarted ${eventId} has no eventTimestamp Date: normalize wire JSON first`);
    }
    this.#open = { startedEvent: event, startedEventId: eventId, startedAt: event.eventTimestamp, events: this.#inputs, decisionEvents: [] };
    this.#inputs = [];
    this.#lastCompleted = undefined;
    return undefined;
  }

  #completed(event: HistoryEvent): DecisionBatch {
    const { startedEventId } = attributesOf(event, 'DecisionTaskCompleted');
    const open = this.#open;
    if (!open || open.startedEventId !== startedEventId) {
      throw new HistoryEventError(
        `DecisionTaskCompleted ${event.eventId} names started event ${startedEventId}, but the open decision task is ${open ? open.startedEventId : 'none'}`,
      );
    }
    open.completedEvent = event;
    this.#open = undefined;
    this.#lastCompleted = open;
    return open;
  }

  #timedOut(event: HistoryEvent): void {
    const { startedEventId } = attributesOf(event, 'DecisionTaskTimedOut');
    // A task that timed out before it started (SCHEDULE_TO_START) opened no batch.
    if (!this.#open || this.#open.startedEventId !== startedEventId) return;
    // Not a boundary: the timed-out task's inputs roll into the next batch, ahead of newer events.
    this.#inputs = this.#open.events.concat(this.#inputs);
    this.#open = undefined;
  }
}

/**
 * Cuts a whole history (oldest first, contiguous) into its decision batches. The last batch has no
 * `completedEvent` when the history ends with a started, undecided task.
 */
export function toDecisionBatches(events: Iterable<HistoryEvent>): DecisionBatch[] {
  const batcher = new DecisionBatcher();
  const batches: DecisionBatch[] = [];
  for (const event of events) {
    const completed = batcher.push(event);
    if (completed) batches.push(completed);
  }
  const live = batcher.openBatch;
  if (live) batches.push(live);
  return batches;
}
