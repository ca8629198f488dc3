/**
 * Long-poll wake-up latency: a decision poll is already parked on an empty task list when a
 * StartWorkflowExecution schedules a task on it. Every sample is measured from sending the start to
 * the poll's answer reaching the client (works against any endpoint); with a `TaskTimelineStore`
 * (the in-process server) also from the moment the engine scheduled the task, and split at the
 * moment the engine handed it to the parked poll.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { PollForDecisionTaskCommand, RespondDecisionTaskCompletedCommand, type SWFClient } from '@aws-sdk/client-swf';
import { SERVER_BENCH_DOMAIN, startOneActivity } from './one-activity-protocol.js';
import type { TaskTimelineStore } from './task-timeline-store.js';
import { DriverError } from './workflow-drivers.js';

/** How long the poll is given to reach the server and park before the task is scheduled. */
const PARK_MS = 20;

export interface WakeUpSample {
  /** StartWorkflowExecution sent -> poll answer received by the SDK: includes the whole start call. */
  readonly startSentToAnsweredMs: number;
  /** Engine scheduled the decision task -> poll answer received by the SDK: the wake-up itself. */
  readonly scheduledToAnsweredMs?: number;
  /** Engine scheduled the task -> engine handed it to the parked poll. */
  readonly scheduledToHandedOutMs?: number;
  /** Engine handed the task out -> the SDK resolved the poll (response encoding, HTTP, SDK parsing). */
  readonly handedOutToAnsweredMs?: number;
}

export async function measureWakeUps(
  pollClient: SWFClient,
  startClient: SWFClient,
  samples: number,
  taskList: string,
  timeline?: TaskTimelineStore,
): Promise<WakeUpSample[]> {
  timeline?.watch(taskList);
  const measured: WakeUpSample[] = [];
  for (let index = 0; index < samples; index += 1) {
    let answeredAt = 0;
    const poll = pollClient
      .send(new PollForDecisionTaskCommand({ domain: SERVER_BENCH_DOMAIN, taskList: { name: taskList }, identity: 'bench-wake-up' }))
      .then((task) => {
        answeredAt = performance.now();
        return task;
      });
    await sleep(PARK_MS);
    const sentAt = performance.now();
    await startOneActivity(startClient, `wake-up-${taskList}-${index}`, taskList);
    const task = await poll;
    if (!task.taskToken) throw new DriverError(`wake-up sample ${index}: the parked poll returned empty instead of the new task`);
    measured.push({ startSentToAnsweredMs: answeredAt - sentAt, ...engineTimes(timeline, index, answeredAt) });
    await pollClient.send(
      new RespondDecisionTaskCompletedCommand({ taskToken: task.taskToken, decisions: [{ decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: {} }] }),
    );
  }
  return measured;
}

function engineTimes(timeline: TaskTimelineStore | undefined, index: number, answeredAt: number): Partial<WakeUpSample> {
  if (!timeline) return {};
  // One workflow per sample, each scheduling exactly one task on the watched list before its poll answers.
  const times = timeline.times()[index];
  if (!times?.handedOutAt) throw new DriverError(`wake-up sample ${index}: the engine recorded no scheduled and handed-out task on the watched list`);
  return {
    scheduledToAnsweredMs: answeredAt - times.scheduledAt,
    scheduledToHandedOutMs: times.handedOutAt - times.scheduledAt,
    handedOutToAnsweredMs: answeredAt - times.handedOutAt,
  };
}
