/**
 * The concurrent run as a Swirl user deploys it: a process of decider Workers (workflow classes
 * only), a process of activity Workers (activity classes only), and starters using WorkflowClient
 * in this process. Every Worker has its own SDK client with a TaskDeliveryLedger; the ledgers are
 * merged at the end to find any task delivered twice, across processes too.
 */
import { fileURLToPath } from 'node:url';
import { WorkflowClient } from '@swirl/client';
import { ChildChannel } from '../../harness/child-channel.js';
import { SdkMeter } from '../../harness/sdk-meter.js';
import { localSwfClient } from '../../harness/swf-client.js';
import { SwirlOneActivity } from './one-activity-workflow.js';
import { SERVER_BENCH_DOMAIN } from './one-activity-protocol.js';
import { latencyStats, type CallLatency } from './latencies.js';
import type { WorkerChildMessage } from './swirl-worker-child.js';
import { DriverError, type ConcurrentOutcome, type ConcurrentPlan } from './workflow-drivers.js';

const CHILD = fileURLToPath(new URL('./swirl-worker-child.ts', import.meta.url));

export interface SwirlWorkersOutcome extends ConcurrentOutcome {
  /** CPU time of each Worker process over the measured run. */
  readonly deciderProcessCpuMs: number;
  readonly activityProcessCpuMs: number;
  /** Client-side latency per operation, as each Worker process's SDK clients saw it. */
  readonly deciderLatencies: Readonly<Record<string, CallLatency>>;
  readonly activityLatencies: Readonly<Record<string, CallLatency>>;
  readonly starterLatencies: Readonly<Record<string, CallLatency>>;
}

/** A process of `count` Workers of one kind. */
function startWorkerProcess(endpoint: string, kind: 'deciders' | 'activities', count: number, plan: ConcurrentPlan): ChildChannel<WorkerChildMessage> {
  return new ChildChannel<WorkerChildMessage>(CHILD, [endpoint, kind, String(count), plan.taskList, plan.activityTaskList], { name: kind, background: ['closed'] });
}

/**
 * Runs `plan.workflows` one-activity workflows through real Workers. `answerHeldPolls` (closing the
 * server the benchmark owns) lets the Workers stop at once; without it they stop when their held
 * long polls return, within SWF's 60 s.
 */
export async function runSwirlWorkers(endpoint: string, plan: ConcurrentPlan, answerHeldPolls?: () => Promise<void>): Promise<SwirlWorkersOutcome> {
  const deciders = startWorkerProcess(endpoint, 'deciders', plan.deciders, plan);
  const activities = startWorkerProcess(endpoint, 'activities', plan.activityWorkers, plan);
  const startMeter = new SdkMeter();
  const startClient = startMeter.attach(localSwfClient(endpoint));
  try {
    await Promise.all([deciders.next('ready'), activities.next('ready')]);
    startMeter.reset();
    const client = new WorkflowClient({ client: startClient, domain: SERVER_BENCH_DOMAIN });
    let closed = 0;
    let completed = 0;
    const allClosed = new Promise<void>((resolve) =>
      deciders.on((message) => {
        if (message.type !== 'closed') return;
        ({ closed, completed } = message);
        if (closed >= plan.workflows) resolve();
      }),
    );
    let next = 0;
    const started = performance.now();
    const starting = Promise.all(
      Array.from({ length: plan.starters }, async () => {
        while (next < plan.workflows) {
          await client.start(SwirlOneActivity, { workflowId: `${plan.idPrefix}-${next++}`, input: plan.activityTaskList, taskList: plan.taskList });
        }
      }),
    );
    await Promise.race([Promise.all([starting, allClosed]), deciders.next('stopped'), activities.next('stopped')]);
    const elapsedMs = performance.now() - started;

    const stopping = Promise.all([deciders.request('stop', 'stopped'), activities.request('stop', 'stopped')]);
    await answerHeldPolls?.();
    const [decided, ran] = await stopping;
    const failures = [...decided.failures, ...ran.failures];
    if (failures.length > 0) throw new DriverError(`${failures.length} tasks failed in the Workers, the first: ${failures[0]}`);
    if (completed !== closed) throw new DriverError(`${closed - completed} of ${closed} runs closed other than by completing`);
    const delivered = [...decided.delivered, ...ran.delivered];
    const duplicateDeliveries = decided.duplicates + ran.duplicates + (delivered.length - new Set(delivered).size);
    return { elapsedMs, completed, duplicateDeliveries, refusedDecisions: 0, deciderProcessCpuMs: decided.cpuMs, activityProcessCpuMs: ran.cpuMs, deciderLatencies: decided.latencies, activityLatencies: ran.latencies, starterLatencies: latencyStats(startMeter) };
  } finally {
    startClient.destroy();
    deciders.kill();
    activities.kill();
  }
}
