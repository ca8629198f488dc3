/**
 * A committed history and how it is produced: the example's scenario run once against an
 * in-process server, then exported in the CLI's format. `record-histories.ts` writes them.
 */
import type { WorkflowHandle } from '@swirl/client';
import { TestEnvironment, type SwirlHistoryExport, type TestEnvironmentOptions, type TestWorkerOptions } from '@swirl/testing';
import { exportHistory } from './export-history.js';
import { startLocalRun, type LocalRun, type LocalRunOptions } from './local-run.js';
import { EXAMPLES_DOMAIN } from './swf-connection.js';

export interface Recording {
  /** File name in the example's `histories/` folder. */
  readonly file: string;
  /** Runs the scenario and returns the export of the run to commit. */
  record(): Promise<SwirlHistoryExport>;
}

/** Starts a local run, lets `drive` take a workflow to its close, and exports that run's history. */
export async function recordRun(options: LocalRunOptions, drive: (run: LocalRun) => Promise<WorkflowHandle<unknown, unknown>>): Promise<SwirlHistoryExport> {
  const run = await startLocalRun(options);
  try {
    const handle = await drive(run);
    return await exportHistory(run.client, handle.workflowId, handle.runId);
  } finally {
    await run.close();
  }
}

/**
 * Like `recordRun`, on a `TestEnvironment`: its virtual clock lets `drive` skip over long timers
 * (`env.runUntil(handle.result())`), so a scenario that waits for days records in milliseconds.
 */
export async function recordWithTimeSkipping(
  workers: readonly TestWorkerOptions[],
  drive: (env: TestEnvironment) => Promise<WorkflowHandle<unknown, unknown>>,
  options: Omit<TestEnvironmentOptions, 'domain'> = {},
): Promise<SwirlHistoryExport> {
  const env = await TestEnvironment.create({ ...options, domain: EXAMPLES_DOMAIN });
  try {
    for (const worker of workers) await env.createWorker(worker);
    const handle = await drive(env);
    return await env.exportHistory(handle.workflowId, handle.runId);
  } finally {
    await env.teardown();
  }
}
