import type { DecisionTaskState, ExecutionRecord } from '../store/records.js';
import { durationMs } from './durations.js';
import { executionRef, recordEvent } from './history-writer.js';
import { historyPage } from './history.js';
import { deadlineKey, decisionTaskKey } from './keys.js';
import type { Runtime } from './runtime.js';
import { recordHandout } from './task-handout.js';
import { newTaskToken } from './task-tokens.js';

export const EMPTY_DECISION_POLL = { previousStartedEventId: 0, startedEventId: 0 } as const;

/** Paging options a decider passes to PollForDecisionTask. */
export interface DecisionPageOptions {
  maximumPageSize?: number | undefined;
  reverseOrder?: boolean | undefined;
  startAtPreviousStartedEvent?: boolean | undefined;
}

/**
 * Records DecisionTaskScheduled and queues the task on the execution's task list, or on the
 * override list a decider asked for. An override with `taskListScheduleToStartTimeout` gives the
 * task a SCHEDULE_TO_START deadline; when it passes, the override reverts to the original list.
 */
export function scheduleDecisionTask(rt: Runtime, execution: ExecutionRecord): void {
  const override = execution.taskListOverride;
  const taskList = override?.taskList ?? execution.config.taskList;
  const scheduleToStartTimeout = override?.scheduleToStartTimeout;
  const startToCloseTimeout = execution.config.taskStartToCloseTimeout;
  const scheduledEventId = recordEvent(rt, execution, 'DecisionTaskScheduled', {
    taskList: { name: taskList.name },
    taskPriority: execution.config.taskPriority,
    startToCloseTimeout,
    scheduleToStartTimeout,
  });
  const task: DecisionTaskState = {
    scheduledEventId,
    startedEventId: 0,
    taskList: { name: taskList.name },
    taskPriority: execution.config.taskPriority,
    startToCloseTimeout,
    scheduledAt: rt.now(),
  };
  if (scheduleToStartTimeout !== undefined) task.scheduleToStartTimeout = scheduleToStartTimeout;
  execution.decision = task;
  rt.work.queued(execution.domain, 'decision', taskList.name);
  rt.enqueueTask({
    key: decisionTaskKey(execution, scheduledEventId),
    domain: execution.domain,
    kind: 'decision',
    taskList: taskList.name,
    priority: Number(execution.config.taskPriority),
    sequence: rt.nextSequence(),
    workflowId: execution.workflowId,
    runId: execution.runId,
    scheduledEventId,
  });
  armDecisionTaskDeadline(rt, execution, task);
}

/**
 * Arms the open decision task's deadline: START_TO_CLOSE once started, else SCHEDULE_TO_START when
 * it went to a temporary override list. Also used when a restarted engine restores the task.
 */
export function armDecisionTaskDeadline(rt: Runtime, execution: ExecutionRecord, task: DecisionTaskState): void {
  const { domain, workflowId, runId } = execution;
  const { scheduledEventId } = task;
  if (task.startedEventId > 0) {
    rt.timeouts.delete(deadlineKey(execution, 'decision-schedule-to-start'));
    rt.timeouts.set(deadlineKey(execution, 'decision-start-to-close'), (task.startedAt ?? task.scheduledAt) + durationMs(task.startToCloseTimeout), () =>
      timeOutDecisionTask(rt, domain, workflowId, runId, scheduledEventId, 'START_TO_CLOSE'),
    );
  } else if (task.scheduleToStartTimeout !== undefined) {
    rt.timeouts.set(deadlineKey(execution, 'decision-schedule-to-start'), task.scheduledAt + durationMs(task.scheduleToStartTimeout), () =>
      timeOutDecisionTask(rt, domain, workflowId, runId, scheduledEventId, 'SCHEDULE_TO_START'),
    );
  }
}

