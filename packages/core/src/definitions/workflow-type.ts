/**
 * How a workflow class names its SWF type and registration defaults. The worker registers from it,
 * the client starts from it and the runtime proxies children with it, so all three agree.
 */
import type { ChildPolicy } from '@aws-sdk/client-swf';
import { toSwfDuration, type DurationInput } from '../duration.js';

/** Static `type` of a workflow class. */
export interface WorkflowTypeOptions {
  /** SWF workflow type name. @default the class name */
  readonly name?: string;
  /** SWF workflow type version. */
  readonly version: string;
  readonly description?: string;
  /** Default decision task list for executions of this type. */
  readonly taskList?: string;
  /** Default `executionStartToCloseTimeout`. SWF requires one at start, from here or the start call. */
  readonly executionStartToCloseTimeout?: DurationInput;
  /** Default decision `taskStartToCloseTimeout`. @default '30s' */
  readonly taskStartToCloseTimeout?: DurationInput;
  /** Default child policy. @default 'TERMINATE' */
  readonly childPolicy?: ChildPolicy | `${ChildPolicy}`;
  /** Default decision task priority. */
  readonly taskPriority?: number;
  /** Default IAM role for Lambda tasks. */
  readonly lambdaRole?: string;
}

/** Anything that carries a static workflow `type` (a `Workflow` subclass). */
export interface WorkflowTypeCarrier {
  readonly name: string;
  readonly type?: WorkflowTypeOptions;
}

/** The SWF identity and registration defaults of a workflow class, in wire form. */
export interface ResolvedWorkflowType {
  readonly name: string;
  readonly version: string;
  readonly description?: string;
  readonly defaultTaskList?: { name: string };
  readonly defaultExecutionStartToCloseTimeout?: string;
  readonly defaultTaskStartToCloseTimeout: string;
  readonly defaultChildPolicy: `${ChildPolicy}`;
  readonly defaultTaskPriority?: string;
  readonly defaultLambdaRole?: string;
}

export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
}

export const DEFAULT_TASK_START_TO_CLOSE = '30s';

/** Reads a workflow class's static `type`. Throws `DefinitionError` when it is missing or incomplete. */
export function resolveWorkflowType(workflowClass: WorkflowTypeCarrier): ResolvedWorkflowType {
  const options = workflowClass.type;
  if (!options || typeof options.version !== 'string' || options.version.length === 0) {
    throw new DefinitionError(
      `Workflow class ${workflowClass.name} needs a static "type" with at least a version, e.g. static readonly type = { name: '${workflowClass.name}', version: '1' }`,
    );
  }
  return {
    name: options.name ?? workflowClass.name,
    version: options.version,
    ...(options.description !== undefined && { description: options.description }),
    ...(options.taskList !== undefined && { defaultTaskList: { name: options.taskList } }),
    ...(options.executionStartToCloseTimeout !== undefined && {
      defaultExecutionStartToCloseTimeout: toSwfDuration(options.executionStartToCloseTimeout),
    }),
    defaultTaskStartToCloseTimeout: toSwfDuration(options.taskStartToCloseTimeout ?? DEFAULT_TASK_START_TO_CLOSE),
    defaultChildPolicy: options.childPolicy ?? 'TERMINATE',
    ...(options.taskPriority !== undefined && { defaultTaskPriority: String(options.taskPriority) }),
    ...(options.lambdaRole !== undefined && { defaultLambdaRole: options.lambdaRole }),
  };
}
