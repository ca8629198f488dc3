/**
 * A small SWF stand-in for runtime tests: it appends history events the way SWF records them
 * (decision task bookkeeping, one event per decision, outcomes linked by id) and drives a
 * `WorkflowRuntime` through decision tasks, incrementally like the sticky cache does.
 */
import type { Decision, EventType, HistoryEvent } from '@aws-sdk/client-swf';
import { eventAttributesKey, type EventAttributes } from '@swirl/core';
import { WorkflowRuntime, type WorkflowClass, type WorkflowRuntimeOptions } from '../../src/index.js';

export const START_TIME = Date.UTC(2024, 0, 1, 12, 0, 0);

export class HistoryBuilder {
  readonly events: HistoryEvent[] = [];
  #clockMs = START_TIME;

  get lastEventId(): number {
    return this.events.length;
  }

  /** Moves the history clock forward. */
  advance(ms: number): this {
    this.#clockMs += ms;
    return this;
  }

  add<T extends EventType>(type: T, attributes: EventAttributes<T>): number {
    const eventId = this.events.length + 1;
    this.events.push({
      eventId,
      eventType: type,
      eventTimestamp: new Date(this.#clockMs),
      [eventAttributesKey(type)]: attributes,
    } as HistoryEvent);
    return eventId;
  }

  started(input?: string, extra: Partial<EventAttributes<'WorkflowExecutionStarted'>> = {}): number {
    return this.add('WorkflowExecutionStarted', {
      workflowType: { name: 'Test', version: '1' },
      taskList: { name: 'decisions' },
      childPolicy: 'TERMINATE',
      executionStartToCloseTimeout: '3600',
      taskStartToCloseTimeout: '30',
      parentInitiatedEventId: 0,
      ...(input !== undefined && { input }),
      ...extra,
    });
  }

  /** DecisionTaskScheduled + DecisionTaskStarted; returns the started event id. */
  startDecisionTask(): number {
    const scheduledEventId = this.add('DecisionTaskScheduled', { taskList: { name: 'decisions' }, startToCloseTimeout: '30' });
    return this.add('DecisionTaskStarted', { scheduledEventId, identity: 'test' });
  }

  /** DecisionTaskCompleted for `startedEventId`, then one event per decision as SWF records them. */
  completeDecisionTask(startedEventId: number, decisions: readonly Decision[], executionContext?: string): number {
    const scheduledEventId = this.events[startedEventId - 1]?.decisionTaskStartedEventAttributes?.scheduledEventId ?? 0;
    const completedId = this.add('DecisionTaskCompleted', {
      scheduledEventId,
      startedEventId,
      ...(executionContext !== undefined && { executionContext }),
    });
    for (const decision of decisions) this.recordDecision(decision, completedId);
    return completedId;
  }

  timeOutDecisionTask(startedEventId: number): number {
    const scheduledEventId = this.events[startedEventId - 1]?.decisionTaskStartedEventAttributes?.scheduledEventId ?? 0;
    return this.add('DecisionTaskTimedOut', { scheduledEventId, startedEventId, timeoutType: 'START_TO_CLOSE' });
  }

  /** The event SWF records for an accepted decision. */
  recordDecision(decision: Decision, dtc: number): number {
    switch (decision.decisionType) {
      case 'ScheduleActivityTask': {
        const a = decision.scheduleActivityTaskDecisionAttributes!;
        return this.add('ActivityTaskScheduled', {
          activityType: a.activityType!,
          activityId: a.activityId!,
          decisionTaskCompletedEventId: dtc,
          taskList: a.taskList ?? { name: 'activities' },
          ...(a.input !== undefined && { input: a.input }),
          ...(a.control !== undefined && { control: a.control }),
        });
      }
      case 'RequestCancelActivityTask':
        return this.add('ActivityTaskCancelRequested', { activityId: decision.requestCancelActivityTaskDecisionAttributes!.activityId!, decisionTaskCompletedEventId: dtc });
      case 'StartTimer': {
        const a = decision.startTimerDecisionAttributes!;
        return this.add('TimerStarted', { timerId: a.timerId!, startToFireTimeout: a.startToFireTimeout!, decisionTaskCompletedEventId: dtc });
      }
      case 'CancelTimer': {
        const timerId = decision.cancelTimerDecisionAttributes!.timerId!;
        return this.add('TimerCanceled', { timerId, startedEventId: this.timerStartedId(timerId), decisionTaskCompletedEventId: dtc });
      }
      case 'RecordMarker': {
        const a = decision.recordMarkerDecisionAttributes!;
        return this.add('MarkerRecorded', { markerName: a.markerName!, decisionTaskCompletedEventId: dtc, ...(a.details !== undefined && { details: a.details }) });
      }
      case 'StartChildWorkflowExecution': {
        const a = decision.startChildWorkflowExecutionDecisionAttributes!;
        return this.add('StartChildWorkflowExecutionInitiated', {
          workflowId: a.workflowId!,
          workflowType: a.workflowType!,
          taskList: a.taskList ?? { name: 'decisions' },
          childPolicy: a.childPolicy ?? 'TERMINATE',
          decisionTaskCompletedEventId: dtc,
          ...(a.input !== undefined && { input: a.input }),
        });
      }
      case 'SignalExternalWorkflowExecution': {
        const a = decision.signalExternalWorkflowExecutionDecisionAttributes!;
        return this.add('SignalExternalWorkflowExecutionInitiated', {
          workflowId: a.workflowId!,
          signalName: a.signalName!,
          decisionTaskCompletedEventId: dtc,
          ...(a.runId !== undefined && { runId: a.runId }),
          ...(a.input !== undefined && { input: a.input }),
        });
      }
      case 'RequestCancelExternalWorkflowExecution': {
        const a = decision.requestCancelExternalWorkflowExecutionDecisionAttributes!;
        return this.add('RequestCancelExternalWorkflowExecutionInitiated', {
          workflowId: a.workflowId!,
          decisionTaskCompletedEventId: dtc,
          ...(a.runId !== undefined && { runId: a.runId }),
        });
      }
      case 'ScheduleLambdaFunction': {
        const a = decision.scheduleLambdaFunctionDecisionAttributes!;
        return this.add('LambdaFunctionScheduled', { id: a.id!, name: a.name!, decisionTaskCompletedEventId: dtc, ...(a.input !== undefined && { input: a.input }) });
      }
      case 'CompleteWorkflowExecution': {
        const result = decision.completeWorkflowExecutionDecisionAttributes?.result;
        return this.add('WorkflowExecutionCompleted', { decisionTaskCompletedEventId: dtc, ...(result !== undefined && { result }) });
      }
      case 'FailWorkflowExecution': {
        const a = decision.failWorkflowExecutionDecisionAttributes ?? {};
        return this.add('WorkflowExecutionFailed', { decisionTaskCompletedEventId: dtc, ...a });
      }
      case 'CancelWorkflowExecution':
        return this.add('WorkflowExecutionCanceled', { decisionTaskCompletedEventId: dtc, ...decision.cancelWorkflowExecutionDecisionAttributes });
      case 'ContinueAsNewWorkflowExecution': {
        const a = decision.continueAsNewWorkflowExecutionDecisionAttributes!;
        return this.add('WorkflowExecutionContinuedAsNew', {
          decisionTaskCompletedEventId: dtc,
          newExecutionRunId: 'next-run',
          taskList: a.taskList ?? { name: 'decisions' },
          childPolicy: a.childPolicy ?? 'TERMINATE',
          workflowType: { name: 'Test', version: a.workflowTypeVersion ?? '1' },
          taskStartToCloseTimeout: a.taskStartToCloseTimeout ?? '30',
          ...(a.input !== undefined && { input: a.input }),
        });
      }
      default:
        throw new Error(`HistoryBuilder cannot record ${String(decision.decisionType)}`);
    }
  }

  /** Id of the latest event of `type` whose attributes satisfy `match`. */
  find<T extends EventType>(type: T, match: (attributes: EventAttributes<T>) => boolean = () => true): number {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const event = this.events[i]!;
      if (event.eventType !== type) continue;
      const attributes = (event as unknown as Record<string, unknown>)[eventAttributesKey(type)] as EventAttributes<T>;
      if (match(attributes)) return event.eventId!;
    }
    throw new Error(`No ${type} event matches in this history`);
  }

