/**
 * A close SWF refused because a signal arrived while the decider worked: the signal is recorded
 * between the task's Started and Completed, then CompleteWorkflowExecutionFailed and a new
 * DecisionTaskScheduled. Replay must deliver that signal, as SWF's next decision task will.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { defineSignal, Workflow } from '@swirl/workflow';
import { describe, expect, it } from 'vitest';
import { replayHistory } from '../../src/index.js';
import { Greetings } from '../support/greeting-workflow.js';

const ping = defineSignal<string>('ping');

/** Waits a minute; each ping greets its sender. */
class PingGreeter extends Workflow<void, string> {
  static readonly type = { name: 'PingGreeter', version: '1', taskList: 'pings' };
  #pings = 0;

  async execute(): Promise<string> {
    this.setHandler(ping, (from) => {
      this.#pings++;
      void this.activities(Greetings).greet(from).catch(() => undefined);
    });
    await this.sleep('60s');
    return `pinged ${this.#pings} times`;
  }
}

/** The 12 events of the refused close, as SWF records them. */
function refusedCloseHistory(): HistoryEvent[] {
  const at = new Date('2026-12-01T10:00:00Z');
  const event = (eventId: number, eventType: string, attributes: object = {}): HistoryEvent =>
    ({ eventId, eventType, eventTimestamp: at, [`${eventType[0]!.toLowerCase()}${eventType.slice(1)}EventAttributes`]: attributes }) as HistoryEvent;
  return [
    event(1, 'WorkflowExecutionStarted', {
      workflowType: PingGreeter.type,
      taskList: { name: 'pings' },
      childPolicy: 'TERMINATE',
      executionStartToCloseTimeout: '3600',
      taskStartToCloseTimeout: '10',
    }),
    event(2, 'DecisionTaskScheduled', { taskList: { name: 'pings' }, startToCloseTimeout: '10' }),
    event(3, 'DecisionTaskStarted', { scheduledEventId: 2 }),
    event(4, 'DecisionTaskCompleted', { scheduledEventId: 2, startedEventId: 3 }),
    event(5, 'TimerStarted', { timerId: 't1', startToFireTimeout: '60', decisionTaskCompletedEventId: 4 }),
    event(6, 'TimerFired', { timerId: 't1', startedEventId: 5 }),
    event(7, 'DecisionTaskScheduled', { taskList: { name: 'pings' }, startToCloseTimeout: '10' }),
    event(8, 'DecisionTaskStarted', { scheduledEventId: 7 }),
    event(9, 'WorkflowExecutionSignaled', { signalName: 'ping', input: '"ana"' }),
    event(10, 'DecisionTaskCompleted', { scheduledEventId: 7, startedEventId: 8 }),
    event(11, 'CompleteWorkflowExecutionFailed', { cause: 'UNHANDLED_DECISION', decisionTaskCompletedEventId: 10 }),
    event(12, 'DecisionTaskScheduled', { taskList: { name: 'pings' }, startToCloseTimeout: '10' }),
  ];
}

describe('replayHistory of a close refused for a signal that arrived meanwhile', () => {
  it('delivers the signal recorded between the last task’s Started and Completed, then closes again', async () => {
    const result = await replayHistory({ workflows: [PingGreeter] }, { events: refusedCloseHistory() });
    expect(result.nextDecisions.map((decision) => decision.decisionType)).toEqual(['ScheduleActivityTask', 'CompleteWorkflowExecution']);
    expect(result.nextDecisions[0]?.scheduleActivityTaskDecisionAttributes?.input).toBe('"ana"');
  });

  it('decides the same with the DecisionTaskStarted SWF would add appended', async () => {
    const events = refusedCloseHistory();
    events.push({ ...events[2]!, eventId: 13, decisionTaskStartedEventAttributes: { scheduledEventId: 12 } });
    const result = await replayHistory({ workflows: [PingGreeter] }, { events });
    expect(result.nextDecisions.map((decision) => decision.decisionType)).toEqual(['ScheduleActivityTask', 'CompleteWorkflowExecution']);
  });
});
