import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { DOMAIN, faultOf, Harness, START_MS, WORKFLOW } from './harness.js';

/** The visibility calls answer the same through either store: filters, order, page tokens and counts. */
const STORES: Array<[string, () => Store & { close?: () => void }]> = [
  ['MemoryStore', () => new MemoryStore()],
  ['SqliteStore', () => new SqliteStore({ path: ':memory:' })],
];

type Info = { execution: { workflowId: string }; closeStatus?: string };

describe.each(STORES)('visibility calls on %s', (_name, createStore) => {
  let harness: Harness;
  let store: Store & { close?: () => void };
  afterEach(() => {
    harness?.close();
    store?.close?.();
  });

  /** 12 runs a second apart, tagged by parity; the even ones terminated a second apart, a minute later. */
  async function seed(): Promise<void> {
    store = createStore();
    harness = await Harness.create({ store });
    for (let i = 0; i < 12; i++) {
      await harness.start(`wf-${i}`, { tagList: [i % 2 === 0 ? 'even' : 'odd'] });
      await harness.clock.advance(1_000);
    }
    await harness.clock.advance(60_000);
    for (let i = 0; i < 12; i += 2) {
      await harness.call('TerminateWorkflowExecution', { domain: DOMAIN, workflowId: `wf-${i}` });
      await harness.clock.advance(1_000);
    }
  }

  async function allPages(operation: 'ListOpenWorkflowExecutions' | 'ListClosedWorkflowExecutions', input: Record<string, unknown>): Promise<string[]> {
    const ids: string[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await harness.call(operation, { domain: DOMAIN, maximumPageSize: 4, ...input, ...(nextPageToken && { nextPageToken }) });
      ids.push(...(page.executionInfos as Info[]).map((info) => info.execution.workflowId));
      nextPageToken = page.nextPageToken as string | undefined;
    } while (nextPageToken);
    return ids;
  }

  it('pages closed runs newest first, and oldest first with reverseOrder', async () => {
    await seed();
    const newestFirst = ['wf-10', 'wf-8', 'wf-6', 'wf-4', 'wf-2', 'wf-0'];
    expect(await allPages('ListClosedWorkflowExecutions', { startTimeFilter: { oldestDate: 0 } })).toEqual(newestFirst);
    expect(await allPages('ListClosedWorkflowExecutions', { closeTimeFilter: { oldestDate: 0 }, reverseOrder: true })).toEqual([...newestFirst].reverse());
  });

  it('applies the start window, tag and type filters and counts the same runs', async () => {
    await seed();
    const window = { oldestDate: (START_MS + 3_000) / 1_000, latestDate: (START_MS + 8_000) / 1_000 };
    expect(await allPages('ListOpenWorkflowExecutions', { startTimeFilter: window })).toEqual(['wf-7', 'wf-5', 'wf-3']);
    expect(await allPages('ListOpenWorkflowExecutions', { startTimeFilter: { oldestDate: 0 }, tagFilter: { tag: 'even' } })).toEqual([]);
    expect(await allPages('ListClosedWorkflowExecutions', { startTimeFilter: window, tagFilter: { tag: 'even' } })).toEqual(['wf-8', 'wf-6', 'wf-4']);
    expect(await harness.call('CountClosedWorkflowExecutions', { domain: DOMAIN, startTimeFilter: window, typeFilter: WORKFLOW })).toEqual({ count: 3, truncated: false });
    expect(await harness.call('CountOpenWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate: 0 } })).toEqual({ count: 6, truncated: false });
    expect(
      await harness.call('CountClosedWorkflowExecutions', { domain: DOMAIN, closeTimeFilter: { oldestDate: 0 }, closeStatusFilter: { status: 'TERMINATED' } }),
    ).toEqual({ count: 6, truncated: false });
  });

  it('refuses a page token handed back with the other time filter, whose order it does not continue', async () => {
    await seed();
    const first = await harness.call('ListClosedWorkflowExecutions', { domain: DOMAIN, maximumPageSize: 2, startTimeFilter: { oldestDate: 0 } });
    const fault = await faultOf(
      harness.call('ListClosedWorkflowExecutions', { domain: DOMAIN, maximumPageSize: 2, closeTimeFilter: { oldestDate: 0 }, nextPageToken: first.nextPageToken }),
    );
    expect(fault).toMatchObject({ faultName: 'ValidationException', message: expect.stringContaining('same filters') });
  });
});
