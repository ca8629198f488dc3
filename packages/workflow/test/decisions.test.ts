/**
 * One specification per SWF decision type (all 13, compile-checked against the SDK's
 * `DecisionType`): which workflow code produces it and with which attributes. Also the response
 * rules: the close decision last, at most 100 decisions, and the validated low-road builders.
 */
import type { DecisionType } from '@aws-sdk/client-swf';
import { ApplicationFailure } from '@swirl/core';
import { describe, expect, it } from 'vitest';
import { decisions, InvalidDecisionError, MAX_DECISIONS_PER_RESPONSE, validateDecisionList, Workflow } from '../src/index.js';
import { Greetings } from './helpers/fixtures.js';
import { decisionTypes, summarize, WorkflowDriver } from './helpers/history-builder.js';
import { completedWith, EchoChild, ping, Probe } from './helpers/probe-workflow.js';

class Configured extends Workflow<void, string> {
  static readonly type = { name: 'Configured', version: '1' };
  async execute(): Promise<string> {
    return this.activities(Greetings, {
      activityId: 'greet-ada',
      taskList: 'fast',
      taskPriority: 7,
      scheduleToStartTimeout: '30s',
      startToCloseTimeout: '2m',
      scheduleToCloseTimeout: 150_000,
      heartbeatTimeout: '10s',
      control: 'ctl',
    }).greet('ada');
  }
}

class FailsWith extends Workflow<{ kind: 'application' | 'bug' }, never> {
  static readonly type = { name: 'FailsWith', version: '1' };
  async execute({ kind }: { kind: 'application' | 'bug' }): Promise<never> {
    await this.sleep(0);
    if (kind === 'application') throw ApplicationFailure.nonRetryable('order was rejected', 'OrderRejected');
    throw new TypeError('undefined is not a function');
  }
}

class CancelsItself extends Workflow<void, string> {
  static readonly type = { name: 'CancelsItself', version: '1' };
  async execute(): Promise<string> {
    try {
      await this.sleep('1h');
      return 'slept';
    } catch (error) {
      // Clean-up after cancellation runs in a detached scope, then the cancellation propagates.
      await this.activities(Greetings, { scope: this.cancellationScope({ detached: true }) }).shout('bye');
      throw error;
    }
  }
}

class Childish extends Workflow<void, string> {
  static readonly type = { name: 'Childish', version: '1' };
  async execute(): Promise<string> {
    return this.executeChild(EchoChild, {
      input: 'hi',
      taskList: 'kids',
      taskPriority: 2,
      executionStartToCloseTimeout: '1h',
      taskStartToCloseTimeout: '20s',
      childPolicy: 'ABANDON',
      tagList: ['a', 'b'],
    });
  }
}

class Signaller extends Workflow<void, void> {
  static readonly type = { name: 'Signaller', version: '1' };
  async execute(): Promise<void> {
    await this.getExternalWorkflow({ workflowId: 'other', runId: 'r-9' }).signal(ping, 42);
  }
}

