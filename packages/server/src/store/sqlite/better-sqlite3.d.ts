/**
 * The part of better-sqlite3's API that SqliteStore uses. The package ships no typings and the
 * store needs only this much, so it is declared here rather than pulling in another dependency.
 * Node's ESM loader hands the CommonJS `module.exports` (the constructor) over as the default export.
 */
declare module 'better-sqlite3' {
  export interface Options {
    readonly?: boolean;
    fileMustExist?: boolean;
    timeout?: number;
  }

  export interface RunResult {
    changes: number;
    lastInsertRowid: number | bigint;
  }

  export interface Statement {
    run(...parameters: unknown[]): RunResult;
    get(...parameters: unknown[]): unknown;
    all(...parameters: unknown[]): unknown[];
    /** Makes `get`/`all` return the first column's value instead of row objects. */
    pluck(toggle?: boolean): this;
  }

  interface Database {
    readonly open: boolean;
    readonly inTransaction: boolean;
    readonly name: string;
    prepare(source: string): Statement;
    exec(source: string): this;
    pragma(source: string, options?: { simple?: boolean }): unknown;
    close(): this;
  }

  const Database: new (filename: string, options?: Options) => Database;
  export default Database;
}
