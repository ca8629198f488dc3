/**
 * `HistoryRecorder`: the event log under `HistoryBuilder` (the events, their clock, and the lookups
 * every event family uses to fill in ids and links). It is a module of its own so that the family
 * files and `decision-events.ts` all import it and it imports none of them: imports run one way.
 */
import type { EventType, HistoryEvent } from '@aws-sdk/client-swf';
import {
  encodeFailure,
  eventAttributesKey,
  History,
  jsonPayloadConverter,
  parseDuration,
  resolveWorkflowType,
  type DurationInput,
  type EventAttributes,
  type PayloadConverter,
  type WorkflowTypeOptions,
} from '@swirl/core';

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

/** The `cause` values SWF records on an event of type `T`. */
export type Cause<T extends EventType> = EventAttributes<T> extends { cause?: infer C } ? NonNullable<C> : never;

export function typeOf(ref: WorkflowTypeRef): { name: string; version: string } {
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

export class HistoryRecorder {
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

  // The helpers below are protected: the event families use them, a test calling the builder does not.

  /** Identity recorded on started tasks. */
  protected get identity(): string {
    return this.#identity;
  }

  /** Moves the clock to `ms` unless it is already later (a timer fires at its due time at the earliest). */
  protected advanceClockTo(ms: number): void {
    this.#clockMs = Math.max(this.#clockMs, ms);
  }

  protected attributesOf<T extends EventType>(eventId: number, type: T): EventAttributes<T> {
    return (this.#events[eventId - 1] as unknown as Record<string, EventAttributes<T>>)[eventAttributesKey(type)]!;
  }

  protected payload(value: unknown): string | undefined {
    return value === undefined ? undefined : this.#converter.toPayload(value);
  }

  protected failure(failure: FailureInput | undefined): { reason?: string | undefined; details?: string | undefined } {
    if (failure === undefined) return {};
    if (failure instanceof Error) return encodeFailure(failure);
    return defined({ reason: failure.reason, details: failure.details });
  }

  /** Id of the latest DecisionTaskCompleted, which an event recording a decision links to. */
  protected lastCompletedId(what: string): number {
    for (let i = this.#events.length - 1; i >= 0; i--) if (this.#events[i]!.eventType === 'DecisionTaskCompleted') return i + 1;
    throw new Error(`HistoryBuilder: ${what} records a decision; call decisionTaskCompleted() (or decisionTask()) first`);
  }

  protected has(type: EventType, match: (attributes: any) => boolean): boolean {
    try {
      this.find(type, match);
      return true;
    } catch {
      return false;
    }
  }
}
