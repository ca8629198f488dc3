/** Workflow runs: start, signal, cancel request, terminate, describe, and their execution timeouts. */
import type { ChildPolicy, ExecutionConfig, ExecutionRecord, ParentRef, TypeRef, WorkflowTypeRecord } from '../../store/records.js';
import { closeExecution } from './close.js';
import { requireActiveDomain, requireDomain } from '../registry/domains.js';
import { durationMs, toWireTime } from '../time/durations.js';
import { fault, unknownExecution, unknownType } from '../faults.js';
import { executionRef, recordEvent } from './history-writer.js';
import { requireExecution } from './history.js';
import { deadlineKey } from './run-keys.js';
import { ENGINE_LIMITS } from '../limits.js';
import type { OperationInput } from '../operations.js';
import type { EngineState } from '../engine-state.js';
import { getWorkflowType } from '../registry/registered-types.js';
import { newRunId } from './run-ids.js';

/** Run settings a start, child start or continue-as-new may give; the rest come from type defaults. */
export interface RunSettingsInput {
  taskList?: { name: string } | undefined;
  taskPriority?: string | undefined;
  executionStartToCloseTimeout?: string | undefined;
  taskStartToCloseTimeout?: string | undefined;
  childPolicy?: ChildPolicy | undefined;
  lambdaRole?: string | undefined;
}

export type MissingDefault =
  | 'DEFAULT_EXECUTION_START_TO_CLOSE_TIMEOUT_UNDEFINED'
  | 'DEFAULT_TASK_LIST_UNDEFINED'
  | 'DEFAULT_TASK_START_TO_CLOSE_TIMEOUT_UNDEFINED'
  | 'DEFAULT_CHILD_POLICY_UNDEFINED';

/** Resolves run settings from the request, then the type's defaults; names the first one still missing. */
export function resolveRunSettings(type: WorkflowTypeRecord, input: RunSettingsInput): { config: ExecutionConfig } | { missing: MissingDefault } {
  const defaults = type.configuration;
  const executionStartToCloseTimeout = input.executionStartToCloseTimeout ?? defaults.defaultExecutionStartToCloseTimeout;
  if (executionStartToCloseTimeout === undefined) return { missing: 'DEFAULT_EXECUTION_START_TO_CLOSE_TIMEOUT_UNDEFINED' };
  const taskList = input.taskList ?? defaults.defaultTaskList;
  if (taskList === undefined) return { missing: 'DEFAULT_TASK_LIST_UNDEFINED' };
  const taskStartToCloseTimeout = input.taskStartToCloseTimeout ?? defaults.defaultTaskStartToCloseTimeout;
  if (taskStartToCloseTimeout === undefined) return { missing: 'DEFAULT_TASK_START_TO_CLOSE_TIMEOUT_UNDEFINED' };
  const childPolicy = input.childPolicy ?? defaults.defaultChildPolicy;
  if (childPolicy === undefined) return { missing: 'DEFAULT_CHILD_POLICY_UNDEFINED' };
  const config: ExecutionConfig = {
    taskList: { name: taskList.name },
    taskPriority: input.taskPriority ?? defaults.defaultTaskPriority ?? '0',
    executionStartToCloseTimeout,
    taskStartToCloseTimeout,
    childPolicy,
  };
  const lambdaRole = input.lambdaRole ?? defaults.defaultLambdaRole;
  if (lambdaRole !== undefined) config.lambdaRole = lambdaRole;
  return { config };
}

export interface NewRun {
  domain: string;
  workflowId: string;
  workflowType: TypeRef;
  config: ExecutionConfig;
  input?: string | undefined;
  tagList?: string[] | undefined;
  parent?: ParentRef | undefined;
  continuedExecutionRunId?: string | undefined;
  /** Preset when the id must be known before the run exists (continue-as-new names it first). */
  runId?: string | undefined;
}

