/** Decision tasks: scheduling one when a run needs a decision, hand-out with its history pages, and timeouts. */
import type { DecisionTaskState, ExecutionRecord } from '../../store/records.js';
import { durationMs } from '../time/durations.js';
import { executionRef, recordEvent } from '../runs/history-writer.js';
import { historyPage } from '../runs/history.js';
import { deadlineKey, decisionTaskKey } from '../runs/run-keys.js';
import type { EngineState } from '../engine-state.js';
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
export function scheduleDecisionTask(state: EngineState, execution: ExecutionRecord): void {
  const override = execution.taskListOverride;
  const taskList = override?.taskList ?? execution.config.taskList;
  const scheduleToStartTimeout = override?.scheduleToStartTimeout;
  const startToCloseTimeout = execution.config.taskStartToCloseTimeout;
  const scheduledEventId = recordEvent(state, execution, 'DecisionTaskScheduled', {
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
    scheduledAt: state.now(),
  };
  if (scheduleToStartTimeout !== undefined) task.scheduleToStartTimeout = scheduleToStartTimeout;
  execution.decision = task;
  state.work.queued(execution.domain, 'decision', taskList.name);
  state.enqueueTask({
    key: decisionTaskKey(execution, scheduledEventId),
    domain: execution.domain,
    kind: 'decision',
    taskList: taskList.name,
    priority: Number(execution.config.taskPriority),
    sequence: state.nextSequence(),
    workflowId: execution.workflowId,
    runId: execution.runId,
    scheduledEventId,
  });
  armDecisionTaskDeadline(state, execution, task);
}

/**
 * Arms the open decision task's deadline: START_TO_CLOSE once started, else SCHEDULE_TO_START when
 * it went to a temporary override list. Also used when a restarted engine restores the task.
 */
export function armDecisionTaskDeadline(state: EngineState, execution: ExecutionRecord, task: DecisionTaskState): void {
  const { domain, workflowId, runId } = execution;
  const { scheduledEventId } = task;
  if (task.startedEventId > 0) {
    state.timeouts.delete(deadlineKey(execution, 'decision-schedule-to-start'));
    state.timeouts.set(deadlineKey(execution, 'decision-start-to-close'), (task.startedAt ?? task.scheduledAt) + durationMs(task.startToCloseTimeout), () =>
      timeOutDecisionTask(state, domain, workflowId, runId, scheduledEventId, 'START_TO_CLOSE'),
    );
  } else if (task.scheduleToStartTimeout !== undefined) {
    state.timeouts.set(deadlineKey(execution, 'decision-schedule-to-start'), task.scheduledAt + durationMs(task.scheduleToStartTimeout), () =>
      timeOutDecisionTask(state, domain, workflowId, runId, scheduledEventId, 'SCHEDULE_TO_START'),
    );
  }
}

/** Hands a scheduled decision task to a decider: records DecisionTaskStarted and builds the poll response. */
export function startDecisionTask(state: EngineState, execution: ExecutionRecord, identity: string | undefined, options: DecisionPageOptions): Record<string, unknown> {
  const task = execution.decision!;
  const startedEventId = recordEvent(state, execution, 'DecisionTaskStarted', { identity, scheduledEventId: task.scheduledEventId });
  const taskToken = newTaskToken('decision', execution, task.scheduledEventId);
  task.startedEventId = startedEventId;
  task.startedAt = state.now();
  task.taskToken = taskToken;
  // The decider sees every event up to here; only later ★ events make a decision pending.
  execution.decisionNeeded = false;
  recordHandout(state, execution, { kind: 'decision', taskList: task.taskList.name, scheduledEventId: task.scheduledEventId, startedEventId, token: taskToken });
  armDecisionTaskDeadline(state, execution, task);
  return decisionTaskPage(state, execution, taskToken, startedEventId, options, undefined);
}

/** A page of a decision task's history; further pages come from polling again with the token. */
export function decisionTaskPage(
  state: EngineState,
  execution: ExecutionRecord,
  taskToken: string,
  startedEventId: number,
  options: DecisionPageOptions,
  nextPageToken: string | undefined,
): Record<string, unknown> {
  const previousStartedEventId = execution.previousStartedEventId;
  const fromEventId =
    options.startAtPreviousStartedEvent === true && previousStartedEventId > 0 ? firstEventAtOrAfterTimeOf(state, execution, previousStartedEventId) : 1;
  const page = historyPage(state, execution, {
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
function firstEventAtOrAfterTimeOf(state: EngineState, execution: ExecutionRecord, eventId: number): number {
  const timestampOf = (id: number): number | undefined =>
    state.store.readEvents(execution.domain, execution.workflowId, execution.runId, id, id)[0]?.eventTimestamp;
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
export function clearDecisionTask(state: EngineState, execution: ExecutionRecord): void {
  const task = execution.decision;
  if (!task) return;
  if (task.startedEventId === 0) state.work.unqueued(execution.domain, 'decision', task.taskList.name, false);
  else state.work.finished('decision', execution.runId, task.scheduledEventId);
  state.store.removeTask(decisionTaskKey(execution, task.scheduledEventId));
  if (task.taskToken !== undefined) state.store.deleteTaskToken(task.taskToken);
  state.timeouts.delete(deadlineKey(execution, 'decision-schedule-to-start'));
  state.timeouts.delete(deadlineKey(execution, 'decision-start-to-close'));
  delete execution.decision;
}

function timeOutDecisionTask(
  state: EngineState,
  domain: string,
  workflowId: string,
  runId: string,
  scheduledEventId: number,
  timeoutType: 'START_TO_CLOSE' | 'SCHEDULE_TO_START',
): void {
  const execution = state.store.getExecution(domain, workflowId, runId);
  const task = execution?.decision;
  if (!execution || execution.status !== 'OPEN' || !task || task.scheduledEventId !== scheduledEventId) return;
  // A task sent to a temporary override list that is not started or not completed in time
  // sends the next one back to the execution's own list.
  if (task.scheduleToStartTimeout !== undefined) delete execution.taskListOverride;
  const startedEventId = task.startedEventId;
  clearDecisionTask(state, execution);
  recordEvent(state, execution, 'DecisionTaskTimedOut', { timeoutType, scheduledEventId, startedEventId });
}
