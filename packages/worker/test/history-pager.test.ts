import type { HistoryEvent } from '@aws-sdk/client-swf';
import { describe, expect, it } from 'vitest';
import { HistoryGapError, HistoryPager } from '../src/history-pager.js';
import { fakeSwfClient } from './fake-swf-client.js';

const event = (eventId: number): HistoryEvent => ({ eventId, eventType: 'MarkerRecorded', eventTimestamp: new Date(eventId * 1000) });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => event(from + index));

/** Pages newest first, `size` events per page, like PollForDecisionTask with reverseOrder. */
function reversePages(last: number, size: number) {
  const all = range(1, last).reverse();
  const pages = [];
  for (let start = 0; start < all.length; start += size) pages.push(all.slice(start, start + size));
  return pages;
}

function setup(last: number, size: number) {
  const pages = reversePages(last, size);
  const fake = fakeSwfClient().on('PollForDecisionTask', (input) => {
    const index = Number(input.nextPageToken);
    return { events: pages[index], nextPageToken: index + 1 < pages.length ? String(index + 1) : undefined };
  });
  const pager = new HistoryPager({ client: fake.client, domain: 'd', identity: 'me', requestTimeoutMs: 70_000 });
  const first = { taskToken: 't', startedEventId: last, events: pages[0], nextPageToken: pages.length > 1 ? '1' : undefined };
  return { fake, pager, first };
}

describe('HistoryPager', () => {
  it('fetches every page with nextPageToken and returns the events oldest first', async () => {
    const { fake, pager, first } = setup(25, 10);
    const history = await pager.collect(first, 'tl');
    expect(history.mode).toBe('full');
    expect(history.events.map((e) => e.eventId)).toEqual(range(1, 25).map((e) => e.eventId));
    expect(fake.callsTo('PollForDecisionTask')).toEqual([
      expect.objectContaining({ nextPageToken: '1', reverseOrder: true, domain: 'd', taskList: { name: 'tl' } }),
      expect.objectContaining({ nextPageToken: '2', reverseOrder: true }),
    ]);
  });

  it('fetches only the newest pages for a cached run and returns only the new events', async () => {
    const { fake, pager, first } = setup(95, 10);
    const history = await pager.collect(first, 'tl', 80);
    expect(history).toEqual({ mode: 'incremental', events: range(81, 95) });
    expect(fake.callsTo('PollForDecisionTask')).toHaveLength(1);
  });

  it('asks the next page of a cached run for exactly the events still missing', async () => {
    const fake = fakeSwfClient().on('PollForDecisionTask', (input) => {
      const to = Number(input.nextPageToken);
      const from = Math.max(1, to - (input.maximumPageSize ?? 1000) + 1);
      return { events: range(from, to).reverse(), ...(from > 1 && { nextPageToken: String(from - 1) }) };
    });
    const pager = new HistoryPager({ client: fake.client, domain: 'd', identity: 'me', requestTimeoutMs: 70_000 });
    // A small first page (events 76..100) that does not reach the cached runtime's event 60.
    const history = await pager.collect({ startedEventId: 100, events: range(76, 100).reverse(), nextPageToken: '75' }, 'tl', 60);
    expect(history).toEqual({ mode: 'incremental', events: range(61, 100) });
    expect(fake.callsTo('PollForDecisionTask')).toEqual([expect.objectContaining({ nextPageToken: '75', maximumPageSize: 15 })]);
  });

  it('falls back to the full history when the new events do not join the known ones', async () => {
    const { pager, first } = setup(30, 10);
    // The cached runtime claims more events than this task's history holds: a surprise.
    const history = await pager.collect(first, 'tl', 40);
    expect(history.mode).toBe('full');
    expect(history.events).toHaveLength(30);
  });

  it('drops events recorded after the task started', async () => {
    const { pager, first } = setup(12, 100);
    const history = await pager.collect({ ...first, startedEventId: 10 }, 'tl');
    expect(history.events.at(-1)?.eventId).toBe(10);
  });

  it('refuses a history with holes', async () => {
    const fake = fakeSwfClient();
    const pager = new HistoryPager({ client: fake.client, domain: 'd', identity: 'me', requestTimeoutMs: 70_000 });
    await expect(pager.collect({ startedEventId: 3, events: [event(3), event(1)] }, 'tl')).rejects.toBeInstanceOf(HistoryGapError);
  });
});
