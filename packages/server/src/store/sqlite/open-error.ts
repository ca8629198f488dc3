/**
 * The SQLite file could not be opened as a store: its directory is missing, the path is a
 * directory or unreadable, or the file is not a SQLite database. The message names the path and
 * SQLite's reason; `cause` keeps the driver's error.
 */
export class SqliteStoreOpenError extends Error {
  override readonly name = 'SqliteStoreOpenError';

  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot open the SQLite store ${path}: ${reason} (give a new file in an existing, writable directory, or a database Swirl wrote)`, { cause });
  }
}
