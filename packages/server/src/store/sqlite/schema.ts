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
];

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
