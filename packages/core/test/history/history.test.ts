import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attributesOf, History, HistoryLinkError, normalizeHistoryEvent, normalizeHistoryEvents, normalizeParsedHistoryEvent } from '../../src/history/index.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../../test/fixtures/real-histories/${name}`, import.meta.url), 'utf8'));

describe('normalizeHistoryEvent', () => {
  it('turns fractional epoch seconds into a Date with milliseconds', () => {
    const event = normalizeHistoryEvent({ eventId: 1, eventType: 'TimerFired', eventTimestamp: 1484676354.156, timerFiredEventAttributes: { timerId: 't', startedEventId: 0 } });
    expect(event.eventTimestamp).toEqual(new Date(1484676354156));
    expect(event.timerFiredEventAttributes).toEqual({ timerId: 't', startedEventId: 0 });
  });

  it('accepts ISO strings and integer seconds', () => {
    expect(normalizeHistoryEvent({ eventId: 1, eventType: 'TimerFired', eventTimestamp: '2017-01-17T18:05:54.156Z' }).eventTimestamp).toEqual(new Date(1484676354156));
    expect(normalizeHistoryEvent({ eventId: 1, eventType: 'TimerFired', eventTimestamp: 1484676354 }).eventTimestamp).toEqual(new Date(1484676354000));
  });

  it('names the problem in a malformed event', () => {
    expect(() => normalizeHistoryEvent({ eventId: 0, eventType: 'TimerFired', eventTimestamp: 1 })).toThrow(/eventId/);
    expect(() => normalizeHistoryEvent({ eventId: 3, eventType: 'TimerExploded', eventTimestamp: 1 })).toThrow(/Event 3 has unknown eventType "TimerExploded"/);
    expect(() => normalizeHistoryEvent({ eventId: 3, eventType: 'TimerFired', eventTimestamp: 'yesterday' })).toThrow(/Event 3 eventTimestamp/);
  });
});

describe('normalizeParsedHistoryEvent', () => {
  it('converts the parsed value itself, with the same result as the copying form', () => {
    const wire = { eventId: 1, eventType: 'TimerFired', eventTimestamp: 1484676354.156, timerFiredEventAttributes: { timerId: 't', startedEventId: 0 } };
    const copied = normalizeHistoryEvent(structuredClone(wire));
    const event = normalizeParsedHistoryEvent(wire);
    expect(event).toBe(wire);
    expect(event).toEqual(copied);
  });

  it('makes the same checks', () => {
    expect(() => normalizeParsedHistoryEvent([{ eventId: 1 }])).toThrow('A history event must be a JSON object, got an array');
    expect(() => normalizeParsedHistoryEvent({ eventId: 3, eventType: 'TimerExploded', eventTimestamp: 1 })).toThrow(/Event 3 has unknown eventType "TimerExploded"/);
    expect(() => normalizeParsedHistoryEvent({ eventId: 3, eventType: 'TimerFired', eventTimestamp: 'yesterday' })).toThrow(/Event 3 eventTimestamp/);
  });
});

