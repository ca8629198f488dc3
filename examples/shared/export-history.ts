/**
 * Exports a run's history in Swirl's file format, exactly as `swirl history export` does: the
 * events as SWF stores them (payloads not decoded), with the domain, run ids and workflow type.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { WorkflowClient } from '@swirl/client';
import { toSwirlHistoryExport, type SwirlHistoryExport } from '@swirl/testing';

export async function exportHistory(client: WorkflowClient, workflowId: string, runId?: string): Promise<SwirlHistoryExport> {
  const described = await client.getHandle(workflowId, runId).describe();
  const events = await client.getHandle(workflowId, described.execution.runId).fetchHistory({ decodePayloads: false });
  return toSwirlHistoryExport({
    domain: client.domain,
    execution: described.execution,
    workflowType: { name: described.workflowType.name ?? '', version: described.workflowType.version ?? '' },
    events,
  });
}

/** Writes an export as the CLI does: pretty JSON with a final newline; creates the folder. */
export async function writeHistoryFile(path: string, exported: SwirlHistoryExport): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(exported, null, 2)}\n`);
}
