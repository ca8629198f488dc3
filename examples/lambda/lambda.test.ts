import { replayHistory } from '@swirl/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTypes } from '../shared/history-queries.js';
import { startLocalRun, type LocalRun } from '../shared/local-run.js';
import { LAMBDA_TASK_LIST, Reports } from './activities.js';
import { lambdaHandlers } from './functions.js';
import { WordStatsWorkflow } from './workflow.js';

describe('lambda', () => {
  let run: LocalRun;
  beforeAll(async () => {
    run = await startLocalRun({
      server: { lambdaHandlers },
      workers: [{ taskList: LAMBDA_TASK_LIST, workflows: [WordStatsWorkflow], activities: [new Reports()] }],
    });
  });
  afterAll(() => run.close());

  it('has the server run the Lambda function, then files its result with an activity', async () => {
    const handle = await run.client.start(WordStatsWorkflow, { workflowId: 'stats-1', input: { title: 'motto', text: 'To be or not to be' } });
    expect(await handle.result()).toBe('motto: 6 words, 4 distinct, longest "not"');

    const events = await handle.fetchHistory();
    const lambdaEvents = eventTypes(events).filter((type) => type.startsWith('LambdaFunction'));
    expect(lambdaEvents).toEqual(['LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionCompleted']);
    const started = events[0]?.workflowExecutionStartedEventAttributes;
    expect(started?.lambdaRole).toBe(WordStatsWorkflow.type.lambdaRole);
  });
});

describe('lambda history', () => {
  it('replays the recorded run against the current code', async () => {
    const result = await replayHistory({ workflows: [WordStatsWorkflow] }, new URL('./histories/word-stats.json', import.meta.url));
    expect(result.decisionTasks).toBe(3);
  });
});
