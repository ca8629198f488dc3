import { afterEach, describe, expect, it } from 'vitest';
import type { ExecutionFilter, ExecutionOrder, ExecutionPageQuery } from '../../src/store/execution-query.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { CloseStatus, ExecutionRecord } from '../../src/store/records.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { execution } from './records.js';

/** Every Store answers visibility queries the same way: MemoryStore by scanning, SqliteStore in SQL. */
const STORES: Array<[string, () => Store & { close?: () => void }]> = [
  ['MemoryStore', () => new MemoryStore()],
  ['SqliteStore', () => new SqliteStore({ path: ':memory:' })],
];

const T0 = 1_700_000_000_000;
const CLOSE_STATUSES: CloseStatus[] = ['COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED', 'TIMED_OUT', 'CONTINUED_AS_NEW'];

/** A deterministic spread of runs over two domains: repeated start times (ties broken by runId), types, tags, statuses. */
function seedRuns(): ExecutionRecord[] {
  const runs: ExecutionRecord[] = [];
  for (let i = 0; i < 240; i++) {
    const closed = i % 3 !== 0;
    runs.push(
      execution(i % 8 === 7 ? 'other' : 'd', `wf-${i % 40}`, `run-${String(i).padStart(4, '0')}`, {
        workflowType: { name: i % 2 === 0 ? 'Order' : 'Refund', version: String(i % 3) },
        // Every fifth run shares its start time with the one before.
        startTimestamp: T0 + Math.floor(i - (i % 5 === 4 ? 1 : 0)) * 1_000,
        tagList: [`tag-${i % 4}`, ...(i % 10 === 0 ? ['vip'] : [])],
        ...(closed && {
          status: 'CLOSED',
          closeStatus: CLOSE_STATUSES[i % CLOSE_STATUSES.length]!,
          closeTimestamp: T0 + 500_000 - i * 700,
        }),
      }),
    );
  }
  return runs;
}

const FILTERS: Array<[string, Omit<ExecutionFilter, 'domain' | 'status'>]> = [
  ['no filter', {}],
  ['start window', { startTime: { oldest: T0 + 20_000, latest: T0 + 150_000 } }],
  ['open-ended start window', { startTime: { oldest: T0 + 100_000 } }],
  ['close window', { closeTime: { oldest: T0 + 400_000, latest: T0 + 450_000 } }],
  ['workflow id', { startTime: { oldest: 0 }, workflowId: 'wf-5' }],
  ['type name', { startTime: { oldest: 0 }, type: { name: 'Refund' } }],
  ['type name and version', { startTime: { oldest: 0 }, type: { name: 'Order', version: '2' } }],
  ['tag', { startTime: { oldest: T0 + 10_000 }, tag: 'tag-1' }],
  ['rare tag by close time', { closeTime: { oldest: 0 }, tag: 'vip' }],
  ['close status', { closeTime: { oldest: 0 }, closeStatus: 'FAILED' }],
  ['type by close time', { closeTime: { oldest: T0 + 350_000 }, type: { name: 'Order', version: '1' } }],
  ['nothing matches', { startTime: { oldest: 0 }, workflowId: 'absent' }],
];

/** What the query must answer, written out independently of the stores' code. */
function expected(runs: ExecutionRecord[], filter: ExecutionFilter, orderBy: ExecutionOrder, descending: boolean): string[] {
  const within = (value: number | undefined, range: ExecutionFilter['startTime']) =>
    !range || (value !== undefined && value >= range.oldest && (range.latest === undefined || value <= range.latest));
  const matching = runs.filter(
    (run) =>
      run.domain === filter.domain &&
      run.status === filter.status &&
      within(run.startTimestamp, filter.startTime) &&
      within(run.closeTimestamp, filter.closeTime) &&
      (filter.workflowId === undefined || run.workflowId === filter.workflowId) &&
      (filter.type === undefined || (run.workflowType.name === filter.type.name && (filter.type.version === undefined || run.workflowType.version === filter.type.version))) &&
      (filter.tag === undefined || run.tagList.includes(filter.tag)) &&
      (filter.closeStatus === undefined || run.closeStatus === filter.closeStatus),
  );
  const time = (run: ExecutionRecord) => (orderBy === 'closeTime' ? run.closeTimestamp! : run.startTimestamp);
  matching.sort((a, b) => time(a) - time(b) || (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0));
  if (descending) matching.reverse();
  return matching.map((run) => run.runId);
}

