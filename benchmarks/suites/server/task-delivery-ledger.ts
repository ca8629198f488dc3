/**
 * An SDK middleware that sees every task handed to a client and every run a client closed, so a
 * benchmark made of real Workers (which own their polling) can check that no task was delivered
 * twice and count completed workflows, against any endpoint.
 */
import type { Decision, SWFClient } from '@aws-sdk/client-swf';

const CLOSE_DECISIONS: ReadonlySet<string> = new Set([
  'CompleteWorkflowExecution',
  'FailWorkflowExecution',
  'CancelWorkflowExecution',
  'ContinueAsNewWorkflowExecution',
]);

export class TaskDeliveryLedger {
  readonly #delivered = new Set<string>();
  #duplicates = 0;
  #closed = 0;
  #completed = 0;
  #onClosed: ((closed: number) => void) | undefined;

  /** Tasks handed out more than once (same run, same started event). */
  get duplicates(): number {
    return this.#duplicates;
  }

  /** Runs closed by a successful RespondDecisionTaskCompleted with any close decision. */
  get closed(): number {
    return this.#closed;
  }

  /** Of those, runs closed by CompleteWorkflowExecution. */
  get completed(): number {
    return this.#completed;
  }

  /** Every task key delivered (first delivery of each), for merging ledgers across processes. */
  deliveries(): string[] {
    return [...this.#delivered];
  }

  /** Calls `listener` with the running count each time a run closes. */
  onClosed(listener: (closed: number) => void): void {
    this.#onClosed = listener;
  }

  attach(client: SWFClient): SWFClient {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        const input = args.input as { nextPageToken?: string; decisions?: Decision[] };
        const output = result.output as { taskToken?: string; startedEventId?: number; activityId?: string; workflowExecution?: { runId?: string } };
        switch (context.commandName) {
          // Later pages of one decision task repeat its startedEventId: only first pages are deliveries.
          case 'PollForDecisionTaskCommand':
            if (output.taskToken && !input.nextPageToken) this.#deliver(`decision ${output.workflowExecution?.runId} ${output.startedEventId}`);
            break;
          case 'PollForActivityTaskCommand':
            if (output.taskToken) this.#deliver(`activity ${output.workflowExecution?.runId} ${output.activityId} ${output.startedEventId}`);
            break;
          case 'RespondDecisionTaskCompletedCommand':
            if (input.decisions?.some((decision) => CLOSE_DECISIONS.has(decision.decisionType ?? ''))) {
              this.#closed += 1;
              if (input.decisions.some((decision) => decision.decisionType === 'CompleteWorkflowExecution')) this.#completed += 1;
              this.#onClosed?.(this.#closed);
            }
            break;
        }
        return result;
      },
      { step: 'initialize', name: 'swirlBenchTaskDeliveryLedger' },
    );
    return client;
  }

  #deliver(key: string): void {
    if (this.#delivered.has(key)) this.#duplicates += 1;
    else this.#delivered.add(key);
  }
}
