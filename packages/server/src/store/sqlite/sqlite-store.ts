import Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import type {
  DomainRecord,
  ExecutionRecord,
  HistoryEventRecord,
  TaskKind,
  TaskRecord,
  TaskTokenRecord,
  TypeKind,
  TypeRecord,
} from '../records.js';
import type { ExecutionFilter, ExecutionPageQuery } from '../execution-query.js';
import type { Store } from '../store.js';
import { ExecutionCache } from './execution-cache.js';
import { SqliteStoreOpenError } from './open-error.js';
import { migrate, UnsupportedSchemaVersionError } from './schema.js';
import { countSql, pageSql } from './visibility-sql.js';

export interface SqliteStoreOptions {
  /** The database file, created when missing; `':memory:'` keeps everything in process memory. */
  path: string;
  /**
   * Closed runs kept in memory after their last use, so the closed runs a step touches are one
   * object per run and repeated reads skip JSON parsing. Open runs are always held. @default 1024
   */
  closedExecutionCacheSize?: number;
}

const parse = <T>(json: unknown): T => JSON.parse(json as string) as T;

/**
 * The durable Store: one SQLite file in WAL mode, written through prepared statements, each engine
 * step committed as one transaction. Open runs are held in memory as well (loaded when the store
 * opens), so open-run lookups, counts and object identity cost no query; everything else is read
 * through the schema's indexes.
 *
 * @example
 * ```ts
 * const store = new SqliteStore({ path: './swirl.db' });
 * const engine = new SwfEngine({ store });
 * // ...
 * engine.close();
 * store.close();
 * ```
 */
export class SqliteStore implements Store {
  readonly path: string;
  readonly #db: Database.Database;
  readonly #executions: ExecutionCache;
  readonly #domains = new Map<string, DomainRecord>();
  readonly #sql: ReturnType<typeof prepareStatements>;
  /** Visibility statements by SQL text: a few dozen shapes (filter x order x bounds), each prepared once. */
  readonly #visibility = new Map<string, Statement>();

