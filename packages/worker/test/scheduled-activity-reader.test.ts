import { describe, expect, it } from 'vitest';
import { ScheduledActivityReader } from '../src/scheduled-activity-reader.js';
import { fakeSwfClient } from './fake-swf-client.js';

const execution = { workflowId: 'order-1', runId: 'run-1' };

/** A history of `count` events, newest first, paged by the fake as SWF does with reverseOrder. */
function pagedHistory(events: Array<Record<string, unknown>>, pageSize: number) {
  const newestFirst = [...events].sort((a, b) => (b.eventId as number) - (a.eventId as number));
  return (input: { nextPageToken?: string }) => {
    const start = Number(input.nextPageToken ?? 0);
    const page = newestFirst.slice(start, start + pageSize);
    const next = start + pageSize < newestFirst.length ? String(start + pageSize) : undefined;
    return { events: page, ...(next && { nextPageToken: next }) };
  };
}

const filler = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => ({ eventId: from + index, eventType: 'MarkerRecorded' }));

describe('ScheduledActivityReader', () => {
  it('follows the started event to its scheduled event, newest page first, across pages', async () => {
    const events = [
      { eventId: 5, eventType: 'ActivityTaskScheduled', activityTaskScheduledEventAttributes: { activityId: 'a1', heartbeatTimeout: '3' } },
      { eventId: 6, eventType: 'ActivityTaskStarted', activityTaskStartedEventAttributes: { scheduledEventId: 5 } },
      ...filler(7, 12),
    ];
    const fake = fakeSwfClient().on('GetWorkflowExecutionHistory', pagedHistory(events, 4));
    const reader = new ScheduledActivityReader({ client: fake.client, domain: 'shop', pageSize: 4 });
    expect(await reader.read(execution, 6)).toEqual({ activityId: 'a1', heartbeatTimeout: '3' });
    expect(fake.callsTo('GetWorkflowExecutionHistory').map((call) => call.nextPageToken)).toEqual([undefined, '4']);
    expect(fake.callsTo('GetWorkflowExecutionHistory')[0]).toMatchObject({ domain: 'shop', execution, reverseOrder: true, maximumPageSize: 4 });
  });

  it('gives up after maxPages, and as soon as the pages pass below the started event', async () => {
    const far = fakeSwfClient().on('GetWorkflowExecutionHistory', pagedHistory(filler(1, 50), 5));
    expect(await new ScheduledActivityReader({ client: far.client, domain: 'shop', pageSize: 5, maxPages: 2 }).read(execution, 3)).toBeUndefined();
    expect(far.callsTo('GetWorkflowExecutionHistory')).toHaveLength(2);

    const missing = fakeSwfClient().on('GetWorkflowExecutionHistory', pagedHistory(filler(1, 8), 5));
    expect(await new ScheduledActivityReader({ client: missing.client, domain: 'shop', pageSize: 5 }).read(execution, 6)).toBeUndefined();
    expect(missing.callsTo('GetWorkflowExecutionHistory')).toHaveLength(1);
  });
});
