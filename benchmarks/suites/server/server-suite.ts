/**
 * Suite 3, server: one-activity workflows per second through the real SDK over HTTP (serial and
 * 8 x 8 x 8 concurrent), per-call latency, long-poll wake-up latency, and the SDK client's own
 * ceiling against a do-nothing stub measured in the same run. `--endpoint` points it at any server.
 */
import { randomUUID } from 'node:crypto';
import type { SWFClient } from '@aws-sdk/client-swf';
import { startServer, type SwirlServer } from '@swirl/server';
import { SdkMeter } from '../../harness/sdk-meter.js';
import { median, percentile, round } from '../../harness/stats.js';
import { SuiteReport, type Suite } from '../../harness/suite.js';
import { localSwfClient } from '../../harness/swf-client.js';
import { CALLS_PER_WORKFLOW, registerServerBenchTypes } from './one-activity-protocol.js';
import { startStubServer } from './stub-server.js';
import { TaskTimelineStore } from './task-timeline-store.js';
import { measureWakeUps, type WakeUpSample } from './wake-up.js';
import { runConcurrent, runSerial, runSerialAgainstStub } from './workflow-drivers.js';

const SERIAL_SHARE_TARGET = 0.8;
const CONCURRENT_TARGET = 150;
const WAKE_UP_TARGET_MS = 2;

function recordLatencies(report: SuiteReport, meter: SdkMeter, phase: string): void {
  for (const [operation, stats] of Object.entries(meter.snapshot().operations)) {
    if (stats.durationsMs.length === 0) continue;
    const labels = { phase, operation, calls: stats.calls };
    report.measure('API call latency p50', round(median(stats.durationsMs)), 'ms', labels);
    report.measure('API call latency p99', round(percentile(stats.durationsMs, 99)), 'ms', labels);
  }
}

/** p50 and p99 of one field of the wake-up samples, when every sample has it. */
function recordWakeUp(report: SuiteReport, samples: readonly WakeUpSample[], field: keyof WakeUpSample, name: string): number[] | undefined {
  const values = samples.map((sample) => sample[field]).filter((value): value is number => value !== undefined);
  if (values.length === 0 || values.length !== samples.length) return undefined;
  report.measure(`${name} p50`, round(median(values)), 'ms', { samples: values.length });
  report.measure(`${name} p99`, round(percentile(values, 99)), 'ms', { samples: values.length });
  return values;
}

function metered(endpoint: string, meter: SdkMeter): SWFClient {
  return meter.attach(localSwfClient(endpoint));
}

