/**
 * The low road: an explicit state machine over the indexed, linked History, returning decisions
 * built with the validated builders.
 */
import type { Decision } from '@aws-sdk/client-swf';
import { History } from '@swirl/core';
import { describe, expect, it } from 'vitest';
import { decisions, type Decider } from '../src/index.js';
import { HistoryBuilder } from './helpers/history-builder.js';

/** Greets once, then completes with the greeting. */
const greeter: Decider = {
  decide(history: History): Decision[] {
    const [completed] = history.ofType('ActivityTaskCompleted');
    if (completed) {
      // Follow the link to the scheduling event instead of scanning for it.
      const scheduled = history.scheduledEventOf(completed);
      const activityId = history.attributes(scheduled!, 'ActivityTaskScheduled').activityId;
      return [decisions.completeWorkflowExecution({ result: `${activityId}:${history.attributes(completed, 'ActivityTaskCompleted').result}` })];
    }
    if (history.ofType('ActivityTaskScheduled').length > 0) return [];
    return [
      decisions.scheduleActivityTask({
        activityId: 'greet',
        activityType: { name: 'Greetings.greet', version: '1' },
        input: history.startedAttributes.input ?? '',
        taskList: { name: 'activities' },
        startToCloseTimeout: '60',
      }),
    ];
  },
};

describe('a Decider over History', () => {
  it('schedules, waits and completes through linked events', () => {
    const builder = new HistoryBuilder();
    builder.started('"ada"');
    const first = builder.startDecisionTask();
    const scheduled = greeter.decide(new History(builder.events));
    expect(scheduled.map((decision) => decision.decisionType)).toEqual(['ScheduleActivityTask']);
    builder.completeDecisionTask(first, scheduled);

    expect(greeter.decide(new History([...builder.events]))).toEqual([]);

    builder.completeActivity('greet', '"hello ada"');
    builder.startDecisionTask();
    expect(greeter.decide(new History(builder.events))).toEqual([
      { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: 'greet:"hello ada"' } },
    ]);
  });
});
