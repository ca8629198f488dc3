/**
 * A committed history and how it is produced: the example's scenario run once against an
 * in-process server, then exported in the CLI's format. `record-histories.ts` writes them.
 */
import type { WorkflowHandle } from '@swirl/client';
import type { SwirlHistoryExport } from '@swirl/testing';
import { exportHistory } from './export-history.js';
import { startLocalRun, type LocalRun, type LocalRunOptions } from './local-run.js';

export interface Recording {
  /** File name in the example's `histories/` folder. */
  readonly file: string;
  /** Runs the scenario and returns the export of the run to commit. */
  record(): Promise<SwirlHistoryExport>;
}

/** Starts a local run, lets `drive` take a workflow to its close, and exports that run's history. */
export async function recordRun(options: LocalRunOptions, drive: (run: LocalRun) => Promise<WorkflowHandle<any, any>>): Promise<SwirlHistoryExport> {
  const run = await startLocalRun(options);
  try {
    const handle = await drive(run);
    return await exportHistory(run.client, handle.workflowId, handle.runId);
  } finally {
    await run.close();
  }
}
