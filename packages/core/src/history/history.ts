/**
 * `History`: a workflow execution's events indexed by id and linked. Every scheduled, started,
 * initiated and decision-task-completed id resolves to the event it names, checked on load, so
 * deciders and tools follow links instead of scanning.
 */
import type { EventType, HistoryEvent } from '@aws-sdk/client-swf';
import { anyAttributesOf, attributesOf, eventIdOf, HistoryEventError, type EventAttributes } from './event-attributes.js';
import { linkRulesOf, type LinkField } from './event-links.js';
import { normalizeHistoryEvents } from './normalize.js';
import { recordedDecisionCompletedId, toDecisionBatches, type DecisionBatch } from './decision-batches.js';

export class HistoryLinkError extends HistoryEventError {
  override readonly name = 'HistoryLinkError';
  constructor(
    readonly eventId: number,
    readonly field: LinkField,
    readonly targetId: number,
    problem: string,
  ) {
    super(`Event ${eventId}: ${field} ${targetId} ${problem}`);
  }
}

/** The events one event links to, by field; a field is absent when its id is 0 or missing. */
export type EventLinks = Partial<Record<LinkField, HistoryEvent>>;

/** What a check-only pass returns: never written to. */
const NO_LINKS: EventLinks = Object.freeze({});

export class History {
  readonly events: readonly HistoryEvent[];
  /** Id of `events[0]`; when the ids have no gaps, `events[id - firstId]` is the event with `id`. */
  readonly #firstId: number;
  /** Index by id, only for a history whose ids have gaps. */
  readonly #byId: Map<number, HistoryEvent> | undefined;
  #links: Map<number, EventLinks> | undefined;
  readonly #decisionsByCompletedId = new Map<number, HistoryEvent[]>();
  #byType: Map<string, HistoryEvent[]> | undefined;
  #batches: DecisionBatch[] | undefined;

