import type { WorkflowExecutionInfo } from '@aws-sdk/client-swf';
import { replayHistory, TestEnvironment } from '@swirl/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventsOfType } from '../shared/history-queries.js';
import { EXAMPLES_DOMAIN } from '../shared/swf-connection.js';
import { PERIODIC_TASK_LIST, Reports } from './activities.js';
import { PeriodicReportWorkflow } from './workflow.js';

describe('periodic', () => {
  let env: TestEnvironment;
  beforeEach(async () => {
    env = await TestEnvironment.create({ domain: EXAMPLES_DOMAIN, startTime: Date.parse('2026-03-01T09:20:00Z') });
    await env.createWorker({ taskList: PERIODIC_TASK_LIST, workflows: [PeriodicReportWorkflow], activities: [new Reports()] });
  });
  afterEach(() => env.teardown());

  it('runs a job at each full hour and continues as new every three jobs, keeping each history short', async () => {
    const handle = await env.client.start(PeriodicReportWorkflow, { workflowId: 'reports', input: { every: '1h', jobsPerRun: 3, maxJobs: 7 } });
    expect(await env.runUntil(handle.result())).toEqual({ jobsDone: 7, lastReport: 'report #7 for 2026-03-01T16:00:00.000Z' });
    expect(env.now().getTime()).toBeGreaterThanOrEqual(Date.parse('2026-03-01T16:00:00Z'));

    const runs: WorkflowExecutionInfo[] = [];
    for await (const run of env.client.list({ status: 'closed', workflowId: 'reports', reverseOrder: true })) runs.push(run);
    expect(runs.map((run) => run.closeStatus)).toEqual(['CONTINUED_AS_NEW', 'CONTINUED_AS_NEW', 'COMPLETED']);

    const reportsPerRun: number[] = [];
    for (const run of runs) {
      const events = await env.client.getHandle('reports', run.execution?.runId).fetchHistory();
      reportsPerRun.push(eventsOfType(events, 'ActivityTaskCompleted').length);
      // Three jobs of timer + activity + decisions: the history stays the same size however long the schedule runs.
      expect(events.length).toBeLessThan(45);
    }
    expect(reportsPerRun).toEqual([3, 3, 1]);
  });

  it('carries the count of jobs done into the next run', async () => {
    const handle = await env.client.start(PeriodicReportWorkflow, { workflowId: 'reports-2', input: { every: '1h', jobsPerRun: 2, maxJobs: 3 } });
    await env.runUntil(handle.result());
    const runs: WorkflowExecutionInfo[] = [];
    for await (const run of env.client.list({ status: 'closed', workflowId: 'reports-2', reverseOrder: true })) runs.push(run);
    const second = await env.client.getHandle('reports-2', runs[1]?.execution?.runId).fetchHistory();
    const input = JSON.parse(second[0]?.workflowExecutionStartedEventAttributes?.input ?? 'null');
    expect(input).toEqual({ every: '1h', jobsPerRun: 2, maxJobs: 3, jobsDone: 2 });
    expect(second[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId).toBe(runs[0]?.execution?.runId);
  });

  it('completes in the run that did the last job when the total is a multiple of the jobs per run', async () => {
    const handle = await env.client.start(PeriodicReportWorkflow, { workflowId: 'reports-3', input: { every: '1h', jobsPerRun: 2, maxJobs: 4 } });
    expect(await env.runUntil(handle.result())).toEqual({ jobsDone: 4, lastReport: 'report #4 for 2026-03-01T13:00:00.000Z' });
    const statuses: Array<string | undefined> = [];
    for await (const run of env.client.list({ status: 'closed', workflowId: 'reports-3', reverseOrder: true })) statuses.push(run.closeStatus);
    expect(statuses).toEqual(['CONTINUED_AS_NEW', 'COMPLETED']);
  });
});

describe('periodic histories', () => {
  it.each(['first-run.json', 'last-run.json'])('replays %s against the current code', async (file) => {
    const result = await replayHistory({ workflows: [PeriodicReportWorkflow] }, new URL(`./histories/${file}`, import.meta.url));
    expect(result.decisionTasks).toBeGreaterThan(3);
  });
});
