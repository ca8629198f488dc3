/**
 * Waits for a run to close. SWF has no long poll on an execution, so the client reads only the
 * newest history event (reverse order, page size 1) and backs off between reads.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  GetWorkflowExecutionHistoryCommand,
  type HistoryEvent,
  type SWFClient,
  type WorkflowExecution,
} from '@aws-sdk/client-swf';
import { isCloseEvent } from '@swirl/core';
import { withSdkContext } from './sdk-error-context.js';

/** How often `result()` reads the newest event while the run is open. */
export interface CloseWaitOptions {
  /** First delay between reads, in milliseconds. @default 100 */
  readonly initialIntervalMs?: number;
  /** Longest delay between reads, in milliseconds. @default 5000 */
  readonly maxIntervalMs?: number;
  /** Stops waiting; the promise rejects with the signal's reason. @default none (wait until the run closes) */
  readonly signal?: AbortSignal;
}

/** Resolves with the run's close event once it is recorded. */
export async function waitForCloseEvent(
  swf: SWFClient,
  domain: string,
  execution: Required<WorkflowExecution>,
  options: CloseWaitOptions = {},
): Promise<HistoryEvent> {
  const maxInterval = options.maxIntervalMs ?? 5_000;
  let interval = Math.min(options.initialIntervalMs ?? 100, maxInterval);
  for (;;) {
    options.signal?.throwIfAborted();
    const newest = await withSdkContext(
      'GetWorkflowExecutionHistory',
      `(domain=${domain}, workflowId=${execution.workflowId}, runId=${execution.runId})`,
      () =>
        swf.send(
          new GetWorkflowExecutionHistoryCommand({ domain, execution, reverseOrder: true, maximumPageSize: 1 }),
          options.signal ? { abortSignal: options.signal } : {},
        ),
    );
    const event = newest.events?.[0];
    if (event && isCloseEvent(event)) return event;
    await sleep(interval, undefined, options.signal ? { signal: options.signal } : {});
    interval = Math.min(interval * 2, maxInterval);
  }
}
