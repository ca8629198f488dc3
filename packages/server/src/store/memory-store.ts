import { IndexedHeap } from './indexed-heap.js';
import { matchesFilter, pageInMemory, type ExecutionFilter, type ExecutionPageQuery } from './execution-query.js';
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
import type { Store } from './store.js';

interface DomainIndex {
  types: Map<string, TypeRecord>;
  open: Map<string, ExecutionRecord>;
  closed: Map<string, ExecutionRecord>;
  openByWorkflowId: Map<string, ExecutionRecord>;
}

const typeKey = (kind: TypeKind, name: string, version: string): string => `${kind}\u0000${name}\u0000${version}`;
const runKey = (domain: string, workflowId: string, runId: string): string => `${domain}\u0000${workflowId}\u0000${runId}`;
const queueKey = (domain: string, kind: TaskKind, taskList: string): string => `${domain}\u0000${kind}\u0000${taskList}`;
const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const taskBefore = (a: TaskRecord, b: TaskRecord): boolean =>
  a.priority > b.priority || (a.priority === b.priority && a.sequence < b.sequence);

/** The default store: everything in process memory, indexed per domain, run and task list. */
export class MemoryStore implements Store {
  readonly #domains = new Map<string, DomainRecord>();
  readonly #indexes = new Map<string, DomainIndex>();
  readonly #executions = new Map<string, ExecutionRecord>();
  readonly #events = new Map<string, HistoryEventRecord[]>();
  readonly #queues = new Map<string, IndexedHeap<TaskRecord>>();
  readonly #taskQueues = new Map<string, string>();
  readonly #tokens = new Map<string, TaskTokenRecord>();

  /** Memory has nothing to commit: the step's writes are already in place. */
  transaction<T>(work: () => T): T {
    return work();
  }

  getDomain(name: string): DomainRecord | undefined {
    return this.#domains.get(name);
  }

  saveDomain(domain: DomainRecord): void {
    this.#domains.set(domain.name, domain);
  }

