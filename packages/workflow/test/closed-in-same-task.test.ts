/**
 * Cancelling what history already closed: when the outcome that wins a race and the outcome of
 * the loser land in the same decision task, the loser is closed in SWF already, so the runtime
 * sends no CancelTimer, RequestCancelActivityTask or RequestCancelExternalWorkflowExecution for it
 * (SWF would record CancelTimerFailed or RequestCancel*Failed). The workflow still sees the cancellation.
 */
import { describe, expect, it } from 'vitest';
import { defineSignal, Workflow } from '../src/index.js';
import { capture, Greetings } from './helpers/fixtures.js';
import { decisionTypes, summarize, WorkflowDriver } from './helpers/history-builder.js';
import { completedWith, EchoChild } from './helpers/probe-workflow.js';

/** `Promise.race([activity, sleep])`, then the loser is cancelled: the usual timeout pattern. */
class ActivityOrTimeout extends Workflow<void, string[]> {
  static readonly type = { name: 'ActivityOrTimeout', version: '1' };
  async execute(): Promise<string[]> {
    const scope = this.cancellationScope();
    const activity = capture(() => this.activities(Greetings, { scope }).greet('x'));
    const timer = capture(() => this.sleep('30s', { scope }));
    const winner = await Promise.race([activity.then(() => 'activity'), timer.then(() => 'timer')]);
    scope.cancel();
    return [winner, await activity, await timer];
  }
}

describe('an operation closed later in the same decision task', () => {
  it('sends no CancelTimer for a timer whose TimerFired follows the winning activity completion', async () => {
    const driver = new WorkflowDriver(ActivityOrTimeout);
    expect(decisionTypes(await driver.decide())).toEqual(['ScheduleActivityTask', 'StartTimer']);
    driver.history.completeActivity('a1', '"hello x"');
    driver.history.fireTimer('t1');
    const decisions = await driver.decide();
    expect(decisionTypes(decisions)).toEqual(['CompleteWorkflowExecution']);
    expect(completedWith(decisions)).toEqual(['activity', 'ok:"hello x"', 'err:CancelledFailure']);
  });

  it('sends no RequestCancelActivityTask for an activity whose completion follows the winning TimerFired', async () => {
    const driver = new WorkflowDriver(ActivityOrTimeout);
    await driver.decide();
    driver.history.fireTimer('t1');
    driver.history.completeActivity('a1', '"hello x"');
    const decisions = await driver.decide();
    expect(decisionTypes(decisions)).toEqual(['CompleteWorkflowExecution']);
    // The completion was recorded before the workflow could cancel: the activity's result stands.
    expect(completedWith(decisions)).toEqual(['timer', 'ok:"hello x"', 'ok:undefined']);
  });

  it('still cancels a timer whose fire is not in the history yet', async () => {
    const driver = new WorkflowDriver(ActivityOrTimeout);
    await driver.decide();
    driver.history.completeActivity('a1', '"hello x"');
    expect(summarize(await driver.decide())).toEqual([
      { type: 'CancelTimer', attrs: { timerId: 't1' } },
      { type: 'CompleteWorkflowExecution', attrs: { result: JSON.stringify(['activity', 'ok:"hello x"', 'err:CancelledFailure']) } },
    ]);
  });

  it('sends no CancelTimer for a condition timeout that fired after the signal satisfying it', async () => {
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
    const driver = new WorkflowDriver(Approval);
    await driver.decide();
    driver.history.signal('approve');
    driver.history.fireTimer('t1');
    const decisions = await driver.decide();
    expect(decisionTypes(decisions)).toEqual(['CompleteWorkflowExecution']);
    expect(completedWith(decisions)).toBe(true);
  });

  it('sends no RequestCancelExternalWorkflowExecution for a child whose close follows the winning TimerFired', async () => {
    class ChildOrTimeout extends Workflow<void, string> {
      static readonly type = { name: 'ChildOrTimeout', version: '1' };
      async execute(): Promise<string> {
        const scope = this.cancellationScope();
        const child = capture(() => this.executeChild(EchoChild, { input: 'x', workflowId: 'kid', scope }));
        const winner = await Promise.race([child.then(() => 'child'), this.sleep('30s').then(() => 'timer')]);
        scope.cancel();
        return `${winner} ${await child}`;
      }
    }
    const driver = new WorkflowDriver(ChildOrTimeout);
    expect(decisionTypes(await driver.decide())).toEqual(['StartChildWorkflowExecution', 'StartTimer']);
    const initiatedEventId = driver.history.childInitiatedId('kid');
    const startedEventId = driver.history.add('ChildWorkflowExecutionStarted', { initiatedEventId, workflowExecution: { workflowId: 'kid', runId: 'k1' }, workflowType: EchoChild.type });
    await driver.decide();
    driver.history.fireTimer('t1');
    driver.history.add('ChildWorkflowExecutionCompleted', { initiatedEventId, startedEventId, workflowExecution: { workflowId: 'kid', runId: 'k1' }, workflowType: EchoChild.type, result: '"x"' });
    const decisions = await driver.decide();
    expect(decisionTypes(decisions)).toEqual(['CompleteWorkflowExecution']);
    expect(completedWith(decisions)).toBe('timer ok:"x"');
  });
});
