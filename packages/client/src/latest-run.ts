/**
 * Finds the run a bare workflowId means: the open run if there is one (SWF allows one per id),
 * otherwise the most recently started closed run.
 */
import {
  ListClosedWorkflowExecutionsCommand,
  ListOpenWorkflowExecutionsCommand,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { withSdkContext } from './sdk-error-context.js';

export class WorkflowNotFoundError extends Error {
  override readonly name = 'WorkflowNotFoundError';
  constructor(
    readonly domain: string,
    readonly workflowId: string,
  ) {
    super(`No execution with workflowId "${workflowId}" in domain "${domain}", open or closed (within retention)`);
  }
}

export async function findLatestRun(
  swf: SWFClient,
  domain: string,
  workflowId: string,
): Promise<{ workflowId: string; runId: string }> {
  const filter = { domain, executionFilter: { workflowId }, startTimeFilter: { oldestDate: new Date(0) }, maximumPageSize: 1 };
  const target = `(domain=${domain}, workflowId=${workflowId})`;
  const open = await withSdkContext('ListOpenWorkflowExecutions', target, () =>
    swf.send(new ListOpenWorkflowExecutionsCommand(filter)),
  );
  const openRun = open.executionInfos?.[0]?.execution?.runId;
  if (openRun) return { workflowId, runId: openRun };
  // Closed executions come newest first by start time, so the first is the latest run.
  const closed = await withSdkContext('ListClosedWorkflowExecutions', target, () =>
    swf.send(new ListClosedWorkflowExecutionsCommand(filter)),
  );
  const closedRun = closed.executionInfos?.[0]?.execution?.runId;
  if (closedRun) return { workflowId, runId: closedRun };
  throw new WorkflowNotFoundError(domain, workflowId);
}