  activityScheduledId(activityId: string): number {
    return this.find('ActivityTaskScheduled', (a) => a.activityId === activityId);
  }

  timerStartedId(timerId: string): number {
    return this.find('TimerStarted', (a) => a.timerId === timerId);
  }

  childInitiatedId(workflowId: string): number {
    return this.find('StartChildWorkflowExecutionInitiated', (a) => a.workflowId === workflowId);
  }

  activityStarted(activityId: string): number {
    return this.add('ActivityTaskStarted', { scheduledEventId: this.activityScheduledId(activityId), identity: 'worker' });
  }

  /** ActivityTaskStarted + ActivityTaskCompleted. */
  completeActivity(activityId: string, result?: string): number {
    const scheduledEventId = this.activityScheduledId(activityId);
    const startedEventId = this.activityStarted(activityId);
    return this.add('ActivityTaskCompleted', { scheduledEventId, startedEventId, ...(result !== undefined && { result }) });
  }

  failActivity(activityId: string, reason: string, details?: string): number {
    const scheduledEventId = this.activityScheduledId(activityId);
    const startedEventId = this.activityStarted(activityId);
    return this.add('ActivityTaskFailed', { scheduledEventId, startedEventId, reason, ...(details !== undefined && { details }) });
  }

  fireTimer(timerId: string): number {
    return this.add('TimerFired', { timerId, startedEventId: this.timerStartedId(timerId) });
  }

