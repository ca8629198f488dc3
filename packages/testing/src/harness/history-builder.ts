/**
 * `HistoryBuilder`: writes SWF histories for unit tests the way SWF records them. Every event type
 * has a fluent method; event ids, timestamps and links (scheduled, started, initiated and
 * decision-task-completed ids) are filled in from what was recorded before, and values go through
 * the payload converter. `add()` writes any event with raw attributes.
 *
 * @example
 * ```ts
 * const events = new HistoryBuilder()
 *   .workflowStarted({ workflowType: OrderWorkflow, input: { id: 'o1' } })
 *   .decisionTask({ decisions: [decisions.startTimer({ timerId: 't1', startToFireTimeout: '60' })] })
 *   .timerFired('t1')
 *   .decisionTaskScheduled()
 *   .decisionTaskStarted()
 *   .build();
 * ```
 */
import type { Decision, EventType, HistoryEvent } from '@aws-sdk/client-swf';
import {
  encodeFailure,
  eventAttributesKey,
  History,
  jsonPayloadConverter,
  parseDuration,
  resolveWorkflowType,
  toOptionalSwfDuration,
  toSwfDuration,
  type DurationInput,
  type EventAttributes,
  type PayloadConverter,
  type WorkflowTypeOptions,
} from '@swirl/core';
import { recordDecisionEvent } from './decision-events.js';

/** 2024-01-01T00:00:00Z: histories are reproducible unless a test picks its own start. */
export const DEFAULT_HISTORY_START = Date.UTC(2024, 0, 1);

export interface HistoryBuilderOptions {
  /** Timestamp of the first event. @default DEFAULT_HISTORY_START */
  readonly startTime?: Date | number;
  /** Turns the values given to the fluent methods into payload strings. @default jsonPayloadConverter */
  readonly converter?: PayloadConverter;
  /** Identity recorded on started tasks. @default 'swirl-test' */
  readonly identity?: string;
}

/** A workflow type as `{ name, version }`, or a workflow class carrying its static `type`. */
export type WorkflowTypeRef = { readonly name: string; readonly version: string } | { readonly name: string; readonly type: WorkflowTypeOptions };

/** An error (serialized as a worker would) or the raw `reason` and `details` SWF records. */
export type FailureInput = Error | { readonly reason?: string; readonly details?: string };

type Cause<T extends EventType> = EventAttributes<T> extends { cause?: infer C } ? NonNullable<C> : never;

export interface WorkflowStartedOptions {
  /** @default { name: 'TestWorkflow', version: '1' } */
  readonly workflowType?: WorkflowTypeRef;
  /** The workflow input, through the converter. */
  readonly input?: unknown;
  /** @default the type's task list, or 'test-decisions' */
  readonly taskList?: string;
  /** @default the type's, or '3600' */
  readonly executionStartToCloseTimeout?: DurationInput;
  /** @default the type's, or '30' */
  readonly taskStartToCloseTimeout?: DurationInput;
  /** @default the type's, or 'TERMINATE' */
  readonly childPolicy?: EventAttributes<'WorkflowExecutionStarted'>['childPolicy'];
  readonly tagList?: string[];
  readonly continuedExecutionRunId?: string;
  readonly parentWorkflowExecution?: { readonly workflowId: string; readonly runId: string };
  readonly parentInitiatedEventId?: number;
  readonly lambdaRole?: string;
}

export interface ActivityScheduledOptions {
  readonly activityType: { readonly name: string; readonly version: string };
  readonly input?: unknown;
  /** @default 'test-activities' */
  readonly taskList?: string;
  readonly control?: string;
  readonly startToCloseTimeout?: DurationInput;
  readonly scheduleToStartTimeout?: DurationInput;
  readonly scheduleToCloseTimeout?: DurationInput;
  readonly heartbeatTimeout?: DurationInput;
}

export interface ChildInitiatedOptions {
  readonly workflowType: WorkflowTypeRef;
  readonly input?: unknown;
  /** @default 'test-decisions' */
  readonly taskList?: string;
  readonly control?: string;
  /** @default 'TERMINATE' */
  readonly childPolicy?: EventAttributes<'StartChildWorkflowExecutionInitiated'>['childPolicy'];
}