/** Every page of a query, following the cursor of each page's last run. */
function walkPages(store: Store, query: Omit<ExecutionPageQuery, 'after'>): string[][] {
  const pages: string[][] = [];
  let after: ExecutionPageQuery['after'];
  for (;;) {
    const page = store.queryExecutions({ ...query, after });
    if (page.length === 0) return pages;
    pages.push(page.map((run) => run.runId));
    const last = page[page.length - 1]!;
    after = [query.orderBy === 'closeTime' ? last.closeTimestamp! : last.startTimestamp, last.runId];
  }
}

describe.each(STORES)('%s (visibility query contract)', (_name, createStore) => {
  let store: Store & { close?: () => void };
  afterEach(() => store?.close?.());

  const seeded = (): Store => {
    store = createStore();
    store.transaction(() => {
      for (const run of seedRuns()) store.saveExecution(run);
    });
    return store;
  };

  for (const status of ['OPEN', 'CLOSED'] as const) {
    for (const [label, filters] of FILTERS) {
      if (status === 'OPEN' && (filters.closeTime || filters.closeStatus)) continue;
      it(`pages ${status.toLowerCase()} runs by ${label} in both orders, with counts`, () => {
        const s = seeded();
        const filter: ExecutionFilter = { domain: 'd', status, ...filters };
        const orderBy: ExecutionOrder = status === 'CLOSED' && filters.closeTime ? 'closeTime' : 'startTime';
        for (const descending of [true, false]) {
          const all = expected(seedRuns(), filter, orderBy, descending);
          const pages = walkPages(s, { ...filter, orderBy, descending, limit: 7 });
          expect(pages.flat()).toEqual(all);
          expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
        }
        expect(s.countExecutions(filter)).toBe(expected(seedRuns(), filter, orderBy, true).length);
      });
    }
  }

  it('finds the seeded filters non-trivial (each returns some runs but not all)', () => {
    const s = seeded();
    const all = s.countExecutions({ domain: 'd', status: 'CLOSED' });
    for (const [label, filters] of FILTERS.filter(([label]) => label !== 'no filter' && label !== 'nothing matches')) {
      const count = s.countExecutions({ domain: 'd', status: 'CLOSED', ...filters });
      expect({ label, some: count > 0, notAll: count < all }).toEqual({ label, some: true, notAll: true });
    }
  });

  it('reflects a run that closes and one that is deleted', () => {
    const s = seeded();
    const open = [...s.listExecutions('d', 'OPEN')][0]!;
    const before = s.countExecutions({ domain: 'd', status: 'CLOSED', tag: open.tagList[0] });
    s.saveExecution({ ...open, status: 'CLOSED', closeStatus: 'COMPLETED', closeTimestamp: T0 + 999_000 });
    const newest = s.queryExecutions({ domain: 'd', status: 'CLOSED', closeTime: { oldest: 0 }, tag: open.tagList[0], orderBy: 'closeTime', descending: true, limit: 1 });
    expect(newest.map((run) => run.runId)).toEqual([open.runId]);
    expect(s.countExecutions({ domain: 'd', status: 'CLOSED', tag: open.tagList[0] })).toBe(before + 1);
    expect(s.queryExecutions({ domain: 'd', status: 'OPEN', workflowId: open.workflowId, orderBy: 'startTime', descending: true, limit: 10 }).map((run) => run.runId)).not.toContain(open.runId);

    s.deleteExecution('d', open.workflowId, open.runId);
    expect(s.countExecutions({ domain: 'd', status: 'CLOSED', tag: open.tagList[0] })).toBe(before);
    expect(s.queryExecutions({ domain: 'd', status: 'CLOSED', tag: open.tagList[0], orderBy: 'closeTime', descending: true, limit: 1 })[0]?.runId).not.toBe(open.runId);
  });

  it('keeps steps of an open run visible under its unchanged filters', () => {
    const s = seeded();
    const open = [...s.listExecutions('d', 'OPEN')][0]!;
    s.saveExecution({ ...open, eventCount: open.eventCount + 5 });
    const found = s.queryExecutions({ domain: 'd', status: 'OPEN', workflowId: open.workflowId, orderBy: 'startTime', descending: true, limit: 100 });
    expect(found.find((run) => run.runId === open.runId)?.eventCount).toBe(open.eventCount + 5);
  });
});