  /**
   * Indexes `events` (SDK `HistoryEvent`s, oldest first) and checks every link. A history that
   * starts after event 1 (a page or a sticky slice) may link to events before its first one; any
   * other unresolved link throws `HistoryLinkError`. The link objects `links()` returns are made
   * when first asked for: checking needs none.
   */
  constructor(events: readonly HistoryEvent[]) {
    this.events = events;
    this.#firstId = events[0]?.eventId ?? 1;
    let previousId = 0;
    let contiguous = true;
    for (let index = 0; index < events.length; index += 1) {
      const id = eventIdOf(events[index]!);
      if (id <= previousId) {
        throw new HistoryEventError(`History events must be in ascending id order: event ${id} follows event ${previousId}`);
      }
      previousId = id;
      if (id !== this.#firstId + index) contiguous = false;
    }
    this.#byId = contiguous ? undefined : new Map(events.map((event) => [event.eventId as number, event]));
    for (const event of events) {
      this.#resolveLinks(event, true);
      this.#recordDecision(event);
    }
  }

  /** Loads a history from wire JSON: an array of events or `{ events }`, timestamps as epoch seconds or ISO strings. */
  static fromJson(json: unknown): History {
    return new History(normalizeHistoryEvents(json));
  }

  get length(): number {
    return this.events.length;
  }

  /** The event with this id, or undefined. */
  get(eventId: number): HistoryEvent | undefined {
    if (this.#byId) return this.#byId.get(eventId);
    return Number.isInteger(eventId) ? this.events[eventId - this.#firstId] : undefined;
  }

  /** The event with this id; throws `HistoryEventError` when the history does not hold it. */
  require(eventId: number): HistoryEvent {
    const event = this.get(eventId);
    if (!event) throw new HistoryEventError(`History has no event ${eventId} (it holds ${this.events[0]?.eventId ?? 0}..${this.events.at(-1)?.eventId ?? 0})`);
    return event;
  }

  /** Typed attributes of an event (or event id) that must be of type `type`. */
  attributes<T extends EventType>(eventOrId: HistoryEvent | number, type: T): EventAttributes<T> {
    return attributesOf(typeof eventOrId === 'number' ? this.require(eventOrId) : eventOrId, type);
  }

  /** The events `event` links to (scheduled, started, initiated, decision task completed, latest cancel request). */
  links(event: HistoryEvent): EventLinks {
    const id = eventIdOf(event);
    const own = this.get(id);
    if (!own) return {};
    this.#links ??= new Map();
    let links = this.#links.get(id);
    if (!links) {
      links = this.#resolveLinks(own, false);
      this.#links.set(id, links);
    }
    return links;
  }

  /** The ActivityTaskScheduled / DecisionTaskScheduled / LambdaFunctionScheduled event this event names. */
  scheduledEventOf(event: HistoryEvent): HistoryEvent | undefined {
    return this.links(event).scheduledEventId;
  }

  /** The started event this event names (activity, decision task, lambda, timer or child). */
  startedEventOf(event: HistoryEvent): HistoryEvent | undefined {
    return this.links(event).startedEventId;
  }

  /** The `*Initiated` event this event names (child workflow, external signal or cancel). */
  initiatedEventOf(event: HistoryEvent): HistoryEvent | undefined {
    return this.links(event).initiatedEventId;
  }

  /** The DecisionTaskCompleted whose decision recorded this event. */
  decisionTaskCompletedEventOf(event: HistoryEvent): HistoryEvent | undefined {
    return this.links(event).decisionTaskCompletedEventId;
  }

  /** The decisions recorded for a DecisionTaskCompleted, in id order. */
  decisionEventsOf(completed: HistoryEvent | number): readonly HistoryEvent[] {
    const id = typeof completed === 'number' ? completed : eventIdOf(completed);
    return this.#decisionsByCompletedId.get(id) ?? [];
  }

  /** Every event of one type, in id order. */
  ofType<T extends EventType>(type: T): readonly HistoryEvent[] {
    if (!this.#byType) {
      this.#byType = new Map();
      for (const event of this.events) {
        const list = this.#byType.get(event.eventType ?? '');
        if (list) list.push(event);
        else this.#byType.set(event.eventType ?? '', [event]);
      }
    }
    return this.#byType.get(type) ?? [];
  }

  /** The WorkflowExecutionStarted attributes (event 1). */
  get startedAttributes(): EventAttributes<'WorkflowExecutionStarted'> {
    const first = this.events[0];
    if (!first || first.eventType !== 'WorkflowExecutionStarted') {
      throw new HistoryEventError('History does not start with WorkflowExecutionStarted: load the whole history from event 1');
    }
    return attributesOf(first, 'WorkflowExecutionStarted');
  }

  /** The decision batches of this history, per ARCHITECTURE.md "Replay, exactly". */
  get batches(): readonly DecisionBatch[] {
    this.#batches ??= toDecisionBatches(this.events);
    return this.#batches;
  }

  /**
   * The events `event` links to. With `check`, only checks them (throwing `HistoryLinkError`) and
   * builds nothing; a link to an event before this slice cannot be checked and is left out.
   */
  #resolveLinks(event: HistoryEvent, check: boolean): EventLinks {
    const attributes = anyAttributesOf(event);
    const id = event.eventId as number;
    const links: EventLinks = check ? NO_LINKS : {};
    for (const { field, target: expected } of linkRulesOf(event.eventType as EventType)) {
      const targetId = attributes[field];
      if (typeof targetId !== 'number' || targetId === 0) continue;
      if (targetId >= id) throw new HistoryLinkError(id, field, targetId, 'must name an earlier event');
      const target = this.get(targetId);
      if (!target) {
        if (targetId < this.#firstId) continue; // before this slice: cannot be checked here
        throw new HistoryLinkError(id, field, targetId, 'names no event in this history');
      }
      if (target.eventType !== expected) {
        throw new HistoryLinkError(id, field, targetId, `names a ${target.eventType ?? 'typeless'} event, expected ${expected}`);
      }
      if (!check) links[field] = target;
    }
    return links;
  }

  #recordDecision(event: HistoryEvent): void {
    const completedId = recordedDecisionCompletedId(event);
    if (completedId === undefined) return;
    const list = this.#decisionsByCompletedId.get(completedId);
    if (list) list.push(event);
    else this.#decisionsByCompletedId.set(completedId, [event]);
  }

}
