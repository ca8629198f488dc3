import type { DomainRecord, ExecutionRecord, HistoryEventRecord, TaskRecord, TypeRecord } from '../../src/store/records.js';

/** Small valid records for store tests; every field can be overridden. */
export const domain = (name: string, extra: Partial<DomainRecord> = {}): DomainRecord => ({
  name,
  status: 'REGISTERED',
  workflowExecutionRetentionPeriodInDays: '1',
  tags: [],
  ...extra,
});

export const workflowType = (domainName: string, name: string, version: string): TypeRecord => ({
  kind: 'workflow',
  domain: domainName,
  name,
  version,
  status: 'REGISTERED',
  creationDate: 1_700_000_000_000,
  configuration: { defaultTaskList: { name: 'deciders' } },
});

export const activityType = (domainName: string, name: string, version: string): TypeRecord => ({
  kind: 'activity',
  domain: domainName,
  name,
  version,
  status: 'REGISTERED',
  creationDate: 1_700_000_000_000,
  configuration: { defaultTaskHeartbeatTimeout: 'NONE' },
});

export const execution = (domainName: string, workflowId: string, runId: string, extra: Partial<ExecutionRecord> = {}): ExecutionRecord => ({
  domain: domainName,
  workflowId,
  runId,
  workflowType: { name: 'Order', version: '1' },
  status: 'OPEN',
  startTimestamp: 1_700_000_000_000,
  config: {
    taskList: { name: 'deciders' },
    taskPriority: '0',
    executionStartToCloseTimeout: '3600',
    taskStartToCloseTimeout: '10',
    childPolicy: 'TERMINATE',
  },
  tagList: [],
  cancelRequested: false,
  eventCount: 0,
  decisionNeeded: false,
  previousStartedEventId: 0,
  activities: {},
  timers: {},
  children: {},
  lambdas: {},
  ...extra,
});

export const event = (eventId: number, eventType = 'MarkerRecorded'): HistoryEventRecord => ({
  eventId,
  eventTimestamp: 1_700_000_000 + eventId / 1_000,
  eventType,
  markerRecordedEventAttributes: { markerName: `m${eventId}`, decisionTaskCompletedEventId: 0 },
});

export const task = (key: string, priority: number, sequence: number, extra: Partial<TaskRecord> = {}): TaskRecord => ({
  key,
  domain: 'd',
  kind: 'activity',
  taskList: 'workers',
  priority,
  sequence,
  workflowId: 'wf',
  runId: 'run',
  scheduledEventId: sequence,
  activityId: key,
  ...extra,
});
