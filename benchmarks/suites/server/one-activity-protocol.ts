/**
 * The benchmark client of the server suite: a one-activity workflow driven with raw SDK calls, so it
 * runs unchanged against any SWF-compatible endpoint. Seven calls per workflow: start, poll + respond
 * (schedule), poll + respond (activity), poll + respond (complete).
 */
import {
  PollForActivityTaskCommand,
  PollForDecisionTaskCommand,
  RegisterActivityTypeCommand,
  RegisterDomainCommand,
  RegisterWorkflowTypeCommand,
  RespondActivityTaskCompletedCommand,
  RespondDecisionTaskCompletedCommand,
  StartWorkflowExecutionCommand,
  type Decision,
  type HistoryEvent,
  type SWFClient,
} from '@aws-sdk/client-swf';

export const SERVER_BENCH_DOMAIN = 'swirl-bench-server';
export const ONE_ACTIVITY_TYPE = { name: 'OneActivity', version: '1' } as const;
export const NOOP_ACTIVITY_TYPE = { name: 'Noop', version: '1' } as const;
export const CALLS_PER_WORKFLOW = 7;

/** Registers the domain and types unless they exist (so a long-lived server can be reused). */
export async function registerServerBenchTypes(client: SWFClient, taskList: string, activityTaskList: string): Promise<void> {
  const ignoreExisting = async (call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      if (!(error instanceof Error) || !/AlreadyExists/.test(error.name)) throw error;
    }
  };
  await ignoreExisting(() => client.send(new RegisterDomainCommand({ name: SERVER_BENCH_DOMAIN, workflowExecutionRetentionPeriodInDays: '1' })));
  await ignoreExisting(() =>
    client.send(
      new RegisterWorkflowTypeCommand({
        domain: SERVER_BENCH_DOMAIN,
        ...ONE_ACTIVITY_TYPE,
        defaultTaskList: { name: taskList },
        defaultChildPolicy: 'TERMINATE',
        defaultExecutionStartToCloseTimeout: '3600',
        defaultTaskStartToCloseTimeout: '60',
      }),
    ),
  );
  await ignoreExisting(() =>
    client.send(
      new RegisterActivityTypeCommand({
        domain: SERVER_BENCH_DOMAIN,
        ...NOOP_ACTIVITY_TYPE,
        defaultTaskList: { name: activityTaskList },
        defaultTaskStartToCloseTimeout: '60',
        defaultTaskScheduleToStartTimeout: '600',
        defaultTaskScheduleToCloseTimeout: '660',
        defaultTaskHeartbeatTimeout: 'NONE',
      }),
    ),
  );
}

export function startOneActivity(client: SWFClient, workflowId: string, taskList: string, signal?: AbortSignal) {
  return client.send(
    new StartWorkflowExecutionCommand({ domain: SERVER_BENCH_DOMAIN, workflowId, workflowType: ONE_ACTIVITY_TYPE, taskList: { name: taskList }, input: '"go"' }),
    signal ? { abortSignal: signal } : {},
  );
}

/** The decision of a one-activity workflow given its history: schedule (again, if refused), or complete. */
export function decideOneActivity(events: readonly HistoryEvent[], activityTaskList: string): Decision[] {
  if (events.some((event) => event.eventType === 'ActivityTaskCompleted')) {
    return [{ decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: '"done"' } }];
  }
  const scheduled = events.filter((event) => event.eventType === 'ActivityTaskScheduled').length;
  const refused = events.filter((event) => event.eventType === 'ScheduleActivityTaskFailed').length;
  if (scheduled > 0) return [];
  return [
    {
      decisionType: 'ScheduleActivityTask',
      scheduleActivityTaskDecisionAttributes: { activityType: NOOP_ACTIVITY_TYPE, activityId: `a${refused + 1}`, taskList: { name: activityTaskList } },
    },
  ];
}

export interface DecidedTask {
  readonly closed: boolean;
  /** Decisions refused by the server earlier in this history (e.g. ACTIVITY_CREATION_RATE_EXCEEDED). */
  readonly refused: number;
}

/** Polls one decision task and answers it; undefined when the poll came back empty. */
export async function decideOnce(client: SWFClient, taskList: string, activityTaskList: string, signal?: AbortSignal): Promise<DecidedTask | undefined> {
  const task = await client.send(new PollForDecisionTaskCommand({ domain: SERVER_BENCH_DOMAIN, taskList: { name: taskList }, identity: 'bench-decider' }), signal ? { abortSignal: signal } : {});
  if (!task.taskToken) return undefined;
  const events = task.events ?? [];
  const decisions = decideOneActivity(events, activityTaskList);
  await client.send(new RespondDecisionTaskCompletedCommand({ taskToken: task.taskToken, decisions }));
  return {
    closed: decisions.some((decision) => decision.decisionType === 'CompleteWorkflowExecution'),
    refused: events.filter((event) => event.eventType === 'ScheduleActivityTaskFailed').length,
  };
}

/** Polls one activity task and completes it; false when the poll came back empty. */
export async function runActivityOnce(client: SWFClient, activityTaskList: string, signal?: AbortSignal): Promise<boolean> {
  const task = await client.send(new PollForActivityTaskCommand({ domain: SERVER_BENCH_DOMAIN, taskList: { name: activityTaskList }, identity: 'bench-activity' }), signal ? { abortSignal: signal } : {});
  if (!task.taskToken) return false;
  await client.send(new RespondActivityTaskCompletedCommand({ taskToken: task.taskToken, result: '"ok"' }));
  return true;
}
