/**
 * `DeciderRuntime`: drives a `Decider` the way `WorkflowRuntime` drives a workflow class, so a worker
 * treats both alike. It keeps the run's events, so a sticky worker may feed it only the new ones; the
 * decider still sees the whole history from event 1 every time, and its decisions are validated.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { History } from '@swirl/core';
import type { Decider, DecisionTaskInfo } from '../decider.js';
import { validateDecisionShapes } from '../decisions.js';
import type { Activation } from './workflow-runtime.js';
import { WorkflowRuntimeError } from './runtime-error.js';

export interface DeciderRuntimeOptions {
  readonly decider: Decider;
  readonly execution: { readonly workflowId: string; readonly runId: string };
  readonly workflowType: { readonly name: string; readonly version: string };
}

export class DeciderRuntime {
  readonly #options: DeciderRuntimeOptions;
  #events: readonly HistoryEvent[] = [];
  #processedStartedEventId = 0;

  constructor(options: DeciderRuntimeOptions) {
    this.#options = options;
  }

  /** The DecisionTaskStarted id of the last task decided (0 before any): compare with `previousStartedEventId`. */
  get processedStartedEventId(): number {
    return this.#processedStartedEventId;
  }

  /**
   * Appends `events` (oldest first, contiguous with everything fed before, payloads decoded, ending with
   * the DecisionTaskStarted of the open task) and asks the decider. Decisions are checked against SWF's
   * rules except payload sizes, which the worker checks once its codecs have run. The events are kept
   * only when the decider answers, so a failed task can be retried with the same events.
   */
  async activate(events: readonly HistoryEvent[]): Promise<Activation> {
    const expectedFirst = (this.#events.at(-1)?.eventId ?? 0) + 1;
    if (events[0] !== undefined && events[0].eventId !== expectedFirst) {
      throw new WorkflowRuntimeError(
        `Decider runtime of ${this.#options.execution.workflowId} expected events from ${expectedFirst}, got events from ${String(events[0].eventId)}: feed contiguous events, or the whole history to a new runtime`,
      );
    }
    const history = new History([...this.#events, ...events]);
    const started = history.events.at(-1);
    if (started?.eventType !== 'DecisionTaskStarted') {
      throw new WorkflowRuntimeError(
        `A decider decides an open decision task: the history must end with DecisionTaskStarted, it ends with ${started?.eventType ?? 'nothing'}`,
      );
    }
    const startedEventId = started.eventId!;
    if (startedEventId === this.#processedStartedEventId) {
      throw new WorkflowRuntimeError(`Decision task ${startedEventId} was already decided by this runtime: feed only new events`);
    }
    const task: DecisionTaskInfo = {
      workflowExecution: this.#options.execution,
      workflowType: this.#options.workflowType,
      startedEventId,
      previousStartedEventId: previousStartedEventId(history),
    };
    const response = await this.#options.decider.decide(history, task);
    const decisions = [...response.decisions];
    validateDecisionShapes(decisions);
    this.#events = history.events;
    this.#processedStartedEventId = startedEventId;
    return response.executionContext === undefined ? { decisions } : { decisions, executionContext: response.executionContext };
  }
}

/** The task SWF calls `previousStartedEventId`: the started id named by the latest DecisionTaskCompleted. */
function previousStartedEventId(history: History): number {
  const completed = history.ofType('DecisionTaskCompleted').at(-1);
  return completed ? history.attributes(completed, 'DecisionTaskCompleted').startedEventId ?? 0 : 0;
}