/** Creates an open run, records WorkflowExecutionStarted (★) and arms its START_TO_CLOSE timeout. */
export function createExecution(state: EngineState, run: NewRun): ExecutionRecord {
  const now = state.now();
  const execution: ExecutionRecord = {
    domain: run.domain,
    workflowId: run.workflowId,
    runId: run.runId ?? newRunId(),
    workflowType: { name: run.workflowType.name, version: run.workflowType.version },
    status: 'OPEN',
    startTimestamp: now,
    config: run.config,
    tagList: [...(run.tagList ?? [])],
    cancelRequested: false,
    eventCount: 0,
    decisionNeeded: false,
    previousStartedEventId: 0,
    activities: {},
    timers: {},
    children: {},
    lambdas: {},
  };
  if (run.input !== undefined) execution.input = run.input;
  if (run.parent) execution.parent = run.parent;
  if (run.continuedExecutionRunId !== undefined) execution.continuedExecutionRunId = run.continuedExecutionRunId;
  recordEvent(state, execution, 'WorkflowExecutionStarted', {
    input: run.input,
    executionStartToCloseTimeout: run.config.executionStartToCloseTimeout,
    taskStartToCloseTimeout: run.config.taskStartToCloseTimeout,
    childPolicy: run.config.childPolicy,
    taskList: { name: run.config.taskList.name },
    taskPriority: run.config.taskPriority,
    workflowType: { ...execution.workflowType },
    tagList: [...execution.tagList],
    continuedExecutionRunId: run.continuedExecutionRunId,
    parentWorkflowExecution: run.parent ? { workflowId: run.parent.workflowId, runId: run.parent.runId } : undefined,
    parentInitiatedEventId: run.parent?.initiatedEventId ?? 0,
    lambdaRole: run.config.lambdaRole,
  });
  state.store.saveExecution(execution);
  armExecutionTimeout(state, execution);
  return execution;
}

/** Arms the run's START_TO_CLOSE deadline, counted from its start (also when a restarted engine restores it). */
export function armExecutionTimeout(state: EngineState, execution: ExecutionRecord): void {
  const { domain, workflowId, runId } = execution;
  const at = execution.startTimestamp + durationMs(execution.config.executionStartToCloseTimeout);
  state.timeouts.set(deadlineKey(execution, 'execution-start-to-close'), at, () => {
    const current = state.store.getExecution(domain, workflowId, runId);
    if (!current || current.status !== 'OPEN') return;
    closeExecution(state, current, {
      status: 'TIMED_OUT',
      eventType: 'WorkflowExecutionTimedOut',
      attributes: { timeoutType: 'START_TO_CLOSE', childPolicy: current.config.childPolicy },
      childPolicy: current.config.childPolicy,
    });
  });
}

export function startWorkflowExecution(state: EngineState, input: OperationInput<'StartWorkflowExecution'>): Record<string, unknown> {
  const domain = requireActiveDomain(state, input.domain);
  const type = getWorkflowType(state, domain.name, input.workflowType);
  if (!type) throw unknownType('WorkflowType', input.workflowType);
  if (type.status === 'DEPRECATED') {
    throw fault('TypeDeprecatedFault', `WorkflowType=[name=${type.name}, version=${type.version}]`);
  }
  if (state.store.getOpenExecution(domain.name, input.workflowId)) {
    throw fault('WorkflowExecutionAlreadyStartedFault', `An open execution with workflowId ${input.workflowId} already exists in domain ${domain.name}`);
  }
  if (state.store.countOpenExecutions(domain.name) >= ENGINE_LIMITS.openExecutionsPerDomain) {
    throw fault('LimitExceededFault', `Limit of ${ENGINE_LIMITS.openExecutionsPerDomain} open executions reached in domain ${domain.name}`);
  }
  const resolved = resolveRunSettings(type, input);
  if ('missing' in resolved) {
    throw fault('DefaultUndefinedFault', `${resolved.missing}: set it on the request or register the workflow type with a default`);
  }
  const execution = state.atomically(() =>
    createExecution(state, {
      domain: domain.name,
      workflowId: input.workflowId,
      workflowType: type,
      config: resolved.config,
      input: input.input,
      tagList: input.tagList,
    }),
  );
  return { runId: execution.runId };
}

/** The run a signal, cancel request or termination targets: the given run, else the open one. */
function requireOpenTarget(state: EngineState, domain: string, workflowId: string, runId: string | undefined): ExecutionRecord {
  requireDomain(state, domain);
  const execution = runId ? state.store.getExecution(domain, workflowId, runId) : state.store.getOpenExecution(domain, workflowId);
  if (!execution || execution.status !== 'OPEN') throw unknownExecution(workflowId, runId);
  return execution;
}