describe('History on a real recorded history (simpleflow-basic)', () => {
  const history = History.fromJson(fixture('simpleflow-basic.json'));

  it('loads every event in id order', () => {
    expect(history.length).toBe(23);
    expect(history.events.map((event) => event.eventId)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
  });

  it('links completions to their scheduled and started events', () => {
    const completed = history.require(19);
    expect(history.scheduledEventOf(completed)?.eventId).toBe(12);
    expect(history.startedEventOf(completed)?.eventId).toBe(18);
    expect(history.attributes(history.scheduledEventOf(completed)!, 'ActivityTaskScheduled').activityId).toBe('activity-examples.basic.double-1');
  });

  it('links decisions to their DecisionTaskCompleted and lists them per task', () => {
    expect(history.decisionTaskCompletedEventOf(history.require(12))?.eventId).toBe(10);
    expect(history.decisionEventsOf(10).map((event) => event.eventId)).toEqual([11, 12]);
    expect(history.decisionEventsOf(22).map((event) => event.eventType)).toEqual(['WorkflowExecutionCompleted']);
  });

  it('treats zero ids as absent links', () => {
    expect(history.links(history.require(1))).toEqual({});
    expect(history.startedAttributes.workflowType).toEqual({ name: 'basic', version: 'example' });
  });

  it('cuts the history into one batch per completed decision task', () => {
    const batches = history.batches;
    expect(batches.map((batch) => batch.startedEventId)).toEqual([3, 9, 16, 21]);
    expect(batches.map((batch) => batch.events.map((event) => event.eventId))).toEqual([[1], [5, 6, 7], [11, 12, 13, 14], [18, 19]]);
    expect(batches.map((batch) => batch.decisionEvents.map((event) => event.eventId))).toEqual([[5], [11, 12], [], [23]]);
    expect(batches[1]?.startedAt).toEqual(history.require(9).eventTimestamp);
    expect(batches.every((batch) => batch.completedEvent !== undefined)).toBe(true);
  });

  it('ofType returns the events of one type in order', () => {
    expect(history.ofType('ActivityTaskCompleted').map((event) => event.eventId)).toEqual([7, 14, 19]);
  });
});

describe('History link checks', () => {
  const base = [
    { eventId: 1, eventType: 'WorkflowExecutionStarted', eventTimestamp: 1, workflowExecutionStartedEventAttributes: { parentInitiatedEventId: 0 } },
    { eventId: 2, eventType: 'DecisionTaskScheduled', eventTimestamp: 1, decisionTaskScheduledEventAttributes: {} },
  ];

  it('rejects a link to a missing event, naming event, field and target', () => {
    const events = normalizeHistoryEvents([...base, { eventId: 3, eventType: 'DecisionTaskStarted', eventTimestamp: 1, decisionTaskStartedEventAttributes: { scheduledEventId: 9 } }]);
    expect(() => new History(events)).toThrow(HistoryLinkError);
    expect(() => new History(events)).toThrow('Event 3: scheduledEventId 9 must name an earlier event');
  });

  it('rejects a link to an event of the wrong type', () => {
    const events = normalizeHistoryEvents([...base, { eventId: 3, eventType: 'DecisionTaskStarted', eventTimestamp: 1, decisionTaskStartedEventAttributes: { scheduledEventId: 1 } }]);
    expect(() => new History(events)).toThrow('Event 3: scheduledEventId 1 names a WorkflowExecutionStarted event, expected DecisionTaskScheduled');
  });

  it('allows a slice to link to events before its first one', () => {
    const events = normalizeHistoryEvents([{ eventId: 10, eventType: 'TimerFired', eventTimestamp: 1, timerFiredEventAttributes: { timerId: 't', startedEventId: 4 } }]);
    expect(new History(events).startedEventOf(events[0]!)).toBeUndefined();
  });

  it('finds and links events by id when the ids have gaps', () => {
    const events = normalizeHistoryEvents([
      ...base,
      { eventId: 5, eventType: 'DecisionTaskStarted', eventTimestamp: 1, decisionTaskStartedEventAttributes: { scheduledEventId: 2 } },
      { eventId: 9, eventType: 'DecisionTaskCompleted', eventTimestamp: 1, decisionTaskCompletedEventAttributes: { scheduledEventId: 2, startedEventId: 5 } },
    ]);
    const history = new History(events);
    expect(history.get(5)?.eventType).toBe('DecisionTaskStarted');
    expect(history.get(3)).toBeUndefined();
    expect(history.get(1.5)).toBeUndefined();
    expect(history.startedEventOf(history.require(9))?.eventId).toBe(5);
    expect(history.links(history.require(9))).toBe(history.links(history.require(9)));
    const broken = normalizeHistoryEvents([...base, { eventId: 5, eventType: 'DecisionTaskStarted', eventTimestamp: 1, decisionTaskStartedEventAttributes: { scheduledEventId: 3 } }]);
    expect(() => new History(broken)).toThrow('Event 5: scheduledEventId 3 names no event in this history');
  });

  it('gives typed attributes and refuses the wrong type', () => {
    const [event] = normalizeHistoryEvents(base);
    expect(attributesOf(event!, 'WorkflowExecutionStarted').parentInitiatedEventId).toBe(0);
    expect(() => attributesOf(event!, 'TimerFired')).toThrow('Event 1 is WorkflowExecutionStarted, expected TimerFired');
  });
});
