/**
 * The test's own side of a load run: starts executions, waits until every one has closed (read in
 * pages from ListClosedWorkflowExecutions, not one describe per run), and audits their histories.
 */
import {
  GetWorkflowExecutionHistoryCommand,
  ListClosedWorkflowExecutionsCommand,
  SWFClient,
  SignalWorkflowExecutionCommand,
  StartWorkflowExecutionCommand,
  type HistoryEvent,
} from '@aws-sdk/client-swf';
import { resolveWorkflowType } from '@swirl/core';
import type { WorkflowClass } from '@swirl/workflow';

export interface Execution {
  readonly workflowId: string;
  readonly runId: string;
}

/** A client for the test itself; under injected faults it retries far more than a worker's default client. */
export function driverClient(endpoint: string, maxAttempts = 3): SWFClient {
  return new SWFClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts });
}

export async function startExecution(client: SWFClient, domain: string, workflow: WorkflowClass, workflowId: string, input?: unknown): Promise<Execution> {
  const type = resolveWorkflowType(workflow);
  const { runId } = await client.send(
    new StartWorkflowExecutionCommand({
      domain,
      workflowId,
      workflowType: { name: type.name, version: type.version },
      ...(input !== undefined && { input: JSON.stringify(input) }),
    }),
  );
  return { workflowId, runId: runId! };
}

/** Starts `count` runs of `workflow` (ids `<prefix>-<index>`), `concurrency` calls at a time. */
export async function startExecutions(
  client: SWFClient,
  domain: string,
  workflow: WorkflowClass,
  options: { readonly prefix: string; readonly count: number; readonly input?: unknown; readonly concurrency?: number },
): Promise<Execution[]> {
  const executions: Execution[] = new Array(options.count);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < options.count) {
      const index = next++;
      executions[index] = await startExecution(client, domain, workflow, `${options.prefix}-${index}`, options.input);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, lane));
  return executions;
}

export async function signalExecution(client: SWFClient, domain: string, execution: Execution, signalName: string, input: unknown): Promise<void> {
  await client.send(new SignalWorkflowExecutionCommand({ domain, ...execution, signalName, input: JSON.stringify(input) }));
}

