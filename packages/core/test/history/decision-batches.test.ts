import type { EventType, HistoryEvent } from '@aws-sdk/client-swf';
import { describe, expect, it } from 'vitest';
import { DecisionBatcher, toDecisionBatches } from '../../src/history/index.js';
import { eventAttributesKey } from '../../src/schemas/event-types.js';

/** Builds events from [type, attributes] pairs, ids from 1, one second apart. */
function history(...entries: Array<[EventType, Record<string, unknown>?]>): HistoryEvent[] {
  return entries.map(([type, attributes], index) => ({
    eventId: index + 1,
    eventType: type,
    eventTimestamp: new Date(1_000 * (index + 1)),
    [eventAttributesKey(type)]: attributes ?? {},
  }) as HistoryEvent);
}

const ids = (events: readonly HistoryEvent[]) => events.map((event) => event.eventId);

describe('toDecisionBatches', () => {
  it('puts events that arrived while the decider worked into the next batch', () => {
    const events = history(
      ['WorkflowExecutionStarted'], // 1
      ['DecisionTaskScheduled'], // 2
      ['DecisionTaskStarted', { scheduledEventId: 2 }], // 3
      ['WorkflowExecutionSignaled', { signalName: 'early' }], // 4: between S and C
      ['DecisionTaskCompleted', { scheduledEventId: 2, startedEventId: 3 }], // 5
      ['TimerStarted', { timerId: 't1', decisionTaskCompletedEventId: 5 }], // 6
      ['DecisionTaskScheduled'], // 7
      ['DecisionTaskStarted', { scheduledEventId: 7 }], // 8
    );
    const batches = toDecisionBatches(events);
    expect(batches.map((batch) => batch.startedEventId)).toEqual([3, 8]);
    expect(ids(batches[0]!.events)).toEqual([1]);
    expect(ids(batches[0]!.decisionEvents)).toEqual([6]);
    expect(ids(batches[1]!.events)).toEqual([4, 6]);
    expect(batches[1]!.completedEvent).toBeUndefined();
    expect(batches[1]!.startedAt).toEqual(new Date(8_000));
  });

  it('rolls the events of a timed-out started task into the next batch', () => {
    const events = history(
      ['WorkflowExecutionStarted'], // 1
      ['DecisionTaskScheduled'], // 2
      ['DecisionTaskStarted', { scheduledEventId: 2 }], // 3
      ['WorkflowExecutionSignaled', { signalName: 's' }], // 4
      ['DecisionTaskTimedOut', { scheduledEventId: 2, startedEventId: 3, timeoutType: 'START_TO_CLOSE' }], // 5
      ['DecisionTaskScheduled'], // 6
      ['DecisionTaskStarted', { scheduledEventId: 6 }], // 7
      ['DecisionTaskCompleted', { scheduledEventId: 6, startedEventId: 7 }], // 8
    );
    const batches = toDecisionBatches(events);
    expect(batches.map((batch) => batch.startedEventId)).toEqual([7]);
    expect(ids(batches[0]!.events)).toEqual([1, 4]);
    expect(batches[0]!.startedAt).toEqual(new Date(7_000));
  });

  it('does not count asynchronous *Failed outcomes of an Initiated event as decisions', () => {
    const events = history(
      ['WorkflowExecutionStarted'], // 1
      ['DecisionTaskScheduled'], // 2
      ['DecisionTaskStarted', { scheduledEventId: 2 }], // 3
      ['DecisionTaskCompleted', { scheduledEventId: 2, startedEventId: 3 }], // 4
      ['SignalExternalWorkflowExecutionInitiated', { workflowId: 'x', signalName: 's', decisionTaskCompletedEventId: 4 }], // 5
      ['SignalExternalWorkflowExecutionFailed', { workflowId: 'x', cause: 'UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION', initiatedEventId: 5, decisionTaskCompletedEventId: 4 }], // 6
      ['StartChildWorkflowExecutionFailed', { workflowId: 'c', cause: 'WORKFLOW_TYPE_DOES_NOT_EXIST', initiatedEventId: 0, decisionTaskCompletedEventId: 4 }], // 7
      ['DecisionTaskScheduled'], // 8
      ['DecisionTaskStarted', { scheduledEventId: 8 }], // 9
    );
    const batches = toDecisionBatches(events);
    expect(ids(batches[0]!.decisionEvents)).toEqual([5, 7]);
    expect(ids(batches[1]!.events)).toEqual([5, 6, 7]);
  });

  it('streams: slices pushed one after another give the same batches as the whole', () => {
    const events = history(
      ['WorkflowExecutionStarted'],
      ['DecisionTaskScheduled'],
      ['DecisionTaskStarted', { scheduledEventId: 2 }],
      ['DecisionTaskCompleted', { scheduledEventId: 2, startedEventId: 3 }],
      ['TimerStarted', { timerId: 't1', decisionTaskCompletedEventId: 4 }],
      ['TimerFired', { timerId: 't1', startedEventId: 5 }],
      ['DecisionTaskScheduled'],
      ['DecisionTaskStarted', { scheduledEventId: 7 }],
    );
    const batcher = new DecisionBatcher();
    const completed = events.slice(0, 3).map((event) => batcher.push(event));
    expect(completed.every((batch) => batch === undefined)).toBe(true);
    expect(batcher.openBatch?.startedEventId).toBe(3);
    const later = events.slice(3).map((event) => batcher.push(event)).filter((batch) => batch !== undefined);
    expect(later.map((batch) => batch.startedEventId)).toEqual([3]);
    expect(ids(later[0]!.decisionEvents)).toEqual([5]);
    expect(batcher.openBatch?.startedEventId).toBe(8);
    expect(ids(batcher.openBatch!.events)).toEqual([5, 6]);
  });

  it('refuses gaps and completions that name another task', () => {
    const batcher = new DecisionBatcher();
    batcher.push(history(['WorkflowExecutionStarted'])[0]!);
    expect(() => batcher.push({ ...history(['TimerFired'])[0]!, eventId: 3 })).toThrow('got event 3 after event 1');
    const events = history(['WorkflowExecutionStarted'], ['DecisionTaskScheduled'], ['DecisionTaskStarted', { scheduledEventId: 2 }], ['DecisionTaskCompleted', { scheduledEventId: 2, startedEventId: 9 }]);
    expect(() => toDecisionBatches(events)).toThrow('DecisionTaskCompleted 4 names started event 9, but the open decision task is 3');
  });
});
