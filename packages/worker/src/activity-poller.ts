/** Long-polls the activity task list and hands each task to the ActivityExecutor. */
import { PollForActivityTaskCommand, type PollForActivityTaskCommandOutput, type SWFClient } from '@aws-sdk/client-swf';
import type PQueue from 'p-queue';
import type { Logger } from 'pino';
import type { ActivityExecutor } from './activity-executor.js';
import { PollLoop } from './poll-loop.js';
import type { PollTimeoutCheck } from './poll-timeout-check.js';
import type { WorkerEvents } from './worker-events.js';

export interface ActivityPollerOptions {
  readonly client: SWFClient;
  readonly domain: string;
  readonly taskList: string;
  readonly identity: string;
  readonly requestTimeoutMs: number;
  /** The executor's queue; a slot is taken before each poll. */
  readonly queue: PQueue;
  readonly executor: ActivityExecutor;
  readonly timeoutCheck: PollTimeoutCheck;
  readonly stopSignal: AbortSignal;
  /** Aborted when the polls still held must end (see PollLoopOptions.endPolls). */
  readonly endPolls: AbortSignal;
  readonly logger: Logger;
  readonly events: WorkerEvents;
}

export function createActivityPoller(options: ActivityPollerOptions): PollLoop<PollForActivityTaskCommandOutput> {
  const { client, domain, taskList, identity, requestTimeoutMs } = options;
  return new PollLoop({
    ref: { kind: 'activity', taskList },
    queue: options.queue,
    stopSignal: options.stopSignal,
    endPolls: options.endPolls,
    logger: options.logger.child({ taskList, poller: 'activity' }),
    events: options.events,
    poll: async (abortSignal) => {
      const task = await client.send(new PollForActivityTaskCommand({ domain, taskList: { name: taskList }, identity }), {
        requestTimeout: requestTimeoutMs,
        abortSignal,
      });
      options.timeoutCheck.checkOnce();
      // SWF answers an empty poll without a task token.
      return task.taskToken ? task : undefined;
    },
    execute: (task) => options.executor.execute(task),
  });
}