/** Hands a scheduled decision task to a decider: records DecisionTaskStarted and builds the poll response. */
export function startDecisionTask(rt: Runtime, execution: ExecutionRecord, identity: string | undefined, options: DecisionPageOptions): Record<string, unknown> {
  const task = execution.decision!;
  const startedEventId = recordEvent(rt, execution, 'DecisionTaskStarted', { identity, scheduledEventId: task.scheduledEventId });
  const taskToken = newTaskToken('decision', execution, task.scheduledEventId);
  task.startedEventId = startedEventId;
  task.startedAt = rt.now();
  task.taskToken = taskToken;
  // The decider sees every event up to here; only later ★ events make a decision pending.
  execution.decisionNeeded = false;
  recordHandout(rt, execution, { kind: 'decision', taskList: task.taskList.name, scheduledEventId: task.scheduledEventId, startedEventId, token: taskToken });
  armDecisionTaskDeadline(rt, execution, task);
  return decisionTaskPage(rt, execution, taskToken, startedEventId, options, undefined);
}

/** A page of a decision task's history; further pages come from polling again with the token. */
export function decisionTaskPage(
  rt: Runtime,
  execution: ExecutionRecord,
  taskToken: string,
  startedEventId: number,
  options: DecisionPageOptions,
  nextPageToken: string | undefined,
): Record<string, unknown> {
  const previousStartedEventId = execution.previousStartedEventId;
  const fromEventId =
    options.startAtPreviousStartedEvent === true && previousStartedEventId > 0 ? firstEventAtOrAfterTimeOf(rt, execution, previousStartedEventId) : 1;
  const page = historyPage(rt, execution, {
    kind: 'PollForDecisionTask',
    fromEventId,
    toEventId: startedEventId,
    reverseOrder: options.reverseOrder === true,
    maximumPageSize: options.maximumPageSize,
    nextPageToken,
    scope: { taskToken },
  });
  return {
    taskToken,
    startedEventId,
    workflowExecution: executionRef(execution),
    workflowType: { ...execution.workflowType },
    events: page.events,
    ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
    previousStartedEventId,
  };
}

/**
 * `startAtPreviousStartedEvent` keeps the events whose timestamp is at or after the previous
 * DecisionTaskStarted's, so earlier events recorded in the same millisecond are included.
 * Timestamps never decrease along event ids, so a binary search finds the first one in O(log n) reads.
 */
function firstEventAtOrAfterTimeOf(rt: Runtime, execution: ExecutionRecord, eventId: number): number {
  const timestampOf = (id: number): number | undefined =>
    rt.store.readEvents(execution.domain, execution.workflowId, execution.runId, id, id)[0]?.eventTimestamp;
  const since = timestampOf(eventId);
  if (since === undefined) return 1;
  let low = 1;
  let high = eventId;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((timestampOf(middle) ?? since) >= since) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Forgets the open decision task: its queue entry, token and deadlines. */
export function clearDecisionTask(rt: Runtime, execution: ExecutionRecord): void {
  const task = execution.decision;
  if (!task) return;
  if (task.startedEventId === 0) rt.work.unqueued(execution.domain, 'decision', task.taskList.name, false);
  else rt.work.finished('decision', execution.runId, task.scheduledEventId);
  rt.store.removeTask(decisionTaskKey(execution, task.scheduledEventId));
  if (task.taskToken !== undefined) rt.store.deleteTaskToken(task.taskToken);
  rt.timeouts.delete(deadlineKey(execution, 'decision-schedule-to-start'));
  rt.timeouts.delete(deadlineKey(execution, 'decision-start-to-close'));
  delete execution.decision;
}

function timeOutDecisionTask(
  rt: Runtime,
  domain: string,
  workflowId: string,
  runId: string,
  scheduledEventId: number,
  timeoutType: 'START_TO_CLOSE' | 'SCHEDULE_TO_START',
): void {
  const execution = rt.store.getExecution(domain, workflowId, runId);
  const task = execution?.decision;
  if (!execution || execution.status !== 'OPEN' || !task || task.scheduledEventId !== scheduledEventId) return;
  // A task sent to a temporary override list that is not started or not completed in time
  // sends the next one back to the execution's own list.
  if (task.scheduleToStartTimeout !== undefined) delete execution.taskListOverride;
  const startedEventId = task.startedEventId;
  clearDecisionTask(rt, execution);
  recordEvent(rt, execution, 'DecisionTaskTimedOut', { timeoutType, scheduledEventId, startedEventId });
}