export function signalWorkflowExecution(state: EngineState, input: OperationInput<'SignalWorkflowExecution'>): undefined {
  const execution = requireOpenTarget(state, input.domain, input.workflowId, input.runId);
  state.executionThrottle?.admit('SignalWorkflowExecution', execution);
  state.atomically(() =>
    recordEvent(state, execution, 'WorkflowExecutionSignaled', { signalName: input.signalName, input: input.input, externalInitiatedEventId: 0 }),
  );
  return undefined;
}

export function requestCancelWorkflowExecution(state: EngineState, input: OperationInput<'RequestCancelWorkflowExecution'>): undefined {
  const execution = requireOpenTarget(state, input.domain, input.workflowId, input.runId);
  state.executionThrottle?.admit('RequestCancelWorkflowExecution', execution);
  state.atomically(() => {
    execution.cancelRequested = true;
    recordEvent(state, execution, 'WorkflowExecutionCancelRequested', { externalInitiatedEventId: 0 });
  });
  return undefined;
}

export function terminateWorkflowExecution(state: EngineState, input: OperationInput<'TerminateWorkflowExecution'>): undefined {
  const execution = requireOpenTarget(state, input.domain, input.workflowId, input.runId);
  const childPolicy: ChildPolicy = input.childPolicy ?? execution.config.childPolicy;
  state.atomically(() =>
    closeExecution(state, execution, {
      status: 'TERMINATED',
      eventType: 'WorkflowExecutionTerminated',
      // OPERATOR_INITIATED marks a call's termination (the enum's third value; CHILD_POLICY_APPLIED
      // and EVENT_LIMIT_EXCEEDED are the automatic ones).
      attributes: { reason: input.reason, details: input.details, childPolicy, cause: 'OPERATOR_INITIATED' },
      childPolicy,
    }),
  );
  return undefined;
}

/** `executionInfo` as DescribeWorkflowExecution and the visibility lists return it. */
export function executionInfo(execution: ExecutionRecord): Record<string, unknown> {
  return {
    execution: executionRef(execution),
    workflowType: { ...execution.workflowType },
    startTimestamp: toWireTime(execution.startTimestamp),
    ...(execution.closeTimestamp !== undefined ? { closeTimestamp: toWireTime(execution.closeTimestamp) } : {}),
    executionStatus: execution.status,
    ...(execution.closeStatus !== undefined ? { closeStatus: execution.closeStatus } : {}),
    ...(execution.parent ? { parent: { workflowId: execution.parent.workflowId, runId: execution.parent.runId } } : {}),
    tagList: [...execution.tagList],
    cancelRequested: execution.cancelRequested,
  };
}

export function describeWorkflowExecution(state: EngineState, input: OperationInput<'DescribeWorkflowExecution'>): Record<string, unknown> {
  const execution = requireExecution(state, input.domain, input.execution);
  const config = execution.config;
  return {
    executionInfo: executionInfo(execution),
    executionConfiguration: {
      taskStartToCloseTimeout: config.taskStartToCloseTimeout,
      executionStartToCloseTimeout: config.executionStartToCloseTimeout,
      taskList: { name: config.taskList.name },
      taskPriority: config.taskPriority,
      childPolicy: config.childPolicy,
      ...(config.lambdaRole !== undefined ? { lambdaRole: config.lambdaRole } : {}),
    },
    openCounts: {
      openActivityTasks: Object.keys(execution.activities).length,
      openDecisionTasks: execution.decision ? 1 : 0,
      openTimers: Object.keys(execution.timers).length,
      openChildWorkflowExecutions: Object.keys(execution.children).length,
      openLambdaFunctions: Object.keys(execution.lambdas).length,
    },
    ...(execution.latestActivityTaskTimestamp !== undefined
      ? { latestActivityTaskTimestamp: toWireTime(execution.latestActivityTaskTimestamp) }
      : {}),
    ...(execution.latestExecutionContext !== undefined ? { latestExecutionContext: execution.latestExecutionContext } : {}),
  };
}
