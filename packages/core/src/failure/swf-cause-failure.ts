/**
 * A decision SWF rejected, e.g. `ScheduleActivityTaskFailed` with cause ACTIVITY_ID_ALREADY_IN_USE.
 * `cause` is SWF's enum value, not an Error.
 */
import type { EventType } from '@aws-sdk/client-swf';
import { SwirlFailure } from './swirl-failure.js';

export interface SwfCauseFailureOptions {
  /** The `*Failed` event type, e.g. `StartTimerFailed`. */
  readonly eventType: EventType | `${EventType}`;
  /** SWF's cause, e.g. `TIMER_ID_ALREADY_IN_USE`. */
  readonly cause: string;
  /** The `*Failed` event's id. @default none */
  readonly eventId?: number | undefined;
  /** @default "SWF rejected the decision: <eventType> with cause <cause>" */
  readonly message?: string | undefined;
}

export class SwfCauseFailure extends SwirlFailure {
  readonly eventType: EventType | `${EventType}`;
  declare readonly cause: string;
  readonly eventId: number | undefined;

  constructor(options: SwfCauseFailureOptions) {
    super(options.message ?? `SWF rejected the decision: ${options.eventType} with cause ${options.cause}`);
    this.eventType = options.eventType;
    this.eventId = options.eventId;
    Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false, writable: false, configurable: true });
  }
}
