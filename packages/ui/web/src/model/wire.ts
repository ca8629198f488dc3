/** The shapes the API sends: history events in SWF's wire JSON, executions as the SDK returns them. */

export interface WireEvent {
  readonly eventId: number;
  readonly eventType: string;
  /** Epoch seconds with millisecond fractions. */
  readonly eventTimestamp: number;
  readonly swirlDecodeFailures?: readonly string[];
  readonly [attributesKey: string]: unknown;
}

export interface WorkflowExecutionRef {
  readonly workflowId: string;
  readonly runId: string;
}

export interface ExecutionInfo {
  readonly execution: WorkflowExecutionRef;
  readonly workflowType: { readonly name: string; readonly version: string };
  readonly startTimestamp: string;
  readonly closeTimestamp?: string;
  readonly executionStatus: 'OPEN' | 'CLOSED';
  readonly closeStatus?: string;
  readonly parent?: WorkflowExecutionRef;
  readonly tagList?: readonly string[];
  readonly cancelRequested?: boolean;
}

export interface ExecutionDescription {
  readonly executionInfo: ExecutionInfo;
  readonly executionConfiguration: {
    readonly taskList?: { readonly name: string };
    readonly taskStartToCloseTimeout?: string;
    readonly executionStartToCloseTimeout?: string;
    readonly childPolicy?: string;
    readonly taskPriority?: string;
    readonly lambdaRole?: string;
  };
  readonly openCounts: {
    readonly openActivityTasks: number;
    readonly openDecisionTasks: number;
    readonly openTimers: number;
    readonly openChildWorkflowExecutions: number;
    readonly openLambdaFunctions?: number;
  };
  readonly latestActivityTaskTimestamp?: string;
  readonly latestExecutionContext?: string;
  readonly payloadsDecoded: boolean;
}

/** `eventType` "ActivityTaskScheduled" keeps its fields in "activityTaskScheduledEventAttributes". */
export function attributesOf(event: WireEvent): Record<string, unknown> {
  const key = `${event.eventType.charAt(0).toLowerCase()}${event.eventType.slice(1)}EventAttributes`;
  const attributes = event[key];
  return attributes !== null && typeof attributes === 'object' ? (attributes as Record<string, unknown>) : {};
}

/** Wire timestamps are epoch seconds; the SDK's JSON has ISO strings. */
export function toDate(value: number | string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'number' ? new Date(value * 1000) : new Date(value);
}

export function formatTime(value: number | string | undefined): string {
  const date = toDate(value);
  return date === undefined ? '' : date.toISOString().replace('T', ' ').replace('Z', ' UTC');
}
