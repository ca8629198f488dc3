import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, UnsupportedSchemaVersionError } from '../../src/store/sqlite/schema.js';
import { SqliteStoreOpenError } from '../../src/store/sqlite/open-error.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { domain, event, execution, task, workflowType } from './records.js';

let dir: string;
let path: string;
const opened: Array<{ close(): void }> = [];
const track = <T extends { close(): unknown }>(closable: T): T => {
  opened.push({ close: () => void closable.close() });
  return closable;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swirl-sqlite-'));
  path = join(dir, 'swirl.db');
});
afterEach(() => {
  for (const closable of opened.splice(0)) closable.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SqliteStore on a file', () => {
  it('keeps every kind of record across close and reopen', () => {
    const first = track(new SqliteStore({ path }));
    first.transaction(() => {
      first.saveDomain(domain('d'));
      first.saveType(workflowType('d', 'A', '1'));
      first.saveExecution(execution('d', 'open-wf', 'r1', { eventCount: 2 }));
      first.saveExecution(execution('d', 'done-wf', 'r2', { status: 'CLOSED', closeStatus: 'COMPLETED' }));
      first.appendEvents('d', 'open-wf', 'r1', [event(1), event(2)]);
      first.enqueueTask(task('t', 3, 17));
      first.saveTaskToken({ token: 'tok', kind: 'decision', domain: 'd', workflowId: 'open-wf', runId: 'r1', scheduledEventId: 2, startedEventId: 3 });
    });
    first.close();

    const second = track(new SqliteStore({ path }));
    expect(second.listDomains()).toEqual([domain('d')]);
    expect(second.getType('d', 'workflow', 'A', '1')).toEqual(workflowType('d', 'A', '1'));
    expect(second.getOpenExecution('d', 'open-wf')).toEqual(execution('d', 'open-wf', 'r1', { eventCount: 2 }));
    expect(second.countOpenExecutions('d')).toBe(1);
    expect([...second.listExecutions('d', 'CLOSED')].map((e) => e.closeStatus)).toEqual(['COMPLETED']);
    expect(second.readEvents('d', 'open-wf', 'r1', 1, 2)).toEqual([event(1), event(2)]);
    expect(second.maxTaskSequence()).toBe(17);
    expect(second.dequeueTask('d', 'activity', 'workers')?.key).toBe('t');
    expect(second.getTaskToken('tok')?.startedEventId).toBe(3);
  });

  it('writes in WAL mode with synchronous = NORMAL, as the README promises, and records its schema version', () => {
    const store = new SqliteStore({ path });
    expect(store.durability).toEqual({ journalMode: 'wal', synchronous: 'NORMAL' });
    track(store).close();
    const db = track(new Database(path, { readonly: true }));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_version').pluck().all()).toEqual([SCHEMA_VERSION]);
  });

  it('refuses a database written with a newer schema, naming both versions', () => {
    track(new SqliteStore({ path })).close();
    const db = new Database(path);
    db.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION + 1);
    db.close();
    expect(() => new SqliteStore({ path })).toThrow(UnsupportedSchemaVersionError);
    expect(() => new SqliteStore({ path })).toThrow(`schema version ${SCHEMA_VERSION + 1}, but this server reads versions up to ${SCHEMA_VERSION}`);
  });

  it('refuses a path it cannot open as a database with SqliteStoreOpenError naming the path and the reason', () => {
    const missingDirectory = join(dir, 'missing', 'swirl.db');
    expect(() => new SqliteStore({ path: missingDirectory })).toThrow(SqliteStoreOpenError);
    expect(() => new SqliteStore({ path: missingDirectory })).toThrow(`Cannot open the SQLite store ${missingDirectory}: Cannot open database because the directory does not exist`);
    expect(() => new SqliteStore({ path: dir })).toThrow(`Cannot open the SQLite store ${dir}: unable to open database file`);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'plain text, not a database '.repeat(100));
    expect(() => new SqliteStore({ path: text })).toThrow(`Cannot open the SQLite store ${text}: file is not a database`);
  });

  it('answers every lookup of the Store interface from an index, never a table scan', () => {
    track(new SqliteStore({ path })).close();
    const db = track(new Database(path, { readonly: true }));
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((row) => row.detail).join(' | ');
    const lookups = [
      "SELECT record FROM types WHERE domain = 'd' AND kind = 'workflow' AND name = 'A' AND version = '1'",
      "SELECT record FROM types WHERE domain = 'd' AND kind = 'workflow' ORDER BY name, version",
      "SELECT record FROM executions WHERE domain = 'd' AND workflow_id = 'w' AND run_id = 'r'",
      "SELECT record FROM executions WHERE domain = 'd' AND workflow_id = 'w' AND status = 'OPEN'",
      "SELECT workflow_id, run_id, record FROM executions WHERE domain = 'd' AND status = 'CLOSED'",
      "SELECT record FROM executions WHERE status = 'OPEN'",
      "SELECT event FROM events WHERE domain = 'd' AND workflow_id = 'w' AND run_id = 'r' AND event_id BETWEEN 1 AND 9 ORDER BY event_id",
      "SELECT key, record FROM tasks WHERE domain = 'd' AND kind = 'activity' AND task_list = 'l' ORDER BY priority DESC, sequence ASC LIMIT 1",
      "SELECT COUNT(*) FROM tasks WHERE domain = 'd' AND kind = 'activity' AND task_list = 'l'",
      "DELETE FROM tasks WHERE key = 'k'",
      'SELECT MAX(sequence) FROM tasks',
      "SELECT record FROM task_tokens WHERE token = 't'",
    ];
    for (const sql of lookups) {
      const detail = plan(sql);
      expect(detail, sql).toMatch(/USING (COVERING )?INDEX|USING PRIMARY KEY|SEARCH/);
      expect(detail, sql).not.toMatch(/^SCAN (types|executions|events|tasks|task_tokens)$|TEMP B-TREE/);
    }
  });

  it('hands out one object per open run even after a reopen', () => {
    const first = track(new SqliteStore({ path }));
    first.saveExecution(execution('d', 'wf', 'r1'));
    first.close();
    const second = track(new SqliteStore({ path }));
    expect(second.getExecution('d', 'wf', 'r1')).toBe(second.getOpenExecution('d', 'wf'));
  });

  it('rejects a negative closed-run cache size', () => {
    expect(() => new SqliteStore({ path, closedExecutionCacheSize: -1 })).toThrow('closedExecutionCacheSize must be an integer >= 0, got -1');
  });
});
