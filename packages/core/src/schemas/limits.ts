/**
 * Every SWF size, length and quota Swirl relies on, in one place. The schemas, the runtime, the
 * worker and the local server all read these, so the framework and the server never disagree.
 */
export const SWF_LIMITS = {
  /** Characters in a data field: input, result, details, control, executionContext. */
  payload: 32_768,
  /** Characters in a failure reason. */
  reason: 256,
  /** Characters in heartbeat details and in `ActivityTaskTimedOut.details`. */
  heartbeatDetails: 2_048,
  /** Characters in a poller identity. */
  identity: 256,
  /** Characters in a domain or type description. */
  description: 1_024,
  /** Characters in a domain, type or task-list name, workflowId, activityId, timerId, signalName, markerName, lambda id. */
  name: 256,
  /** Characters in a type version and a lambda function name. */
  version: 64,
  /** Characters in a runId. */
  runId: 64,
  /** Characters in a task token. */
  taskToken: 1_024,
  /** Characters in an ARN (resource ARN, lambda role). */
  arn: 1_600,
  /** Characters in a `nextPageToken`. */
  pageToken: 2_048,
  /** Characters in a duration string such as `"300"` or `"NONE"`. */
  duration: 8,
  /** Characters in one execution tag. */
  tag: 256,
  /** Tags on one execution (`tagList`). */
  tagsPerExecution: 5,
  /** Characters in a domain tag key. */
  domainTagKey: 128,
  /** Characters in a domain tag value. */
  domainTagValue: 256,
  /** Tags on one domain; more is a TooManyTagsFault. */
  domainTags: 50,
  /** Largest `maximumPageSize`; also the default page size. */
  maximumPageSize: 1_000,
  /** Events in one execution history; reaching it terminates the run with EVENT_LIMIT_EXCEEDED. */
  historyEvents: 25_000,
  /** Open (scheduled or started) activity tasks per execution. */
  openActivities: 1_000,
  /** Open timers per execution. */
  openTimers: 1_000,
  /** Open child executions per execution. */
  openChildren: 1_000,
  /** Open executions per domain, children included. */
  openExecutionsPerDomain: 100_000,
  /** Domains per account, deprecated ones included. */
  domains: 100,
  /** Workflow types, and separately activity types, per domain, deprecated ones included. */
  typesPerDomain: 10_000,
  /** Longest retention of closed executions, in days. */
  retentionDays: 90,
  /** Longest lambda `startToCloseTimeout`, in seconds (also its default). */
  lambdaStartToCloseSeconds: 900,
  /** Bytes in one request body. */
  requestBytes: 1_048_576,
  /** Seconds a long poll is held before it answers empty. */
  longPollSeconds: 60,
  /** Concurrent long polls per task list. */
  pollersPerTaskList: 1_000,
  /** Longest execution lifetime, in days. */
  executionLifetimeDays: 365,
} as const;

export type SwfLimit = keyof typeof SWF_LIMITS;
