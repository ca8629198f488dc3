/**
 * End-to-end harness: a local SWF server on a free loopback port, the real SDK over HTTP, and
 * helpers to start executions and read their histories.
 */
import {
  DescribeWorkflowExecutionCommand,
  GetWorkflowExecutionHistoryCommand,
  SWFClient,
  StartWorkflowExecutionCommand,
  type HistoryEvent,
} from '@aws-sdk/client-swf';
import { resolveWorkflowType } from '@swirl/core';
import { startServer, type StartServerOptions, type SwirlServer } from '@swirl/server';
import type { WorkflowClass } from '@swirl/workflow';
import { pino } from 'pino';
import { Worker, type WorkerOptions } from '../../src/index.js';

export const silent = pino({ level: 'silent' });

export interface Swf {
  readonly server: SwirlServer;
  readonly client: SWFClient;
  /** A client for another worker, with its own connections (as another process would have). */
  newClient(options?: { maxAttempts?: number }): SWFClient;
  close(): Promise<void>;
}

export async function startSwf(options: StartServerOptions = {}): Promise<Swf> {
  const server = await startServer({ port: 0, longPollTimeoutMs: 1_000, logger: silent, ...options });
  const clients: SWFClient[] = [];
  const newClient = (clientOptions: { maxAttempts?: number } = {}) => {
    const client = new SWFClient({
      endpoint: server.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      ...clientOptions,
    });
    clients.push(client);
    return client;
  };
  const client = newClient();
  return {
    server,
    client,
    newClient,
    close: async () => {
      for (const each of clients) each.destroy();
      await server.close();
    },
  };
}

/** Creates a worker and runs it; resolves once it has registered and started polling. */
export async function runWorker(options: Omit<WorkerOptions, 'logger' | 'handleSignals'> & Partial<WorkerOptions>) {
  const worker = await Worker.create({ logger: silent, handleSignals: false, ...options });
  const polling = new Promise<void>((resolve) => worker.events.once('pollStarted', () => resolve()));
  const running = worker.run();
  await Promise.race([polling, running]);
  return {
    worker,
    running,
    stop: async () => {
      await worker.shutdown();
      await running;
    },
  };
}

export async function startWorkflow(
  client: SWFClient,
  domain: string,
  workflow: WorkflowClass,
  options: { workflowId: string; input?: unknown; taskList?: string; lambdaRole?: string; executionStartToCloseTimeout?: string },
): Promise<{ workflowId: string; runId: string }> {
  const type = resolveWorkflowType(workflow);
  const { runId } = await client.send(
    new StartWorkflowExecutionCommand({
      domain,
      workflowId: options.workflowId,
      workflowType: { name: type.name, version: type.version },
      ...(options.input !== undefined && { input: JSON.stringify(options.input) }),
      ...(options.taskList !== undefined && { taskList: { name: options.taskList } }),
      ...(options.lambdaRole !== undefined && { lambdaRole: options.lambdaRole }),
      executionStartToCloseTimeout: options.executionStartToCloseTimeout ?? '300',
    }),
  );
  return { workflowId: options.workflowId, runId: runId! };
}

/** Waits until the execution closes, then returns its whole history. */
export async function waitForClose(
  client: SWFClient,
  domain: string,
  execution: { workflowId: string; runId: string },
  timeoutMs = 25_000,
): Promise<HistoryEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const described = await client.send(new DescribeWorkflowExecutionCommand({ domain, execution }));
    if (described.executionInfo?.executionStatus === 'CLOSED') break;
    if (Date.now() > deadline) {
      const events = await history(client, domain, execution);
      throw new Error(
        `Execution ${execution.workflowId} still open after ${timeoutMs} ms; history: ${events.map((event) => event.eventType).join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return history(client, domain, execution);
}

export async function history(client: SWFClient, domain: string, execution: { workflowId: string; runId: string }): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await client.send(new GetWorkflowExecutionHistoryCommand({ domain, execution, nextPageToken }));
    events.push(...(page.events ?? []));
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
  return events;
}

/** The decoded result of a completed execution, or a description of how it closed otherwise. */
export function outcome(events: HistoryEvent[]): unknown {
  const last = events.at(-1);
  if (last?.eventType === 'WorkflowExecutionCompleted') {
    const result = last.workflowExecutionCompletedEventAttributes?.result;
    return result === undefined ? undefined : JSON.parse(result);
  }
  return `closed with ${last?.eventType}`;
}

/** The decision types of an execution, in order, read from its decision events. */
export function decisionEventTypes(events: HistoryEvent[]): string[] {
  return events.map((event) => event.eventType!);
}
