import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NonDeterminismError } from '@swirl/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryLoadError, replayHistories, replayHistory, type ReplayOutcome } from '../../src/index.js';
import { BasicWorkflow, SIMPLEFLOW_BASIC } from '../support/simpleflow-basic.js';

type WireHistory = { events: Array<Record<string, any>> };

let folder: string;
let recording: WireHistory;

/** The recording with the activity scheduled at event 11 renamed, as if a different program had run. */
function withRenamedActivity(history: WireHistory): WireHistory {
  const events = structuredClone(history.events);
  events[10]!['activityTaskScheduledEventAttributes'].activityId = 'activity-examples.basic.sleep-1';
  return { events };
}

async function collect(iterable: AsyncIterable<ReplayOutcome>): Promise<ReplayOutcome[]> {
  const outcomes: ReplayOutcome[] = [];
  for await (const outcome of iterable) outcomes.push(outcome);
  return outcomes;
}

beforeAll(async () => {
  recording = JSON.parse(await readFile(SIMPLEFLOW_BASIC, 'utf8')) as WireHistory;
  folder = await mkdtemp(join(tmpdir(), 'swirl-replay-histories-'));
  await mkdir(join(folder, 'nested'));
  await writeFile(join(folder, 'a-good.json'), JSON.stringify(recording));
  await writeFile(join(folder, 'nested', 'b-bad.json'), JSON.stringify(withRenamedActivity(recording)));
  await writeFile(join(folder, 'c-broken.json'), '{ "events": [');
  await writeFile(join(folder, 'notes.txt'), 'not a history');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('replayHistories', () => {
  it('replays every .json file under a folder and reports each one, never stopping at a failure', async () => {
    const outcomes = await collect(replayHistories({ workflows: [BasicWorkflow] }, folder));
    expect(outcomes.map((outcome) => outcome.source)).toEqual([
      join(folder, 'a-good.json'),
      join(folder, 'c-broken.json'),
      join(folder, 'nested', 'b-bad.json'),
    ]);
    const [good, broken, bad] = outcomes;
    expect(good?.error).toBeUndefined();
    expect(good?.workflowType).toEqual({ name: 'basic', version: 'example' });
    expect(good?.result?.decisionTasks).toBe(4);
    expect(broken?.error).toBeInstanceOf(HistoryLoadError);
    expect(bad?.error).toBeInstanceOf(NonDeterminismError);
    expect((bad?.error as NonDeterminismError).eventId).toBe(11);
    expect(bad?.workflowType).toEqual({ name: 'basic', version: 'example' });
  });

  it('takes a list of histories in any form loadHistory reads', async () => {
    const outcomes = await collect(
      replayHistories({ workflows: [BasicWorkflow] }, [recording, JSON.stringify(withRenamedActivity(recording)), recording.events]),
    );
    expect(outcomes.map((outcome) => outcome.error === undefined)).toEqual([true, false, true]);
    expect(outcomes.every((outcome) => outcome.source === undefined)).toBe(true);
  });
});

describe('replayHistory of an open execution', () => {
  it('delivers the events that still wait for a decision task and returns what the code decides next', async () => {
    // Cut after event 19: `double` completed, but no decision task has run since.
    const open = { events: recording.events.slice(0, 19) };
    const result = await replayHistory({ workflows: [BasicWorkflow] }, open);
    expect(result.decisionTasks).toBe(3);
    expect(result.nextDecisions).toEqual([
      { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: '4' } },
    ]);
  });

  it('decides the open decision task a history ends with', async () => {
    const open = { events: recording.events.slice(0, 21) };
    const result = await replayHistory({ workflows: [BasicWorkflow] }, open);
    expect(result.nextDecisions.map((decision) => decision.decisionType)).toEqual(['CompleteWorkflowExecution']);
  });
});
