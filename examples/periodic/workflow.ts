/**
 * A scheduled job: runs a report at every period boundary (e.g. each full hour), forever or for
 * `maxJobs` jobs. A run that looped forever would grow its history without bound (SWF stops at
 * 25,000 events), so after `jobsPerRun` jobs the run continues as new: SWF closes it and starts a
 * fresh run of the same workflowId with the carried-over state as input, and a short history.
 */
import { parseDuration } from '@swirl/core';
import { Workflow } from '@swirl/workflow';
import { PERIODIC_TASK_LIST, Reports } from './activities.js';

export interface ScheduleInput {
  /** The period, e.g. '1h'; jobs run at its boundaries (multiples of it since the epoch). */
  readonly every: string;
  /** Jobs per run before continuing as new: bounds each run's history. */
  readonly jobsPerRun: number;
  /** Stop after this many jobs in all; none = run forever. */
  readonly maxJobs?: number;
  /** Jobs done by earlier runs (carried over by continue-as-new). @default 0 */
  readonly jobsDone?: number;
}

export interface ScheduleSummary {
  readonly jobsDone: number;
  readonly lastReport: string | undefined;
}

export class PeriodicReportWorkflow extends Workflow<ScheduleInput, ScheduleSummary> {
  static readonly type = { name: 'PeriodicReport', version: '1', taskList: PERIODIC_TASK_LIST, executionStartToCloseTimeout: '30d' };

  readonly #reports = this.activities(Reports, { retry: { initialInterval: '10s', maximumAttempts: 3 } });

  async execute(input: ScheduleInput): Promise<ScheduleSummary> {
    const periodMs = parseDuration(input.every);
    let jobsDone = input.jobsDone ?? 0;
    let lastReport: string | undefined;
    for (let jobsThisRun = 0; ; jobsThisRun++) {
      if (input.maxJobs !== undefined && jobsDone >= input.maxJobs) return { jobsDone, lastReport };
      if (jobsThisRun === input.jobsPerRun) return this.continueAsNew({ ...input, jobsDone });
      // Sleep to the next boundary of the period: the schedule does not drift with job durations.
      const now = this.now().getTime();
      const periodStart = Math.floor(now / periodMs) * periodMs + periodMs;
      await this.sleep(periodStart - now);
      lastReport = await this.#reports.build({ sequence: jobsDone + 1, periodStart: new Date(periodStart).toISOString() });
      jobsDone++;
    }
  }
}
