/** What a worker process of the fault tests is told (one JSON argument) and what it reports (one JSON line each on stdout). */

export interface WorkerChildConfig {
  readonly endpoint: string;
  readonly domain: string;
  /** The worker's identity, recorded in the started events of the tasks it takes. */
  readonly identity: string;
  /**
   * Hold every answer to a decision task that is not its run's first: the respond call is never
   * sent, so the worker is stuck between taking a decision task and answering it. @default false
   */
  readonly holdLaterDecisions?: boolean;
  /** @default 10 */
  readonly maxConcurrentDecisionTasks?: number;
  /** The worker's pino level (its lines go to stderr). @default 'warn' */
  readonly logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug';
}

export type WorkerChildMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'delivery'; readonly key: string; readonly kind: 'decision' | 'activity'; readonly duplicate: boolean }
  | { readonly type: 'activityStarted'; readonly workflowId: string; readonly activityId: string }
  | { readonly type: 'holding'; readonly workflowId: string; readonly startedEventId: number }
  | { readonly type: 'taskFailed'; readonly error: string }
  /** The last line, after SIGTERM: every task whose answer the service accepted. */
  | { readonly type: 'report'; readonly answered: readonly string[] };
