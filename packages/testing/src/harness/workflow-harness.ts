/**
 * Decider unit tests without a server: `WorkflowHarness` drives one workflow run through decision
 * tasks over a `HistoryBuilder`, recording each answer as SWF would, and `runDecisionTask` decides
 * one task over a history you wrote. Both run the real `WorkflowRuntime`.
 */
import type { Decision, HistoryEvent } from '@aws-sdk/client-swf';
import type { PayloadConverter } from '@swirl/core';
import { WorkflowRuntime, type WorkflowClass, type WorkflowLogger, type WorkflowRuntimeOptions } from '@swirl/workflow';
import { withStartedDecisionTask } from '../replay/pending-decision-task.js';
import { HistoryBuilder, type WorkflowStartedOptions } from './history-builder.js';

export interface DecisionTaskOptions {
  /** The run the workflow sees (its runId seeds `random()` and `uuid4()`). @default { workflowId: 'test-workflow', runId: 'test-run' } */
  readonly execution?: { readonly workflowId: string; readonly runId: string };
  /** @default jsonPayloadConverter */
  readonly converter?: PayloadConverter;
  /** Error classes that fail the execution instead of the decision task. @default [] */
  readonly failWorkflowOn?: ReadonlyArray<new (...args: any[]) => Error>;
  /** Where workflow code logs. @default silentLogger */
  readonly logger?: WorkflowLogger;
}

export interface WorkflowHarnessOptions<Input> extends DecisionTaskOptions {
  /** The workflow input. */
  readonly input?: Input;
  /** Timestamp of WorkflowExecutionStarted. @default DEFAULT_HISTORY_START */
  readonly startTime?: Date | number;
  /** Other WorkflowExecutionStarted attributes; the type and input come from the class and `input`. */
  readonly started?: Omit<WorkflowStartedOptions, 'workflowType' | 'input'>;
}

/** The decisions of a decision task, and the state the workflow published with them. */
export interface DecisionTaskResult {
  readonly decisions: Decision[];
  readonly executionContext?: string;
}

export const DEFAULT_TEST_EXECUTION = { workflowId: 'test-workflow', runId: 'test-run' } as const;

function runtimeOptions(workflow: WorkflowClass, options: DecisionTaskOptions): WorkflowRuntimeOptions {
  return {
    workflow,
    execution: options.execution ?? DEFAULT_TEST_EXECUTION,
    ...(options.converter && { converter: options.converter }),
    ...(options.failWorkflowOn && { failWorkflowOn: options.failWorkflowOn }),
    ...(options.logger && { logger: options.logger }),
  };
}

/** Where the history's decision tasks stand: which bookkeeping events a new task still needs. */
function openTaskState(events: readonly HistoryEvent[]): 'none' | 'scheduled' | 'started' {
  for (let i = events.length - 1; i >= 0; i--) {
    switch (events[i]!.eventType) {
      case 'DecisionTaskStarted':
        return 'started';
      case 'DecisionTaskScheduled':
        return 'scheduled';
      case 'DecisionTaskCompleted':
      case 'DecisionTaskTimedOut':
        return 'none';
      default:
    }
  }
  return 'none';
}

/**
 * Replays `history` with a fresh runtime and returns the decisions of its last decision task. A
 * decision task is scheduled and started at the end unless the history already ends in one. Throws
 * `NonDeterminismError` when earlier recorded decisions do not match the code.
 */
export async function runDecisionTask(
  workflow: WorkflowClass,
  history: HistoryBuilder | readonly HistoryEvent[],
  options: DecisionTaskOptions = {},
): Promise<Decision[]> {
  const events = history instanceof HistoryBuilder ? history.build() : [...history];
  const decidable = openTaskState(events) === 'started' ? events : withStartedDecisionTask(events);
  const { decisions } = await new WorkflowRuntime(runtimeOptions(workflow, options)).activate(decidable);
  return decisions;
}

