/**
 * Simulates the worker change this suite argues for, without touching the worker: the first page of
 * a poll on the sticky task list asks for `pageSize` events instead of 1,000. The run is cached, so
 * only the events since its last decision task are needed; the worker's pager fetches further pages
 * (at full size) when they do not fit.
 */
import type { PollForDecisionTaskCommandInput, SWFClient } from '@aws-sdk/client-swf';

export function limitFirstStickyPage(client: SWFClient, stickyTaskList: () => string | undefined, pageSize: number): SWFClient {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'PollForDecisionTaskCommand') return next(args);
      const input = args.input as PollForDecisionTaskCommandInput;
      const sticky = stickyTaskList();
      if (sticky === undefined || input.nextPageToken !== undefined || input.taskList?.name !== sticky) return next(args);
      return next({ ...args, input: { ...input, maximumPageSize: pageSize } });
    },
    { step: 'initialize', name: 'swirlBenchStickyFirstPage', priority: 'high' },
  );
  return client;
}