const CASES = {
  ScheduleActivityTask: async () => {
    const driver = new WorkflowDriver(Configured);
    expect(summarize(await driver.decide())).toEqual([
      {
        type: 'ScheduleActivityTask',
        attrs: {
          activityType: { name: 'Greetings.greet', version: '1' },
          activityId: 'greet-ada',
          input: '"ada"',
          control: 'ctl',
          taskList: { name: 'fast' },
          taskPriority: '7',
          scheduleToStartTimeout: '30',
          startToCloseTimeout: '120',
          scheduleToCloseTimeout: '150',
          heartbeatTimeout: '10',
        },
      },
    ]);
  },
  RequestCancelActivityTask: async () => {
    const driver = new WorkflowDriver(Probe, { op: 'cancelActivity' });
    await driver.decide();
    driver.history.fireTimer('t1');
    expect(summarize(await driver.decide())).toEqual([{ type: 'RequestCancelActivityTask', attrs: { activityId: 'a1' } }]);
  },
  CompleteWorkflowExecution: async () => {
    const driver = new WorkflowDriver(Configured);
    await driver.decide();
    driver.history.completeActivity('greet-ada', '"hello ada"');
    expect(summarize(await driver.decide())).toEqual([{ type: 'CompleteWorkflowExecution', attrs: { result: '"hello ada"' } }]);
  },
  FailWorkflowExecution: async () => {
    const driver = new WorkflowDriver(FailsWith, { kind: 'application' });
    await driver.decide();
    driver.history.fireTimer('t1');
    const [fail] = summarize(await driver.decide());
    expect(fail?.type).toBe('FailWorkflowExecution');
    expect(fail?.attrs.reason).toBe('OrderRejected');
    expect(JSON.parse(String(fail?.attrs.details))).toMatchObject({ type: 'OrderRejected', message: 'order was rejected' });
  },
  CancelWorkflowExecution: async () => {
    const driver = new WorkflowDriver(CancelsItself);
    expect(decisionTypes(await driver.decide())).toEqual(['StartTimer']);
    driver.history.requestCancel();
    expect(summarize(await driver.decide())).toEqual([
      { type: 'CancelTimer', attrs: { timerId: 't1' } },
      { type: 'ScheduleActivityTask', attrs: expect.objectContaining({ activityId: 'a1', input: '"bye"' }) },
    ]);
    driver.history.completeActivity('a1', '"BYE"');
    expect(decisionTypes(await driver.decide())).toEqual(['CancelWorkflowExecution']);
  },
  ContinueAsNewWorkflowExecution: async () => {
    class Looping extends Workflow<number, void> {
      static readonly type = { name: 'Looping', version: '1' };
      async execute(round: number): Promise<void> {
        await this.sleep('1m');
        return this.continueAsNew(round + 1, { workflowTypeVersion: '2', taskList: 'elsewhere', tagList: ['loop'] });
      }
    }
    const driver = new WorkflowDriver(Looping, 1);
    await driver.decide();
    driver.history.fireTimer('t1');
    expect(summarize(await driver.decide())).toEqual([
      {
        type: 'ContinueAsNewWorkflowExecution',
        attrs: {
          input: '2',
          workflowTypeVersion: '2',
          taskList: { name: 'elsewhere' },
          executionStartToCloseTimeout: '3600',
          taskStartToCloseTimeout: '30',
          childPolicy: 'TERMINATE',
          tagList: ['loop'],
        },
      },
    ]);
  },
  RecordMarker: async () => {
    const driver = new WorkflowDriver(Probe, { op: 'marker' });
    expect(summarize(await driver.decide())[0]).toEqual({ type: 'RecordMarker', attrs: { markerName: 'note', details: '{"x":1}' } });
  },
  StartTimer: async () => {
    class Named extends Workflow<void, void> {
      static readonly type = { name: 'Named', version: '1' };
      async execute(): Promise<void> {
        await Promise.all([this.sleep('90s', { timerId: 'reminder' }), this.sleep(1_500)]);
      }
    }
    expect(summarize(await new WorkflowDriver(Named).decide())).toEqual([
      { type: 'StartTimer', attrs: { timerId: 'reminder', startToFireTimeout: '90' } },
      { type: 'StartTimer', attrs: { timerId: 't1', startToFireTimeout: '2' } },
    ]);
  },
  CancelTimer: async () => {
    const driver = new WorkflowDriver(Probe, { op: 'cancelTimer' });
    await driver.decide();
    driver.history.completeActivity('a1');
    expect(summarize(await driver.decide())[0]).toEqual({ type: 'CancelTimer', attrs: { timerId: 't1' } });
  },
  SignalExternalWorkflowExecution: async () => {
    expect(summarize(await new WorkflowDriver(Signaller).decide())).toEqual([
      { type: 'SignalExternalWorkflowExecution', attrs: { workflowId: 'other', runId: 'r-9', signalName: 'ping', input: '42' } },
    ]);
  },
  RequestCancelExternalWorkflowExecution: async () => {
    expect(summarize(await new WorkflowDriver(Probe, { op: 'cancelExternal' }).decide())).toEqual([
      { type: 'RequestCancelExternalWorkflowExecution', attrs: { workflowId: 'other' } },
    ]);
  },
  StartChildWorkflowExecution: async () => {
    expect(summarize(await new WorkflowDriver(Childish).decide())).toEqual([
      {
        type: 'StartChildWorkflowExecution',
        attrs: {
          workflowType: { name: 'EchoChild', version: '1' },
          workflowId: 'wf-1.c1',
          input: '"hi"',
          taskList: { name: 'kids' },
          taskPriority: '2',
          executionStartToCloseTimeout: '3600',
          taskStartToCloseTimeout: '20',
          childPolicy: 'ABANDON',
          tagList: ['a', 'b'],
        },
      },
    ]);
  },
  ScheduleLambdaFunction: async () => {
    class Lambdas extends Workflow<void, unknown> {
      static readonly type = { name: 'Lambdas', version: '1' };
      async execute(): Promise<unknown> {
        return this.lambda('resize', { w: 10 }, { id: 'resize-1', startToCloseTimeout: '5m' });
      }
    }
    expect(summarize(await new WorkflowDriver(Lambdas).decide())).toEqual([
      { type: 'ScheduleLambdaFunction', attrs: { id: 'resize-1', name: 'resize', input: '{"w":10}', startToCloseTimeout: '300' } },
    ]);
  },
} satisfies Record<DecisionType, () => Promise<void>>;

