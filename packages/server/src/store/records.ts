/**
 * The records the engine keeps. They are plain JSON-serialisable data (no Maps, no closures), so a
 * durable store can persist each one as a row or a JSON column and hand it back unchanged.
 * Timestamps are epoch milliseconds; durations stay in SWF's wire form (`"300"`, `"NONE"`).
 */

export interface TaskListRef {
  name: string;
}

export interface TypeRef {
  name: string;
  version: string;
}

export type RegistrationStatus = 'REGISTERED' | 'DEPRECATED';
export type ChildPolicy = 'TERMINATE' | 'REQUEST_CANCEL' | 'ABANDON';
export type CloseStatus = 'COMPLETED' | 'FAILED' | 'CANCELED' | 'TERMINATED' | 'CONTINUED_AS_NEW' | 'TIMED_OUT';

export interface ResourceTag {
  key: string;
  value?: string;
}

export interface DomainRecord {
  name: string;
  status: RegistrationStatus;
  description?: string;
  /** Wire form, e.g. `"30"`. */
  workflowExecutionRetentionPeriodInDays: string;
  tags: ResourceTag[];
}

export interface WorkflowTypeDefaults {
  defaultTaskStartToCloseTimeout?: string;
  defaultExecutionStartToCloseTimeout?: string;
  defaultTaskList?: TaskListRef;
  defaultTaskPriority?: string;
  defaultChildPolicy?: ChildPolicy;
  defaultLambdaRole?: string;
}

export interface ActivityTypeDefaults {
  defaultTaskStartToCloseTimeout?: string;
  defaultTaskHeartbeatTimeout?: string;
  defaultTaskList?: TaskListRef;
  defaultTaskPriority?: string;
  defaultTaskScheduleToStartTimeout?: string;
  defaultTaskScheduleToCloseTimeout?: string;
}

export type TypeKind = 'workflow' | 'activity';

interface TypeRecordBase {
  domain: string;
  name: string;
  version: string;
  status: RegistrationStatus;
  description?: string;
  creationDate: number;
  deprecationDate?: number;
}

export interface WorkflowTypeRecord extends TypeRecordBase {
  kind: 'workflow';
  configuration: WorkflowTypeDefaults;
}

export interface ActivityTypeRecord extends TypeRecordBase {
  kind: 'activity';
  configuration: ActivityTypeDefaults;
}

export type TypeRecord = WorkflowTypeRecord | ActivityTypeRecord;

/** One history event exactly as it goes on the wire (`eventTimestamp` in epoch seconds). */
export interface HistoryEventRecord {
  eventId: number;
  eventTimestamp: number;
  eventType: string;
  [attributesKey: string]: unknown;
}

export interface ExecutionConfig {
  taskList: TaskListRef;
  taskPriority: string;
  executionStartToCloseTimeout: string;
  taskStartToCloseTimeout: string;
  childPolicy: ChildPolicy;
  lambdaRole?: string;
}

export interface DecisionTaskState {
  scheduledEventId: number;
  /** 0 until a decider polls it. */
  startedEventId: number;
  taskList: TaskListRef;
  taskPriority: string;
  startToCloseTimeout: string;
  /** Set only when the task goes to an override list with `taskListScheduleToStartTimeout`. */
  scheduleToStartTimeout?: string;
  scheduledAt: number;
  startedAt?: number;
  taskToken?: string;
}

export interface ActivityState {
  activityId: string;
  activityType: TypeRef;
  scheduledEventId: number;
  startedEventId: number;
  taskList: TaskListRef;
  taskPriority: string;
  input?: string;
  control?: string;
  scheduleToStartTimeout: string;
  scheduleToCloseTimeout: string;
  startToCloseTimeout: string;
  heartbeatTimeout: string;
  scheduledAt: number;
  startedAt?: number;
  lastHeartbeatAt?: number;
  heartbeatDetails?: string;
  /** Event id of the latest ActivityTaskCancelRequested, 0 when none. */
  latestCancelRequestedEventId: number;
  taskToken?: string;
}

export interface TimerState {
  timerId: string;
  startedEventId: number;
  fireAt: number;
  control?: string;
}

export interface ChildState {
  initiatedEventId: number;
  workflowId: string;
  /** Current run of the child's chain; empty until started. */
  runId: string;
  startedEventId: number;
  workflowType: TypeRef;
  control?: string;
}

export interface LambdaState {
  id: string;
  name: string;
  scheduledEventId: number;
  startedEventId: number;
  startToCloseTimeout: string;
  /** When LambdaFunctionStarted was recorded; its START_TO_CLOSE deadline counts from here. */
  startedAt?: number;
  input?: string;
  control?: string;
}

export interface ParentRef {
  workflowId: string;
  runId: string;
  initiatedEventId: number;
}

export interface ExecutionRecord {
  domain: string;
  workflowId: string;
  runId: string;
  workflowType: TypeRef;
  status: 'OPEN' | 'CLOSED';
  closeStatus?: CloseStatus;
  startTimestamp: number;
  closeTimestamp?: number;
  config: ExecutionConfig;
  tagList: string[];
  input?: string;
  cancelRequested: boolean;
  parent?: ParentRef;
  continuedExecutionRunId?: string;
  latestExecutionContext?: string;
  latestActivityTaskTimestamp?: number;
  /** Number of events recorded; the next event id is `eventCount + 1`. */
  eventCount: number;
  decision?: DecisionTaskState;
  /** A ★ event arrived that no decision task has yet shown to a decider. */
  decisionNeeded: boolean;
  /** Started event id of the last decision task that completed; 0 before the first. */
  previousStartedEventId: number;
  /** From RespondDecisionTaskCompleted.taskList; cleared when a temporary override reverts. */
  taskListOverride?: { taskList: TaskListRef; scheduleToStartTimeout?: string };
  activities: Record<string, ActivityState>;
  timers: Record<string, TimerState>;
  /** Keyed by initiatedEventId. */
  children: Record<string, ChildState>;
  lambdas: Record<string, LambdaState>;
  /** When a closed execution disappears from the store. */
  retainUntil?: number;
}

export type TaskKind = 'decision' | 'activity';

/** A scheduled task waiting in a task list for a poller. */
export interface TaskRecord {
  /** Unique per task: domain, run, kind and scheduled event id. */
  key: string;
  domain: string;
  kind: TaskKind;
  taskList: string;
  priority: number;
  /** Monotonic arrival order; older first among equal priorities. */
  sequence: number;
  workflowId: string;
  runId: string;
  scheduledEventId: number;
  activityId?: string;
}

/** What a handed-out task token grants: one started decision or activity task of one run. */
export interface TaskTokenRecord {
  token: string;
  kind: TaskKind;
  domain: string;
  workflowId: string;
  runId: string;
  scheduledEventId: number;
  startedEventId: number;
  activityId?: string;
}
