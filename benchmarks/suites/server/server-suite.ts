/**
 * Suite 3, server: one-activity workflows per second through the real SDK over HTTP, serial (against
 * the SDK client's own ceiling, measured in the same run) and concurrent (8 starters, 8 deciders,
 * 8 activity workers: raw SDK loops and real Swirl Workers), per-call latency, and long-poll wake-up
 * latency. `--endpoint` points every phase at any SWF-compatible server.
 */
import { randomUUID } from 'node:crypto';
import { startServer, type SwirlServer } from '@swirl/server';
import { median, percentile, round } from '../../harness/stats.js';
import { SuiteReport, type Suite } from '../../harness/suite.js';
import { localSwfClient } from '../../harness/swf-client.js';
import { measureConcurrent } from './concurrent-phase.js';
import { CALLS_PER_WORKFLOW, registerServerBenchTypes } from './one-activity-protocol.js';
import { measureSerial } from './serial-phase.js';
import { measureServerCpu } from './server-cpu-phase.js';
import { TaskTimelineStore } from './task-timeline-store.js';
import { measureWakeUps, type WakeUpSample } from './wake-up.js';

const WAKE_UP_TARGET_MS = 2;

/** p50 and p99 of one field of the wake-up samples, when every sample has it. */
function recordWakeUp(report: SuiteReport, samples: readonly WakeUpSample[], field: keyof WakeUpSample, name: string): number[] | undefined {
  const values = samples.map((sample) => sample[field]).filter((value): value is number => value !== undefined);
  if (values.length === 0 || values.length !== samples.length) return undefined;
  report.measure(`${name} p50`, round(median(values)), 'ms', { samples: values.length });
  report.measure(`${name} p99`, round(percentile(values, 99)), 'ms', { samples: values.length });
  return values;
}

async function measureWakeUp(report: SuiteReport, target: string, taskList: string, wakeUps: number, timeline: TaskTimelineStore | undefined): Promise<void> {
  const pollClient = localSwfClient(target);
  const startClient = localSwfClient(target);
  try {
    const samples = await measureWakeUps(pollClient, startClient, wakeUps, taskList, timeline);
    const fromStart = recordWakeUp(report, samples, 'startSentToAnsweredMs', 'long-poll wake-up, StartWorkflowExecution sent -> parked poll answered (includes the start call)')!;
    const fromScheduled = recordWakeUp(report, samples, 'scheduledToAnsweredMs', 'long-poll wake-up, task scheduled in the engine -> parked poll answered at the client');
    recordWakeUp(report, samples, 'scheduledToHandedOutMs', 'wake-up part: task scheduled -> engine hands it to the parked poll');
    recordWakeUp(report, samples, 'handedOutToAnsweredMs', 'wake-up part: handed out -> SDK resolves the poll (response, HTTP, SDK parsing)');
    if (!fromScheduled) report.note('Against --endpoint the engine cannot be timed: the wake-up target is judged on "start sent -> poll answered", an upper bound.');
    const wakeUp = fromScheduled ?? fromStart;
    report.target({
      name: `long-poll wake-up median (${fromScheduled ? 'task scheduled' : 'start sent'} -> poll answered)`,
      target: `< ${WAKE_UP_TARGET_MS} ms`,
      actual: round(median(wakeUp)),
      unit: 'ms',
      met: median(wakeUp) < WAKE_UP_TARGET_MS,
    });
  } finally {
    pollClient.destroy();
    startClient.destroy();
  }
}

export const serverSuite: Suite = async ({ quick, endpoint }) => {
  const report = new SuiteReport();
  const sizes = quick
    ? { serial: { transportCeiling: 20, blocks: 2, perBlock: 10, warmUp: 5 }, concurrent: 40, wakeUps: 5, cpu: { storeRuns: [10, 100], warmUp: 10, workflows: 20 } as const }
    : { serial: { transportCeiling: 500, blocks: 20, perBlock: 50, warmUp: 300 }, concurrent: 1_500, wakeUps: 100, cpu: { storeRuns: [1_000, 100_000], warmUp: 200, workflows: 1_000 } as const };
  const run = randomUUID().slice(0, 8);
  const lists = { taskList: `bench-${run}`, activityTaskList: `bench-${run}-activities` };
  // In process, the store timestamps the wake-up list's tasks on this process's clock.
  const timeline = endpoint === undefined ? new TaskTimelineStore() : undefined;
  const local: SwirlServer | undefined = timeline ? await startServer({ port: 0, store: timeline }) : undefined;
  const target = endpoint ?? local!.endpoint;
  report.note(`Serial and wake-up: ${endpoint === undefined ? 'in-process @swirl/server (startServer, MemoryStore), sharing the benchmark process as the stubs do' : endpoint}.`);
  report.note(`Raw driver: @aws-sdk/client-swf calls, ${CALLS_PER_WORKFLOW} per one-activity workflow (start, 2 x poll+respond decision, poll+respond activity).`);
  try {
    const setup = localSwfClient(target);
    await registerServerBenchTypes(setup, lists.taskList, lists.activityTaskList);
    setup.destroy();
    await measureSerial(report, target, lists, run, sizes.serial);
    await measureConcurrent(report, endpoint, run, sizes.concurrent);
    await measureWakeUp(report, target, `${lists.taskList}-wake-up`, sizes.wakeUps, timeline);
    if (endpoint === undefined) await measureServerCpu(report, run, sizes.cpu, quick);
  } finally {
    await local?.close();
  }
  return report.result();
};
