/**
 * The server's Prometheus metrics (prom-client), in a registry of their own so that several servers
 * in one process never share or collide on counters. Request counts are kept as calls are answered;
 * the engine's state (open executions, queued tasks, held polls) is read at scrape time, so an
 * unscraped server pays nothing for it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OPERATION_NAMES } from '@swirl/core';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { HeldPolls } from '../engine/tasks/task-lists.js';
import type { QueuedTaskList } from '../engine/tasks/outstanding-work.js';
import type { SwfRequestHandler } from '../http/swf-request-handler.js';

/** What the metrics read from the engine at scrape time. */
export interface MeteredEngine {
  readonly store: {
    listDomains(): ReadonlyArray<{ readonly name: string }>;
    countOpenExecutions(domain: string): number;
  };
  queuedTaskLists(): Iterable<QueuedTaskList>;
  heldPolls(): Iterable<HeldPolls>;
}

const TARGET_PREFIX = 'SimpleWorkflowService.';
const KNOWN_OPERATIONS: ReadonlySet<string> = new Set(OPERATION_NAMES);
// A target that names no SWF operation is counted under one label, so a bad client cannot grow the series.
const UNKNOWN_OPERATION = 'unknown';
// Long polls are held up to 60 s; the buckets reach past that.
const DURATION_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 70];

/** The server's metrics registry and the request counters the front end feeds. */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly #requests: Counter<'operation' | 'status'>;
  readonly #durations: Histogram<'operation'>;
  // prom-client hashes the labels on every inc(); a child per (operation, status) pays that once.
  readonly #requestChildren = new Map<string, { inc(): void }>();
  readonly #durationChildren = new Map<string, { observe(seconds: number): void }>();

  constructor(engine: MeteredEngine) {
    const registers = [this.registry];
    this.#requests = new Counter({
      name: 'swirl_server_requests_total',
      help: 'SWF API calls answered, by operation and HTTP status (client_closed: the caller went away before the answer)',
      labelNames: ['operation', 'status'],
      registers,
    });
    this.#durations = new Histogram({
      name: 'swirl_server_request_duration_seconds',
      help: 'Time from receiving an SWF API call to the end of its answer, by operation (long polls include the time held)',
      labelNames: ['operation'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    new Gauge({
      name: 'swirl_server_open_executions',
      help: 'Open workflow executions, by domain',
      labelNames: ['domain'],
      registers,
      collect() {
        this.reset();
        for (const { name } of engine.store.listDomains()) this.set({ domain: name }, engine.store.countOpenExecutions(name));
      },
    });
    new Gauge({
      name: 'swirl_server_pending_tasks',
      help: 'Tasks scheduled and waiting for a poller, by domain, kind (decision, activity) and task list',
      labelNames: ['domain', 'kind', 'task_list'],
      registers,
      collect() {
        this.reset();
        for (const list of engine.queuedTaskLists()) this.set({ domain: list.domain, kind: list.kind, task_list: list.taskList }, list.queued);
      },
    });
    new Gauge({
      name: 'swirl_server_long_polls_held',
      help: 'Long polls (PollForDecisionTask, PollForActivityTask) held open waiting for a task, by domain, kind and task list',
      labelNames: ['domain', 'kind', 'task_list'],
      registers,
      collect() {
        this.reset();
        for (const held of engine.heldPolls()) this.set({ domain: held.domain, kind: held.kind, task_list: held.taskList }, held.polls);
      },
    });
  }

  /** Wraps the SWF front end so every call it answers is counted and timed. */
  meter(handler: SwfRequestHandler): SwfRequestHandler {
    return (request, response, requestId) => {
      const startedAt = performance.now();
      const operation = operationOf(request);
      response.once('close', () => this.#answered(operation, response, (performance.now() - startedAt) / 1000));
      return handler(request, response, requestId);
    };
  }

  #answered(operation: string, response: ServerResponse, seconds: number): void {
    const status = response.writableFinished ? String(response.statusCode) : 'client_closed';
    const key = `${operation} ${status}`;
    let requests = this.#requestChildren.get(key);
    if (requests === undefined) {
      requests = this.#requests.labels({ operation, status });
      this.#requestChildren.set(key, requests);
    }
    requests.inc();
    let durations = this.#durationChildren.get(operation);
    if (durations === undefined) {
      durations = this.#durations.labels({ operation });
      this.#durationChildren.set(operation, durations);
    }
    durations.observe(seconds);
  }
}

function operationOf(request: IncomingMessage): string {
  const target = request.headers['x-amz-target'];
  if (typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) return UNKNOWN_OPERATION;
  const name = target.slice(TARGET_PREFIX.length);
  return KNOWN_OPERATIONS.has(name) ? name : UNKNOWN_OPERATION;
}
