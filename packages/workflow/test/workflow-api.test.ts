/**
 * The workflow API beyond single operations: cancellation scopes and clean-up, conditions with
 * timeouts, children (signals, retries), input validation, typed activity proxies, the registry.
 */
import { ApplicationFailure } from '@swirl/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createWorkflowRegistry,
  defineSignal,
  isCancellation,
  Workflow,
  WorkflowConstructionError,
  WorkflowRegistryError,
  type ActivityProxy,
} from '../src/index.js';
import { capture, Greetings } from './helpers/fixtures.js';
import { decisionTypes, summarize, WorkflowDriver } from './helpers/history-builder.js';
import { completedWith, EchoChild, ping } from './helpers/probe-workflow.js';

describe('cancellation', () => {
  class Careful extends Workflow<void, string> {
    static readonly type = { name: 'Careful', version: '1' };
    async execute(): Promise<string> {
      const greetings = this.activities(Greetings);
      try {
        await greetings.greet('slow');
        return 'finished';
      } catch (error) {
        if (!isCancellation(error)) throw error;
        // Clean-up must not be cancelled by the same request: run it detached.
        const cleanup = this.activities(Greetings, { scope: this.cancellationScope({ detached: true }) });
        return `cleaned up: ${await cleanup.shout('undo')}`;
      }
    }
  }

  it('asks SWF to cancel a running activity when the workflow is cancelled, and lets the code clean up', async () => {
    const driver = new WorkflowDriver(Careful);
    await driver.decide();
    driver.history.activityStarted('a1');
    driver.history.requestCancel();
    expect(summarize(await driver.decide())).toEqual([{ type: 'RequestCancelActivityTask', attrs: { activityId: 'a1' } }]);
    driver.history.add('ActivityTaskCanceled', {
      scheduledEventId: driver.history.activityScheduledId('a1'),
      startedEventId: driver.history.find('ActivityTaskStarted'),
      latestCancelRequestedEventId: driver.history.find('ActivityTaskCancelRequested'),
    });
    expect(summarize(await driver.decide())).toEqual([{ type: 'ScheduleActivityTask', attrs: expect.objectContaining({ activityId: 'a2', input: '"undo"' }) }]);
    driver.history.completeActivity('a2', '"UNDO"');
    expect(completedWith(await driver.decide())).toBe('cleaned up: UNDO');
  });

  it('drops an operation cancelled before it was ever sent', async () => {
    class Hesitant extends Workflow<void, string> {
      static readonly type = { name: 'Hesitant', version: '1' };
      async execute(): Promise<string> {
        const scope = this.cancellationScope();
        const outcome = capture(() => this.sleep('1h', { scope }));
        scope.cancel();
        return outcome;
      }
    }
    expect(summarize(await new WorkflowDriver(Hesitant).decide())).toEqual([{ type: 'CompleteWorkflowExecution', attrs: { result: '"err:CancelledFailure"' } }]);
  });

  it('cancels child scopes with their parent but not detached ones', async () => {
    class Scopes extends Workflow<void, string[]> {
      static readonly type = { name: 'Scopes', version: '1' };
      async execute(): Promise<string[]> {
        const parent = this.cancellationScope();
        const child = this.cancellationScope({ parent });
        const detached = this.cancellationScope({ detached: true });
        const outcomes = [capture(() => this.sleep('1h', { scope: child })), capture(() => this.sleep('1s', { scope: detached }))];
        await this.sleep('1m');
        parent.cancel();
        return Promise.all(outcomes);
      }
    }
    const driver = new WorkflowDriver(Scopes);
    expect(decisionTypes(await driver.decide())).toEqual(['StartTimer', 'StartTimer', 'StartTimer']);
    driver.history.fireTimer('t2');
    driver.history.fireTimer('t3');
    const decisions = await driver.decide();
    expect(summarize(decisions)[0]).toEqual({ type: 'CancelTimer', attrs: { timerId: 't1' } });
    expect(completedWith(decisions)).toEqual(['err:CancelledFailure', 'ok:undefined']);
  });

  it('requests cancellation of a started child when the workflow is cancelled', async () => {
    class Parent extends Workflow<void, string> {
      static readonly type = { name: 'Parent', version: '1' };
      async execute(): Promise<string> {
        return capture(() => this.executeChild(EchoChild, { input: 'x', workflowId: 'kid' }));
      }
    }
    const driver = new WorkflowDriver(Parent);
    await driver.decide();
    const initiatedEventId = driver.history.childInitiatedId('kid');
    driver.history.add('ChildWorkflowExecutionStarted', { initiatedEventId, workflowExecution: { workflowId: 'kid', runId: 'k1' }, workflowType: EchoChild.type });
    driver.history.requestCancel();
    expect(summarize(await driver.decide())).toEqual([{ type: 'RequestCancelExternalWorkflowExecution', attrs: { workflowId: 'kid', runId: 'k1' } }]);
  });
});

