/**
 * The low road: an explicit state machine over the indexed, linked History, returning decisions
 * built with the validated builders, driven by a DeciderRuntime as a worker drives it.
 */
import { History } from '@swirl/core';
import { describe, expect, it } from 'vitest';
import {
  DeciderRuntime,
  InvalidDecisionError,
  WorkflowRegistryError,
  Workflow,
  WorkflowRuntimeError,
  createWorkflowRegistry,
  decisions,
  isDecider,
  type Decider,
  type DecisionTaskInfo,
} from '../src/index.js';
import { HistoryBuilder } from './helpers/history-builder.js';

class Echo extends Workflow<string, string> {
  static readonly type = { version: '1' };
  async execute(input: string): Promise<string> {
    return input;
  }
}

/** Greets once, then completes with the greeting. */
const greeter: Decider = {
  type: { name: 'Greeter', version: '1', taskList: 'decisions' },
  decide(history) {
    const [completed] = history.ofType('ActivityTaskCompleted');
    if (completed) {
      // Follow the link to the scheduling event instead of scanning for it.
      const scheduled = history.scheduledEventOf(completed);
      const activityId = history.attributes(scheduled!, 'ActivityTaskScheduled').activityId;
      return { decisions: [decisions.completeWorkflowExecution({ result: `${activityId}:${history.attributes(completed, 'ActivityTaskCompleted').result}` })] };
    }
    if (history.ofType('ActivityTaskScheduled').length > 0) return { decisions: [], executionContext: 'waiting' };
    return {
      decisions: [
        decisions.scheduleActivityTask({
          activityId: 'greet',
          activityType: { name: 'Greetings.greet', version: '1' },
          input: history.startedAttributes.input ?? '',
          taskList: { name: 'activities' },
          startToCloseTimeout: '60',
        }),
      ],
      executionContext: 'scheduled',
    };
  },
};

const run = { workflowId: 'greet-1', runId: 'run-1' };

describe('a Decider over History', () => {
  it('schedules, waits and completes through linked events', async () => {
    const builder = new HistoryBuilder();
    builder.started('"ada"');
    const first = builder.startDecisionTask();
    const scheduled = await greeter.decide(new History(builder.events), {} as DecisionTaskInfo);
    expect(scheduled.decisions.map((decision) => decision.decisionType)).toEqual(['ScheduleActivityTask']);
    builder.completeDecisionTask(first, scheduled.decisions);

    expect((await greeter.decide(new History([...builder.events]), {} as DecisionTaskInfo)).decisions).toEqual([]);

    builder.completeActivity('greet', '"hello ada"');
    builder.startDecisionTask();
    expect((await greeter.decide(new History(builder.events), {} as DecisionTaskInfo)).decisions).toEqual([
      { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: 'greet:"hello ada"' } },
    ]);
  });
});

