/**
 * What `WorkflowClient.start` accepts, and how it becomes a StartWorkflowExecution request: each
 * option falls back to the workflow class's static `type`, durations compile once to SWF seconds.
 */
import type { ChildPolicy, StartWorkflowExecutionInput } from '@aws-sdk/client-swf';
import {
  resolveWorkflowType,
  toSwfDuration,
  type DurationInput,
  type ResolvedWorkflowType,
  type WorkflowTypeCarrier,
} from '@swirl/core';

export interface StartWorkflowOptions<Input = unknown> {
  /** The business id of the execution; unique among the domain's open executions. */
  readonly workflowId: string;
  /** The workflow's input, passed through the converter and codecs. */
  readonly input?: Input;
  /** Decision task list. @default the class's `type.taskList`, then the registered type default */
  readonly taskList?: string;
  /** Decision task priority (int32; higher first). @default the class's `type.taskPriority` */
  readonly taskPriority?: number;
  /** Maximum run time of the execution, `'7d'` or milliseconds. @default the class's `type.executionStartToCloseTimeout` */
  readonly executionStartToCloseTimeout?: DurationInput;
  /** Maximum time of one decision task, `'30s'` or milliseconds. @default the class's `type.taskStartToCloseTimeout` */
  readonly taskStartToCloseTimeout?: DurationInput;
  /** What happens to open children when this execution closes. @default the class's `type.childPolicy` */
  readonly childPolicy?: ChildPolicy | `${ChildPolicy}`;
  /** Up to 5 tags, searchable with `list({ tag })`. */
  readonly tags?: readonly string[];
  /** IAM role for Lambda tasks. @default the class's `type.lambdaRole` */
  readonly lambdaRole?: string;
  /** Run a different version of the class's type name. @default the class's `type.version` */
  readonly workflowTypeVersion?: string;
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
    options.executionStartToCloseTimeout !== undefined
      ? toSwfDuration(options.executionStartToCloseTimeout)
      : defaults?.defaultExecutionStartToCloseTimeout;
  const taskTimeout =
    options.taskStartToCloseTimeout !== undefined
      ? toSwfDuration(options.taskStartToCloseTimeout)
      : defaults?.defaultTaskStartToCloseTimeout;
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
