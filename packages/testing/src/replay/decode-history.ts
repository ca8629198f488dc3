/**
 * Payload codecs undone before replay, as the worker does before it activates a runtime: the
 * runtime only ever sees payloads the converter can read. Which fields carry payloads is core's list.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { chainCodecs, mapEventPayloads, type PayloadCodec } from '@swirl/core';

/** The events with every payload field decoded by `codecs` (applied in reverse order, as on decode). */
export async function decodeHistoryPayloads(events: readonly HistoryEvent[], codecs: readonly PayloadCodec[]): Promise<HistoryEvent[]> {
  if (codecs.length === 0) return [...events];
  const codec = chainCodecs(codecs);
  return Promise.all(events.map((event) => mapEventPayloads(event, (value) => codec.decode(value))));
}
