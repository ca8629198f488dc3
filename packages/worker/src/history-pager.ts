/**
 * Fetches the history of a decision task. Pages come newest first (`reverseOrder`), so a run the
 * sticky cache holds needs only the newest pages, and asks for exactly the events it still misses;
 * any other run is paged to the start. Further pages are PollForDecisionTask calls with
 * `nextPageToken`, which start no new task.
 */
import { PollForDecisionTaskCommand, type HistoryEvent } from '@aws-sdk/client-swf';
import type { SWFClient } from '@aws-sdk/client-swf';
import { SWF_LIMITS } from '@swirl/core';

export interface HistoryPagerOptions {
  readonly client: SWFClient;
  readonly domain: string;
  readonly identity: string;
  readonly requestTimeoutMs: number;
}

/** The events of a decision task, oldest first, ending with its DecisionTaskStarted. */
export type PagedHistory =
  /** Only the events after `knownUpTo`, contiguous with them. */
  | { readonly mode: 'incremental'; readonly events: HistoryEvent[] }
  /** The whole history from event 1. */
  | { readonly mode: 'full'; readonly events: HistoryEvent[] };

/** The parts of a polled decision task the pager reads. */
export interface FirstHistoryPage {
  readonly startedEventId?: number | undefined;
  readonly events?: HistoryEvent[] | undefined;
  readonly nextPageToken?: string | undefined;
}

export class HistoryGapError extends Error {
  override readonly name = 'HistoryGapError';
}

export class HistoryPager {
  readonly #options: HistoryPagerOptions;

  constructor(options: HistoryPagerOptions) {
    this.#options = options;
  }

  /**
   * Collects the task's events. With `knownUpTo` (the last event id the cached runtime holds) it stops
   * as soon as the pages reach it and returns only the newer events; if they do not join up, it keeps
   * paging and returns the full history instead.
   */
  async collect(first: FirstHistoryPage, taskList: string, knownUpTo?: number): Promise<PagedHistory> {
    const startedEventId = first.startedEventId ?? 0;
    const collected: HistoryEvent[] = [...(first.events ?? [])];
    let token = first.nextPageToken;
    const oldestId = () => Math.min(...collected.map((event) => event.eventId ?? Number.POSITIVE_INFINITY));

    if (knownUpTo !== undefined) {
      while (token && oldestId() > knownUpTo + 1) {
        const missing = oldestId() - knownUpTo - 1;
        token = await this.#nextPage(token, taskList, collected, Math.min(missing, SWF_LIMITS.maximumPageSize));
      }
      const fresh = ascending(collected).filter((event) => event.eventId! > knownUpTo && event.eventId! <= startedEventId);
      if (isContiguous(fresh, knownUpTo + 1, startedEventId)) return { mode: 'incremental', events: fresh };
    }
    while (token) token = await this.#nextPage(token, taskList, collected);
    const events = ascending(collected).filter((event) => event.eventId! <= startedEventId);
    if (!isContiguous(events, 1, startedEventId)) {
      throw new HistoryGapError(
        `History of decision task (startedEventId ${startedEventId}) is incomplete after paging: expected events 1..${startedEventId}, got ${events.length} events`,
      );
    }
    return { mode: 'full', events };
  }

  async #nextPage(token: string, taskList: string, into: HistoryEvent[], pageSize: number = SWF_LIMITS.maximumPageSize): Promise<string | undefined> {
    const { client, domain, identity, requestTimeoutMs } = this.#options;
    const page = await client.send(
      new PollForDecisionTaskCommand({
        domain,
        taskList: { name: taskList },
        identity,
        nextPageToken: token,
        reverseOrder: true,
        maximumPageSize: pageSize,
      }),
      { requestTimeout: requestTimeoutMs },
    );
    into.push(...(page.events ?? []));
    return page.nextPageToken;
  }
}

function ascending(events: HistoryEvent[]): HistoryEvent[] {
  // Sorting (rather than reversing) also copes with a server that ignores reverseOrder; ids are unique.
  const byId = new Map(events.map((event) => [event.eventId!, event]));
  return [...byId.values()].sort((a, b) => a.eventId! - b.eventId!);
}

function isContiguous(events: HistoryEvent[], from: number, to: number): boolean {
  if (events.length !== to - from + 1) return false;
  return events.every((event, index) => event.eventId === from + index);
}