describe('conditions', () => {
  class Approval extends Workflow<void, boolean> {
    static readonly type = { name: 'Approval', version: '1' };
    #approved = false;
    async execute(): Promise<boolean> {
      this.setHandler(defineSignal('approve'), () => {
        this.#approved = true;
      });
      return this.condition(() => this.#approved, '1h');
    }
  }

  it('resolves true when the predicate holds, cancelling its timeout timer', async () => {
    const driver = new WorkflowDriver(Approval);
    expect(summarize(await driver.decide())).toEqual([{ type: 'StartTimer', attrs: { timerId: 't1', startToFireTimeout: '3600' } }]);
    driver.history.signal('approve');
    expect(decisionTypes(await driver.decide())).toEqual(['CancelTimer', 'CompleteWorkflowExecution']);
    expect(completedWith(driver.decided.at(-1)!)).toBe(true);
  });

  it('resolves false when the timeout fires first', async () => {
    const driver = new WorkflowDriver(Approval);
    await driver.decide();
    driver.history.fireTimer('t1');
    expect(completedWith(await driver.decide())).toBe(false);
  });
});

describe('child workflows', () => {
  class Family extends Workflow<void, string> {
    static readonly type = { name: 'Family', version: '1' };
    async execute(): Promise<string> {
      const child = await this.startChild(EchoChild, { input: 'x', workflowId: 'kid', retry: { initialInterval: '5s', maximumAttempts: 2 } });
      await child.signal(ping, 3);
      const result = await child.result();
      return `${child.runId}:${result}`;
    }
  }

  it('signals a started child and retries a failed one under the same workflowId', async () => {
    const driver = new WorkflowDriver(Family);
    await driver.decide();
    const initiated = driver.history.childInitiatedId('kid');
    const started = driver.history.add('ChildWorkflowExecutionStarted', { initiatedEventId: initiated, workflowExecution: { workflowId: 'kid', runId: 'k1' }, workflowType: EchoChild.type });
    expect(summarize(await driver.decide())).toEqual([{ type: 'SignalExternalWorkflowExecution', attrs: { workflowId: 'kid', runId: 'k1', signalName: 'ping', input: '3' } }]);
    driver.history.add('ExternalWorkflowExecutionSignaled', { initiatedEventId: driver.history.find('SignalExternalWorkflowExecutionInitiated'), workflowExecution: { workflowId: 'kid', runId: 'k1' } });
    driver.history.add('ChildWorkflowExecutionFailed', { initiatedEventId: initiated, startedEventId: started, workflowExecution: { workflowId: 'kid', runId: 'k1' }, workflowType: EchoChild.type, reason: 'Oops' });
    expect(summarize(await driver.decide())).toEqual([{ type: 'StartTimer', attrs: { timerId: 'r1', startToFireTimeout: '5' } }]);
    driver.history.fireTimer('r1');
    expect(summarize(await driver.decide())[0]?.attrs.workflowId).toBe('kid');
    const initiated2 = driver.history.childInitiatedId('kid');
    const started2 = driver.history.add('ChildWorkflowExecutionStarted', { initiatedEventId: initiated2, workflowExecution: { workflowId: 'kid', runId: 'k2' }, workflowType: EchoChild.type });
    driver.history.add('ChildWorkflowExecutionCompleted', { initiatedEventId: initiated2, startedEventId: started2, workflowExecution: { workflowId: 'kid', runId: 'k2' }, workflowType: EchoChild.type, result: '"x"' });
    expect(completedWith(await driver.decide())).toBe('k2:x');
  });
});

describe('workflow input', () => {
  class Validated extends Workflow<{ count: number }, number> {
    static readonly type = { name: 'Validated', version: '1' };
    static readonly inputSchema = {
      parse(value: unknown): { count: number } {
        const count = (value as { count?: unknown } | undefined)?.count;
        if (typeof count !== 'number') throw new TypeError('count must be a number');
        return { count };
      },
    };
    async execute({ count }: { count: number }): Promise<number> {
      return count * 2;
    }
  }

  it('passes input through the static inputSchema', async () => {
    expect(completedWith(await new WorkflowDriver(Validated, { count: 21 }).decide())).toBe(42);
  });

  it('fails the execution (not the task) with InvalidWorkflowInput when the schema rejects the input', async () => {
    const [fail] = summarize(await new WorkflowDriver(Validated, { count: 'many' }).decide());
    expect(fail?.type).toBe('FailWorkflowExecution');
    expect(fail?.attrs.reason).toBe('InvalidWorkflowInput');
    expect(String(fail?.attrs.details)).toContain('count must be a number');
  });
});

describe('workflow classes', () => {
  it('cannot be constructed outside a runtime', () => {
    class Loose extends Workflow<void, void> {
      static readonly type = { name: 'Loose', version: '1' };
      async execute(): Promise<void> {}
    }
    expect(() => new Loose()).toThrow(WorkflowConstructionError);
    expect(() => new Loose()).toThrow(/constructed outside a WorkflowRuntime/);
  });

  it('types activity proxies from the activities class', () => {
    expectTypeOf<ActivityProxy<Greetings>['greet']>().toEqualTypeOf<(name: string) => Promise<string>>();
    expectTypeOf<ActivityProxy<Greetings>['ping']>().toEqualTypeOf<() => Promise<void>>();
  });

  it('an ApplicationFailure thrown from a signal handler fails the execution', async () => {
    class Strict extends Workflow<void, void> {
      static readonly type = { name: 'Strict', version: '1' };
      async execute(): Promise<void> {
        this.setHandler(defineSignal<number>('amount'), (amount) => {
          if (amount < 0) throw ApplicationFailure.nonRetryable('negative amount', 'BadAmount');
        });
        await this.condition(() => false);
      }
    }
    const driver = new WorkflowDriver(Strict);
    await driver.decide();
    driver.history.signal('amount', '-5');
    const [fail] = summarize(await driver.decide());
    expect(fail).toEqual({ type: 'FailWorkflowExecution', attrs: expect.objectContaining({ reason: 'BadAmount' }) });
  });
});

describe('createWorkflowRegistry', () => {
  it('finds classes by SWF type and lists their registration defaults', () => {
    const registry = createWorkflowRegistry([EchoChild]);
    expect(registry.get({ name: 'EchoChild', version: '1' })).toBe(EchoChild);
    expect(registry.get({ name: 'EchoChild', version: '2' })).toBeUndefined();
    expect(registry.types).toEqual([expect.objectContaining({ name: 'EchoChild', version: '1', defaultChildPolicy: 'TERMINATE' })]);
  });

  it('refuses two classes declaring the same type', () => {
    class Impostor extends Workflow<string, string> {
      static readonly type = { name: 'EchoChild', version: '1' };
      async execute(input: string): Promise<string> {
        return input;
      }
    }
    expect(() => createWorkflowRegistry([EchoChild, Impostor])).toThrow(WorkflowRegistryError);
    expect(() => createWorkflowRegistry([EchoChild, Impostor])).toThrow('Workflow type EchoChild version 1 is declared by both EchoChild and Impostor');
  });
});

describe('running workflow code to quiescence', () => {
  class Nested extends Workflow<void, string> {
    static readonly type = { name: 'Nested', version: '1' };
    async #depth(level: number): Promise<string> {
      if (level === 0) return this.activities(Greetings).greet('deep');
      const inner = await this.#depth(level - 1);
      await Promise.resolve();
      return inner;
    }
    async execute(): Promise<string> {
      await this.sleep('1s');
      const [first, second] = await Promise.all([this.#depth(8), this.#depth(3)]);
      return `${first}|${second}`;
    }
  }

  it('lets nested async helpers finish before the next event and before deciding', async () => {
    const driver = new WorkflowDriver(Nested);
    await driver.decide();
    driver.history.fireTimer('t1');
    expect(summarize(await driver.decide()).map((decision) => decision.attrs.activityId)).toEqual(['a1', 'a2']);
    driver.history.completeActivity('a2', '"two"');
    driver.history.completeActivity('a1', '"one"');
    expect(completedWith(await driver.decide())).toBe('one|two');
  });
});

describe('activity timeouts', () => {
  class Heartbeating extends Workflow<void, unknown> {
    static readonly type = { name: 'Heartbeating', version: '1' };
    async execute(): Promise<unknown> {
      try {
        return await this.activities(Greetings).greet('slow');
      } catch (error) {
        const cause = (error as Error).cause as { timeoutType?: string; lastHeartbeatDetails?: unknown };
        return { timeoutType: cause.timeoutType, lastHeartbeatDetails: cause.lastHeartbeatDetails };
      }
    }
  }

  it('carry the timeout type and the last heartbeat details, decoded', async () => {
    const driver = new WorkflowDriver(Heartbeating);
    await driver.decide();
    const startedEventId = driver.history.activityStarted('a1');
    driver.history.add('ActivityTaskTimedOut', { scheduledEventId: driver.history.activityScheduledId('a1'), startedEventId, timeoutType: 'HEARTBEAT', details: '{"done":3}' });
    expect(completedWith(await driver.decide())).toEqual({ timeoutType: 'HEARTBEAT', lastHeartbeatDetails: { done: 3 } });
  });
});
