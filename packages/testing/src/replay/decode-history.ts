/**
 * Payload headers dropped and codecs undone before replay, as the worker does before it activates a
 * runtime: the runtime only ever sees payloads the converter can read. Which fields carry payloads
 * is core's list.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { PayloadPipeline, type PayloadCodec } from '@swirl/core';

/** The events with every payload field stripped of its headers and decoded by `codecs` (applied in reverse order, as on decode). */
export async function decodeHistoryPayloads(events: readonly HistoryEvent[], codecs: readonly PayloadCodec[]): Promise<HistoryEvent[]> {
  const pipeline = new PayloadPipeline({ codecs });
  return Promise.all(events.map((event) => pipeline.decodeEvent(event)));
}
