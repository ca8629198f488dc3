/**
 * Reads the ActivityTaskScheduled event of a running activity task. SWF's activity task carries no
 * timeouts, and a decision may override the registered heartbeat timeout: only the scheduled event
 * says what the run actually asked for.
 *
 * Why a history read, and when: GetWorkflowExecutionHistory has the account's second-smallest
 * refill (60/s, beside heartbeats' 160/s), so the worker reads only for tasks whose heartbeat pacing
 * depends on it (a heartbeat held back by the throttle, or automatic heartbeats), once per task.
 * Newest first, small pages: the scheduled event sits just before the started one, so the first
 * page almost always holds both. Guessing instead (a fixed fraction of the smallest timeout this
 * worker's workflows use) cannot see overrides chosen at run time or by other workers' deciders.
 */
import { GetWorkflowExecutionHistoryCommand, type ActivityTaskScheduledEventAttributes, type SWFClient } from '@aws-sdk/client-swf';

export interface ScheduledActivityReaderOptions {
  readonly client: SWFClient;
  readonly domain: string;
  /** Events per page. @default 100 */
  readonly pageSize?: number;
  /** Pages read before giving up (the task then keeps its registered-default pacing). @default 5 */
  readonly maxPages?: number;
}

export class ScheduledActivityReader {
  readonly #client: SWFClient;
  readonly #domain: string;
  readonly #pageSize: number;
  readonly #maxPages: number;

  constructor(options: ScheduledActivityReaderOptions) {
    this.#client = options.client;
    this.#domain = options.domain;
    this.#pageSize = options.pageSize ?? 100;
    this.#maxPages = options.maxPages ?? 5;
  }

  /**
   * The scheduled attributes of the activity whose ActivityTaskStarted is `startedEventId`, or undefined
   * when they are not within `maxPages` newest pages. SDK errors (throttling included) propagate.
   */
  async read(execution: { workflowId: string; runId: string }, startedEventId: number): Promise<ActivityTaskScheduledEventAttributes | undefined> {
    let scheduledEventId: number | undefined;
    let nextPageToken: string | undefined;
    for (let page = 0; page < this.#maxPages; page += 1) {
      const output = await this.#client.send(
        new GetWorkflowExecutionHistoryCommand({
          domain: this.#domain,
          execution,
          reverseOrder: true,
          maximumPageSize: this.#pageSize,
          ...(nextPageToken !== undefined && { nextPageToken }),
        }),
      );
      for (const event of output.events ?? []) {
        if (event.eventId === startedEventId) scheduledEventId = event.activityTaskStartedEventAttributes?.scheduledEventId;
        if (scheduledEventId !== undefined && event.eventId === scheduledEventId) return event.activityTaskScheduledEventAttributes;
        // Newest first: once below the started event without having seen it, it is not in this history.
        if (scheduledEventId === undefined && (event.eventId ?? 0) < startedEventId) return undefined;
      }
      nextPageToken = output.nextPageToken;
      if (!nextPageToken) return undefined;
    }
    return undefined;
  }
}
