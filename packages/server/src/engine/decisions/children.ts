/** StartChildWorkflowExecution: initiating a child run and linking it to its parent. */
import { createExecution, resolveRunSettings } from '../runs/executions.js';
import { executionRef, recordEvent } from '../runs/history-writer.js';
import { ENGINE_LIMITS } from '../limits.js';
import { getWorkflowType } from '../registry/registered-types.js';
import type { DecisionAttributes, DecisionContext } from './context.js';
import { RATE_CAUSE_OF_BUCKET } from '../rate-limits/decision-rate-limits.js';

/**
 * StartChildWorkflowExecution. Type, default and limit problems are known at decision time and
 * are recorded without an Initiated event (initiatedEventId 0), as in real recordings; a workflowId
 * that is already running is found when the start is attempted, after the Initiated event.
 */
export function startChildWorkflowExecution(context: DecisionContext, attributes: DecisionAttributes): void {
  const { state, execution, completedEventId } = context;
  const workflowId: string = attributes['workflowId'];
  const fail = (cause: string, initiatedEventId: number): void => {
    recordEvent(state, execution, 'StartChildWorkflowExecutionFailed', {
      workflowType: { ...attributes['workflowType'] },
      cause,
      workflowId,
      initiatedEventId,
      decisionTaskCompletedEventId: completedEventId,
      control: attributes['control'],
    });
  };
  const type = getWorkflowType(state, execution.domain, attributes['workflowType']);
  if (!type) return fail('WORKFLOW_TYPE_DOES_NOT_EXIST', 0);
  if (type.status === 'DEPRECATED') return fail('WORKFLOW_TYPE_DEPRECATED', 0);
  const resolved = resolveRunSettings(type, attributes);
  if ('missing' in resolved) return fail(resolved.missing, 0);
  if (Object.keys(execution.children).length >= ENGINE_LIMITS.openChildren) return fail('OPEN_CHILDREN_LIMIT_EXCEEDED', 0);
  if (state.store.countOpenExecutions(execution.domain) >= ENGINE_LIMITS.openExecutionsPerDomain) {
    return fail('OPEN_WORKFLOWS_LIMIT_EXCEEDED', 0);
  }
  if (!state.decisionRates.tryTake('startChildWorkflowExecution')) return fail(RATE_CAUSE_OF_BUCKET.startChildWorkflowExecution, 0);
  const config = resolved.config;
  const tagList: string[] = attributes['tagList'] ?? [];
  const initiatedEventId = recordEvent(state, execution, 'StartChildWorkflowExecutionInitiated', {
    workflowId,
    workflowType: { name: type.name, version: type.version },
    control: attributes['control'],
    input: attributes['input'],
    executionStartToCloseTimeout: config.executionStartToCloseTimeout,
    taskList: { name: config.taskList.name },
    taskPriority: config.taskPriority,
    decisionTaskCompletedEventId: completedEventId,
    childPolicy: config.childPolicy,
    taskStartToCloseTimeout: config.taskStartToCloseTimeout,
    tagList,
    lambdaRole: config.lambdaRole,
  });
  const childState = {
    initiatedEventId,
    workflowId,
    runId: '',
    startedEventId: 0,
    workflowType: { name: type.name, version: type.version },
    ...(attributes['control'] !== undefined ? { control: attributes['control'] as string } : {}),
  };
  execution.children[String(initiatedEventId)] = childState;
  // The child starts after this batch's own events, as the service starts it asynchronously.
  state.afterward(() => {
    if (state.store.getOpenExecution(execution.domain, workflowId)) {
      delete execution.children[String(initiatedEventId)];
      if (execution.status === 'OPEN') fail('WORKFLOW_ALREADY_RUNNING', initiatedEventId);
      return;
    }
    const child = createExecution(state, {
      domain: execution.domain,
      workflowId,
      workflowType: type,
      config,
      input: attributes['input'],
      tagList,
      parent: { workflowId: execution.workflowId, runId: execution.runId, initiatedEventId },
    });
    childState.runId = child.runId;
    state.touch(execution);
    if (execution.status !== 'OPEN') return;
    childState.startedEventId = recordEvent(state, execution, 'ChildWorkflowExecutionStarted', {
      workflowExecution: executionRef(child),
      workflowType: { name: type.name, version: type.version },
      initiatedEventId,
    });
  });
}
