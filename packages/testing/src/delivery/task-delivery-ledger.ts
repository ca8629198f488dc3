/**
 * An SDK middleware that sees every task handed to a client, every task it answered and every run
 * it closed, so a test or benchmark made of real Workers (which own their polling) can check that
 * no task was delivered twice and that every answer was kept, against any endpoint.
 */
import type { Decision, SWFClient } from '@aws-sdk/client-swf';

const CLOSE_DECISIONS: ReadonlySet<string> = new Set([
  'CompleteWorkflowExecution',
  'FailWorkflowExecution',
  'CancelWorkflowExecution',
  'ContinueAsNewWorkflowExecution',
]);

const RESPOND_COMMANDS: ReadonlySet<string> = new Set([
  'RespondDecisionTaskCompletedCommand',
  'RespondActivityTaskCompletedCommand',
  'RespondActivityTaskFailedCommand',
  'RespondActivityTaskCanceledCommand',
]);

/**
 * One task handed to a poller. `key` names the task attempt: `decision <runId> <startedEventId>` or
 * `activity <runId> <activityId> <startedEventId>`; a second delivery of one key is a duplicate.
 */
export interface TaskDelivery {
  readonly key: string;
  readonly kind: 'decision' | 'activity';
  readonly runId: string;
  readonly startedEventId: number;
  /** True when this key was delivered before. */
  readonly duplicate: boolean;
}

/**
 * Counts deliveries through the clients it is attached to (one ledger may serve many clients).
 *
 * @example
 * ```ts
 * const ledger = new TaskDeliveryLedger();
 * const worker = await Worker.create({ client: ledger.attach(createSwfClient()), ... });
 * // ... run workflows ...
 * expect(ledger.duplicateDeliveries()).toEqual([]);
 * ```
 */
export class TaskDeliveryLedger {
  readonly #delivered = new Set<string>();
  readonly #duplicateKeys: string[] = [];
  /** Task tokens handed out and not yet answered, with the key of their task. */
  readonly #unanswered = new Map<string, string>();
  readonly #answered: string[] = [];
  #closed = 0;
  #completed = 0;
  #onClosed: ((closed: number) => void) | undefined;
  readonly #onDelivery: Array<(delivery: TaskDelivery) => void> = [];

  /** Tasks handed out more than once (same run, same started event). */
  get duplicates(): number {
    return this.#duplicateKeys.length;
  }

  /** The keys delivered more than once, once for each repeat. */
  duplicateDeliveries(): string[] {
    return [...this.#duplicateKeys];
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

  /**
   * The keys of tasks whose answer (RespondDecisionTaskCompleted, RespondActivityTask{Completed,
   * Failed,Canceled}) the service accepted: each must be in the run's history from then on.
   */
  answered(): string[] {
    return [...this.#answered];
  }

  /** Calls `listener` with the running count each time a run closes. */
  onClosed(listener: (closed: number) => void): void {
    this.#onClosed = listener;
  }

  /** Calls `listener` at each delivery, as it happens (a process that may be killed can report it at once). */
  onDelivery(listener: (delivery: TaskDelivery) => void): void {
    this.#onDelivery.push(listener);
  }

  attach(client: SWFClient): SWFClient {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        const input = args.input as { nextPageToken?: string; decisions?: Decision[]; taskToken?: string };
        const output = result.output as { taskToken?: string; startedEventId?: number; activityId?: string; workflowExecution?: { runId?: string } };
        const runId = output.workflowExecution?.runId ?? '';
        const startedEventId = output.startedEventId ?? 0;
        const taskToken = output.taskToken;
        switch (context.commandName) {
          // Later pages of one decision task repeat its startedEventId: only first pages are deliveries.
          case 'PollForDecisionTaskCommand':
            if (taskToken && !input.nextPageToken) {
              this.#deliver(taskToken, { key: `decision ${runId} ${startedEventId}`, kind: 'decision', runId, startedEventId });
            }
            break;
          case 'PollForActivityTaskCommand':
            if (taskToken) {
              this.#deliver(taskToken, { key: `activity ${runId} ${output.activityId} ${startedEventId}`, kind: 'activity', runId, startedEventId });
            }
            break;
        }
        if (RESPOND_COMMANDS.has(context.commandName ?? '') && input.taskToken !== undefined) this.#answer(input.taskToken);
        if (context.commandName === 'RespondDecisionTaskCompletedCommand' && input.decisions?.some((decision) => CLOSE_DECISIONS.has(decision.decisionType ?? ''))) {
          this.#closed += 1;
          if (input.decisions.some((decision) => decision.decisionType === 'CompleteWorkflowExecution')) this.#completed += 1;
          this.#onClosed?.(this.#closed);
        }
        return result;
      },
      { step: 'initialize', name: 'swirlTaskDeliveryLedger' },
    );
    return client;
  }

  #deliver(taskToken: string, delivery: Omit<TaskDelivery, 'duplicate'>): void {
    const duplicate = this.#delivered.has(delivery.key);
    if (duplicate) this.#duplicateKeys.push(delivery.key);
    else this.#delivered.add(delivery.key);
    this.#unanswered.set(taskToken, delivery.key);
    for (const listener of this.#onDelivery) listener({ ...delivery, duplicate });
  }

  #answer(taskToken: string): void {
    const key = this.#unanswered.get(taskToken);
    if (key === undefined) return;
    this.#unanswered.delete(taskToken);
    this.#answered.push(key);
  }
}
