/** Closing a run: its close event, the child policy, the parent's notice, retention. */
import type { ChildPolicy, CloseStatus, ExecutionRecord } from '../../store/records.js';
import { closeActivity } from '../tasks/activity-tasks.js';
import { clearDecisionTask } from '../tasks/decision-tasks.js';
import type { EventType } from './event-types.js';
import { executionRef, recordEvent, type EventAttributes } from './history-writer.js';
import { deadlineKey } from './run-keys.js';
import type { EngineState } from '../engine-state.js';

export interface CloseRequest {
  status: CloseStatus;
  eventType: EventType;
  attributes: EventAttributes;
  /** Applied to the run's open children; `undefined` when the run continues as new. */
  childPolicy: ChildPolicy;
}

const DAY_MS = 86_400_000;

/**
 * Closes a run: records its close event, voids its open tasks, timers and lambda functions (later
 * worker calls get UnknownResourceFault), drops any pending decision task, then, after this
 * step's own events, applies the child policy to open children and tells the parent.
 */
export function closeExecution(state: EngineState, execution: ExecutionRecord, request: CloseRequest): void {
  recordEvent(state, execution, request.eventType, request.attributes);
  execution.status = 'CLOSED';
  execution.closeStatus = request.status;
  execution.closeTimestamp = state.now();
  clearDecisionTask(state, execution);
  execution.decisionNeeded = false;
  for (const activity of Object.values(execution.activities)) closeActivity(state, execution, activity);
  for (const timer of Object.values(execution.timers)) state.timeouts.delete(deadlineKey(execution, 'timer', timer.timerId));
  for (const lambda of Object.values(execution.lambdas)) {
    state.timeouts.delete(deadlineKey(execution, 'lambda-start-to-close', lambda.id));
    state.work.finished('lambda', execution.runId, lambda.scheduledEventId);
  }
  execution.timers = {};
  execution.lambdas = {};
  state.timeouts.delete(deadlineKey(execution, 'execution-start-to-close'));
  scheduleRetention(state, execution);
  state.touch(execution);
  state.afterward(() => applyChildPolicy(state, execution, request.childPolicy));
  if (request.status !== 'CONTINUED_AS_NEW') state.afterward(() => notifyParent(state, execution, request));
}

/** Closed runs disappear from history and visibility after the domain's retention period. */
function scheduleRetention(state: EngineState, execution: ExecutionRecord): void {
  const days = Number(state.store.getDomain(execution.domain)?.workflowExecutionRetentionPeriodInDays ?? 0);
  execution.retainUntil = execution.closeTimestamp! + (Number.isFinite(days) ? days : 0) * DAY_MS;
  armRetention(state, execution);
}

/** Arms the removal of a closed run at its `retainUntil` (also when a restarted engine restores it). */
export function armRetention(state: EngineState, execution: ExecutionRecord): void {
  if (execution.retainUntil === undefined) return;
  const { domain, workflowId, runId } = execution;
  state.timeouts.set(deadlineKey(execution, 'retention'), execution.retainUntil, () => {
    const current = state.store.getExecution(domain, workflowId, runId);
    if (current?.status === 'CLOSED') state.store.deleteExecution(domain, workflowId, runId);
  });
}

function applyChildPolicy(state: EngineState, parent: ExecutionRecord, policy: ChildPolicy): void {
  const children = Object.values(parent.children);
  parent.children = {};
  state.touch(parent);
  if (policy === 'ABANDON') return;
  for (const child of children) {
    if (child.runId === '') continue;
    const execution = state.store.getExecution(parent.domain, child.workflowId, child.runId);
    if (!execution || execution.status !== 'OPEN') continue;
    if (policy === 'TERMINATE') {
      closeExecution(state, execution, {
        status: 'TERMINATED',
        eventType: 'WorkflowExecutionTerminated',
        attributes: { childPolicy: execution.config.childPolicy, cause: 'CHILD_POLICY_APPLIED' },
        childPolicy: execution.config.childPolicy,
      });
    } else {
      execution.cancelRequested = true;
      recordEvent(state, execution, 'WorkflowExecutionCancelRequested', {
        externalWorkflowExecution: executionRef(parent),
        cause: 'CHILD_POLICY_APPLIED',
      });
    }
  }
}

const CHILD_CLOSE_EVENT = {
  COMPLETED: 'ChildWorkflowExecutionCompleted',
  FAILED: 'ChildWorkflowExecutionFailed',
  CANCELED: 'ChildWorkflowExecutionCanceled',
  TIMED_OUT: 'ChildWorkflowExecutionTimedOut',
  TERMINATED: 'ChildWorkflowExecutionTerminated',
} as const satisfies Record<Exclude<CloseStatus, 'CONTINUED_AS_NEW'>, EventType>;

/** Which close-event attributes the parent's ChildWorkflowExecution* event carries over. */
const CARRIED_ATTRIBUTES = {
  COMPLETED: ['result'],
  FAILED: ['reason', 'details'],
  CANCELED: ['details'],
  TIMED_OUT: [],
  TERMINATED: [],
} as const satisfies Record<Exclude<CloseStatus, 'CONTINUED_AS_NEW'>, readonly string[]>;

function notifyParent(state: EngineState, child: ExecutionRecord, request: CloseRequest): void {
  const link = child.parent;
  if (!link || request.status === 'CONTINUED_AS_NEW') return;
  const parent = state.store.getExecution(child.domain, link.workflowId, link.runId);
  const childState = parent?.children[String(link.initiatedEventId)];
  if (!parent || parent.status !== 'OPEN' || !childState) return;
  const attributes: EventAttributes = {
    workflowExecution: executionRef(child),
    workflowType: { ...child.workflowType },
    initiatedEventId: childState.initiatedEventId,
    startedEventId: childState.startedEventId,
  };
  for (const key of CARRIED_ATTRIBUTES[request.status]) attributes[key] = request.attributes[key];
  if (request.status === 'TIMED_OUT') attributes['timeoutType'] = 'START_TO_CLOSE';
  delete parent.children[String(link.initiatedEventId)];
  recordEvent(state, parent, CHILD_CLOSE_EVENT[request.status], attributes);
}
