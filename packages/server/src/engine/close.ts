import type { ChildPolicy, CloseStatus, ExecutionRecord } from '../store/records.js';
import { closeActivity } from './activity-tasks.js';
import { clearDecisionTask } from './decision-tasks.js';
import type { EventType } from './event-types.js';
import { executionRef, recordEvent, type EventAttributes } from './history-writer.js';
import { deadlineKey } from './keys.js';
import type { Runtime } from './runtime.js';

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
export function closeExecution(rt: Runtime, execution: ExecutionRecord, request: CloseRequest): void {
  recordEvent(rt, execution, request.eventType, request.attributes);
  execution.status = 'CLOSED';
  execution.closeStatus = request.status;
  execution.closeTimestamp = rt.now();
  clearDecisionTask(rt, execution);
  execution.decisionNeeded = false;
  for (const activity of Object.values(execution.activities)) closeActivity(rt, execution, activity);
  for (const timer of Object.values(execution.timers)) rt.timeouts.delete(deadlineKey(execution, 'timer', timer.timerId));
  for (const lambda of Object.values(execution.lambdas)) {
    rt.timeouts.delete(deadlineKey(execution, 'lambda-start-to-close', lambda.id));
    rt.work.finished('lambda', execution.runId, lambda.scheduledEventId);
  }
  execution.timers = {};
  execution.lambdas = {};
  rt.timeouts.delete(deadlineKey(execution, 'execution-start-to-close'));
  scheduleRetention(rt, execution);
  rt.touch(execution);
  rt.afterward(() => applyChildPolicy(rt, execution, request.childPolicy));
  if (request.status !== 'CONTINUED_AS_NEW') rt.afterward(() => notifyParent(rt, execution, request));
}

/** Closed runs disappear from history and visibility after the domain's retention period. */
function scheduleRetention(rt: Runtime, execution: ExecutionRecord): void {
  const days = Number(rt.store.getDomain(execution.domain)?.workflowExecutionRetentionPeriodInDays ?? 0);
  execution.retainUntil = execution.closeTimestamp! + (Number.isFinite(days) ? days : 0) * DAY_MS;
  armRetention(rt, execution);
}

/** Arms the removal of a closed run at its `retainUntil` (also when a restarted engine restores it). */
export function armRetention(rt: Runtime, execution: ExecutionRecord): void {
  if (execution.retainUntil === undefined) return;
  const { domain, workflowId, runId } = execution;
  rt.timeouts.set(deadlineKey(execution, 'retention'), execution.retainUntil, () => {
    const current = rt.store.getExecution(domain, workflowId, runId);
    if (current?.status === 'CLOSED') rt.store.deleteExecution(domain, workflowId, runId);
  });
}

function applyChildPolicy(rt: Runtime, parent: ExecutionRecord, policy: ChildPolicy): void {
  const children = Object.values(parent.children);
  parent.children = {};
  rt.touch(parent);
  if (policy === 'ABANDON') return;
  for (const child of children) {
    if (child.runId === '') continue;
    const execution = rt.store.getExecution(parent.domain, child.workflowId, child.runId);
    if (!execution || execution.status !== 'OPEN') continue;
    if (policy === 'TERMINATE') {
      closeExecution(rt, execution, {
        status: 'TERMINATED',
        eventType: 'WorkflowExecutionTerminated',
        attributes: { childPolicy: execution.config.childPolicy, cause: 'CHILD_POLICY_APPLIED' },
        childPolicy: execution.config.childPolicy,
      });
    } else {
      execution.cancelRequested = true;
      recordEvent(rt, execution, 'WorkflowExecutionCancelRequested', {
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

function notifyParent(rt: Runtime, child: ExecutionRecord, request: CloseRequest): void {
  const link = child.parent;
  if (!link || request.status === 'CONTINUED_AS_NEW') return;
  const parent = rt.store.getExecution(child.domain, link.workflowId, link.runId);
  const state = parent?.children[String(link.initiatedEventId)];
  if (!parent || parent.status !== 'OPEN' || !state) return;
  const attributes: EventAttributes = {
    workflowExecution: executionRef(child),
    workflowType: { ...child.workflowType },
    initiatedEventId: state.initiatedEventId,
    startedEventId: state.startedEventId,
  };
  for (const key of CARRIED_ATTRIBUTES[request.status]) attributes[key] = request.attributes[key];
  if (request.status === 'TIMED_OUT') attributes['timeoutType'] = 'START_TO_CLOSE';
  delete parent.children[String(link.initiatedEventId)];
  recordEvent(rt, parent, CHILD_CLOSE_EVENT[request.status], attributes);
}
