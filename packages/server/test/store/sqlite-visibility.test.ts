import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExecutionFilter, ExecutionPageQuery } from '../../src/store/execution-query.js';
import { SCHEMA_MIGRATIONS } from '../../src/store/sqlite/schema.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { countSql, pageSql, type VisibilitySql } from '../../src/store/sqlite/visibility-sql.js';
import { execution } from './records.js';

let dir: string;
let path: string;
const opened: Array<{ close(): unknown }> = [];
const track = <T extends { close(): unknown }>(closable: T): T => {
  opened.push(closable);
  return closable;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swirl-visibility-'));
  path = join(dir, 'swirl.db');
});
afterEach(() => {
  for (const closable of opened.splice(0)) closable.close();
  rmSync(dir, { recursive: true, force: true });
});

const plan = (db: Database.Database, { sql, params }: VisibilitySql): string[] =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail);

const page = (query: Omit<ExecutionPageQuery, 'domain' | 'limit' | 'descending'>): ExecutionPageQuery => ({
  domain: 'd',
  descending: true,
  limit: 100,
  after: [1_700_000_000_000, 'run-x'],
  ...query,
});

const PAGES: Array<[string, ExecutionPageQuery]> = [
  ['closed by start time', page({ status: 'CLOSED', startTime: { oldest: 0, latest: 9 }, orderBy: 'startTime' })],
  ['closed by close time', page({ status: 'CLOSED', closeTime: { oldest: 0 }, orderBy: 'closeTime' })],
  ['open by start time', page({ status: 'OPEN', startTime: { oldest: 0 }, orderBy: 'startTime' })],
  ['workflow id', page({ status: 'CLOSED', closeTime: { oldest: 0 }, workflowId: 'w', orderBy: 'closeTime' })],
  ['type name', page({ status: 'CLOSED', startTime: { oldest: 0 }, type: { name: 'Order' }, orderBy: 'startTime' })],
  ['type name and version', page({ status: 'OPEN', startTime: { oldest: 0 }, type: { name: 'Order', version: '1' }, orderBy: 'startTime' })],
  ['tag', page({ status: 'CLOSED', closeTime: { oldest: 0 }, tag: 'vip', orderBy: 'closeTime' })],
  ['close status', page({ status: 'CLOSED', startTime: { oldest: 0 }, closeStatus: 'FAILED', orderBy: 'startTime' })],
];

const INDEX_OF_PAGE: Record<string, string> = {
  'closed by start time': 'executions_by_start',
  'closed by close time': 'executions_by_close',
  'open by start time': 'executions_by_start',
  'workflow id': 'executions_by_workflow_id_close',
  'type name': 'executions_by_type_start',
  'type name and version': 'executions_by_type_version_start',
  tag: 'execution_tags_by_close',
  'close status': 'executions_by_close_status_start',
};

describe('SqliteStore visibility in SQL', () => {
  it.each(PAGES)('pages %s through its composite index, already in order (EXPLAIN QUERY PLAN)', (label, query) => {
    track(new SqliteStore({ path }));
    const db = track(new Database(path, { readonly: true }));
    for (const descending of [true, false]) {
      const steps = plan(db, pageSql({ ...query, descending }));
      expect(steps[0]).toMatch(new RegExp(`^SEARCH v USING (COVERING )?INDEX ${INDEX_OF_PAGE[label]} \\(domain=\\? AND status=\\?`));
      // No table scan and no sort: the index hands rows out in page order and the LIMIT stops it.
      expect(steps.filter((step) => /SCAN|TEMP B-TREE/.test(step))).toEqual([]);
    }
  });

  it('counts from the index alone, joining the runs only when another filter needs their columns', () => {
    track(new SqliteStore({ path }));
    const db = track(new Database(path, { readonly: true }));
    const count = (filter: Omit<ExecutionFilter, 'domain'>) => plan(db, countSql({ domain: 'd', ...filter }));
    expect(count({ status: 'CLOSED', closeTime: { oldest: 0 }, tag: 'vip' })).toEqual([
      'SEARCH v USING COVERING INDEX execution_tags_by_close (domain=? AND status=? AND tag=? AND close_ts>?)',
    ]);
    expect(count({ status: 'CLOSED', startTime: { oldest: 0 }, closeStatus: 'FAILED' })).toEqual([
      'SEARCH v USING COVERING INDEX executions_by_close_status_start (domain=? AND status=? AND close_status=? AND start_ts>?)',
    ]);
    expect(count({ status: 'OPEN', startTime: { oldest: 0, latest: 5 }, type: { name: 'Order', version: '2' } })).toEqual([
      'SEARCH v USING COVERING INDEX executions_by_type_version_start (domain=? AND status=? AND type_name=? AND type_version=? AND start_ts>? AND start_ts<?)',
    ]);
  });
});

describe('SqliteStore schema migration to SQL visibility', () => {
  it('fills the visibility columns and tag rows of runs written by schema version 1', () => {
    const db = track(new Database(path));
    db.exec(SCHEMA_MIGRATIONS[0]!);
    db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1)');
    const old = execution('d', 'wf', 'run-1', {
      status: 'CLOSED',
      closeStatus: 'FAILED',
      startTimestamp: 5_000,
      closeTimestamp: 9_000,
      tagList: ['a', 'b'],
      workflowType: { name: 'Order', version: '3' },
    });
    db.prepare('INSERT INTO executions (domain, workflow_id, run_id, status, record) VALUES (?, ?, ?, ?, ?)').run('d', 'wf', 'run-1', 'CLOSED', JSON.stringify(old));
    db.close();

    const store = track(new SqliteStore({ path }));
    const query = { domain: 'd', status: 'CLOSED', orderBy: 'closeTime', descending: true, limit: 10 } as const;
    expect(store.queryExecutions({ ...query, closeTime: { oldest: 9_000, latest: 9_000 }, tag: 'b' })).toEqual([old]);
    expect(store.queryExecutions({ ...query, closeTime: { oldest: 0 }, type: { name: 'Order', version: '3' }, closeStatus: 'FAILED' })).toEqual([old]);
    expect(store.countExecutions({ domain: 'd', status: 'CLOSED', startTime: { oldest: 5_000, latest: 5_000 }, tag: 'a' })).toBe(1);
    expect(store.countExecutions({ domain: 'd', status: 'CLOSED', startTime: { oldest: 5_001 } })).toBe(0);
  });
});
