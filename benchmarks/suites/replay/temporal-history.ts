/**
 * The Temporal history of a finished `sequentialActivities` run of `count` activities, in Temporal's
 * history JSON (proto3 JSON, as `temporal workflow show --output json` prints it). The same 6 * count + 5
 * events as the SWF history: started + first workflow task, then per activity scheduled, started,
 * completed and the workflow task that reacts, then completed.
 */
const START_MS = Date.UTC(2024, 0, 1);
const TASK_QUEUE = { name: 'bench', kind: 'TASK_QUEUE_KIND_NORMAL' };

/** `sequentialActivities`, the function name in the Temporal workflow bundle. */
export const TEMPORAL_WORKFLOW_TYPE = 'sequentialActivities';

interface TemporalJsonPayload {
  readonly metadata: { readonly encoding: string };
  readonly data: string;
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** A value as Temporal's default payload converter encodes it (`json/plain`). */
function jsonPayload(value: unknown): TemporalJsonPayload {
  return { metadata: { encoding: base64('json/plain') }, data: base64(JSON.stringify(value)) };
}

class TemporalHistoryWriter {
  readonly events: Array<Record<string, unknown>> = [];

  add(eventType: string, attributesKey: string, attributes: Record<string, unknown>): string {
    const eventId = String(this.events.length + 1);
    this.events.push({ eventId, eventTime: new Date(START_MS + this.events.length + 1).toISOString(), eventType: `EVENT_TYPE_${eventType}`, [attributesKey]: attributes });
    return eventId;
  }

  /** WorkflowTaskScheduled, Started, Completed; returns the Completed id. */
  workflowTask(): string {
    const scheduledEventId = this.add('WORKFLOW_TASK_SCHEDULED', 'workflowTaskScheduledEventAttributes', { taskQueue: TASK_QUEUE, startToCloseTimeout: '10s', attempt: 1 });
    const startedEventId = this.add('WORKFLOW_TASK_STARTED', 'workflowTaskStartedEventAttributes', { scheduledEventId, identity: 'bench-decider', requestId: `wft-${scheduledEventId}` });
    return this.add('WORKFLOW_TASK_COMPLETED', 'workflowTaskCompletedEventAttributes', { scheduledEventId, startedEventId, identity: 'bench-decider' });
  }
}

export function buildTemporalSequentialHistory(count: number): { events: Array<Record<string, unknown>> } {
  const history = new TemporalHistoryWriter();
  history.add('WORKFLOW_EXECUTION_STARTED', 'workflowExecutionStartedEventAttributes', {
    workflowType: { name: TEMPORAL_WORKFLOW_TYPE },
    taskQueue: TASK_QUEUE,
    input: { payloads: [jsonPayload(count)] },
    workflowExecutionTimeout: '86400s',
    workflowRunTimeout: '86400s',
    workflowTaskTimeout: '10s',
    originalExecutionRunId: 'bench-run',
    firstExecutionRunId: 'bench-run',
    identity: 'bench-client',
    attempt: 1,
  });
  let completedId = history.workflowTask();
  for (let n = 1; n <= count; n += 1) {
    // The TypeScript SDK numbers activities by its command sequence, starting at 1.
    const scheduledEventId = history.add('ACTIVITY_TASK_SCHEDULED', 'activityTaskScheduledEventAttributes', {
      activityId: String(n),
      activityType: { name: 'noop' },
      taskQueue: TASK_QUEUE,
      input: { payloads: [] },
      scheduleToCloseTimeout: '0s',
      scheduleToStartTimeout: '0s',
      startToCloseTimeout: '60s',
      heartbeatTimeout: '0s',
      workflowTaskCompletedEventId: completedId,
      retryPolicy: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '100s' },
    });
    const startedEventId = history.add('ACTIVITY_TASK_STARTED', 'activityTaskStartedEventAttributes', {
      scheduledEventId,
      identity: 'bench-activity-worker',
      requestId: `activity-${scheduledEventId}`,
      attempt: 1,
    });
    history.add('ACTIVITY_TASK_COMPLETED', 'activityTaskCompletedEventAttributes', {
      result: { payloads: [jsonPayload('ok')] },
      scheduledEventId,
      startedEventId,
      identity: 'bench-activity-worker',
    });
    completedId = history.workflowTask();
  }
  history.add('WORKFLOW_EXECUTION_COMPLETED', 'workflowExecutionCompletedEventAttributes', {
    result: { payloads: [jsonPayload(count)] },
    workflowTaskCompletedEventId: completedId,
  });
  return { events: history.events };
}
