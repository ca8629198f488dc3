/**
 * Records a real history: runs a workflow class's decisions with the real WorkflowRuntime against
 * the local server (one decision task at a time, as a worker would) until the run closes.
 */
import {
  GetWorkflowExecutionHistoryCommand,
  PollForDecisionTaskCommand,
  RespondDecisionTaskCompletedCommand,
  type HistoryEvent,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { WorkflowRuntime, type WorkflowClass } from '@swirl/workflow';
import type { VirtualClock } from '@swirl/server';

export interface RecordOptions {
  readonly swf: SWFClient;
  readonly clock: VirtualClock;
  readonly domain: string;
  readonly taskList: string;
  readonly workflow: WorkflowClass;
  readonly execution: { readonly workflowId: string; readonly runId: string };
  /** Virtual time to skip after each decision, so timers fire. */
  readonly advanceMs: number;
  /** Decision tasks to answer before giving up. */
  readonly maxTasks: number;
}

export async function recordHistory(options: RecordOptions): Promise<HistoryEvent[]> {
  const { swf, domain, execution } = options;
  const runtime = new WorkflowRuntime({ workflow: options.workflow, execution });
  for (let task = 0; task < options.maxTasks; task++) {
    const polled = await swf.send(new PollForDecisionTaskCommand({ domain, taskList: { name: options.taskList } }));
    if (!polled.taskToken) throw new Error(`no decision task for ${execution.workflowId}`);
    const fresh = (polled.events ?? []).filter((event) => (event.eventId ?? 0) > runtime.processedStartedEventId);
    const { decisions, executionContext } = await runtime.activate(fresh);
    await swf.send(
      new RespondDecisionTaskCompletedCommand({
        taskToken: polled.taskToken,
        decisions,
        ...(executionContext !== undefined && { executionContext }),
      }),
    );
    if (decisions.some((decision) => decision.decisionType === 'CompleteWorkflowExecution')) break;
    await options.clock.advance(options.advanceMs);
  }
  const history = await swf.send(new GetWorkflowExecutionHistoryCommand({ domain, execution }));
  return history.events ?? [];
}
