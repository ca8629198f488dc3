/**
 * The committed histories of periodic, from one schedule of five hourly jobs, three per run: the
 * first run (ends CONTINUED_AS_NEW) and the last (ends COMPLETED).
 */
import type { TestEnvironment } from '@swirl/testing';
import { recordWithTimeSkipping, type Recording } from '../shared/recording.js';
import { PERIODIC_TASK_LIST, Reports } from './activities.js';
import { PeriodicReportWorkflow } from './workflow.js';

const recordSchedule = (pick: 'first' | 'last') =>
  recordWithTimeSkipping(
    [{ taskList: PERIODIC_TASK_LIST, workflows: [PeriodicReportWorkflow], activities: [new Reports()] }],
    async (env: TestEnvironment) => {
      const handle = await env.client.start(PeriodicReportWorkflow, { workflowId: 'reports', input: { every: '1h', jobsPerRun: 3, maxJobs: 5 } });
      await env.runUntil(handle.result());
      // Without a runId, a handle targets the workflow's latest run.
      return pick === 'first' ? handle : env.client.getHandle('reports');
    },
    { startTime: Date.parse('2026-03-01T09:20:00Z') },
  );

export const recordings: readonly Recording[] = [
  { file: 'first-run.json', record: () => recordSchedule('first') },
  { file: 'last-run.json', record: () => recordSchedule('last') },
];