describe('DeciderRuntime', () => {
  it('hands the decider the whole history and the task even when fed only the new events', async () => {
    const seen: Array<{ first: number | undefined; length: number; task: DecisionTaskInfo }> = [];
    const recording: Decider = {
      type: greeter.type,
      async decide(history, task) {
        seen.push({ first: history.events[0]?.eventId, length: history.length, task });
        return greeter.decide(history, task);
      },
    };
    const runtime = new DeciderRuntime({ decider: recording, execution: run, workflowType: { name: 'Greeter', version: '1' } });
    const builder = new HistoryBuilder();
    builder.started('"ada"');
    const first = builder.startDecisionTask();
    const firstAnswer = await runtime.activate(builder.events);
    expect(firstAnswer.executionContext).toBe('scheduled');
    expect(runtime.processedStartedEventId).toBe(first);

    const known = builder.lastEventId;
    builder.completeDecisionTask(first, firstAnswer.decisions, firstAnswer.executionContext);
    builder.completeActivity('greet', '"hello ada"');
    const second = builder.startDecisionTask();
    const secondAnswer = await runtime.activate(builder.events.slice(known));

    expect(secondAnswer.decisions.map((decision) => decision.decisionType)).toEqual(['CompleteWorkflowExecution']);
    expect(seen.map(({ first: firstId, length }) => [firstId, length])).toEqual([
      [1, first],
      [1, second],
    ]);
    expect(seen[1]!.task).toEqual({
      workflowExecution: run,
      workflowType: { name: 'Greeter', version: '1' },
      startedEventId: second,
      previousStartedEventId: first,
    });
    expect(seen[0]!.task.previousStartedEventId).toBe(0);
  });

  it('refuses a decision list SWF would refuse, naming the rule', async () => {
    const closesFirst: Decider = {
      type: { name: 'ClosesFirst', version: '1' },
      decide: () => ({ decisions: [decisions.completeWorkflowExecution(), decisions.startTimer({ timerId: 't', startToFireTimeout: '5' })] }),
    };
    const builder = new HistoryBuilder();
    builder.started();
    builder.startDecisionTask();
    const runtime = new DeciderRuntime({ decider: closesFirst, execution: run, workflowType: { name: 'ClosesFirst', version: '1' } });
    await expect(runtime.activate(builder.events)).rejects.toThrow(InvalidDecisionError);
    await expect(runtime.activate(builder.events)).rejects.toThrow(/Close must be last decision in list/);
  });

  it('refuses events that do not join the ones it holds, or that end without an open task', async () => {
    const builder = new HistoryBuilder();
    builder.started();
    builder.startDecisionTask();
    const runtime = new DeciderRuntime({ decider: greeter, execution: run, workflowType: { name: 'Greeter', version: '1' } });
    await expect(runtime.activate(builder.events.slice(1))).rejects.toThrow(/expected events from 1, got events from 2/);
    await expect(runtime.activate(builder.events.slice(0, 1))).rejects.toThrow(WorkflowRuntimeError);
    await expect(runtime.activate(builder.events.slice(0, 1))).rejects.toThrow(/must end with DecisionTaskStarted/);
  });

  it('keeps no events from a task whose decider threw, so the same events can be decided again', async () => {
    let calls = 0;
    const flaky: Decider = {
      type: { name: 'Flaky', version: '1' },
      decide: () => {
        calls += 1;
        if (calls === 1) throw new Error('database unavailable');
        return { decisions: [decisions.completeWorkflowExecution({ result: '"ok"' })] };
      },
    };
    const builder = new HistoryBuilder();
    builder.started();
    builder.startDecisionTask();
    const runtime = new DeciderRuntime({ decider: flaky, execution: run, workflowType: { name: 'Flaky', version: '1' } });
    await expect(runtime.activate(builder.events)).rejects.toThrow('database unavailable');
    expect(runtime.processedStartedEventId).toBe(0);
    expect((await runtime.activate(builder.events)).decisions).toHaveLength(1);
  });
});

describe('registering deciders', () => {
  it('registers deciders beside workflow classes, by their declared type', () => {
    const registry = createWorkflowRegistry([Echo, greeter]);
    expect(registry.types.map((type) => `${type.name}@${type.version}`)).toEqual(['Echo@1', 'Greeter@1']);
    expect(registry.get({ name: 'Greeter', version: '1' })).toBe(greeter);
    expect(isDecider(registry.get({ name: 'Greeter', version: '1' }))).toBe(true);
    expect(isDecider(registry.get({ name: 'Echo', version: '1' }))).toBe(false);
    expect(registry.types[1]).toMatchObject({ defaultTaskList: { name: 'decisions' }, defaultTaskStartToCloseTimeout: '30' });
  });

  it('refuses a decider without a type name and a duplicate type', () => {
    const nameless = { type: { version: '1' }, decide: greeter.decide } as unknown as Decider;
    expect(() => createWorkflowRegistry([nameless])).toThrow(/needs a "type" with a name and a version/);
    expect(() => createWorkflowRegistry([greeter, { ...greeter }])).toThrow(WorkflowRegistryError);
  });
});