  signal(signalName: string, input?: string): number {
    return this.add('WorkflowExecutionSignaled', { signalName, externalInitiatedEventId: 0, ...(input !== undefined && { input }) });
  }

  requestCancel(): number {
    return this.add('WorkflowExecutionCancelRequested', { externalInitiatedEventId: 0 });
  }
}

/** Records a decision differently (returns the event id), or leaves it to the default (returns undefined). */
export type DecisionRecorder = (decision: Decision, decisionTaskCompletedEventId: number, history: HistoryBuilder) => number | undefined;

/**
 * Drives a runtime through decision tasks the way a sticky worker does: each `decide()` starts a
 * task, feeds only the new events, and records the returned decisions in history.
 */
export class WorkflowDriver {
  readonly history = new HistoryBuilder();
  runtime: WorkflowRuntime;
  readonly options: WorkflowRuntimeOptions;
  /** Check every decision against a fresh full replay (quadratic: turn off for very long histories). */
  verifyReplay = true;
  #fed = 0;
  /** Decisions of each decided task, in order. */
  readonly decided: Decision[][] = [];
  lastExecutionContext: string | undefined;

  constructor(workflow: WorkflowClass, input?: unknown, options: Partial<WorkflowRuntimeOptions> = {}) {
    this.options = { workflow, execution: { workflowId: 'wf-1', runId: 'run-1' }, ...options };
    this.runtime = new WorkflowRuntime(this.options);
    this.history.started(input === undefined ? undefined : JSON.stringify(input));
  }

  /**
   * Starts a decision task, activates the runtime with the new events, checks that a fresh full
   * replay decides the same, and records the decisions (through `record` when it returns an event
   * id, e.g. to record a `*Failed` event instead of the success one).
   */
  async decide(record?: DecisionRecorder, whileDeciding?: (history: HistoryBuilder) => void): Promise<Decision[]> {
    const startedId = this.history.startDecisionTask();
    const activation = await this.runtime.activate(this.history.events.slice(this.#fed));
    this.#fed = this.history.events.length;
    if (this.verifyReplay) {
      const fresh = await this.replayFresh();
      if (JSON.stringify(fresh) !== JSON.stringify(activation.decisions)) {
        throw new Error(`Incremental and full replay differ:\n${JSON.stringify(activation.decisions)}\n${JSON.stringify(fresh)}`);
      }
    }
    // Events recorded while the decider worked land between DecisionTaskStarted and DecisionTaskCompleted.
    whileDeciding?.(this.history);
    this.lastExecutionContext = activation.executionContext;
    const completedId = this.history.add('DecisionTaskCompleted', {
      scheduledEventId: startedId - 1,
      startedEventId: startedId,
      ...(activation.executionContext !== undefined && { executionContext: activation.executionContext }),
    });
    for (const decision of activation.decisions) {
      if (record?.(decision, completedId, this.history) === undefined) this.history.recordDecision(decision, completedId);
    }
    this.decided.push(activation.decisions);
    return activation.decisions;
  }

  /** Drops the sticky runtime: the next decision replays the full history in a new one. */
  evict(): void {
    this.runtime = new WorkflowRuntime(this.options);
    this.#fed = 0;
  }

  /** Starts a decision task and activates, without recording the decisions (for failure cases). */
  async activateOnly(): Promise<Decision[]> {
    this.history.startDecisionTask();
    const activation = await this.runtime.activate(this.history.events.slice(this.#fed));
    this.#fed = this.history.events.length;
    return activation.decisions;
  }

  /** Replays the whole history with a fresh runtime, as a worker without a sticky cache would. */
  async replayFresh(events: readonly HistoryEvent[] = this.history.events): Promise<Decision[]> {
    const fresh = new WorkflowRuntime(this.options);
    return (await fresh.activate(events)).decisions;
  }
}

/** `{ type, attrs }` of each decision, compact for assertions. */
export function summarize(decisions: readonly Decision[]): Array<{ type: string; attrs: Record<string, unknown> }> {
  return decisions.map((decision) => {
    const type = decision.decisionType as string;
    const key = `${type.charAt(0).toLowerCase()}${type.slice(1)}DecisionAttributes`;
    return { type, attrs: ((decision as unknown as Record<string, unknown>)[key] ?? {}) as Record<string, unknown> };
  });
}

export function decisionTypes(decisions: readonly Decision[]): string[] {
  return decisions.map((decision) => decision.decisionType as string);
}
