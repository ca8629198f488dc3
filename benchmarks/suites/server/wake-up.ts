/**
 * Long-poll wake-up latency: a decision poll is already parked on an empty task list when a
 * StartWorkflowExecution schedules a task on it; measured from sending the start to the poll's answer.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { PollForDecisionTaskCommand, RespondDecisionTaskCompletedCommand, type SWFClient } from '@aws-sdk/client-swf';
import { SERVER_BENCH_DOMAIN, startOneActivity } from './one-activity-protocol.js';
import { DriverError } from './workflow-drivers.js';

/** How long the poll is given to reach the server and park before the task is scheduled. */
const PARK_MS = 20;

export async function measureWakeUps(pollClient: SWFClient, startClient: SWFClient, samples: number, taskList: string): Promise<number[]> {
  const wakeUpsMs: number[] = [];
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
    wakeUpsMs.push(answeredAt - sentAt);
    await pollClient.send(
      new RespondDecisionTaskCompletedCommand({ taskToken: task.taskToken, decisions: [{ decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: {} }] }),
    );
  }
  return wakeUpsMs;
}
