/**
 * `HistoryBuilder`: writes SWF histories for unit tests the way SWF records them. Every event type
 * has a fluent method; event ids, timestamps and links (scheduled, started, initiated and
 * decision-task-completed ids) are filled in from what was recorded before, and values go through
 * the payload converter. `add()` writes any event with raw attributes.
 *
 * The methods live by event family in `events/`, each family a class extending the one before it so
 * that this class has all of them; no family uses another's methods, only `HistoryRecorder`'s, and
 * the order of the chain is that of a history (started, decision tasks, then what decisions start).
 *
 * @example
 * ```ts
 * const events = new HistoryBuilder()
 *   .workflowStarted({ workflowType: OrderWorkflow, input: { id: 'o1' } })
 *   .decisionTask({ decisions: [decisions.startTimer({ timerId: 't1', startToFireTimeout: '60' })] })
 *   .timerFired('t1')
 *   .decisionTaskScheduled()
 *   .decisionTaskStarted()
 *   .build();
 * ```
 */
import { LambdaFunctionEvents } from './events/lambda-events.js';

export { DEFAULT_HISTORY_START, type HistoryBuilderOptions, type WorkflowTypeRef, type FailureInput } from './events/history-recorder.js';
export type { WorkflowStartedOptions } from './events/execution-events.js';
export type { ActivityScheduledOptions } from './events/activity-events.js';
export type { ChildInitiatedOptions } from './events/child-events.js';

export class HistoryBuilder extends LambdaFunctionEvents {}
