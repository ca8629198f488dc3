/**
 * Typed access to the one attributes object an SWF history event carries. The key is derived from
 * the event type (`TimerFired` -> `timerFiredEventAttributes`), so each accessor is checked by tsc.
 */
import type { EventType, HistoryEvent } from '@aws-sdk/client-swf';
import { eventAttributesKey, type EventAttributesKey } from '../schemas/event-types.js';

/** The attributes type of one event type, e.g. `EventAttributes<'TimerFired'>` = `TimerFiredEventAttributes`. */
export type EventAttributes<T extends EventType> = NonNullable<HistoryEvent[EventAttributesKey<T> & keyof HistoryEvent]>;

/** A history event known to be of type `T`, with its id, timestamp and attributes present. */
export type HistoryEventOf<T extends EventType> = HistoryEvent & {
  eventType: T;
  eventId: number;
  eventTimestamp: Date;
} & { [K in EventAttributesKey<T>]: EventAttributes<T> };

export class HistoryEventError extends Error {
  override readonly name: string = 'HistoryEventError';
}

/** True when `event` is of type `type`; narrows it to `HistoryEventOf<T>`. */
export function isEventOf<T extends EventType>(event: HistoryEvent, type: T): event is HistoryEventOf<T> {
  return event.eventType === type;
}

/** The attributes of `event`, which must be of type `type`. Throws `HistoryEventError` otherwise. */
export function attributesOf<T extends EventType>(event: HistoryEvent, type: T): EventAttributes<T> {
  if (event.eventType !== type) {
    throw new HistoryEventError(`Event ${event.eventId} is ${event.eventType}, expected ${type}`);
  }
  const attributes = (event as unknown as Record<string, unknown>)[eventAttributesKey(type)];
  if (attributes === undefined || attributes === null) {
    throw new HistoryEventError(`Event ${event.eventId} (${type}) has no ${eventAttributesKey(type)}`);
  }
  return attributes as EventAttributes<T>;
}

/** The attributes object of any event, untyped: for generic walks over linking ids and payload fields. */
export function anyAttributesOf(event: HistoryEvent): Readonly<Record<string, unknown>> {
  if (event.eventType === undefined) return {};
  const attributes = (event as unknown as Record<string, unknown>)[eventAttributesKey(event.eventType)];
  return (attributes ?? {}) as Readonly<Record<string, unknown>>;
}

/** The positive event id of `event`. Throws `HistoryEventError` when it is missing. */
export function eventIdOf(event: HistoryEvent): number {
  const id = event.eventId;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) {
    throw new HistoryEventError(`History event has no valid eventId (got ${String(id)}): ids are integers from 1`);
  }
  return id;
}
