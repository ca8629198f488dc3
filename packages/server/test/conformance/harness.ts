import { SWF, SWFServiceException } from '@aws-sdk/client-swf';
import type {
  ActivityType,
  Decision,
  DecisionTask,
  HistoryEvent,
  RegisterActivityTypeInput,
  RegisterWorkflowTypeInput,
  StartWorkflowExecutionInput,
  WorkflowType,
} from '@aws-sdk/client-swf';
import { expect } from 'vitest';
import { startServer } from '../../src/server.js';
import type { StartServerOptions, SwirlServer } from '../../src/server.js';

/** A running server plus the real SDK client pointed at it. */
export interface Conformance {
  readonly server: SwirlServer;
  readonly swf: SWF;
  close(): Promise<void>;
}

/** Starts a server on a free loopback port and a real `@aws-sdk/client-swf` client without retries. */
export async function startConformance(options: StartServerOptions = {}): Promise<Conformance> {
  const server = await startServer({ port: 0, ...options });
  const swf = new SWF({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    // Faults must surface as they are answered, not be retried away.
    maxAttempts: 1,
  });
  return {
    server,
    swf,
    close: async () => {
      swf.destroy();
      await server.close();
    },
  };
}

/** Awaits a call that must fail and returns the SDK's error, checking it is the named SWF error. */
export async function expectSwfError(call: Promise<unknown>, name: string): Promise<SWFServiceException> {
  const outcome = await call.then(
    (value: unknown) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error(`expected ${name}, but the call succeeded with ${JSON.stringify(outcome.value)}`);
  const { error } = outcome;
  expect(error).toBeInstanceOf(SWFServiceException);
  expect((error as Error).name).toBe(name);
  return error as SWFServiceException;
}

export const WORKFLOW: WorkflowType = { name: 'OrderWorkflow', version: '1' };
export const ACTIVITY: ActivityType = { name: 'ChargeCard', version: '1' };
export const DECISIONS = 'decisions';
export const ACTIVITIES = 'activities';

/** A domain with one workflow type and one activity type, every default set. */
export async function registerFixtures(
  swf: SWF,
  domain: string,
  overrides: { workflow?: Partial<RegisterWorkflowTypeInput>; activity?: Partial<RegisterActivityTypeInput> } = {},
): Promise<void> {
  await swf.registerDomain({ name: domain, workflowExecutionRetentionPeriodInDays: '1' });
  await swf.registerWorkflowType({
    domain,
    ...WORKFLOW,
    defaultTaskList: { name: DECISIONS },
    defaultExecutionStartToCloseTimeout: '3600',
    defaultTaskStartToCloseTimeout: '60',
    defaultChildPolicy: 'TERMINATE',
    ...overrides.workflow,
  });
  await swf.registerActivityType({
    domain,
    ...ACTIVITY,
    defaultTaskList: { name: ACTIVITIES },
    defaultTaskScheduleToStartTimeout: '300',
    defaultTaskStartToCloseTimeout: '600',
    defaultTaskScheduleToCloseTimeout: '900',
    defaultTaskHeartbeatTimeout: 'NONE',
    ...overrides.activity,
  });
}

/** Drives one domain the way a decider and an activity worker would, through the SDK. */
export class Driver {
  constructor(
    readonly swf: SWF,
    readonly domain: string,
  ) {}

  async start(workflowId: string, input: Partial<StartWorkflowExecutionInput> = {}): Promise<string> {
    const { runId } = await this.swf.startWorkflowExecution({ domain: this.domain, workflowId, workflowType: WORKFLOW, ...input });
    if (runId === undefined) throw new Error('StartWorkflowExecution returned no runId');
    return runId;
  }

  /** Polls for a decision task that must be there; returns it with every page of events. */
  async pollDecision(taskList = DECISIONS): Promise<DecisionTask & { taskToken: string; events: HistoryEvent[] }> {
    const task = await this.swf.pollForDecisionTask({ domain: this.domain, taskList: { name: taskList }, identity: 'conformance' });
    if (task.taskToken === undefined) throw new Error(`no decision task on ${taskList}`);
    const events = [...(task.events ?? [])];
    let nextPageToken = task.nextPageToken;
    while (nextPageToken !== undefined) {
      const page = await this.swf.pollForDecisionTask({ domain: this.domain, taskList: { name: taskList }, nextPageToken });
      events.push(...(page.events ?? []));
      nextPageToken = page.nextPageToken;
    }
    return { ...task, taskToken: task.taskToken, events };
  }

  async decide(taskToken: string, decisions: Decision[], extra: { executionContext?: string; taskList?: string; taskListScheduleToStartTimeout?: string } = {}): Promise<void> {
    await this.swf.respondDecisionTaskCompleted({
      taskToken,
      decisions,
      ...(extra.executionContext !== undefined && { executionContext: extra.executionContext }),
      ...(extra.taskList !== undefined && { taskList: { name: extra.taskList } }),
      ...(extra.taskListScheduleToStartTimeout !== undefined && { taskListScheduleToStartTimeout: extra.taskListScheduleToStartTimeout }),
    });
  }

  /** Polls the next decision task and answers it with `decisions`; returns the task it answered. */
  async pollAndDecide(decisions: Decision[], taskList = DECISIONS): Promise<DecisionTask & { events: HistoryEvent[] }> {
    const task = await this.pollDecision(taskList);
    await this.decide(task.taskToken, decisions);
    return task;
  }

  async pollActivity(taskList = ACTIVITIES): Promise<{ taskToken: string; activityId: string; input?: string; startedEventId: number }> {
    const task = await this.swf.pollForActivityTask({ domain: this.domain, taskList: { name: taskList }, identity: 'conformance' });
    if (task.taskToken === undefined || task.activityId === undefined) throw new Error(`no activity task on ${taskList}`);
    return {
      taskToken: task.taskToken,
      activityId: task.activityId,
      startedEventId: task.startedEventId ?? 0,
      ...(task.input !== undefined && { input: task.input }),
    };
  }

  async history(workflowId: string, runId: string): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await this.swf.getWorkflowExecutionHistory({ domain: this.domain, execution: { workflowId, runId }, ...(nextPageToken !== undefined && { nextPageToken }) });
      events.push(...(page.events ?? []));
      nextPageToken = page.nextPageToken;
    } while (nextPageToken !== undefined);
    return events;
  }

  async eventTypes(workflowId: string, runId: string): Promise<string[]> {
    return (await this.history(workflowId, runId)).map((event) => event.eventType ?? '?');
  }
}

/** The last event of a given type in a history (fails the test when there is none). */
export function lastOfType(events: readonly HistoryEvent[], eventType: string): HistoryEvent {
  const found = events.filter((event) => event.eventType === eventType).at(-1);
  if (found === undefined) throw new Error(`no ${eventType} in ${events.map((event) => event.eventType).join(', ')}`);
  return found;
}

export const scheduleActivity = (activityId: string, attributes: Record<string, unknown> = {}): Decision => ({
  decisionType: 'ScheduleActivityTask',
  scheduleActivityTaskDecisionAttributes: { activityType: ACTIVITY, activityId, ...attributes },
});

export const startTimer = (timerId: string, startToFireTimeout = '60'): Decision => ({
  decisionType: 'StartTimer',
  startTimerDecisionAttributes: { timerId, startToFireTimeout },
});

export const completeWorkflow = (result?: string): Decision => ({
  decisionType: 'CompleteWorkflowExecution',
  completeWorkflowExecutionDecisionAttributes: result === undefined ? {} : { result },
});
