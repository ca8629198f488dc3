/**
 * Lambda functions, scheduled to closed. A close of a function that has not started records its
 * LambdaFunctionStarted first, as SWF would have.
 */
import { toOptionalSwfDuration, type DurationInput } from '@swirl/core';
import { ExternalWorkflowEvents } from './external-events.js';
import type { Cause, FailureInput } from './history-recorder.js';

export class LambdaFunctionEvents extends ExternalWorkflowEvents {
  #lambdaScheduledId(id: string): number {
    return this.find('LambdaFunctionScheduled', (attributes) => attributes.id === id);
  }

  #lambdaStartedId(id: string): number {
    const scheduledEventId = this.#lambdaScheduledId(id);
    if (!this.has('LambdaFunctionStarted', (attributes) => attributes.scheduledEventId === scheduledEventId)) this.lambdaFunctionStarted(id);
    return this.find('LambdaFunctionStarted', (attributes) => attributes.scheduledEventId === scheduledEventId);
  }

  lambdaFunctionScheduled(id: string, name: string, options: { readonly input?: unknown; readonly control?: string; readonly startToCloseTimeout?: DurationInput } = {}): this {
    return this.add('LambdaFunctionScheduled', {
      id,
      name,
      input: this.payload(options.input),
      control: options.control,
      startToCloseTimeout: toOptionalSwfDuration(options.startToCloseTimeout),
      decisionTaskCompletedEventId: this.lastCompletedId('lambdaFunctionScheduled'),
    });
  }

  scheduleLambdaFunctionFailed(id: string, name: string, cause: Cause<'ScheduleLambdaFunctionFailed'>): this {
    return this.add('ScheduleLambdaFunctionFailed', { id, name, cause, decisionTaskCompletedEventId: this.lastCompletedId('scheduleLambdaFunctionFailed') });
  }

  lambdaFunctionStarted(id: string): this {
    return this.add('LambdaFunctionStarted', { scheduledEventId: this.#lambdaScheduledId(id) });
  }

  startLambdaFunctionFailed(id: string, cause: Cause<'StartLambdaFunctionFailed'>, message?: string): this {
    return this.add('StartLambdaFunctionFailed', { scheduledEventId: this.#lambdaScheduledId(id), cause, message });
  }

  lambdaFunctionCompleted(id: string, result?: unknown): this {
    const startedEventId = this.#lambdaStartedId(id);
    return this.add('LambdaFunctionCompleted', { scheduledEventId: this.#lambdaScheduledId(id), startedEventId, result: this.payload(result) });
  }

  lambdaFunctionFailed(id: string, failure?: FailureInput): this {
    const startedEventId = this.#lambdaStartedId(id);
    return this.add('LambdaFunctionFailed', { scheduledEventId: this.#lambdaScheduledId(id), startedEventId, ...this.failure(failure) });
  }

  lambdaFunctionTimedOut(id: string): this {
    const startedEventId = this.#lambdaStartedId(id);
    return this.add('LambdaFunctionTimedOut', { scheduledEventId: this.#lambdaScheduledId(id), startedEventId, timeoutType: 'START_TO_CLOSE' });
  }
}
