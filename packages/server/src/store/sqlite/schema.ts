import type Database from 'better-sqlite3';

/**
 * The SQLite schema, as an ordered list of migrations: entry `i` takes a database from version
 * `i` to `i + 1`. Records are stored whole as JSON next to the columns that indexes need, so the
 * engine's record types stay the single description of their shape.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE domains (
    name TEXT PRIMARY KEY,
    record TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE types (
    domain TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    version TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (domain, kind, name, version)
  ) WITHOUT ROWID;

  CREATE TABLE executions (
    domain TEXT NOT NULL,
    workflow_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    status TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (domain, workflow_id, run_id)
  ) WITHOUT ROWID;
  -- Visibility lists one domain's open or closed runs; startup loads every open run.
  CREATE INDEX executions_by_domain_status ON executions (domain, status);
  CREATE INDEX executions_by_status ON executions (status);
  -- Not UNIQUE: within one step a run that continues as new is saved closed after its successor is saved open.
  CREATE INDEX executions_open_by_workflow_id ON executions (domain, workflow_id) WHERE status = 'OPEN';

  CREATE TABLE events (
    domain TEXT NOT NULL,
    workflow_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    event_id INTEGER NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (domain, workflow_id, run_id, event_id)
  ) WITHOUT ROWID;

  CREATE TABLE tasks (
    key TEXT PRIMARY KEY,
    domain TEXT NOT NULL,
    kind TEXT NOT NULL,
    task_list TEXT NOT NULL,
    priority INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    record TEXT NOT NULL
  );
  -- A poll takes the first row of this index for its list: highest priority, then oldest.
  CREATE INDEX tasks_by_queue ON tasks (domain, kind, task_list, priority DESC, sequence ASC);
  CREATE INDEX tasks_by_sequence ON tasks (sequence);

  CREATE TABLE task_tokens (
    token TEXT PRIMARY KEY,
    record TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // Visibility in SQL: the columns List/Count*WorkflowExecutions filter and order on, one composite
  // index per (filter, order) pair that ends in the order's (timestamp, run_id), and the tags in a
  // table of their own. A page then reads only its own rows, whatever the domain holds.
  `
  ALTER TABLE executions ADD COLUMN start_ts INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE executions ADD COLUMN close_ts INTEGER;
  ALTER TABLE executions ADD COLUMN type_name TEXT NOT NULL DEFAULT '';
  ALTER TABLE executions ADD COLUMN type_version TEXT NOT NULL DEFAULT '';
  ALTER TABLE executions ADD COLUMN close_status TEXT;
  UPDATE executions SET
    start_ts = json_extract(record, '$.startTimestamp'),
    close_ts = json_extract(record, '$.closeTimestamp'),
    type_name = json_extract(record, '$.workflowType.name'),
    type_version = json_extract(record, '$.workflowType.version'),
    close_status = json_extract(record, '$.closeStatus');
  DROP INDEX executions_by_domain_status;

  CREATE INDEX executions_by_start ON executions (domain, status, start_ts, run_id);
  CREATE INDEX executions_by_close ON executions (domain, status, close_ts, run_id);
  CREATE INDEX executions_by_workflow_id_start ON executions (domain, status, workflow_id, start_ts, run_id);
  CREATE INDEX executions_by_workflow_id_close ON executions (domain, status, workflow_id, close_ts, run_id);
  CREATE INDEX executions_by_type_start ON executions (domain, status, type_name, start_ts, run_id);
  CREATE INDEX executions_by_type_close ON executions (domain, status, type_name, close_ts, run_id);
  CREATE INDEX executions_by_type_version_start ON executions (domain, status, type_name, type_version, start_ts, run_id);
  CREATE INDEX executions_by_type_version_close ON executions (domain, status, type_name, type_version, close_ts, run_id);
  CREATE INDEX executions_by_close_status_start ON executions (domain, status, close_status, start_ts, run_id);
  CREATE INDEX executions_by_close_status_close ON executions (domain, status, close_status, close_ts, run_id);

  -- One row per tag of a run, carrying the run's status and times so a tag filter needs no join to
  -- find its page; rewritten whenever those change (start and close).
  CREATE TABLE execution_tags (
    domain TEXT NOT NULL,
    workflow_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    tag TEXT NOT NULL,
    status TEXT NOT NULL,
    start_ts INTEGER NOT NULL,
    close_ts INTEGER,
    PRIMARY KEY (domain, workflow_id, run_id, tag)
  ) WITHOUT ROWID;
  CREATE INDEX execution_tags_by_start ON execution_tags (domain, status, tag, start_ts, run_id);
  CREATE INDEX execution_tags_by_close ON execution_tags (domain, status, tag, close_ts, run_id);
  INSERT OR IGNORE INTO execution_tags (domain, workflow_id, run_id, tag, status, start_ts, close_ts)
    SELECT executions.domain, executions.workflow_id, executions.run_id, tags.value, executions.status, executions.start_ts, executions.close_ts
    FROM executions, json_each(executions.record, '$.tagList') AS tags;
  `,
];

/** For migration tests only: the SQL of each schema version, in order. */
export const SCHEMA_MIGRATIONS: readonly string[] = MIGRATIONS;

/** The schema version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The database was written by a newer Swirl whose schema this version does not know. */
export class UnsupportedSchemaVersionError extends Error {
  constructor(
    readonly path: string,
    readonly found: number,
  ) {
    super(
      `SQLite database ${path} has schema version ${found}, but this server reads versions up to ${SCHEMA_VERSION}: ` +
        'open it with the Swirl version that wrote it, or start from a new file',
    );
    this.name = 'UnsupportedSchemaVersionError';
  }
}

/** Brings a database to `SCHEMA_VERSION`, creating it from nothing when empty. */
export function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const found = db.prepare('SELECT version FROM schema_version').pluck().get() as number | undefined;
  const current = found ?? 0;
  if (current > SCHEMA_VERSION) throw new UnsupportedSchemaVersionError(db.name, current);
  if (current === SCHEMA_VERSION) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (let version = current; version < SCHEMA_VERSION; version++) db.exec(MIGRATIONS[version]!);
    if (found === undefined) db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION);
    else db.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
