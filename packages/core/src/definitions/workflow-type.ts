/**
 * How a workflow class names its SWF type and registration defaults. The worker registers from it,
 * the client starts from it and the runtime proxies children with it, so all three agree.
 */
import type { ChildPolicy } from '@aws-sdk/client-swf';
import { toSwfDuration, type DurationInput } from '../duration.js';
import { DefinitionError } from './definition-error.js';

/**
 * How one workflow run is driven. Starting a run (from the client, as a child, or by continuing as
 * new) may set each of these; a workflow class's static `type` registers their defaults.
 */
export interface WorkflowRunOptions {
  /** Decision task list. @default the workflow type's default (continue-as-new: this run's) */
  readonly taskList?: string;
  /** Decision task priority (int32, higher first). @default the workflow type's default (continue-as-new: this run's) */
  readonly taskPriority?: number;
  /**
   * Maximum run time of the execution, `'7d'` or milliseconds. SWF requires one at start, from the
   * run or its type. @default the workflow type's default (continue-as-new: this run's)
   */
  readonly executionStartToCloseTimeout?: DurationInput;
  /** Maximum time of one decision task, `'30s'` or milliseconds. @default the workflow type's default (continue-as-new: this run's) */
  readonly taskStartToCloseTimeout?: DurationInput;
  /** What happens to open children when the run closes. @default the workflow type's default (continue-as-new: this run's) */
  readonly childPolicy?: ChildPolicy | `${ChildPolicy}`;
  /** IAM role SWF uses to invoke Lambda functions. @default the workflow type's default (continue-as-new: this run's) */
  readonly lambdaRole?: string;
}

/**
 * Static `type` of a workflow class: the SWF type's name and version, and the run options every run
 * of it defaults to (registered with SWF). A default left unset has none, and SWF then needs the
 * value when a run starts; Swirl fills two of them.
 */
export interface WorkflowTypeOptions extends WorkflowRunOptions {
  /** SWF workflow type name. @default the class name */
  readonly name?: string;
  /** SWF workflow type version. */
  readonly version: string;
  /** Registered description of the type. @default none */
  readonly description?: string;
  /** Default maximum time of one decision task. @default '30s' */
  readonly taskStartToCloseTimeout?: DurationInput;
  /** Default child policy. @default 'TERMINATE' */
  readonly childPolicy?: ChildPolicy | `${ChildPolicy}`;
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

/** What Swirl registers when a workflow class names no decision task timeout: SWF itself has no default. */
const DEFAULT_TASK_START_TO_CLOSE = '30s';

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
