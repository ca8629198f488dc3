import { NonDeterminismError } from '@swirl/core';
import { replayHistory } from '@swirl/testing';
import { Workflow } from '@swirl/workflow';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventsOfType, scheduledActivities } from '../shared/history-queries.js';
import { startLocalRun, type LocalRun } from '../shared/local-run.js';
import { Accounts, SIGNUP_TASK_LIST } from './activities.js';
import { emailConfirmed } from './signals.js';
import { SignupWorkflowBeforeChange } from './workflow-before-change.js';
import { SCREENING_PATCH, SignupWorkflow } from './workflow.js';

/** The same change made carelessly, without `patched`: what the replay test must catch. */
class SignupWorkflowUnguarded extends Workflow<{ email: string }, string> {
  static readonly type = SignupWorkflow.type;
  readonly #accounts = this.activities(Accounts);
  #confirmed = false;

  async execute({ email }: { email: string }): Promise<string> {
    this.setHandler(emailConfirmed, () => {
      this.#confirmed = true;
    });
    const verdict = await this.#accounts.screen({ email });
    if (verdict !== 'clear') return `held for review: ${email}`;
    const accountId = await this.#accounts.create({ email });
    await this.condition(() => this.#confirmed);
    return this.#accounts.sendWelcome({ accountId });
  }
}

const history = (file: string) => new URL(`./histories/${file}`, import.meta.url);

describe('versioning: replaying the history recorded before the change', () => {
  it('passes against the patched workflow', async () => {
    const result = await replayHistory({ workflows: [SignupWorkflow] }, history('before-change.json'));
    expect(result.decisionTasks).toBeGreaterThan(2);
  });

  it('fails with NonDeterminismError against the same change made without patched', async () => {
    await expect(replayHistory({ workflows: [SignupWorkflowUnguarded] }, history('before-change.json'))).rejects.toBeInstanceOf(NonDeterminismError);
  });

  it('passes for a history recorded after the change, which took the new path', async () => {
    const result = await replayHistory({ workflows: [SignupWorkflow] }, history('after-change.json'));
    expect(result.decisionTasks).toBeGreaterThan(2);
  });
});

describe('versioning end to end', () => {
  let run: LocalRun | undefined;
  afterEach(async () => {
    await run?.close();
    run = undefined;
  });

  it('runs new signups through the screen, recording the patch marker', async () => {
    run = await startLocalRun({ workers: [{ taskList: SIGNUP_TASK_LIST, workflows: [SignupWorkflow], activities: [new Accounts()] }] });
    const handle = await run.client.start(SignupWorkflow, { workflowId: 'signup-new', input: { email: 'ada@example.com' } });
    await handle.signal(emailConfirmed);
    expect(await handle.result()).toBe('welcome sent to acct-ada');

    const events = await handle.fetchHistory();
    expect(scheduledActivities(events).map(({ name }) => name)).toEqual(['Accounts.screen', 'Accounts.create', 'Accounts.sendWelcome']);
    const markers = eventsOfType(events, 'MarkerRecorded').map((event) => JSON.parse(event.markerRecordedEventAttributes?.details ?? 'null'));
    expect(markers).toEqual([{ patchId: SCREENING_PATCH }]);

    const held = await run.client.start(SignupWorkflow, { workflowId: 'signup-held', input: { email: 'eve@example.invalid' } });
    expect(await held.result()).toBe('held for review: eve@example.invalid');
  });

  it('finishes a run started on the old code after the worker is replaced by the new one, on the old path', async () => {
    // Short long polls let the old worker stop promptly; no sticky cache, so no task waits for the old worker's list.
    run = await startLocalRun({
      server: { longPollTimeoutMs: 500 },
      workers: [{ taskList: SIGNUP_TASK_LIST, workflows: [SignupWorkflowBeforeChange], activities: [new Accounts()], stickyCacheSize: 0 }],
    });
    const handle = await run.client.start(SignupWorkflow, { workflowId: 'signup-in-flight', input: { email: 'ada@example.com' } });
    // The old code has created the account and now waits for the signal: nothing open but the run itself.
    await vi.waitFor(
      async () => {
        expect(eventsOfType(await handle.fetchHistory(), 'ActivityTaskCompleted')).toHaveLength(1);
        const { openActivityTasks, openDecisionTasks } = (await handle.describe()).openCounts;
        expect([openActivityTasks, openDecisionTasks]).toEqual([0, 0]);
      },
      { timeout: 10_000, interval: 50 },
    );

    await run.workers[0]!.shutdown();
    await run.addWorker({ taskList: SIGNUP_TASK_LIST, workflows: [SignupWorkflow], activities: [new Accounts()], stickyCacheSize: 0 });
    await handle.signal(emailConfirmed);
    expect(await handle.result()).toBe('welcome sent to acct-ada');

    const events = await handle.fetchHistory();
    expect(scheduledActivities(events).map(({ name }) => name)).toEqual(['Accounts.create', 'Accounts.sendWelcome']);
    expect(eventsOfType(events, 'MarkerRecorded')).toEqual([]);
  });
});
