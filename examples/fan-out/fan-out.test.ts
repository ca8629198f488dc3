import type { HistoryEvent } from '@aws-sdk/client-swf';
import { replayHistory } from '@swirl/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRun, type LocalRun } from '../shared/local-run.js';
import { FAN_OUT_TASK_LIST, Thumbnails } from './activities.js';
import { GalleryWorkflow, ThumbnailWorkflow } from './workflow.js';

const CHILD_CLOSED = new Set([
  'ChildWorkflowExecutionCompleted',
  'ChildWorkflowExecutionFailed',
  'ChildWorkflowExecutionTimedOut',
  'ChildWorkflowExecutionCanceled',
  'ChildWorkflowExecutionTerminated',
]);

/** The most children the parent had open at once, read from its history. */
function peakOpenChildren(events: readonly HistoryEvent[]): number {
  let open = 0;
  let peak = 0;
  for (const { eventType } of events) {
    if (eventType === 'StartChildWorkflowExecutionInitiated') peak = Math.max(peak, ++open);
    if (eventType !== undefined && CHILD_CLOSED.has(eventType)) open--;
  }
  return peak;
}

describe('fan-out', () => {
  let run: LocalRun;
  beforeAll(async () => {
    run = await startLocalRun({ workers: [{ taskList: FAN_OUT_TASK_LIST, workflows: [GalleryWorkflow, ThumbnailWorkflow], activities: [new Thumbnails()] }] });
  });
  afterAll(() => run.close());

  it('runs one child per image, two at a time, and gathers results and failures in input order', async () => {
    const images = ['a.jpg', 'b.jpg', 'c.corrupt', 'd.jpg', 'e.jpg'];
    const handle = await run.client.start(GalleryWorkflow, { workflowId: 'gallery-1', input: { images, concurrency: 2 } });
    expect(await handle.result()).toEqual({
      thumbnails: [
        { image: 'a.jpg', thumbnail: 'thumbs/320/a.jpg' },
        { image: 'b.jpg', thumbnail: 'thumbs/320/b.jpg' },
        { image: 'd.jpg', thumbnail: 'thumbs/320/d.jpg' },
        { image: 'e.jpg', thumbnail: 'thumbs/320/e.jpg' },
      ],
      failures: [{ image: 'c.corrupt', reason: 'cannot decode c.corrupt' }],
    });

    const events = await handle.fetchHistory();
    expect(events.filter(({ eventType }) => eventType === 'StartChildWorkflowExecutionInitiated')).toHaveLength(5);
    expect(events.filter(({ eventType }) => eventType === 'ChildWorkflowExecutionFailed')).toHaveLength(1);
    expect(peakOpenChildren(events)).toBe(2);
    // The parent's history holds no activity events: each item's work lives in its child's history.
    expect(events.some(({ eventType }) => eventType?.startsWith('ActivityTask'))).toBe(false);
  });
});

describe('fan-out history', () => {
  it('replays the recorded parent run against the current code', async () => {
    const result = await replayHistory({ workflows: [GalleryWorkflow, ThumbnailWorkflow] }, new URL('./histories/gallery.json', import.meta.url));
    expect(result.workflowType).toEqual({ name: 'Gallery', version: '1' });
    expect(result.decisionTasks).toBeGreaterThan(2);
  });
});