/** Close status of every closed run of the domain started since `since`, by runId. */
export async function closedRuns(client: SWFClient, domain: string, since: Date): Promise<Map<string, string>> {
  const closed = new Map<string, string>();
  let nextPageToken: string | undefined;
  do {
    const page = await client.send(
      new ListClosedWorkflowExecutionsCommand({ domain, startTimeFilter: { oldestDate: since }, maximumPageSize: 1000, nextPageToken }),
    );
    for (const info of page.executionInfos ?? []) closed.set(info.execution!.runId!, info.closeStatus!);
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
  return closed;
}

/**
 * Waits until every one of `executions` has closed; fails after `timeoutMs` naming how many are
 * still open. Returns each run's close status.
 */
export async function waitForAllClosed(
  client: SWFClient,
  domain: string,
  executions: readonly Execution[],
  since: Date,
  timeoutMs: number,
): Promise<Map<string, string>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const closed = await closedRuns(client, domain, since);
    const open = executions.filter((execution) => !closed.has(execution.runId));
    if (open.length === 0) return closed;
    if (Date.now() > deadline) {
      throw new Error(`${open.length} of ${executions.length} runs still open after ${timeoutMs} ms, e.g. ${open.slice(0, 5).map((run) => run.workflowId).join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function historyOf(client: SWFClient, domain: string, execution: Execution): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await client.send(new GetWorkflowExecutionHistoryCommand({ domain, execution, nextPageToken }));
    events.push(...(page.events ?? []));
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
  return events;
}

/** What the histories of a load run say about lost and repeated tasks. */
export interface HistoryAudit {
  /** Event type (with its timeout type) -> count, over every history, for the timeouts and failures a lost task leaves behind. */
  readonly trouble: Readonly<Record<string, number>>;
  readonly activitiesScheduled: number;
  readonly activitiesCompleted: number;
  /** Runs whose last event is not WorkflowExecutionCompleted, with what they closed with. */
  readonly notCompleted: readonly string[];
  /** Identities that started a task, with how many they started. */
  readonly startedBy: Readonly<Record<string, number>>;
  /** For the first few troubled runs, their events (id, type, identity, time): what a failure message shows. */
  readonly troubledRuns: readonly string[];
}

const TROUBLE = new Set([
  'DecisionTaskTimedOut',
  'ActivityTaskTimedOut',
  'ActivityTaskFailed',
  'WorkflowExecutionFailed',
  'WorkflowExecutionTimedOut',
  'ScheduleActivityTaskFailed',
  'StartChildWorkflowExecutionFailed',
  'ChildWorkflowExecutionTimedOut',
  'ChildWorkflowExecutionFailed',
]);

export async function auditHistories(client: SWFClient, domain: string, executions: readonly Execution[]): Promise<HistoryAudit> {
  const trouble: Record<string, number> = {};
  const startedBy: Record<string, number> = {};
  const notCompleted: string[] = [];
  const troubledRuns: string[] = [];
  let activitiesScheduled = 0;
  let activitiesCompleted = 0;
  for (const execution of executions) {
    const events = await historyOf(client, domain, execution);
    for (const event of events) {
      const type = event.eventType!;
      if (TROUBLE.has(type)) {
        const timeoutType = event.decisionTaskTimedOutEventAttributes?.timeoutType ?? event.activityTaskTimedOutEventAttributes?.timeoutType;
        const key = timeoutType === undefined ? type : `${type} ${timeoutType}`;
        trouble[key] = (trouble[key] ?? 0) + 1;
      }
      if (type === 'ActivityTaskScheduled') activitiesScheduled += 1;
      if (type === 'ActivityTaskCompleted') activitiesCompleted += 1;
      const identity = event.decisionTaskStartedEventAttributes?.identity ?? event.activityTaskStartedEventAttributes?.identity;
      if (identity !== undefined) startedBy[identity] = (startedBy[identity] ?? 0) + 1;
    }
    if (troubledRuns.length < 3 && events.some((event) => TROUBLE.has(event.eventType!))) troubledRuns.push(describeRun(execution, events));
    const last = events.at(-1)?.eventType;
    if (last !== 'WorkflowExecutionCompleted') notCompleted.push(`${execution.workflowId}: ${last}`);
  }
  return { trouble, activitiesScheduled, activitiesCompleted, notCompleted, startedBy, troubledRuns };
}

function describeRun(execution: Execution, events: readonly HistoryEvent[]): string {
  const lines = events.map((event) => {
    const identity = event.decisionTaskStartedEventAttributes?.identity ?? event.activityTaskStartedEventAttributes?.identity;
    return `  ${event.eventId} ${event.eventTimestamp?.toISOString()} ${event.eventType}${identity === undefined ? '' : ` by ${identity}`}`;
  });
  return [`${execution.workflowId} (${execution.runId}):`, ...lines].join('\n');
}

/**
 * A decision task the sticky list held past its schedule-to-start timeout (its worker's sticky poll
 * was backing off) moves to the workflow's own list: SWF's fallback, not a lost task.
 */
export const STICKY_FALLBACK = 'DecisionTaskTimedOut SCHEDULE_TO_START';

/** The trouble that means a task was lost or work was repeated: everything but the sticky fallback. */
export function lostTaskTrouble(audit: HistoryAudit): Record<string, number> {
  return Object.fromEntries(Object.entries(audit.trouble).filter(([key]) => key !== STICKY_FALLBACK));
}

/** Task keys delivered to more than one process, or twice to one (each process's ledger counts its own). */
export function crossProcessDuplicates(deliveries: ReadonlyArray<readonly string[]>): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const keys of deliveries) {
    for (const key of keys) {
      if (seen.has(key)) duplicates.push(key);
      else seen.add(key);
    }
  }
  return duplicates;
}
