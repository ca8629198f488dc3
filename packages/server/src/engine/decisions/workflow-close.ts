/** The four close decisions (complete, fail, cancel, continue as new) and their refusals. */
import { closeExecution } from '../runs/close.js';
import type { EventType } from '../runs/event-types.js';
import { createExecution, resolveRunSettings } from '../runs/executions.js';
import { recordEvent } from '../runs/history-writer.js';
import { newRunId } from '../runs/run-ids.js';
import { getWorkflowType } from '../registry/registered-types.js';
import type { DecisionAttributes, DecisionContext, DecisionHandler } from './context.js';

/**
 * A close decision fails with UNHANDLED_DECISION when events arrived while the task was being
 * decided; the decider gets a new task and decides again.
 */
function rejectIfPending(context: DecisionContext, failedEvent: EventType): boolean {
  if (!context.decisionPending) return false;
  recordEvent(context.state, context.execution, failedEvent, {
    cause: 'UNHANDLED_DECISION',
    decisionTaskCompletedEventId: context.completedEventId,
  });
  return true;
}

export const completeWorkflowExecution: DecisionHandler = (context, attributes) => {
  if (rejectIfPending(context, 'CompleteWorkflowExecutionFailed')) return;
  closeExecution(context.state, context.execution, {
    status: 'COMPLETED',
    eventType: 'WorkflowExecutionCompleted',
    attributes: { result: attributes['result'], decisionTaskCompletedEventId: context.completedEventId },
    childPolicy: context.execution.config.childPolicy,
  });
};

export const failWorkflowExecution: DecisionHandler = (context, attributes) => {
  if (rejectIfPending(context, 'FailWorkflowExecutionFailed')) return;
  closeExecution(context.state, context.execution, {
    status: 'FAILED',
    eventType: 'WorkflowExecutionFailed',
    attributes: { reason: attributes['reason'], details: attributes['details'], decisionTaskCompletedEventId: context.completedEventId },
    childPolicy: context.execution.config.childPolicy,
  });
};

/** CancelWorkflowExecution is accepted without a prior cancel request, as the real service does. */
export const cancelWorkflowExecution: DecisionHandler = (context, attributes) => {
  if (rejectIfPending(context, 'CancelWorkflowExecutionFailed')) return;
  closeExecution(context.state, context.execution, {
    status: 'CANCELED',
    eventType: 'WorkflowExecutionCanceled',
    attributes: { details: attributes['details'], decisionTaskCompletedEventId: context.completedEventId },
    childPolicy: context.execution.config.childPolicy,
  });
};

/**
 * ContinueAsNewWorkflowExecution closes this run and starts a new one with the same workflowId.
 * Omitted settings come from the (possibly new version of the) type's defaults, not from this run:
 * that is the only reading under which the DEFAULT_*_UNDEFINED causes can occur (SWF-SEMANTICS §4).
 * The new run inherits the parent link, so the parent hears only when the chain's last run closes.
 */
export const continueAsNewWorkflowExecution: DecisionHandler = (context: DecisionContext, attributes: DecisionAttributes) => {
  const { state, execution, completedEventId } = context;
  if (rejectIfPending(context, 'ContinueAsNewWorkflowExecutionFailed')) return;
  const fail = (cause: string): void => {
    recordEvent(state, execution, 'ContinueAsNewWorkflowExecutionFailed', { cause, decisionTaskCompletedEventId: completedEventId });
  };
  const typeRef = { name: execution.workflowType.name, version: attributes['workflowTypeVersion'] ?? execution.workflowType.version };
  const type = getWorkflowType(state, execution.domain, typeRef);
  if (!type) return fail('WORKFLOW_TYPE_DOES_NOT_EXIST');
  if (type.status === 'DEPRECATED') return fail('WORKFLOW_TYPE_DEPRECATED');
  const resolved = resolveRunSettings(type, attributes);
  if ('missing' in resolved) return fail(resolved.missing);
  const config = resolved.config;
  const tagList: string[] = attributes['tagList'] ?? [];
  // The new run id is chosen first: the closing event names it.
  const newExecutionRunId = newRunId();
  closeExecution(state, execution, {
    status: 'CONTINUED_AS_NEW',
    eventType: 'WorkflowExecutionContinuedAsNew',
    attributes: {
      input: attributes['input'],
      decisionTaskCompletedEventId: completedEventId,
      newExecutionRunId,
      executionStartToCloseTimeout: config.executionStartToCloseTimeout,
      taskList: { name: config.taskList.name },
      taskPriority: config.taskPriority,
      taskStartToCloseTimeout: config.taskStartToCloseTimeout,
      childPolicy: config.childPolicy,
      tagList,
      workflowType: { name: type.name, version: type.version },
      lambdaRole: config.lambdaRole,
    },
    childPolicy: execution.config.childPolicy,
  });
  const next = createExecution(state, {
    domain: execution.domain,
    workflowId: execution.workflowId,
    workflowType: type,
    config,
    input: attributes['input'],
    tagList,
    parent: execution.parent,
    continuedExecutionRunId: execution.runId,
    runId: newExecutionRunId,
  });
  const parentLink = execution.parent;
  if (parentLink) {
    const parent = state.store.getExecution(execution.domain, parentLink.workflowId, parentLink.runId);
    const child = parent?.children[String(parentLink.initiatedEventId)];
    if (parent && child) {
      child.runId = next.runId;
      state.touch(parent);
    }
  }
};
