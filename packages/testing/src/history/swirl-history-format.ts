/**
 * Swirl's own history file: the events exactly as SWF sends them on the wire (epoch-second
 * timestamps), wrapped with what a replay needs and a plain history lacks — the domain, the
 * execution ids (the runId seeds workflow randomness) and the workflow type.
 *
 * ```json
 * { "format": "swirl-history", "version": 1, "domain": "shop",
 *   "execution": { "workflowId": "order-42", "runId": "22x..." },
 *   "workflowType": { "name": "OrderWorkflow", "version": "1" },
 *   "exportedAt": "2026-01-01T00:00:00.000Z", "events": [ { "eventId": 1, ... } ] }
 * ```
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { z } from 'zod';

export const SWIRL_HISTORY_FORMAT = 'swirl-history';
export const SWIRL_HISTORY_VERSION = 1;

export const swirlHistoryExportSchema = z.object({
  format: z.literal(SWIRL_HISTORY_FORMAT),
  version: z.literal(SWIRL_HISTORY_VERSION),
  domain: z.string().min(1),
  execution: z.object({ workflowId: z.string().min(1), runId: z.string().min(1) }),
  workflowType: z.object({ name: z.string().min(1), version: z.string().min(1) }),
  exportedAt: z.string().optional(),
  events: z.array(z.record(z.string(), z.unknown())),
});

/**
 * The export's envelope: every field checked as `swirlHistoryExportSchema` does, except that each
 * event is only taken as it is. The loader checks each event itself (an object with a valid id, type
 * and timestamp) when it normalises it, so a zod walk of every key of every event would be paid
 * twice and copy every event.
 */
export const swirlHistoryEnvelopeSchema = swirlHistoryExportSchema.extend({ events: z.array(z.unknown()) });

/** A Swirl history file as parsed JSON. */
export type SwirlHistoryExport = z.infer<typeof swirlHistoryExportSchema>;

export interface HistoryExportInput {
  readonly domain: string;
  readonly execution: { readonly workflowId: string; readonly runId: string };
  readonly workflowType: { readonly name: string; readonly version: string };
  /** SDK events (Date timestamps), in any order; written oldest first. */
  readonly events: readonly HistoryEvent[];
  /** When the export was made. @default now */
  readonly exportedAt?: Date;
}

/** SWF's wire form of a value: Dates become epoch seconds with millisecond fractions. */
function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1_000;
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).filter(([, field]) => field !== undefined).map(([key, field]) => [key, toWire(field)]),
    );
  }
  return value;
}

/** One SDK event in SWF's wire JSON. */
export function serializeHistoryEvent(event: HistoryEvent): Record<string, unknown> {
  return toWire(event) as Record<string, unknown>;
}

/** Builds Swirl's history file for an execution; `JSON.stringify` it to write the file. */
export function toSwirlHistoryExport(input: HistoryExportInput): SwirlHistoryExport {
  const events = [...input.events].sort((a, b) => (a.eventId ?? 0) - (b.eventId ?? 0));
  return {
    format: SWIRL_HISTORY_FORMAT,
    version: SWIRL_HISTORY_VERSION,
    domain: input.domain,
    execution: { workflowId: input.execution.workflowId, runId: input.execution.runId },
    workflowType: { name: input.workflowType.name, version: input.workflowType.version },
    exportedAt: (input.exportedAt ?? new Date()).toISOString(),
    events: events.map(serializeHistoryEvent),
  };
}
