/**
 * What `WorkflowClient.start` accepts, and how it becomes a StartWorkflowExecution request: each
 * option falls back to the workflow class's static `type`, durations compile once to SWF seconds.
 */
import type { ChildPolicy, StartWorkflowExecutionInput } from '@aws-sdk/client-swf';
import { resolveWorkflowType, type ResolvedWorkflowType, type WorkflowRunOptions, type WorkflowTypeCarrier } from '@swirl/core';
import { optionalSwfDurationOption } from './option-duration.js';
import { assertKnownOptions, type OptionKeys } from './option-keys.js';

/**
 * One execution to start. Unset run options (task list, priority, timeouts, child policy, Lambda
 * role) come from the class's static `type`, then from the type SWF has registered.
 */
export interface StartWorkflowOptions<Input = unknown> extends WorkflowRunOptions {
  /** The business id of the execution; unique among the domain's open executions. */
  readonly workflowId: string;
  /** The workflow's input, passed through the converter and codecs. @default none */
  readonly input?: Input;
  /** Up to 5 tags, searchable with `list({ tag })`. @default none */
  readonly tags?: readonly string[];
  /** Run a different version of the class's type name. @default the class's `type.version` */
  readonly workflowTypeVersion?: string;
}

const START_OPTION_KEYS = {
  workflowId: true,
  input: true,
  tags: true,
  workflowTypeVersion: true,
  taskList: true,
  taskPriority: true,
  executionStartToCloseTimeout: true,
  taskStartToCloseTimeout: true,
  childPolicy: true,
  lambdaRole: true,
} as const satisfies OptionKeys<StartWorkflowOptions>;

/** Throws `UnknownOptionError` for a key `start` and `startByType` do not take. */
export function assertStartOptions(options: StartWorkflowOptions): void {
  assertKnownOptions('WorkflowClient.start options', options, START_OPTION_KEYS);
}

/** Builds the StartWorkflowExecution request for a class: unset options come from its static `type`. */
export function buildStartRequest(
  domain: string,
  workflowClass: WorkflowTypeCarrier,
  options: StartWorkflowOptions,
  encodedInput: string | undefined,
): StartWorkflowExecutionInput {
  const type = resolveWorkflowType(workflowClass);
  return buildStartRequestForType(domain, { name: type.name, version: type.version }, options, encodedInput, type);
}

/**
 * Builds the request for a type by name. Without class defaults, unset options are left out so SWF
 * takes them from the registered type.
 */
export function buildStartRequestForType(
  domain: string,
  workflowType: { readonly name: string; readonly version: string },
  options: StartWorkflowOptions,
  encodedInput: string | undefined,
  defaults?: ResolvedWorkflowType,
): StartWorkflowExecutionInput {
  const taskList = options.taskList ?? defaults?.defaultTaskList?.name;
  const executionTimeout =
    optionalSwfDurationOption('executionStartToCloseTimeout', options.executionStartToCloseTimeout) ?? defaults?.defaultExecutionStartToCloseTimeout;
  const taskTimeout = optionalSwfDurationOption('taskStartToCloseTimeout', options.taskStartToCloseTimeout) ?? defaults?.defaultTaskStartToCloseTimeout;
  const priority = options.taskPriority !== undefined ? String(options.taskPriority) : defaults?.defaultTaskPriority;
  const lambdaRole = options.lambdaRole ?? defaults?.defaultLambdaRole;
  const childPolicy = options.childPolicy ?? defaults?.defaultChildPolicy;
  return {
    domain,
    workflowId: options.workflowId,
    workflowType: { name: workflowType.name, version: options.workflowTypeVersion ?? workflowType.version },
    ...(taskList !== undefined && { taskList: { name: taskList } }),
    ...(priority !== undefined && { taskPriority: priority }),
    ...(encodedInput !== undefined && { input: encodedInput }),
    ...(executionTimeout !== undefined && { executionStartToCloseTimeout: executionTimeout }),
    ...(taskTimeout !== undefined && { taskStartToCloseTimeout: taskTimeout }),
    ...(childPolicy !== undefined && { childPolicy: childPolicy as ChildPolicy }),
    ...(options.tags !== undefined && { tagList: [...options.tags] }),
    ...(lambdaRole !== undefined && { lambdaRole }),
  };
}
