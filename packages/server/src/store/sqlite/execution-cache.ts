import type { ExecutionRecord } from '../records.js';

const runKey = (domain: string, workflowId: string, runId: string): string => `${domain}\u0000${workflowId}\u0000${runId}`;
const workflowKey = (domain: string, workflowId: string): string => `${domain}\u0000${workflowId}`;

/**
 * The in-memory side of SqliteStore's executions: every open run (loaded at open, written through
 * on save) and the most recently used closed runs. It hands out one object per run, which the
 * Store contract requires, and keeps per-domain open counts without a query.
 */
export class ExecutionCache {
  readonly #open = new Map<string, ExecutionRecord>();
  readonly #openByDomain = new Map<string, Map<string, ExecutionRecord>>();
  readonly #openByWorkflowId = new Map<string, ExecutionRecord>();
  /** Insertion-ordered, so the first entry is the least recently used. */
  readonly #closed = new Map<string, ExecutionRecord>();
  readonly #closedCapacity: number;

  constructor(closedCapacity: number) {
    this.#closedCapacity = closedCapacity;
  }

  get(domain: string, workflowId: string, runId: string): ExecutionRecord | undefined {
    const key = runKey(domain, workflowId, runId);
    const open = this.#open.get(key);
    if (open) return open;
    const closed = this.#closed.get(key);
    if (closed) {
      this.#closed.delete(key);
      this.#closed.set(key, closed);
    }
    return closed;
  }

  /** True when the run's last save recorded it open (its row exists with status OPEN). */
  isSavedOpen(domain: string, workflowId: string, runId: string): boolean {
    return this.#open.has(runKey(domain, workflowId, runId));
  }

  getOpen(domain: string, workflowId: string): ExecutionRecord | undefined {
    return this.#openByWorkflowId.get(workflowKey(domain, workflowId));
  }

  listOpen(domain: string): Iterable<ExecutionRecord> {
    return this.#openByDomain.get(domain)?.values() ?? [];
  }

  countOpen(domain: string): number {
    return this.#openByDomain.get(domain)?.size ?? 0;
  }

  /** Records the saved state of a run: open runs stay pinned, closed ones move to the LRU. */
  put(execution: ExecutionRecord): void {
    const key = runKey(execution.domain, execution.workflowId, execution.runId);
    const byWorkflowId = workflowKey(execution.domain, execution.workflowId);
    if (execution.status === 'OPEN') {
      this.#closed.delete(key);
      this.#open.set(key, execution);
      this.#domainOpen(execution.domain).set(key, execution);
      this.#openByWorkflowId.set(byWorkflowId, execution);
      return;
    }
    this.#forgetOpen(execution, key);
    this.#closed.delete(key);
    this.#closed.set(key, execution);
    while (this.#closed.size > this.#closedCapacity) {
      const oldest = this.#closed.keys().next().value;
      if (oldest === undefined) break;
      this.#closed.delete(oldest);
    }
  }

  delete(domain: string, workflowId: string, runId: string): void {
    const key = runKey(domain, workflowId, runId);
    const open = this.#open.get(key);
    if (open) this.#forgetOpen(open, key);
    this.#closed.delete(key);
  }

  clear(): void {
    this.#open.clear();
    this.#openByDomain.clear();
    this.#openByWorkflowId.clear();
    this.#closed.clear();
  }

  #forgetOpen(execution: ExecutionRecord, key: string): void {
    this.#open.delete(key);
    const domainOpen = this.#openByDomain.get(execution.domain);
    domainOpen?.delete(key);
    if (domainOpen?.size === 0) this.#openByDomain.delete(execution.domain);
    const byWorkflowId = workflowKey(execution.domain, execution.workflowId);
    // A successor run (continue-as-new) may already own the workflowId: leave it.
    if (this.#openByWorkflowId.get(byWorkflowId) === execution) this.#openByWorkflowId.delete(byWorkflowId);
  }

  #domainOpen(domain: string): Map<string, ExecutionRecord> {
    let map = this.#openByDomain.get(domain);
    if (!map) {
      map = new Map();
      this.#openByDomain.set(domain, map);
    }
    return map;
  }
}