describe('every SWF decision type is produced by workflow code', () => {
  for (const [decisionType, run] of Object.entries(CASES)) it(decisionType, run);
});

describe('decision lists', () => {
  it('puts the close decision after the decisions produced in the same task', async () => {
    class FireAndForget extends Workflow<void, string> {
      static readonly type = { name: 'FireAndForget', version: '1' };
      async execute(): Promise<string> {
        void this.activities(Greetings).ping();
        this.recordMarker('done');
        return 'ok';
      }
    }
    expect(decisionTypes(await new WorkflowDriver(FireAndForget).decide())).toEqual(['ScheduleActivityTask', 'RecordMarker', 'CompleteWorkflowExecution']);
  });

  it('sends at most 100 decisions, continuing with a zero-second timer, and closes only after the rest went out', async () => {
    class Burst extends Workflow<void, number> {
      static readonly type = { name: 'Burst', version: '1' };
      async execute(): Promise<number> {
        for (let i = 0; i < 250; i++) this.recordMarker('m', i);
        return 250;
      }
    }
    const driver = new WorkflowDriver(Burst);
    const first = await driver.decide();
    expect(first).toHaveLength(MAX_DECISIONS_PER_RESPONSE);
    expect(summarize(first).at(-1)).toEqual({ type: 'StartTimer', attrs: { timerId: 'swirl.continue.1', startToFireTimeout: '0' } });
    expect(summarize(first)[98]?.attrs.details).toBe('98');
    driver.history.fireTimer('swirl.continue.1');
    const second = await driver.decide();
    expect(second).toHaveLength(MAX_DECISIONS_PER_RESPONSE);
    expect(summarize(second)[0]?.attrs.details).toBe('99');
    driver.history.fireTimer('swirl.continue.2');
    const third = await driver.decide();
    expect(decisionTypes(third).filter((type) => type === 'RecordMarker')).toHaveLength(250 - 2 * 99);
    expect(completedWith(third)).toBe(250);
  });

  it('fails the decision task (not the execution) for an error that is not a failure', async () => {
    const driver = new WorkflowDriver(FailsWith, { kind: 'bug' });
    await driver.decide();
    driver.history.fireTimer('t1');
    await expect(driver.activateOnly()).rejects.toThrow(TypeError);
  });

  it('fails the execution for error types listed in failWorkflowOn', async () => {
    const driver = new WorkflowDriver(FailsWith, { kind: 'bug' }, { failWorkflowOn: [TypeError] });
    await driver.decide();
    driver.history.fireTimer('t1');
    const [fail] = summarize(await driver.decide());
    expect(fail?.type).toBe('FailWorkflowExecution');
    expect(fail?.attrs.reason).toBe('TypeError');
  });
});

describe('payloads larger than SWF allows', () => {
  class Big extends Workflow<void, string> {
    static readonly type = { name: 'Big', version: '1' };
    async execute(): Promise<string> {
      return 'x'.repeat(40_000);
    }
  }

  it('go out from the runtime unchecked: the worker checks sizes after its codecs, which may shrink them', async () => {
    const [complete] = summarize(await new WorkflowDriver(Big).decide());
    expect(String(complete?.attrs.result)).toHaveLength(40_002);
  });
});

describe('typed decision builders (the low road)', () => {
  it('builds each decision in the SDK shape', () => {
    expect(decisions.startTimer({ timerId: 'wake', startToFireTimeout: '60' })).toEqual({
      decisionType: 'StartTimer',
      startTimerDecisionAttributes: { timerId: 'wake', startToFireTimeout: '60' },
    });
    expect(decisions.completeWorkflowExecution()).toEqual({ decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: {} });
  });

  it('rejects a decision that breaks an SWF constraint, naming the field', () => {
    expect(() => decisions.startTimer({ timerId: 'a:b', startToFireTimeout: '60' })).toThrow(InvalidDecisionError);
    expect(() => decisions.scheduleActivityTask({ activityId: 'x', activityType: { name: 'T', version: '' } })).toThrow(/activityType\.version/);
  });

  it('rejects a list whose close decision is not last', () => {
    expect(() => validateDecisionList([decisions.completeWorkflowExecution(), decisions.startTimer({ timerId: 't', startToFireTimeout: '1' })])).toThrow(
      'Close must be last decision in list',
    );
  });
});
