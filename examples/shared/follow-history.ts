/**
 * Follows a run's history as it grows: yields each new event once, oldest first, and stops after
 * the run's close event. SWF has no push API for history, so this polls GetWorkflowExecutionHistory.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { isCloseEvent, type WorkflowHandle } from '@swirl/client';

export interface FollowHistoryOptions {
  /** Pause between two reads of the history, in milliseconds. @default 50 */
  readonly pollIntervalMs?: number;
  /** Stops following (the generator returns) when aborted. */
  readonly signal?: AbortSignal;
}

export async function* followHistory(handle: WorkflowHandle, options: FollowHistoryOptions = {}): AsyncGenerator<HistoryEvent> {
  const pollIntervalMs = options.pollIntervalMs ?? 50;
  let lastEventId = 0;
  while (!options.signal?.aborted) {
    for (const event of await handle.fetchHistory()) {
      if ((event.eventId ?? 0) <= lastEventId) continue;
      lastEventId = event.eventId ?? lastEventId;
      yield event;
      if (isCloseEvent(event)) return;
    }
    await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
  }
}
