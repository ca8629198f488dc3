import type {
  DomainRecord,
  ExecutionRecord,
  HistoryEventRecord,
  TaskKind,
  TaskRecord,
  TaskTokenRecord,
  TypeKind,
  TypeRecord,
} from './records.js';
import type { ExecutionFilter, ExecutionPageQuery } from './execution-query.js';

/**
 * Everything the engine persists. Calls are synchronous on purpose: the engine applies each
 * operation as one atomic step, and better-sqlite3 (behind `SqliteStore`) is synchronous.
 * Every lookup is by key or by a per-domain / per-task-list index, never a scan of all executions.
 * Records handed out may be mutated by the engine; it always calls the matching `save*` afterwards.
 * While a run is open, `getExecution` and `getOpenExecution` must hand out the same object for it
 * every time: one step may reach a run along two paths and must see its own unsaved changes.
 */
export interface Store {
  /**
   * Runs one engine step so that everything it writes becomes durable together. The writes are
   * kept (committed) even when `work` throws, because the engine keeps in memory whatever the
   * step applied before the throw. Nested calls join the outer unit.
   */
  transaction<T>(work: () => T): T;

  getDomain(name: string): DomainRecord | undefined;
  saveDomain(domain: DomainRecord): void;
  /** All domains sorted by name. */
  listDomains(): DomainRecord[];
  countDomains(): number;

  getType(domain: string, kind: TypeKind, name: string, version: string): TypeRecord | undefined;
  saveType(type: TypeRecord): void;
  deleteType(domain: string, kind: TypeKind, name: string, version: string): void;
  /** Types of one kind in a domain, sorted by name then version. */
  listTypes(domain: string, kind: TypeKind): TypeRecord[];
  countTypes(domain: string, kind: TypeKind): number;

  getExecution(domain: string, workflowId: string, runId: string): ExecutionRecord | undefined;
  /** The open run of a workflowId, if any (at most one is open per domain). */
  getOpenExecution(domain: string, workflowId: string): ExecutionRecord | undefined;
  saveExecution(execution: ExecutionRecord): void;
  deleteExecution(domain: string, workflowId: string, runId: string): void;
  /**
   * Executions of a domain in one status, in no particular order: every one of them, for an engine
   * restoring its deadlines at open. Visibility calls use `queryExecutions` instead.
   */
  listExecutions(domain: string, status: 'OPEN' | 'CLOSED'): Iterable<ExecutionRecord>;
  /**
   * One page of the runs matching `query`, in its order, after its cursor, at most `limit` of them
   * (semantics: `matchesFilter`, `cursorOf` and `compareCursors` in execution-query.ts). A durable
   * store answers from indexes, so a page costs the same however many runs the domain holds.
   */
  queryExecutions(query: ExecutionPageQuery): ExecutionRecord[];
  /** How many runs match `filter`. */
  countExecutions(filter: ExecutionFilter): number;
  countOpenExecutions(domain: string): number;

  appendEvents(domain: string, workflowId: string, runId: string, events: HistoryEventRecord[]): void;
  /** Events with `fromEventId <= eventId <= toEventId`, oldest first. */
  readEvents(domain: string, workflowId: string, runId: string, fromEventId: number, toEventId: number): HistoryEventRecord[];

  enqueueTask(task: TaskRecord): void;
  /** Removes and returns the next task: highest priority, then lowest sequence. */
  dequeueTask(domain: string, kind: TaskKind, taskList: string): TaskRecord | undefined;
  removeTask(key: string): void;
  countTasks(domain: string, kind: TaskKind, taskList: string): number;
  /** The highest `sequence` among queued tasks (0 when none), so a restarted engine numbers on after it. */
  maxTaskSequence(): number;

  saveTaskToken(record: TaskTokenRecord): void;
  getTaskToken(token: string): TaskTokenRecord | undefined;
  deleteTaskToken(token: string): void;

  /** Wipes every record. */
  clear(): void;
}
