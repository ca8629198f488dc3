/**
 * Long-polls one decision task list (the shared one or the worker's sticky one). Pages come newest
 * first (`reverseOrder`) so a run held by the sticky cache needs only its newest events; the sticky
 * list asks for a small first page, since the runs it receives are usually cached.
 */
import { PollForDecisionTaskCommand, type PollForDecisionTaskCommandOutput, type SWFClient } from '@aws-sdk/client-swf';
import type PQueue from 'p-queue';
import type { Logger } from 'pino';
import type { DecisionExecutor } from './decision-executor.js';
import { PollLoop } from './poll-loop.js';
import type { PollTimeoutCheck } from './poll-timeout-check.js';
import type { WorkerEvents } from './worker-events.js';

export interface DecisionPollerOptions {
  readonly kind: 'decision' | 'sticky-decision';
  readonly client: SWFClient;
  readonly domain: string;
  readonly taskList: string;
  /** Events asked for in the first history page of each task. */
  readonly firstPageSize: number;
  readonly identity: string;
  readonly requestTimeoutMs: number;
  /** The executor's queue; a slot is taken before each poll. */
  readonly queue: PQueue;
  readonly executor: DecisionExecutor;
  readonly timeoutCheck: PollTimeoutCheck;
  readonly stopSignal: AbortSignal;
  /** Aborted when the polls still held must end (see PollLoopOptions.endPolls). */
  readonly endPolls: AbortSignal;
  readonly logger: Logger;
  readonly events: WorkerEvents;
}

export function createDecisionPoller(options: DecisionPollerOptions): PollLoop<PollForDecisionTaskCommandOutput> {
  const { kind, client, domain, taskList, firstPageSize, identity, requestTimeoutMs } = options;
  return new PollLoop({
    ref: { kind, taskList },
    queue: options.queue,
    stopSignal: options.stopSignal,
    endPolls: options.endPolls,
    logger: options.logger.child({ taskList, poller: kind }),
    events: options.events,
    poll: async (abortSignal) => {
      const task = await client.send(
        new PollForDecisionTaskCommand({
          domain,
          taskList: { name: taskList },
          identity,
          reverseOrder: true,
          maximumPageSize: firstPageSize,
        }),
        { requestTimeout: requestTimeoutMs, abortSignal },
      );
      options.timeoutCheck.checkOnce();
      // SWF answers an empty poll without a task token.
      return task.taskToken ? task : undefined;
    },
    execute: (task) => options.executor.execute(task, taskList),
  });
}
