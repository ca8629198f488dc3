/**
 * The benchmark history written as the files users replay: Swirl's export, the AWS CLI's
 * `get-workflow-execution-history` output and boto3 paginator pages, one file each.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { serializeHistoryEvent, toSwirlHistoryExport } from '@swirl/testing';
import { BENCH_DOMAIN, SequentialActivities } from '../../workloads/sequential-activities.js';

export const HISTORY_FILE_FORMATS = ['swirl-export', 'aws-cli', 'boto3-pages'] as const;
export type HistoryFileFormat = (typeof HISTORY_FILE_FORMATS)[number];

/** GetWorkflowExecutionHistory's largest page, which a boto3 paginator asks for. */
const BOTO3_PAGE_SIZE = 1_000;
export const BENCH_EXECUTION = { workflowId: 'bench', runId: 'bench-run' } as const;

/** An event as the CLI v2 prints it: ISO 8601 timestamps (its default `cli_timestamp_format`). */
function cliEvent(event: HistoryEvent): Record<string, unknown> {
  return { ...serializeHistoryEvent(event), eventTimestamp: event.eventTimestamp?.toISOString() };
}

/** An event as `json.dump(page, default=datetime.isoformat)` writes a boto3 page's event. */
function boto3Event(event: HistoryEvent): Record<string, unknown> {
  const iso = event.eventTimestamp?.toISOString() ?? '';
  return { ...serializeHistoryEvent(event), eventTimestamp: `${iso.slice(0, -1)}000+00:00` };
}

function fileContent(format: HistoryFileFormat, events: readonly HistoryEvent[]): unknown {
  switch (format) {
    case 'swirl-export':
      return toSwirlHistoryExport({
        domain: BENCH_DOMAIN,
        execution: BENCH_EXECUTION,
        workflowType: SequentialActivities.type,
        events,
        exportedAt: new Date(Date.UTC(2024, 0, 2)),
      });
    case 'aws-cli':
      return { events: events.map(cliEvent) };
    case 'boto3-pages': {
      const pages: unknown[] = [];
      for (let start = 0; start < events.length; start += BOTO3_PAGE_SIZE) {
        const last = start + BOTO3_PAGE_SIZE >= events.length;
        pages.push({
          events: events.slice(start, start + BOTO3_PAGE_SIZE).map(boto3Event),
          ...(!last && { nextPageToken: `page-${pages.length + 1}` }),
          ResponseMetadata: { HTTPStatusCode: 200 },
        });
      }
      return pages;
    }
  }
}

/** Writes `events` in every format under `folder`; returns each file's path by format. */
export async function writeHistoryFiles(folder: string, events: readonly HistoryEvent[]): Promise<Record<HistoryFileFormat, string>> {
  await mkdir(folder, { recursive: true });
  const paths = {} as Record<HistoryFileFormat, string>;
  for (const format of HISTORY_FILE_FORMATS) {
    const path = join(folder, `${format}.json`);
    await writeFile(path, JSON.stringify(fileContent(format, events)));
    paths[format] = path;
  }
  return paths;
}