function typeOf(ref: WorkflowTypeRef): { name: string; version: string } {
  if ('type' in ref) {
    const resolved = resolveWorkflowType(ref);
    return { name: resolved.name, version: resolved.version };
  }
  return { name: ref.name, version: ref.version };
}

/** Copies `value` without undefined fields (the SDK shapes are optional-property objects). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

export class HistoryBuilder {
  readonly #events: HistoryEvent[] = [];
  readonly #converter: PayloadConverter;
  readonly #identity: string;
  #clockMs: number;

  constructor(options: HistoryBuilderOptions = {}) {
    const start = options.startTime ?? DEFAULT_HISTORY_START;
    this.#clockMs = start instanceof Date ? start.getTime() : start;
    this.#converter = options.converter ?? jsonPayloadConverter;
    this.#identity = options.identity ?? 'swirl-test';
  }

  /** The events so far, oldest first (a live view; `build()` copies). */
  get events(): readonly HistoryEvent[] {
    return this.#events;
  }

  /** Id of the last event, 0 when empty. */
  get lastEventId(): number {
    return this.#events.length;
  }

  /** The timestamp the next event gets. */
  get now(): Date {
    return new Date(this.#clockMs);
  }

  /** A copy of the events, oldest first. */
  build(): HistoryEvent[] {
    return this.#events.map((event) => structuredClone(event));
  }

  /** The events indexed and linked (throws `HistoryLinkError` when a link does not resolve). */
  toHistory(): History {
    return new History(this.build());
  }

  /** Moves the clock of the following events forward. */
  advance(duration: DurationInput): this {
    this.#clockMs += parseDuration(duration);
    return this;
  }

  /** Appends one event with raw attributes (payloads as stored strings); the id and timestamp are filled in. */
  add<T extends EventType>(type: T, attributes: EventAttributes<T>): this {
    this.#events.push({
      eventId: this.#events.length + 1,
      eventTimestamp: new Date(this.#clockMs),
      eventType: type,
      [eventAttributesKey(type)]: defined(attributes),
    } as HistoryEvent);
    return this;
  }

  /** Id of the latest event of `type` whose attributes satisfy `match`; throws when there is none. */
  find<T extends EventType>(type: T, match: (attributes: EventAttributes<T>) => boolean = () => true): number {
    for (let i = this.#events.length - 1; i >= 0; i--) {
      const event = this.#events[i]!;
      if (event.eventType !== type) continue;
      const attributes = (event as unknown as Record<string, EventAttributes<T>>)[eventAttributesKey(type)]!;
      if (match(attributes)) return event.eventId!;
    }
    throw new Error(`HistoryBuilder: no ${type} event matches; record it first`);
  }

  #attributes<T extends EventType>(eventId: number, type: T): EventAttributes<T> {
    return (this.#events[eventId - 1] as unknown as Record<string, EventAttributes<T>>)[eventAttributesKey(type)]!;
  }

  #payload(value: unknown): string | undefined {
    return value === undefined ? undefined : this.#converter.toPayload(value);
  }

  #failure(failure: FailureInput | undefined): { reason?: string | undefined; details?: string | undefined } {
    if (failure === undefined) return {};
    if (failure instanceof Error) return encodeFailure(failure);
    return defined({ reason: failure.reason, details: failure.details });
  }

  #lastCompletedId(what: string): number {
    for (let i = this.#events.length - 1; i >= 0; i--) if (this.#events[i]!.eventType === 'DecisionTaskCompleted') return i + 1;
    throw new Error(`HistoryBuilder: ${what} records a decision; call decisionTaskCompleted() (or decisionTask()) first`);
  }

  #has(type: EventType, match: (attributes: any) => boolean): boolean {
    try {
      this.find(type, match);
      return true;
    } catch {
      return false;
    }
  }

  // ---- workflow execution -------------------------------------------------------------------------

  workflowStarted(options: WorkflowStartedOptions = {}): this {
    const ref = options.workflowType ?? { name: 'TestWorkflow', version: '1' };
    const declared = 'type' in ref ? ref.type : undefined;
    return this.add('WorkflowExecutionStarted', {
      workflowType: typeOf(ref),
      taskList: { name: options.taskList ?? declared?.taskList ?? 'test-decisions' },
      childPolicy: options.childPolicy ?? declared?.childPolicy ?? 'TERMINATE',
      executionStartToCloseTimeout: toOptionalSwfDuration(options.executionStartToCloseTimeout ?? declared?.executionStartToCloseTimeout ?? '1h'),
      taskStartToCloseTimeout: toOptionalSwfDuration(options.taskStartToCloseTimeout ?? declared?.taskStartToCloseTimeout ?? '30s'),
      input: this.#payload(options.input),
      tagList: options.tagList,
      continuedExecutionRunId: options.continuedExecutionRunId,
      parentWorkflowExecution: options.parentWorkflowExecution,
      parentInitiatedEventId: options.parentInitiatedEventId ?? 0,
      lambdaRole: options.lambdaRole,
    });
  }

  /** WorkflowExecutionSignaled; `external` names the execution whose decision sent it. */
  signal(signalName: string, input?: unknown, external?: { readonly workflowId: string; readonly runId: string; readonly initiatedEventId: number }): this {
    return this.add('WorkflowExecutionSignaled', {
      signalName,
      input: this.#payload(input),
      externalWorkflowExecution: external && { workflowId: external.workflowId, runId: external.runId },
      externalInitiatedEventId: external?.initiatedEventId ?? 0,
    });
  }

  /** WorkflowExecutionCancelRequested. */
  cancelRequested(options: { readonly cause?: Cause<'WorkflowExecutionCancelRequested'> } = {}): this {
    return this.add('WorkflowExecutionCancelRequested', { externalInitiatedEventId: 0, cause: options.cause });
  }

  workflowExecutionCompleted(result?: unknown): this {
    return this.add('WorkflowExecutionCompleted', { result: this.#payload(result), decisionTaskCompletedEventId: this.#lastCompletedId('workflowExecutionCompleted') });
  }

  completeWorkflowExecutionFailed(cause: Cause<'CompleteWorkflowExecutionFailed'>): this {
    return this.add('CompleteWorkflowExecutionFailed', { cause, decisionTaskCompletedEventId: this.#lastCompletedId('completeWorkflowExecutionFailed') });
  }

  workflowExecutionFailed(failure?: FailureInput): this {
    return this.add('WorkflowExecutionFailed', { ...this.#failure(failure), decisionTaskCompletedEventId: this.#lastCompletedId('workflowExecutionFailed') });
  }

  failWorkflowExecutionFailed(cause: Cause<'FailWorkflowExecutionFailed'>): this {
    return this.add('FailWorkflowExecutionFailed', { cause, decisionTaskCompletedEventId: this.#lastCompletedId('failWorkflowExecutionFailed') });
  }

  workflowExecutionCanceled(details?: unknown): this {
    return this.add('WorkflowExecutionCanceled', { details: this.#payload(details), decisionTaskCompletedEventId: this.#lastCompletedId('workflowExecutionCanceled') });
  }

  cancelWorkflowExecutionFailed(cause: Cause<'CancelWorkflowExecutionFailed'>): this {
    return this.add('CancelWorkflowExecutionFailed', { cause, decisionTaskCompletedEventId: this.#lastCompletedId('cancelWorkflowExecutionFailed') });
  }

  workflowExecutionContinuedAsNew(options: { readonly input?: unknown; readonly newExecutionRunId?: string; readonly workflowType?: WorkflowTypeRef } = {}): this {
    const started = this.#attributes(1, 'WorkflowExecutionStarted');
    return this.add('WorkflowExecutionContinuedAsNew', {
      input: this.#payload(options.input),
      decisionTaskCompletedEventId: this.#lastCompletedId('workflowExecutionContinuedAsNew'),
      newExecutionRunId: options.newExecutionRunId ?? 'continued-run',
      taskList: started.taskList,
      childPolicy: started.childPolicy,
      taskStartToCloseTimeout: started.taskStartToCloseTimeout,
      executionStartToCloseTimeout: started.executionStartToCloseTimeout,
      workflowType: options.workflowType ? typeOf(options.workflowType) : started.workflowType,
    });
  }

  continueAsNewWorkflowExecutionFailed(cause: Cause<'ContinueAsNewWorkflowExecutionFailed'>): this {
    return this.add('ContinueAsNewWorkflowExecutionFailed', { cause, decisionTaskCompletedEventId: this.#lastCompletedId('continueAsNewWorkflowExecutionFailed') });
  }

  workflowExecutionTerminated(options: { readonly reason?: string; readonly details?: string; readonly cause?: Cause<'WorkflowExecutionTerminated'> } = {}): this {
    const started = this.#attributes(1, 'WorkflowExecutionStarted');
    return this.add('WorkflowExecutionTerminated', { ...options, childPolicy: started.childPolicy });
  }

  workflowExecutionTimedOut(): this {
    const started = this.#attributes(1, 'WorkflowExecutionStarted');
    return this.add('WorkflowExecutionTimedOut', { timeoutType: 'START_TO_CLOSE', childPolicy: started.childPolicy });
  }

  // ---- decision tasks -----------------------------------------------------------------------------

  decisionTaskScheduled(): this {
    const started = this.#attributes(1, 'WorkflowExecutionStarted');
    return this.add('DecisionTaskScheduled', { taskList: started.taskList, startToCloseTimeout: started.taskStartToCloseTimeout });
  }

  /** DecisionTaskStarted of the latest DecisionTaskScheduled. */
  decisionTaskStarted(): this {
    return this.add('DecisionTaskStarted', { scheduledEventId: this.find('DecisionTaskScheduled'), identity: this.#identity });
  }

  /**
   * DecisionTaskCompleted of the latest started decision task, then one event per decision exactly as
   * SWF records an accepted decision (ActivityTaskScheduled, TimerStarted, ...).
   */
  decisionTaskCompleted(options: { readonly decisions?: readonly Decision[]; readonly executionContext?: string } = {}): this {
    const startedEventId = this.find('DecisionTaskStarted');
    this.add('DecisionTaskCompleted', {
      scheduledEventId: this.#attributes(startedEventId, 'DecisionTaskStarted').scheduledEventId,
      startedEventId,
      executionContext: options.executionContext,
    });
    for (const decision of options.decisions ?? []) recordDecisionEvent(this, decision, this.lastEventId);
    return this;
  }

  /** A whole decision task: scheduled, started and completed with `decisions`. */
  decisionTask(options: { readonly decisions?: readonly Decision[]; readonly executionContext?: string } = {}): this {
    return this.decisionTaskScheduled().decisionTaskStarted().decisionTaskCompleted(options);
  }

  decisionTaskTimedOut(): this {
    const startedEventId = this.find('DecisionTaskStarted');
    return this.add('DecisionTaskTimedOut', {
      scheduledEventId: this.#attributes(startedEventId, 'DecisionTaskStarted').scheduledEventId,
      startedEventId,
      timeoutType: 'START_TO_CLOSE',
    });
  }

  // ---- activities ---------------------------------------------------------------------------------

  #scheduledActivityId(activityId: string): number {
    return this.find('ActivityTaskScheduled', (attributes) => attributes.activityId === activityId);
  }

  #startedActivityId(activityId: string): number {
    const scheduledEventId = this.#scheduledActivityId(activityId);
    if (!this.#has('ActivityTaskStarted', (attributes) => attributes.scheduledEventId === scheduledEventId)) this.activityTaskStarted(activityId);
    return this.find('ActivityTaskStarted', (attributes) => attributes.scheduledEventId === scheduledEventId);
  }

  activityTaskScheduled(activityId: string, options: ActivityScheduledOptions): this {
    return this.add('ActivityTaskScheduled', {
      activityId,
      activityType: { name: options.activityType.name, version: options.activityType.version },
      input: this.#payload(options.input),
      control: options.control,
      taskList: { name: options.taskList ?? 'test-activities' },
      startToCloseTimeout: toOptionalSwfDuration(options.startToCloseTimeout),
      scheduleToStartTimeout: toOptionalSwfDuration(options.scheduleToStartTimeout),
      scheduleToCloseTimeout: toOptionalSwfDuration(options.scheduleToCloseTimeout),
      heartbeatTimeout: toOptionalSwfDuration(options.heartbeatTimeout),
      decisionTaskCompletedEventId: this.#lastCompletedId('activityTaskScheduled'),
    });
  }

  scheduleActivityTaskFailed(activityId: string, activityType: { readonly name: string; readonly version: string }, cause: Cause<'ScheduleActivityTaskFailed'>): this {
    return this.add('ScheduleActivityTaskFailed', {
      activityId,
      activityType: { name: activityType.name, version: activityType.version },
      cause,
      decisionTaskCompletedEventId: this.#lastCompletedId('scheduleActivityTaskFailed'),
    });
  }

  activityTaskStarted(activityId: string): this {
    return this.add('ActivityTaskStarted', { scheduledEventId: this.#scheduledActivityId(activityId), identity: this.#identity });
  }

  /** ActivityTaskCompleted (recording ActivityTaskStarted first when the activity has not started). */
  activityTaskCompleted(activityId: string, result?: unknown): this {
    const startedEventId = this.#startedActivityId(activityId);
    return this.add('ActivityTaskCompleted', { scheduledEventId: this.#scheduledActivityId(activityId), startedEventId, result: this.#payload(result) });
  }

  /** ActivityTaskFailed (recording ActivityTaskStarted first when needed); an Error is serialized as a worker would. */
  activityTaskFailed(activityId: string, failure?: FailureInput): this {
    const startedEventId = this.#startedActivityId(activityId);
    return this.add('ActivityTaskFailed', { scheduledEventId: this.#scheduledActivityId(activityId), startedEventId, ...this.#failure(failure) });
  }

  /** ActivityTaskTimedOut; a SCHEDULE_TO_START timeout links no started event. */
  activityTaskTimedOut(activityId: string, timeoutType: EventAttributes<'ActivityTaskTimedOut'>['timeoutType'], details?: unknown): this {
    const startedEventId = timeoutType === 'SCHEDULE_TO_START' ? 0 : this.#startedActivityId(activityId);
    return this.add('ActivityTaskTimedOut', { scheduledEventId: this.#scheduledActivityId(activityId), startedEventId, timeoutType, details: this.#payload(details) });
  }

  activityTaskCancelRequested(activityId: string): this {
    return this.add('ActivityTaskCancelRequested', { activityId, decisionTaskCompletedEventId: this.#lastCompletedId('activityTaskCancelRequested') });
  }

  requestCancelActivityTaskFailed(activityId: string, cause: Cause<'RequestCancelActivityTaskFailed'>): this {
    return this.add('RequestCancelActivityTaskFailed', { activityId, cause, decisionTaskCompletedEventId: this.#lastCompletedId('requestCancelActivityTaskFailed') });
  }

  activityTaskCanceled(activityId: string, details?: unknown): this {
    const scheduledEventId = this.#scheduledActivityId(activityId);
    const started = this.#has('ActivityTaskStarted', (attributes) => attributes.scheduledEventId === scheduledEventId);
    const cancelRequested = this.#has('ActivityTaskCancelRequested', (attributes) => attributes.activityId === activityId);
    return this.add('ActivityTaskCanceled', {
      scheduledEventId,
      startedEventId: started ? this.#startedActivityId(activityId) : 0,
      latestCancelRequestedEventId: cancelRequested ? this.find('ActivityTaskCancelRequested', (attributes) => attributes.activityId === activityId) : 0,
      details: this.#payload(details),
    });
  }

  // ---- markers ------------------------------------------------------------------------------------

  markerRecorded(markerName: string, details?: unknown): this {
    return this.add('MarkerRecorded', { markerName, details: this.#payload(details), decisionTaskCompletedEventId: this.#lastCompletedId('markerRecorded') });
  }

  recordMarkerFailed(markerName: string, cause: Cause<'RecordMarkerFailed'>): this {
    return this.add('RecordMarkerFailed', { markerName, cause, decisionTaskCompletedEventId: this.#lastCompletedId('recordMarkerFailed') });
  }

  // ---- timers -------------------------------------------------------------------------------------

  #timerStartedId(timerId: string): number {
    return this.find('TimerStarted', (attributes) => attributes.timerId === timerId);
  }

  timerStarted(timerId: string, startToFireTimeout: DurationInput, control?: string): this {
    return this.add('TimerStarted', {
      timerId,
      startToFireTimeout: toSwfDuration(startToFireTimeout),
      control,
      decisionTaskCompletedEventId: this.#lastCompletedId('timerStarted'),
    });
  }

  startTimerFailed(timerId: string, cause: Cause<'StartTimerFailed'>): this {
    return this.add('StartTimerFailed', { timerId, cause, decisionTaskCompletedEventId: this.#lastCompletedId('startTimerFailed') });
  }

  /** TimerFired; the clock first moves to the timer's due time when that is later. */
  timerFired(timerId: string): this {
    const startedEventId = this.#timerStartedId(timerId);
    const started = this.#events[startedEventId - 1]!;
    const dueAt = started.eventTimestamp!.getTime() + Number(this.#attributes(startedEventId, 'TimerStarted').startToFireTimeout) * 1_000;
    this.#clockMs = Math.max(this.#clockMs, dueAt);
    return this.add('TimerFired', { timerId, startedEventId });
  }

  timerCanceled(timerId: string): this {
    return this.add('TimerCanceled', { timerId, startedEventId: this.#timerStartedId(timerId), decisionTaskCompletedEventId: this.#lastCompletedId('timerCanceled') });
  }

  cancelTimerFailed(timerId: string, cause: Cause<'CancelTimerFailed'>): this {
    return this.add('CancelTimerFailed', { timerId, cause, decisionTaskCompletedEventId: this.#lastCompletedId('cancelTimerFailed') });
  }

  // ---- child workflows ----------------------------------------------------------------------------

  #childInitiatedId(workflowId: string): number {
    return this.find('StartChildWorkflowExecutionInitiated', (attributes) => attributes.workflowId === workflowId);
  }

  #child(workflowId: string): { initiatedEventId: number; workflowType: { name: string; version: string }; workflowExecution: { workflowId: string; runId: string } } {
    const initiatedEventId = this.#childInitiatedId(workflowId);
    const started = this.find('ChildWorkflowExecutionStarted', (attributes) => attributes.initiatedEventId === initiatedEventId);
    const attributes = this.#attributes(started, 'ChildWorkflowExecutionStarted');
    return {
      initiatedEventId,
      workflowType: attributes.workflowType as { name: string; version: string },
      workflowExecution: attributes.workflowExecution as { workflowId: string; runId: string },
    };
  }

  startChildWorkflowExecutionInitiated(workflowId: string, options: ChildInitiatedOptions): this {
    return this.add('StartChildWorkflowExecutionInitiated', {
      workflowId,
      workflowType: typeOf(options.workflowType),
      input: this.#payload(options.input),
      control: options.control,
      taskList: { name: options.taskList ?? 'test-decisions' },
      childPolicy: options.childPolicy ?? 'TERMINATE',
      decisionTaskCompletedEventId: this.#lastCompletedId('startChildWorkflowExecutionInitiated'),
    });
  }

  /** StartChildWorkflowExecutionFailed: the child could not start (after its initiated event, or rejecting the decision). */
  startChildWorkflowExecutionFailed(workflowId: string, cause: Cause<'StartChildWorkflowExecutionFailed'>): this {
    const initiated = this.#has('StartChildWorkflowExecutionInitiated', (attributes) => attributes.workflowId === workflowId);
    const initiatedEventId = initiated ? this.#childInitiatedId(workflowId) : 0;
    return this.add('StartChildWorkflowExecutionFailed', {
      workflowId,
      workflowType: initiated ? this.#attributes(initiatedEventId, 'StartChildWorkflowExecutionInitiated').workflowType : { name: 'unknown', version: 'unknown' },
      cause,
      initiatedEventId,
      decisionTaskCompletedEventId: initiated
        ? this.#attributes(initiatedEventId, 'StartChildWorkflowExecutionInitiated').decisionTaskCompletedEventId
        : this.#lastCompletedId('startChildWorkflowExecutionFailed'),
    });
  }

  childWorkflowExecutionStarted(workflowId: string, runId = `${workflowId}-run`): this {
    const initiatedEventId = this.#childInitiatedId(workflowId);
    return this.add('ChildWorkflowExecutionStarted', {
      workflowExecution: { workflowId, runId },
      workflowType: this.#attributes(initiatedEventId, 'StartChildWorkflowExecutionInitiated').workflowType,
      initiatedEventId,
    });
  }

  #childClosed(workflowId: string) {
    const child = this.#child(workflowId);
    return {
      ...child,
      startedEventId: this.find('ChildWorkflowExecutionStarted', (attributes) => attributes.initiatedEventId === child.initiatedEventId),
    };
  }

  childWorkflowExecutionCompleted(workflowId: string, result?: unknown): this {
    return this.add('ChildWorkflowExecutionCompleted', { ...this.#childClosed(workflowId), result: this.#payload(result) });
  }

  childWorkflowExecutionFailed(workflowId: string, failure?: FailureInput): this {
    return this.add('ChildWorkflowExecutionFailed', { ...this.#childClosed(workflowId), ...this.#failure(failure) });
  }

  childWorkflowExecutionTimedOut(workflowId: string): this {
    return this.add('ChildWorkflowExecutionTimedOut', { ...this.#childClosed(workflowId), timeoutType: 'START_TO_CLOSE' });
  }

  childWorkflowExecutionCanceled(workflowId: string, details?: unknown): this {
    return this.add('ChildWorkflowExecutionCanceled', { ...this.#childClosed(workflowId), details: this.#payload(details) });
  }

  childWorkflowExecutionTerminated(workflowId: string): this {
    return this.add('ChildWorkflowExecutionTerminated', this.#childClosed(workflowId));
  }

  // ---- other executions ---------------------------------------------------------------------------

  signalExternalWorkflowExecutionInitiated(workflowId: string, signalName: string, options: { readonly runId?: string; readonly input?: unknown; readonly control?: string } = {}): this {
    return this.add('SignalExternalWorkflowExecutionInitiated', {
      workflowId,
      signalName,
      runId: options.runId,
      input: this.#payload(options.input),
      control: options.control,
      decisionTaskCompletedEventId: this.#lastCompletedId('signalExternalWorkflowExecutionInitiated'),
    });
  }

  signalExternalWorkflowExecutionFailed(workflowId: string, cause: Cause<'SignalExternalWorkflowExecutionFailed'>): this {
    const initiatedEventId = this.find('SignalExternalWorkflowExecutionInitiated', (attributes) => attributes.workflowId === workflowId);
    const initiated = this.#attributes(initiatedEventId, 'SignalExternalWorkflowExecutionInitiated');
    return this.add('SignalExternalWorkflowExecutionFailed', {
      workflowId,
      runId: initiated.runId,
      cause,
      initiatedEventId,
      decisionTaskCompletedEventId: initiated.decisionTaskCompletedEventId,
    });
  }

  externalWorkflowExecutionSignaled(workflowId: string, runId = `${workflowId}-run`): this {
    const initiatedEventId = this.find('SignalExternalWorkflowExecutionInitiated', (attributes) => attributes.workflowId === workflowId);
    return this.add('ExternalWorkflowExecutionSignaled', { workflowExecution: { workflowId, runId }, initiatedEventId });
  }

  requestCancelExternalWorkflowExecutionInitiated(workflowId: string, options: { readonly runId?: string; readonly control?: string } = {}): this {
    return this.add('RequestCancelExternalWorkflowExecutionInitiated', {
      workflowId,
      runId: options.runId,
      control: options.control,
      decisionTaskCompletedEventId: this.#lastCompletedId('requestCancelExternalWorkflowExecutionInitiated'),
    });
  }

  requestCancelExternalWorkflowExecutionFailed(workflowId: string, cause: Cause<'RequestCancelExternalWorkflowExecutionFailed'>): this {
    const initiatedEventId = this.find('RequestCancelExternalWorkflowExecutionInitiated', (attributes) => attributes.workflowId === workflowId);
    const initiated = this.#attributes(initiatedEventId, 'RequestCancelExternalWorkflowExecutionInitiated');
    return this.add('RequestCancelExternalWorkflowExecutionFailed', {
      workflowId,
      runId: initiated.runId,
      cause,
      initiatedEventId,
      decisionTaskCompletedEventId: initiated.decisionTaskCompletedEventId,
    });
  }

  externalWorkflowExecutionCancelRequested(workflowId: string, runId = `${workflowId}-run`): this {
    const initiatedEventId = this.find('RequestCancelExternalWorkflowExecutionInitiated', (attributes) => attributes.workflowId === workflowId);
    return this.add('ExternalWorkflowExecutionCancelRequested', { workflowExecution: { workflowId, runId }, initiatedEventId });
  }

  // ---- lambda functions ---------------------------------------------------------------------------

  #lambdaScheduledId(id: string): number {
    return this.find('LambdaFunctionScheduled', (attributes) => attributes.id === id);
  }

  #lambdaStartedId(id: string): number {
    const scheduledEventId = this.#lambdaScheduledId(id);
    if (!this.#has('LambdaFunctionStarted', (attributes) => attributes.scheduledEventId === scheduledEventId)) this.lambdaFunctionStarted(id);
    return this.find('LambdaFunctionStarted', (attributes) => attributes.scheduledEventId === scheduledEventId);
  }

  lambdaFunctionScheduled(id: string, name: string, options: { readonly input?: unknown; readonly control?: string; readonly startToCloseTimeout?: DurationInput } = {}): this {
    return this.add('LambdaFunctionScheduled', {
      id,
      name,
      input: this.#payload(options.input),
      control: options.control,
      startToCloseTimeout: toOptionalSwfDuration(options.startToCloseTimeout),
      decisionTaskCompletedEventId: this.#lastCompletedId('lambdaFunctionScheduled'),
    });
  }

  scheduleLambdaFunctionFailed(id: string, name: string, cause: Cause<'ScheduleLambdaFunctionFailed'>): this {
    return this.add('ScheduleLambdaFunctionFailed', { id, name, cause, decisionTaskCompletedEventId: this.#lastCompletedId('scheduleLambdaFunctionFailed') });
  }

  lambdaFunctionStarted(id: string): this {
    return this.add('LambdaFunctionStarted', { scheduledEventId: this.#lambdaScheduledId(id) });
  }

  startLambdaFunctionFailed(id: string, cause: Cause<'StartLambdaFunctionFailed'>, message?: string): this {
    return this.add('StartLambdaFunctionFailed', { scheduledEventId: this.#lambdaScheduledId(id), cause, message });
  }

  lambdaFunctionCompleted(id: string, result?: unknown): this {
    const startedEventId = this.#lambdaStartedId(id);
    return this.add('LambdaFunctionCompleted', { scheduledEventId: this.#lambdaScheduledId(id), startedEventId, result: this.#payload(result) });
  }

  lambdaFunctionFailed(id: string, failure?: FailureInput): this {
    const startedEventId = this.#lambdaStartedId(id);
    return this.add('LambdaFunctionFailed', { scheduledEventId: this.#lambdaScheduledId(id), startedEventId, ...this.#failure(failure) });
  }

  lambdaFunctionTimedOut(id: string): this {
    const startedEventId = this.#lambdaStartedId(id);
    return this.add('LambdaFunctionTimedOut', { scheduledEventId: this.#lambdaScheduledId(id), startedEventId, timeoutType: 'START_TO_CLOSE' });
  }
}
