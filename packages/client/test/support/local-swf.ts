/**
 * A local server per test file, an SDK client on it, and a scripted decider that answers one
 * decision task with chosen decisions (the worker is not part of these tests). It needs only
 * `@swirl/server` and the SDK, so any package's tests that have both can import it by path
 * instead of keeping a copy.
 */
import {
  PollForDecisionTaskCommand,
  RegisterDomainCommand,
  RespondDecisionTaskCompletedCommand,
  SWFClient,
  type Decision,
  type DecisionTask,
} from '@aws-sdk/client-swf';
import { startServer, VirtualClock } from '@swirl/server';

export interface LocalSwf {
  readonly swf: SWFClient;
  readonly endpoint: string;
  readonly clock: VirtualClock;
  close(): Promise<void>;
}

export async function startLocalSwf(domains: readonly string[]): Promise<LocalSwf> {
  const clock = new VirtualClock();
  const server = await startServer({ port: 0, clock, longPollTimeoutMs: 2_000 });
  const swf = new SWFClient({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  for (const name of domains) {
    await swf.send(new RegisterDomainCommand({ name, workflowExecutionRetentionPeriodInDays: '1' }));
  }
  return {
    swf,
    endpoint: server.endpoint,
    clock,
    close: async () => {
      swf.destroy();
      await server.close();
    },
  };
}

/** Takes the next decision task of a task list and answers it with `decisions`. */
export async function decideOnce(
  swf: SWFClient,
  domain: string,
  taskList: string,
  decisions: Decision[],
  executionContext?: string,
): Promise<DecisionTask> {
  const task = await swf.send(new PollForDecisionTaskCommand({ domain, taskList: { name: taskList }, identity: 'test-decider' }));
  if (!task.taskToken) throw new Error(`No decision task on ${taskList} in ${domain}`);
  await swf.send(
    new RespondDecisionTaskCompletedCommand({
      taskToken: task.taskToken,
      decisions,
      ...(executionContext !== undefined && { executionContext }),
    }),
  );
  return task;
}