/**
 * Drives one workflow run: `decide()` runs a decision task over the events added since the last one
 * and records the decisions as SWF would, so the next events can answer them.
 *
 * @example
 * ```ts
 * const harness = new WorkflowHarness(OrderWorkflow, { input: { id: 'o1' } });
 * expect(await harness.decide()).toEqual([expect.objectContaining({ decisionType: 'ScheduleActivityTask' })]);
 * harness.history.activityTaskCompleted('a1', 'receipt-o1');
 * expect((await harness.decide())[0]?.decisionType).toBe('CompleteWorkflowExecution');
 * ```
 */
export class WorkflowHarness<Input = unknown> {
  /** The run's history; add the events the workflow should see next. */
  readonly history: HistoryBuilder;
  /** The decisions of every decision task so far, in order. */
  readonly decided: Decision[][] = [];
  /** The state the workflow published with its latest decisions. */
  executionContext: string | undefined;
  readonly #options: WorkflowRuntimeOptions;
  #runtime: WorkflowRuntime | undefined;
  #fed = 0;

  constructor(workflow: WorkflowClass, options: WorkflowHarnessOptions<Input> = {}) {
    this.#options = runtimeOptions(workflow, options);
    this.history = new HistoryBuilder({
      ...(options.startTime !== undefined && { startTime: options.startTime }),
      ...(options.converter && { converter: options.converter }),
    });
    this.history.workflowStarted({ ...options.started, workflowType: workflow, input: options.input });
  }

  /**
   * Runs the next decision task: schedules and starts it (unless the history already did), feeds the
   * new events to the run's runtime, records DecisionTaskCompleted and the decisions, and returns
   * them. A fresh full replay must decide the same, or it throws. When deciding throws (for example
   * `NonDeterminismError`), the task is left started; the next `decide()` times it out first, as SWF would.
   */
  async decide(): Promise<Decision[]> {
    const result = await this.decideTask();
    return result.decisions;
  }

  /** `decide()`, also returning the execution context the workflow published. */
  async decideTask(): Promise<DecisionTaskResult> {
    if (this.#runtime === undefined && this.#fed > 0) this.history.decisionTaskTimedOut();
    const state = openTaskState(this.history.events);
    if (state === 'none') this.history.decisionTaskScheduled();
    if (state !== 'started') this.history.decisionTaskStarted();

    const runtime = this.#runtime ?? new WorkflowRuntime(this.#options);
    const newEvents = this.#runtime ? this.history.build().slice(this.#fed) : this.history.build();
    this.#runtime = undefined;
    this.#fed = this.history.lastEventId;
    const activation = await runtime.activate(newEvents);
    await this.#checkFullReplay(activation.decisions);
    this.#runtime = runtime;

    this.history.decisionTaskCompleted({
      decisions: activation.decisions,
      ...(activation.executionContext !== undefined && { executionContext: activation.executionContext }),
    });
    this.executionContext = activation.executionContext;
    this.decided.push(activation.decisions);
    return activation;
  }

  /** Replays the whole history so far with a fresh runtime; throws `NonDeterminismError` on a mismatch. */
  async replay(): Promise<Decision[]> {
    return runDecisionTask(this.#options.workflow, this.history, this.#options);
  }

  // The worker's sticky cache applies only new events; a restarted worker replays everything. Both must agree.
  async #checkFullReplay(decisions: readonly Decision[]): Promise<void> {
    const fresh = await new WorkflowRuntime(this.#options).activate(this.history.build());
    if (JSON.stringify(fresh.decisions) !== JSON.stringify(decisions)) {
      throw new Error(
        `The workflow decided differently when replayed from the start:\n  incremental: ${JSON.stringify(decisions)}\n  full replay: ${JSON.stringify(fresh.decisions)}\n` +
          'Workflow code must depend only on history (use this.now(), this.random(), this.sleep()).',
      );
    }
  }
}
