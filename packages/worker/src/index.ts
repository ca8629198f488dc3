/**
 * @swirl/worker: production SWF workers. A `Worker` registers your domain and types, long-polls the
 * decision, sticky and activity task lists (a slot is taken before each poll), replays workflows with
 * a sticky cache, runs activities with heartbeats and cancellation, and shuts down without losing work.
 * `workflows` takes `Workflow` classes and `Decider`s (explicit state machines over the whole history) alike.
 *
 * @example
 * ```ts
 * import { SWFClient } from '@aws-sdk/client-swf';
 * import { Worker } from '@swirl/worker';
 * import { OrderWorkflow } from './order-workflow.js';
 * import { PaymentActivities } from './payment-activities.js';
 *
 * const worker = await Worker.create({
 *   client: new SWFClient({ region: 'us-east-1' }),
 *   domain: 'shop',
 *   taskList: 'orders',
 *   workflows: [OrderWorkflow],
 *   activities: [new PaymentActivities()],
 * });
 * worker.events.on('taskFailed', (task) => console.warn(`${task.kind} task failed`, task.workflowId));
 * await worker.run(); // until SIGINT/SIGTERM or worker.shutdown(); resolves once drained
 * ```
 */
export { Worker, WorkerStateError, UnknownWorkflowTypeError, type ShutdownOptions, type WorkerState, type WorkerStats } from './worker.js';
export { workerOptionsSchema, resolveWorkerOptions, WorkerOptionsError, type WorkerOptions, type ResolvedWorkerOptions } from './options.js';
export {
  WorkerEvents,
  type WorkerEventMap,
  type PollKind,
  type PollRef,
  type TaskRef,
  type DecisionTaskRef,
  type ActivityTaskRef,
  type TaskOutcome,
  type CacheMissReason,
  type PollsEndedReason,
} from './worker-events.js';
export { ActivityCompletionClient, type ActivityCompletionClientOptions } from './activity-completion-client.js';
export { ActivityTypeNotRegisteredError } from './activity-executor.js';
export { DuplicateActivityTypeError } from './activity-registry.js';
export { DeprecatedRegistrationError, compareDefaults, type DefaultDifference } from './registrar.js';
export { HistoryGapError } from './history-pager.js';
export { Backoff, type BackoffOptions } from './backoff.js';
export type { StickyCacheStats, EvictionReason } from './sticky-cache.js';
export type {
  WorkerInterceptor,
  DecisionTaskCall,
  DecisionTaskResult,
  ActivityTaskCall,
  ActivityTaskResult,
} from './worker-interceptors.js';
