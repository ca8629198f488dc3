/**
 * @swirl/workflow: workflow classes in plain async/await, replayed deterministically from SWF
 * history. Subclass `Workflow`, call activities through typed proxies, and let a worker drive a
 * `WorkflowRuntime` per run.
 *
 * @example
 * ```ts
 * import { Workflow, WorkflowRuntime, defineSignal } from '@swirl/workflow';
 * import { Activities } from '@swirl/activity';
 *
 * class Payments extends Activities {
 *   static readonly type = { version: '1', defaults: { startToCloseTimeout: '5m' } };
 *   async charge(order: { id: string; cents: number }): Promise<string> { return `receipt-${order.id}`; }
 * }
 *
 * export const approve = defineSignal<{ by: string }>('approve');
 *
 * export class OrderWorkflow extends Workflow<{ id: string; cents: number }, string> {
 *   static readonly type = { name: 'Order', version: '1', taskList: 'orders', executionStartToCloseTimeout: '1h' };
 *   readonly #payments = this.activities(Payments, { retry: { maximumAttempts: 3 } });
 *   #approvedBy: string | undefined;
 *
 *   async execute(order: { id: string; cents: number }): Promise<string> {
 *     this.setHandler(approve, ({ by }) => { this.#approvedBy = by; });
 *     if (!(await this.condition(() => this.#approvedBy !== undefined, '1d'))) return 'not approved';
 *     await this.sleep('1s');
 *     return this.#payments.charge(order);
 *   }
 * }
 *
 * // A worker, per decision task: const { decisions } = await runtime.activate(newEvents);
 * const runtime = new WorkflowRuntime({ workflow: OrderWorkflow, execution: { workflowId: 'order-1', runId: 'run-1' } });
 * ```
 */
export { Workflow } from './workflow.js';
export type { ExecutableWorkflow, InputSchema, WorkflowClass, WorkflowInput, WorkflowResult } from './workflow-class.js';
export type { WorkflowInfo } from './workflow-info.js';
export type { ActivitiesClass, ActivityProxy } from './activity-proxy.js';
export type {
  ActivityOptions,
  ChildWorkflowOptions,
  ContinueAsNewOptions,
  ExternalExecution,
  LambdaOptions,
  TimerOptions,
} from './options.js';
export type { ChildWorkflowHandle, ExternalWorkflowHandle } from './handles.js';
export { defineSignal, SignalDefinitionError } from './signals.js';
export type { SignalDefinition, SignalInput } from './signals.js';
export { CancellationScope } from './cancellation-scope.js';
export { isCancellation } from './cancellation.js';
export { ContinueAsNewRequest, isContinueAsNew } from './continue-as-new.js';
export { compileRetryPolicy, retryDelayMs, RetryPolicyError } from './retry-policy.js';
export type { CompiledRetryPolicy, RetryPolicy } from './retry-policy.js';
export { silentLogger } from './logger.js';
export type { LogMethod, WorkflowLogger } from './logger.js';
export { WorkflowConstructionError } from './construction-context.js';
export { WorkflowRuntime } from './runtime/workflow-runtime.js';
export type { Activation, WorkflowRuntimeOptions } from './runtime/workflow-runtime.js';
export { WorkflowRuntimeError } from './runtime/workflow-execution.js';
export { SIDE_EFFECT_MARKER, PATCH_MARKER } from './runtime/markers.js';
export { MAX_DECISIONS_PER_RESPONSE } from './runtime/command-outbox.js';
export { IDLE_TURNS } from './runtime/microtask-drain.js';
export { createWorkflowRegistry, WorkflowRegistryError } from './registry.js';
export type { WorkflowDefinition, WorkflowRegistry } from './registry.js';
export { isDecider } from './decider.js';
export type { Decider, DeciderResponse, DeciderTypeOptions, DecisionTaskInfo } from './decider.js';
export { DeciderRuntime } from './runtime/decider-runtime.js';
export type { DeciderRuntimeOptions } from './runtime/decider-runtime.js';
export { decisions, buildDecision, validateDecision, validateDecisionList, InvalidDecisionError } from './decisions.js';
export type { DecisionAttributesOf } from './decisions.js';