export const serverSuite: Suite = async ({ quick, endpoint }) => {
  const report = new SuiteReport();
  const sizes = quick ? { ceiling: 20, serial: 20, concurrent: 40, wakeUps: 5 } : { ceiling: 500, serial: 300, concurrent: 1_500, wakeUps: 100 };
  const run = randomUUID().slice(0, 8);
  const lists = { taskList: `bench-${run}`, activityTaskList: `bench-${run}-activities` };
  // In process, the store timestamps the wake-up list's tasks on this process's clock.
  const timeline = endpoint === undefined ? new TaskTimelineStore() : undefined;
  const local: SwirlServer | undefined = timeline ? await startServer({ port: 0, store: timeline }) : undefined;
  const target = endpoint ?? local!.endpoint;
  report.note(`Server: ${endpoint === undefined ? 'in-process @swirl/server (startServer, MemoryStore), sharing the benchmark process' : endpoint}.`);
  report.note(`Driver: raw @aws-sdk/client-swf calls, ${CALLS_PER_WORKFLOW} per one-activity workflow (start, 2 x poll+respond decision, poll+respond activity).`);
  const stub = await startStubServer();
  const clients: SWFClient[] = [];
  const client = (url: string, meter: SdkMeter) => {
    const made = metered(url, meter);
    clients.push(made);
    return made;
  };
  try {
    // The client's ceiling: the same seven calls against a server that does nothing.
    const stubMeter = new SdkMeter();
    const stubClient = client(stub.endpoint, stubMeter);
    await runSerialAgainstStub(stubClient, Math.min(20, sizes.ceiling));
    stubMeter.reset();
    const ceilingMs = await runSerialAgainstStub(stubClient, sizes.ceiling);
    const ceiling = sizes.ceiling / (ceilingMs / 1_000);
    report.measure('SDK client ceiling (do-nothing stub), serial', round(ceiling), 'workflows/s', { calls: sizes.ceiling * CALLS_PER_WORKFLOW });
    report.measure('SDK client ceiling, calls per second', round((sizes.ceiling * CALLS_PER_WORKFLOW) / (ceilingMs / 1_000)), 'calls/s');
    recordLatencies(report, stubMeter, 'stub');

    const setupMeter = new SdkMeter();
    await registerServerBenchTypes(client(target, setupMeter), lists.taskList, lists.activityTaskList);

    const serialMeter = new SdkMeter();
    const serialClient = client(target, serialMeter);
    await runSerial(serialClient, Math.min(20, sizes.serial), lists, `warm-${run}`);
    serialMeter.reset();
    const serialMs = await runSerial(serialClient, sizes.serial, lists, `serial-${run}`);
    const serial = sizes.serial / (serialMs / 1_000);
    report.measure('one-activity workflows completed, serial', round(serial), 'workflows/s', { workflows: sizes.serial });
    recordLatencies(report, serialMeter, 'serial');
    report.target({ name: 'serial throughput vs SDK client ceiling', target: `>= ${SERIAL_SHARE_TARGET * 100}%`, actual: round((serial / ceiling) * 100), unit: '%', met: serial / ceiling >= SERIAL_SHARE_TARGET });

    const concurrentMeter = new SdkMeter();
    const outcome = await runConcurrent(client(target, concurrentMeter), {
      workflows: sizes.concurrent,
      starters: 8,
      deciders: 8,
      activityWorkers: 8,
      ...lists,
      idPrefix: `concurrent-${run}`,
    });
    const concurrent = outcome.completed / (outcome.elapsedMs / 1_000);
    const labels = { workflows: sizes.concurrent, starters: 8, deciders: 8, activityWorkers: 8 };
    report.measure('one-activity workflows completed, concurrent', round(concurrent), 'workflows/s', labels);
    report.measure('tasks delivered twice', outcome.duplicateDeliveries, 'tasks', labels);
    report.measure('ScheduleActivityTask decisions refused (rate limit) and retried', outcome.refusedDecisions, 'decisions', labels);
    recordLatencies(report, concurrentMeter, 'concurrent');
    report.target({ name: 'concurrent throughput (8 starters, 8 deciders, 8 activity workers)', target: `>= ${CONCURRENT_TARGET}`, actual: round(concurrent), unit: 'workflows/s', met: concurrent >= CONCURRENT_TARGET });
    report.target({ name: 'no task delivered twice', target: '0', actual: outcome.duplicateDeliveries, unit: 'tasks', met: outcome.duplicateDeliveries === 0 });

    const wakeUpMeter = new SdkMeter();
    const wakeUps = await measureWakeUps(client(target, wakeUpMeter), client(target, new SdkMeter()), sizes.wakeUps, `${lists.taskList}-wake-up`, timeline);
    const fromStart = recordWakeUp(report, wakeUps, 'startSentToAnsweredMs', 'long-poll wake-up, StartWorkflowExecution sent -> parked poll answered (includes the start call)')!;
    const fromScheduled = recordWakeUp(report, wakeUps, 'scheduledToAnsweredMs', 'long-poll wake-up, task scheduled in the engine -> parked poll answered at the client');
    recordWakeUp(report, wakeUps, 'scheduledToHandedOutMs', 'wake-up part: task scheduled -> engine hands it to the parked poll');
    recordWakeUp(report, wakeUps, 'handedOutToAnsweredMs', 'wake-up part: handed out -> SDK resolves the poll (response, HTTP, SDK parsing)');
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
    for (const made of clients) made.destroy();
    await stub.close();
    await local?.close();
  }
  return report.result();
};