  listDomains(): DomainRecord[] {
    return [...this.#domains.values()].sort(byName);
  }

  countDomains(): number {
    return this.#domains.size;
  }

  getType(domain: string, kind: TypeKind, name: string, version: string): TypeRecord | undefined {
    return this.#indexes.get(domain)?.types.get(typeKey(kind, name, version));
  }

  saveType(type: TypeRecord): void {
    this.#index(type.domain).types.set(typeKey(type.kind, type.name, type.version), type);
  }

  deleteType(domain: string, kind: TypeKind, name: string, version: string): void {
    this.#indexes.get(domain)?.types.delete(typeKey(kind, name, version));
  }

  listTypes(domain: string, kind: TypeKind): TypeRecord[] {
    const types = [...(this.#indexes.get(domain)?.types.values() ?? [])].filter((type) => type.kind === kind);
    return types.sort((a, b) => byName(a, b) || (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
  }

  countTypes(domain: string, kind: TypeKind): number {
    let count = 0;
    for (const type of this.#indexes.get(domain)?.types.values() ?? []) if (type.kind === kind) count++;
    return count;
  }

  getExecution(domain: string, workflowId: string, runId: string): ExecutionRecord | undefined {
    return this.#executions.get(runKey(domain, workflowId, runId));
  }

  getOpenExecution(domain: string, workflowId: string): ExecutionRecord | undefined {
    return this.#indexes.get(domain)?.openByWorkflowId.get(workflowId);
  }

  saveExecution(execution: ExecutionRecord): void {
    const key = runKey(execution.domain, execution.workflowId, execution.runId);
    const index = this.#index(execution.domain);
    this.#executions.set(key, execution);
    if (execution.status === 'OPEN') {
      index.open.set(key, execution);
      index.openByWorkflowId.set(execution.workflowId, execution);
    } else {
      index.open.delete(key);
      index.closed.set(key, execution);
      if (index.openByWorkflowId.get(execution.workflowId) === execution) index.openByWorkflowId.delete(execution.workflowId);
    }
  }

  deleteExecution(domain: string, workflowId: string, runId: string): void {
    const key = runKey(domain, workflowId, runId);
    const execution = this.#executions.get(key);
    if (!execution) return;
    const index = this.#index(domain);
    this.#executions.delete(key);
    this.#events.delete(key);
    index.open.delete(key);
    index.closed.delete(key);
    if (index.openByWorkflowId.get(workflowId) === execution) index.openByWorkflowId.delete(workflowId);
  }

  listExecutions(domain: string, status: 'OPEN' | 'CLOSED'): Iterable<ExecutionRecord> {
    const index = this.#indexes.get(domain);
    if (!index) return [];
    return (status === 'OPEN' ? index.open : index.closed).values();
  }

  /** Filters and sorts the domain's runs of that status: memory holds them all anyway. */
  queryExecutions(query: ExecutionPageQuery): ExecutionRecord[] {
    return pageInMemory(this.listExecutions(query.domain, query.status), query);
  }

  countExecutions(filter: ExecutionFilter): number {
    let count = 0;
    for (const execution of this.listExecutions(filter.domain, filter.status)) if (matchesFilter(execution, filter)) count++;
    return count;
  }

  countOpenExecutions(domain: string): number {
    return this.#indexes.get(domain)?.open.size ?? 0;
  }

  appendEvents(domain: string, workflowId: string, runId: string, events: HistoryEventRecord[]): void {
    const key = runKey(domain, workflowId, runId);
    let history = this.#events.get(key);
    if (!history) {
      history = [];
      this.#events.set(key, history);
    }
    history.push(...events);
  }

  readEvents(domain: string, workflowId: string, runId: string, fromEventId: number, toEventId: number): HistoryEventRecord[] {
    const history = this.#events.get(runKey(domain, workflowId, runId)) ?? [];
    // Event ids are 1-based and contiguous, so ids map straight to array positions.
    return history.slice(Math.max(0, fromEventId - 1), Math.max(0, toEventId));
  }

  enqueueTask(task: TaskRecord): void {
    const key = queueKey(task.domain, task.kind, task.taskList);
    let queue = this.#queues.get(key);
    if (!queue) {
      queue = new IndexedHeap<TaskRecord>(taskBefore);
      this.#queues.set(key, queue);
    }
    queue.push(task.key, task);
    this.#taskQueues.set(task.key, key);
  }

  dequeueTask(domain: string, kind: TaskKind, taskList: string): TaskRecord | undefined {
    const task = this.#queues.get(queueKey(domain, kind, taskList))?.pop();
    if (task) this.#taskQueues.delete(task.key);
    return task;
  }

  removeTask(key: string): void {
    const queue = this.#taskQueues.get(key);
    if (queue === undefined) return;
    this.#queues.get(queue)?.delete(key);
    this.#taskQueues.delete(key);
  }

  countTasks(domain: string, kind: TaskKind, taskList: string): number {
    return this.#queues.get(queueKey(domain, kind, taskList))?.size ?? 0;
  }

  maxTaskSequence(): number {
    let max = 0;
    for (const queue of this.#queues.values()) for (const task of queue.values()) max = Math.max(max, task.sequence);
    return max;
  }

  saveTaskToken(record: TaskTokenRecord): void {
    this.#tokens.set(record.token, record);
  }

  getTaskToken(token: string): TaskTokenRecord | undefined {
    return this.#tokens.get(token);
  }

  deleteTaskToken(token: string): void {
    this.#tokens.delete(token);
  }

  clear(): void {
    this.#tokens.clear();
    this.#domains.clear();
    this.#indexes.clear();
    this.#executions.clear();
    this.#events.clear();
    this.#queues.clear();
    this.#taskQueues.clear();
  }

  #index(domain: string): DomainIndex {
    let index = this.#indexes.get(domain);
    if (!index) {
      index = { types: new Map(), open: new Map(), closed: new Map(), openByWorkflowId: new Map() };
      this.#indexes.set(domain, index);
    }
    return index;
  }
}
