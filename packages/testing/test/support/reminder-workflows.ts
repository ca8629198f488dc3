/** Workflows and activities the TestEnvironment tests run on the local server. */
import { Activities } from '@swirl/activity';
import { ActivityFailure, TimeoutFailure } from '@swirl/core';
import { defineSignal, Workflow } from '@swirl/workflow';

export const TASK_LIST = 'reminders';
const DAY_MS = 24 * 60 * 60 * 1000;

export class Mailer extends Activities {
  static readonly type = { version: '1', defaults: { taskList: TASK_LIST, startToCloseTimeout: '1m', scheduleToStartTimeout: '1h', scheduleToCloseTimeout: '2h', heartbeatTimeout: 'NONE' } };
  readonly sent: string[] = [];

  async send(input: { to: string; text: string }): Promise<string> {
    this.sent.push(`${input.to}: ${input.text}`);
    return `sent to ${input.to}`;
  }

  /** Never finishes on its own: it waits until its signal aborts (cancellation, task gone, shutdown). */
  async hang(_input: { reason: string }): Promise<void> {
    const { signal } = this.context;
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    signal.throwIfAborted();
  }
}

export const snooze = defineSignal<{ days: number }>('snooze');

/** Waits a week (plus any snoozes), then sends the reminder. */
export class WeeklyReminder extends Workflow<{ to: string }, { result: string; daysWaited: number }> {
  static readonly type = { name: 'WeeklyReminder', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '30d', taskStartToCloseTimeout: '10s' };
  #extraDays = 0;

  async execute({ to }: { to: string }): Promise<{ result: string; daysWaited: number }> {
    this.setHandler(snooze, ({ days }) => {
      this.#extraDays += days;
    });
    const startedAt = this.now().getTime();
    await this.sleep('7d');
    if (this.#extraDays > 0) await this.sleep(this.#extraDays * DAY_MS);
    const result = await this.activities(Mailer).send({ to, text: 'weekly reminder' });
    return { result, daysWaited: (this.now().getTime() - startedAt) / DAY_MS };
  }
}

/** The reminder after an incompatible edit: it sends a heads-up before waiting. */
export class WeeklyReminderWithHeadsUp extends Workflow<{ to: string }, { result: string; daysWaited: number }> {
  static readonly type = WeeklyReminder.type;

  async execute({ to }: { to: string }): Promise<{ result: string; daysWaited: number }> {
    await this.activities(Mailer).send({ to, text: 'heads-up' });
    await this.sleep('7d');
    const result = await this.activities(Mailer).send({ to, text: 'weekly reminder' });
    return { result, daysWaited: 7 };
  }
}

/** Runs an activity that never answers and reports how it ended. */
export class HangingCall extends Workflow<void, string> {
  static readonly type = { name: 'HangingCall', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '1d', taskStartToCloseTimeout: '10s' };

  async execute(): Promise<string> {
    try {
      await this.activities(Mailer, { startToCloseTimeout: '5m' }).hang({ reason: 'test' });
      return 'completed';
    } catch (error) {
      if (error instanceof ActivityFailure && error.cause instanceof TimeoutFailure) return `timed out: ${error.cause.timeoutType}`;
      throw error;
    }
  }
}
