import { NonDeterminismError } from '@swirl/core';
import { Workflow } from '@swirl/workflow';
import { describe, expect, it } from 'vitest';
import { loadHistory, replayHistory, ReplayWorkflowNotFoundError } from '../../src/index.js';
import { BasicWorkflow, ReorderedBasicWorkflow, SIMPLEFLOW_BASIC } from '../support/simpleflow-basic.js';

class UnrelatedWorkflow extends Workflow<void, void> {
  static readonly type = { name: 'unrelated', version: '1' };
  async execute(): Promise<void> {}
}

describe('replayHistory over a history recorded by the real SWF service', () => {
  it('replays every decision task of the recording when the code still matches', async () => {
    const result = await replayHistory({ workflows: [UnrelatedWorkflow, BasicWorkflow] }, SIMPLEFLOW_BASIC);
    expect(result.workflowType).toEqual({ name: 'basic', version: 'example' });
    expect(result.events).toBe(23);
    expect(result.decisionTasks).toBe(4);
    expect(result.nextDecisions).toEqual([]);
  });

  it('accepts a history loadHistory already loaded', async () => {
    const loaded = await loadHistory(SIMPLEFLOW_BASIC, { execution: { workflowId: 'basic-1', runId: 'run-1' } });
    const result = await replayHistory({ workflows: [BasicWorkflow] }, loaded);
    expect(result.execution).toEqual({ workflowId: 'basic-1', runId: 'run-1' });
  });

  it('throws NonDeterminismError naming the first recorded decision the changed code no longer makes', async () => {
    const replay = replayHistory({ workflows: [ReorderedBasicWorkflow] }, SIMPLEFLOW_BASIC);
    await expect(replay).rejects.toBeInstanceOf(NonDeterminismError);
    const error = (await replay.catch((caught: unknown) => caught)) as NonDeterminismError;
    expect(error.eventId).toBe(11);
    expect(error.message).toContain('activity-examples.basic.Delay-1');
    expect(error.message).toContain('activity-examples.basic.double-1');
  });

  it('says which workflow types it was given when none matches the history', async () => {
    const replay = replayHistory({ workflows: [UnrelatedWorkflow] }, SIMPLEFLOW_BASIC);
    await expect(replay).rejects.toBeInstanceOf(ReplayWorkflowNotFoundError);
    await expect(replay).rejects.toThrow('workflow type basic version example');
    await expect(replay).rejects.toThrow('given: unrelated@1');
  });
});
