/**
 * A worker process of the fault tests, started by worker-process.ts with one JSON argument
 * (WorkerChildConfig). It decides every fault workflow and runs their activities, and writes one
 * JSON line per event on stdout as it happens (writes to a pipe are synchronous), so a delivery
 * is reported even when the process is killed right after it. SIGTERM shuts the worker down and
 * ends with a report of the tasks it answered.
 */
import { SWFClient } from '@aws-sdk/client-swf';
import { TaskDeliveryLedger } from '@swirl/testing';
import { Worker } from '@swirl/worker';
import { pino } from 'pino';
import type { WorkerChildConfig, WorkerChildMessage } from './worker-protocol.js';
import { FAULT_WORKFLOWS, FAULTS_TASK_LIST, faultActivities } from './workflows.js';

const report = (message: WorkerChildMessage): void => void process.stdout.write(`${JSON.stringify(message)}\n`);

const config = JSON.parse(process.argv[2] ?? '{}') as WorkerChildConfig;
if (!config.endpoint || !config.domain || !config.identity) throw new Error('usage: worker-child.ts <WorkerChildConfig JSON>');

const client = new SWFClient({ endpoint: config.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
const ledger = new TaskDeliveryLedger();
ledger.onDelivery(({ key, kind, duplicate }) => report({ type: 'delivery', key, kind, duplicate }));
ledger.attach(client);
if (config.holdLaterDecisions) holdLaterDecisions(client);

const worker = await Worker.create({
  client,
  domain: config.domain,
  taskList: FAULTS_TASK_LIST,
  workflows: FAULT_WORKFLOWS,
  activities: faultActivities(),
  identity: config.identity,
  maxConcurrentDecisionTasks: config.maxConcurrentDecisionTasks ?? 10,
  handleSignals: false,
  logger: pino({ level: config.logLevel ?? 'warn' }, pino.destination(2)),
});
worker.events.on('taskStarted', (task) => {
  if (task.kind === 'activity') report({ type: 'activityStarted', workflowId: task.workflowId, activityId: task.activityId });
});
worker.events.on('taskFailed', ({ error }) => report({ type: 'taskFailed', error: String(error) }));
worker.events.once('pollStarted', () => report({ type: 'ready' }));
process.once('SIGTERM', () => {
  worker.shutdown().then(
    () => {
      report({ type: 'report', answered: ledger.answered() });
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
await worker.run();

/** An SDK middleware that never sends the answer to a decision task other than its run's first. */
function holdLaterDecisions(sdk: SWFClient): void {
  const tasks = new Map<string, { workflowId: string; startedEventId: number; previousStartedEventId: number }>();
  sdk.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { taskToken?: string; nextPageToken?: string };
      if (context.commandName === 'RespondDecisionTaskCompletedCommand') {
        const task = tasks.get(input.taskToken ?? '');
        if (task && task.previousStartedEventId > 0) {
          report({ type: 'holding', workflowId: task.workflowId, startedEventId: task.startedEventId });
          return new Promise<never>(() => {});
        }
      }
      const result = await next(args);
      const output = result.output as { taskToken?: string; startedEventId?: number; previousStartedEventId?: number; workflowExecution?: { workflowId?: string } };
      if (context.commandName === 'PollForDecisionTaskCommand' && output.taskToken && !input.nextPageToken) {
        tasks.set(output.taskToken, {
          workflowId: output.workflowExecution?.workflowId ?? '',
          startedEventId: output.startedEventId ?? 0,
          previousStartedEventId: output.previousStartedEventId ?? 0,
        });
      }
      return result;
    },
    { step: 'initialize', name: 'faultsHoldLaterDecisions' },
  );
}
