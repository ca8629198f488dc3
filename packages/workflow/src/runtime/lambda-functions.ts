/** AWS Lambda tasks run by SWF, and their 7 events. */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { SwfCauseFailure, TimeoutFailure, toOptionalSwfDuration, type EventAttributes, type TimeoutType } from '@swirl/core';
import { buildDecision } from '../decisions.js';
import type { LambdaOptions } from '../options.js';
import type { ExecutionKernel } from './execution-kernel.js';
import { LambdaOperation } from './operations.js';
import { decodeRecordedFailure, stabilizeStack } from './stable-stack.js';

export class LambdaFunctions {
  readonly #kernel: ExecutionKernel;

  constructor(kernel: ExecutionKernel) {
    this.#kernel = kernel;
  }

  schedule(name: string, input: unknown, options: LambdaOptions): Promise<unknown> {
    const kernel = this.#kernel;
    kernel.touch();
    const operation = new LambdaOperation({
      id: options.id ?? `l${kernel.nextId('lambda')}`,
      name,
      input: kernel.converter.toPayload(input),
      control: options.control,
      startToCloseTimeout: toOptionalSwfDuration(options.startToCloseTimeout),
    });
    kernel.push(buildDecision('ScheduleLambdaFunction', operation.attributes), operation);
    return operation.result.promise;
  }

  #of(eventId: number | undefined, event: HistoryEvent): LambdaOperation {
    return this.#kernel.owner<LambdaOperation>(eventId, 'lambda', event);
  }

  scheduled(event: HistoryEvent): boolean {
    this.#of(event.eventId, event).scheduledEventId = event.eventId as number;
    return false;
  }

  scheduleFailed(event: HistoryEvent, attributes: EventAttributes<'ScheduleLambdaFunctionFailed'>): boolean {
    const failure = new SwfCauseFailure({ eventType: 'ScheduleLambdaFunctionFailed', cause: String(attributes.cause), eventId: event.eventId });
    this.#of(event.eventId, event).result.reject(stabilizeStack(failure));
    return true;
  }

  started(event: HistoryEvent, attributes: EventAttributes<'LambdaFunctionStarted'>): boolean {
    this.#of(attributes.scheduledEventId, event);
    return false;
  }

  startFailed(event: HistoryEvent, attributes: EventAttributes<'StartLambdaFunctionFailed'>): boolean {
    const operation = this.#of(attributes.scheduledEventId, event);
    const cause = String(attributes.cause);
    const failure = new SwfCauseFailure({
      eventType: 'StartLambdaFunctionFailed',
      cause,
      eventId: event.eventId,
      ...(attributes.message !== undefined && { message: `Lambda ${operation.attributes.name} could not start (${cause}): ${attributes.message}` }),
    });
    operation.result.reject(stabilizeStack(failure));
    return true;
  }

  completed(event: HistoryEvent, attributes: EventAttributes<'LambdaFunctionCompleted'>): boolean {
    this.#of(attributes.scheduledEventId, event).result.resolve(this.#kernel.converter.fromPayload(attributes.result));
    return true;
  }

  failed(event: HistoryEvent, attributes: EventAttributes<'LambdaFunctionFailed'>): boolean {
    this.#of(attributes.scheduledEventId, event).result.reject(decodeRecordedFailure(attributes.reason, attributes.details));
    return true;
  }

  timedOut(event: HistoryEvent, attributes: EventAttributes<'LambdaFunctionTimedOut'>): boolean {
    const operation = this.#of(attributes.scheduledEventId, event);
    const timeoutType = attributes.timeoutType as TimeoutType;
    operation.result.reject(stabilizeStack(new TimeoutFailure(`Lambda ${operation.attributes.name} timed out (${timeoutType})`, timeoutType)));
    return true;
  }
}
