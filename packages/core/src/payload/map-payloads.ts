/** Applies a function (a codec's encode or decode) to every payload field of an event or a decision. */
import type { Decision, DecisionType, EventType, HistoryEvent } from '@aws-sdk/client-swf';
import { decisionAttributesKey } from '../schemas/decisions.js';
import { eventAttributesKey } from '../schemas/event-types.js';
import { DECISION_PAYLOAD_FIELDS, EVENT_PAYLOAD_FIELDS } from './payload-fields.js';

/** Receives one payload and the name of its field (`input`, `result`, `details`, `control`). */
export type PayloadMapper = (value: string, field: string) => Promise<string>;

async function mapFields(attributes: object | undefined, fields: readonly string[], fn: PayloadMapper): Promise<object | undefined> {
  if (attributes === undefined || fields.length === 0) return attributes;
  const copy: Record<string, unknown> = { ...attributes };
  await Promise.all(
    fields.map(async (field) => {
      const value = copy[field];
      if (typeof value === 'string') copy[field] = await fn(value, field);
    }),
  );
  return copy;
}

function isKnown<T extends string>(table: Readonly<Record<T, unknown>>, type: string | undefined): type is T {
  return type !== undefined && Object.prototype.hasOwnProperty.call(table, type);
}

/** A copy of `event` with each payload field replaced by `fn(value, field)`. Events of unknown types come back unchanged. */
export async function mapEventPayloads(event: HistoryEvent, fn: PayloadMapper): Promise<HistoryEvent> {
  if (!isKnown<EventType>(EVENT_PAYLOAD_FIELDS, event.eventType)) return event;
  const key = eventAttributesKey(event.eventType);
  const attributes = event[key] as object | undefined;
  const mapped = await mapFields(attributes, EVENT_PAYLOAD_FIELDS[event.eventType], fn);
  return mapped === attributes ? event : { ...event, [key]: mapped };
}

/** A copy of `decision` with each payload field replaced by `fn(value, field)`. */
export async function mapDecisionPayloads(decision: Decision, fn: PayloadMapper): Promise<Decision> {
  if (!isKnown<DecisionType>(DECISION_PAYLOAD_FIELDS, decision.decisionType)) return decision;
  const key = decisionAttributesKey(decision.decisionType);
  const attributes = decision[key] as object | undefined;
  const mapped = await mapFields(attributes, DECISION_PAYLOAD_FIELDS[decision.decisionType], fn);
  return mapped === attributes ? decision : { ...decision, [key]: mapped };
}
