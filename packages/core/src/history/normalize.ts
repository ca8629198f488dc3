/**
 * Wire JSON (AWS CLI, boto3, GetWorkflowExecutionHistory bodies, our own exports) to the SDK's
 * `HistoryEvent`, whose `eventTimestamp` is a `Date`. SWF sends epoch seconds with millisecond
 * fractions; exports made by other tools carry ISO strings.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { EVENT_TYPES } from '../schemas/event-types.js';
import { HistoryEventError } from './event-attributes.js';

const KNOWN_EVENT_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);

/** Turns an epoch-seconds number, an ISO string or a `Date` into a `Date`. */
export function normalizeTimestamp(value: unknown, where: string): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new HistoryEventError(`${where}: invalid Date`);
    return value;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(Math.round(value * 1000));
  if (typeof value === 'string') {
    // A numeric string is epoch seconds, like the number form; anything else must be ISO 8601.
    const date = /^\d+(\.\d+)?$/.test(value) ? new Date(Math.round(Number(value) * 1000)) : new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new HistoryEventError(`${where}: expected epoch seconds or an ISO 8601 string, got ${JSON.stringify(value)}`);
}

/** The record of a wire-JSON event whose id and type are valid. Throws `HistoryEventError` naming what is wrong. */
function checkedEventRecord(json: unknown): Record<string, unknown> & { eventId: number } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new HistoryEventError(`A history event must be a JSON object, got ${json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json}`);
  }
  const record = json as Record<string, unknown>;
  const { eventId, eventType } = record;
  if (typeof eventId !== 'number' || !Number.isInteger(eventId) || eventId < 1) {
    throw new HistoryEventError(`History event has no valid eventId (got ${JSON.stringify(eventId)}): ids are integers from 1`);
  }
  if (typeof eventType !== 'string' || !KNOWN_EVENT_TYPES.has(eventType)) {
    throw new HistoryEventError(`Event ${eventId} has unknown eventType ${JSON.stringify(eventType)}: expected one of the ${EVENT_TYPES.length} SWF event types`);
  }
  return record as Record<string, unknown> & { eventId: number };
}

/** One wire-JSON history event to an SDK `HistoryEvent` (a copy). Throws `HistoryEventError` naming what is wrong. */
export function normalizeHistoryEvent(json: unknown): HistoryEvent {
  const record = checkedEventRecord(json);
  return { ...record, eventTimestamp: normalizeTimestamp(record.eventTimestamp, `Event ${record.eventId} eventTimestamp`) } as HistoryEvent;
}

/**
 * `normalizeHistoryEvent` without the copy: converts `json` itself (its `eventTimestamp` becomes a
 * `Date`) and returns it. Only for a value nobody else holds, such as one `JSON.parse` just returned;
 * the checks are the same.
 */
export function normalizeParsedHistoryEvent(json: unknown): HistoryEvent {
  const record = checkedEventRecord(json);
  record.eventTimestamp = normalizeTimestamp(record.eventTimestamp, `Event ${record.eventId} eventTimestamp`);
  return record as unknown as HistoryEvent;
}

/**
 * A whole history in any common wire shape: an array of events, `{ events: [...] }` (the
 * GetWorkflowExecutionHistory and PollForDecisionTask bodies), normalized and in id order.
 */
export function normalizeHistoryEvents(json: unknown): HistoryEvent[] {
  const list = Array.isArray(json) ? json : (json as { events?: unknown } | null)?.events;
  if (!Array.isArray(list)) {
    throw new HistoryEventError('A history must be an array of events or an object with an "events" array');
  }
  return list.map(normalizeHistoryEvent).sort((a, b) => (a.eventId as number) - (b.eventId as number));
}