  constructor(options: SqliteStoreOptions) {
    const closedCacheSize = options.closedExecutionCacheSize ?? 1024;
    if (!Number.isInteger(closedCacheSize) || closedCacheSize < 0) {
      throw new RangeError(`closedExecutionCacheSize must be an integer >= 0, got ${closedCacheSize}`);
    }
    this.path = options.path;
    try {
      this.#db = new Database(options.path);
    } catch (error) {
      throw new SqliteStoreOpenError(options.path, error);
    }
    try {
      this.#db.pragma('journal_mode = WAL');
      // With WAL, NORMAL syncs at checkpoints: a power cut may lose the last steps, never corrupt the file.
      this.#db.pragma('synchronous = NORMAL');
      this.#db.pragma('foreign_keys = OFF');
      migrate(this.#db);
      this.#sql = prepareStatements(this.#db);
    } catch (error) {
      this.#db.close();
      // SQLite opens lazily: a directory or a file that is not a database fails at the first statement.
      throw error instanceof UnsupportedSchemaVersionError ? error : new SqliteStoreOpenError(options.path, error);
    }
    this.#executions = new ExecutionCache(closedCacheSize);
    this.#load();
  }

  /**
   * The durability this store's connection runs with, read back from SQLite: WAL journaling with
   * `synchronous = NORMAL` (a process crash loses no committed step; a power cut may lose the
   * steps since the last WAL sync, and never corrupts the file).
   */
  get durability(): { readonly journalMode: string; readonly synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA' } {
    const synchronous = (['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const)[this.#db.pragma('synchronous', { simple: true }) as number];
    if (synchronous === undefined) throw new Error('SQLite reported a synchronous level outside 0-3');
    return { journalMode: String(this.#db.pragma('journal_mode', { simple: true })), synchronous };
  }

  /** True until `close()`. */
  get open(): boolean {
    return this.#db.open;
  }

  /** Closes the database file. The engine using this store must be closed first. */
  close(): void {
    if (this.#db.open) this.#db.close();
  }

  transaction<T>(work: () => T): T {
    if (this.#db.inTransaction) return work();
    this.#sql.begin.run();
    try {
      return work();
    } finally {
      try {
        this.#sql.commit.run();
      } catch (error) {
        if (this.#db.inTransaction) this.#sql.rollback.run();
        // A failed commit outranks whatever `work` threw: nothing of this step is durable.
        throw error;
      }
    }
  }

  getDomain(name: string): DomainRecord | undefined {
    return this.#domains.get(name);
  }

  saveDomain(domain: DomainRecord): void {
    this.#sql.saveDomain.run(domain.name, JSON.stringify(domain));
    this.#domains.set(domain.name, domain);
  }

  listDomains(): DomainRecord[] {
    return [...this.#domains.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  countDomains(): number {
    return this.#domains.size;
  }

  getType(domain: string, kind: TypeKind, name: string, version: string): TypeRecord | undefined {
    const json = this.#sql.getType.get(domain, kind, name, version);
    return json === undefined ? undefined : parse<TypeRecord>(json);
  }

  saveType(type: TypeRecord): void {
    this.#sql.saveType.run(type.domain, type.kind, type.name, type.version, JSON.stringify(type));
  }

  deleteType(domain: string, kind: TypeKind, name: string, version: string): void {
    this.#sql.deleteType.run(domain, kind, name, version);
  }

  listTypes(domain: string, kind: TypeKind): TypeRecord[] {
    return this.#sql.listTypes.all(domain, kind).map((json: unknown) => parse<TypeRecord>(json));
  }

  countTypes(domain: string, kind: TypeKind): number {
    return this.#sql.countTypes.get(domain, kind) as number;
  }

  getExecution(domain: string, workflowId: string, runId: string): ExecutionRecord | undefined {
    const cached = this.#executions.get(domain, workflowId, runId);
    if (cached) return cached;
    const json = this.#sql.getExecution.get(domain, workflowId, runId);
    if (json === undefined) return undefined;
    const execution = parse<ExecutionRecord>(json);
    this.#executions.put(execution);
    return execution;
  }

  getOpenExecution(domain: string, workflowId: string): ExecutionRecord | undefined {
    return this.#executions.getOpen(domain, workflowId);
  }

  saveExecution(execution: ExecutionRecord): void {
    const { domain, workflowId, runId } = execution;
    // Most saves are steps of a run already saved open: only its record changes, and an UPDATE that
    // sets no indexed column leaves every visibility index alone.
    if (execution.status === 'OPEN' && this.#executions.isSavedOpen(domain, workflowId, runId)) {
      this.#sql.updateExecutionRecord.run(JSON.stringify(execution), domain, workflowId, runId);
    } else {
      this.#sql.saveExecution.run(
        domain,
        workflowId,
        runId,
        execution.status,
        JSON.stringify(execution),
        execution.startTimestamp,
        execution.closeTimestamp ?? null,
        execution.workflowType.name,
        execution.workflowType.version,
        execution.closeStatus ?? null,
      );
      // Started or closed: the tag rows carry status and times, so they are written again.
      this.#sql.deleteExecutionTags.run(domain, workflowId, runId);
      for (const tag of execution.tagList) {
        this.#sql.saveExecutionTag.run(domain, workflowId, runId, tag, execution.status, execution.startTimestamp, execution.closeTimestamp ?? null);
      }
    }
    this.#executions.put(execution);
  }

  deleteExecution(domain: string, workflowId: string, runId: string): void {
    this.#sql.deleteEvents.run(domain, workflowId, runId);
    this.#sql.deleteExecutionTags.run(domain, workflowId, runId);
    this.#sql.deleteExecution.run(domain, workflowId, runId);
    this.#executions.delete(domain, workflowId, runId);
  }

  listExecutions(domain: string, status: 'OPEN' | 'CLOSED'): Iterable<ExecutionRecord> {
    if (status === 'OPEN') return this.#executions.listOpen(domain);
    const rows = this.#sql.listClosedExecutions.all(domain) as Array<{ workflow_id: string; run_id: string; record: string }>;
    // Prefer the cached object: a closed run touched in this step may hold changes not yet saved.
    return rows.map((row) => this.#executions.get(domain, row.workflow_id, row.run_id) ?? parse<ExecutionRecord>(row.record));
  }

  queryExecutions(query: ExecutionPageQuery): ExecutionRecord[] {
    const { sql, params } = pageSql(query);
    const rows = this.#visibilityStatement(sql).all(...params) as Array<{ workflow_id: string; run_id: string; record: string }>;
    return rows.map((row) => this.#executions.get(query.domain, row.workflow_id, row.run_id) ?? parse<ExecutionRecord>(row.record));
  }

  countExecutions(filter: ExecutionFilter): number {
    // Open runs are all in memory and counted there when no filter narrows them.
    if (filter.status === 'OPEN' && isDomainOnly(filter)) return this.#executions.countOpen(filter.domain);
    const { sql, params } = countSql(filter);
    return this.#visibilityStatement(sql).pluck().get(...params) as number;
  }

  countOpenExecutions(domain: string): number {
    return this.#executions.countOpen(domain);
  }

  appendEvents(domain: string, workflowId: string, runId: string, events: HistoryEventRecord[]): void {
    for (const event of events) this.#sql.appendEvent.run(domain, workflowId, runId, event.eventId, JSON.stringify(event));
  }

  readEvents(domain: string, workflowId: string, runId: string, fromEventId: number, toEventId: number): HistoryEventRecord[] {
    return this.#sql.readEvents.all(domain, workflowId, runId, fromEventId, toEventId).map((json: unknown) => parse<HistoryEventRecord>(json));
  }

  enqueueTask(task: TaskRecord): void {
    this.#sql.enqueueTask.run(task.key, task.domain, task.kind, task.taskList, task.priority, task.sequence, JSON.stringify(task));
  }

  dequeueTask(domain: string, kind: TaskKind, taskList: string): TaskRecord | undefined {
    const row = this.#sql.peekTask.get(domain, kind, taskList) as { key: string; record: string } | undefined;
    if (!row) return undefined;
    this.#sql.removeTask.run(row.key);
    return parse<TaskRecord>(row.record);
  }

  removeTask(key: string): void {
    this.#sql.removeTask.run(key);
  }

  countTasks(domain: string, kind: TaskKind, taskList: string): number {
    return this.#sql.countTasks.get(domain, kind, taskList) as number;
  }

  maxTaskSequence(): number {
    return (this.#sql.maxTaskSequence.get() as number | null) ?? 0;
  }

  saveTaskToken(record: TaskTokenRecord): void {
    this.#sql.saveTaskToken.run(record.token, JSON.stringify(record));
  }

  getTaskToken(token: string): TaskTokenRecord | undefined {
    const json = this.#sql.getTaskToken.get(token);
    return json === undefined ? undefined : parse<TaskTokenRecord>(json);
  }

  deleteTaskToken(token: string): void {
    this.#sql.deleteTaskToken.run(token);
  }

  clear(): void {
    this.transaction(() => {
      for (const table of ['domains', 'types', 'executions', 'execution_tags', 'events', 'tasks', 'task_tokens']) this.#db.exec(`DELETE FROM ${table}`);
    });
    this.#domains.clear();
    this.#executions.clear();
  }

  #visibilityStatement(sql: string): Statement {
    let statement = this.#visibility.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#visibility.set(sql, statement);
    }
    return statement;
  }

  /** Domains and open runs live in memory too; read them once. */
  #load(): void {
    for (const json of this.#sql.listDomains.all()) {
      const domain = parse<DomainRecord>(json);
      this.#domains.set(domain.name, domain);
    }
    for (const json of this.#sql.listOpenExecutions.all()) this.#executions.put(parse<ExecutionRecord>(json));
  }
}

const isDomainOnly = (filter: ExecutionFilter): boolean =>
  filter.startTime === undefined &&
  filter.closeTime === undefined &&
  filter.workflowId === undefined &&
  filter.type === undefined &&
  filter.tag === undefined &&
  filter.closeStatus === undefined;

function prepareStatements(db: Database.Database) {
  const pluck = (source: string): Statement => db.prepare(source).pluck();
  return {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),

    saveDomain: db.prepare('INSERT INTO domains (name, record) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET record = excluded.record'),
    listDomains: pluck('SELECT record FROM domains'),

    getType: pluck('SELECT record FROM types WHERE domain = ? AND kind = ? AND name = ? AND version = ?'),
    saveType: db.prepare(
      'INSERT INTO types (domain, kind, name, version, record) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT (domain, kind, name, version) DO UPDATE SET record = excluded.record',
    ),
    deleteType: db.prepare('DELETE FROM types WHERE domain = ? AND kind = ? AND name = ? AND version = ?'),
    listTypes: pluck('SELECT record FROM types WHERE domain = ? AND kind = ? ORDER BY name, version'),
    countTypes: pluck('SELECT COUNT(*) FROM types WHERE domain = ? AND kind = ?'),

    getExecution: pluck('SELECT record FROM executions WHERE domain = ? AND workflow_id = ? AND run_id = ?'),
    saveExecution: db.prepare(
      'INSERT INTO executions (domain, workflow_id, run_id, status, record, start_ts, close_ts, type_name, type_version, close_status) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (domain, workflow_id, run_id) DO UPDATE SET status = excluded.status, record = excluded.record, ' +
        'start_ts = excluded.start_ts, close_ts = excluded.close_ts, type_name = excluded.type_name, ' +
        'type_version = excluded.type_version, close_status = excluded.close_status',
    ),
    updateExecutionRecord: db.prepare('UPDATE executions SET record = ? WHERE domain = ? AND workflow_id = ? AND run_id = ?'),
    saveExecutionTag: db.prepare(
      'INSERT OR IGNORE INTO execution_tags (domain, workflow_id, run_id, tag, status, start_ts, close_ts) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    deleteExecutionTags: db.prepare('DELETE FROM execution_tags WHERE domain = ? AND workflow_id = ? AND run_id = ?'),
    deleteExecution: db.prepare('DELETE FROM executions WHERE domain = ? AND workflow_id = ? AND run_id = ?'),
    listOpenExecutions: pluck("SELECT record FROM executions WHERE status = 'OPEN'"),
    listClosedExecutions: db.prepare("SELECT workflow_id, run_id, record FROM executions WHERE domain = ? AND status = 'CLOSED'"),

    appendEvent: db.prepare('INSERT INTO events (domain, workflow_id, run_id, event_id, event) VALUES (?, ?, ?, ?, ?)'),
    readEvents: pluck(
      'SELECT event FROM events WHERE domain = ? AND workflow_id = ? AND run_id = ? AND event_id BETWEEN ? AND ? ORDER BY event_id',
    ),
    deleteEvents: db.prepare('DELETE FROM events WHERE domain = ? AND workflow_id = ? AND run_id = ?'),

    enqueueTask: db.prepare(
      'INSERT INTO tasks (key, domain, kind, task_list, priority, sequence, record) VALUES (?, ?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (key) DO UPDATE SET domain = excluded.domain, kind = excluded.kind, task_list = excluded.task_list, ' +
        'priority = excluded.priority, sequence = excluded.sequence, record = excluded.record',
    ),
    peekTask: db.prepare(
      'SELECT key, record FROM tasks WHERE domain = ? AND kind = ? AND task_list = ? ORDER BY priority DESC, sequence ASC LIMIT 1',
    ),
    removeTask: db.prepare('DELETE FROM tasks WHERE key = ?'),
    countTasks: pluck('SELECT COUNT(*) FROM tasks WHERE domain = ? AND kind = ? AND task_list = ?'),
    maxTaskSequence: pluck('SELECT MAX(sequence) FROM tasks'),

    saveTaskToken: db.prepare('INSERT INTO task_tokens (token, record) VALUES (?, ?) ON CONFLICT (token) DO UPDATE SET record = excluded.record'),
    getTaskToken: pluck('SELECT record FROM task_tokens WHERE token = ?'),
    deleteTaskToken: db.prepare('DELETE FROM task_tokens WHERE token = ?'),
  };
}
