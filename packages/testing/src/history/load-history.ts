/**
 * `loadHistory`: reads a recorded history from a file, JSON text or a parsed value, in any shape
 * Swirl knows, and returns SDK HistoryEvents oldest first plus the linked `History`.
 */
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { History, normalizeHistoryEvent, normalizeParsedHistoryEvent } from '@swirl/core';
import { detectHistoryFormat, type DetectedHistory, type HistoryFormat } from './detect-history-format.js';
import { HistoryLoadError } from './history-load-error.js';

/** A file path, a `file:` URL, JSON text, or an already parsed value (an object or an array). */
export type HistorySource = string | URL | object;

export interface LoadHistoryOptions {
  /** The execution the history belongs to, when the file does not say (only Swirl's export always does). */
  readonly execution?: { readonly workflowId: string; readonly runId: string };
}

export interface LoadedHistory {
  /** Which shape the input had. */
  readonly format: HistoryFormat;
  /** Every event, oldest first, with `eventTimestamp` as a Date. */
  readonly events: HistoryEvent[];
  /** The same events, indexed and linked. */
  readonly history: History;
  readonly domain?: string;
  readonly execution?: { readonly workflowId: string; readonly runId: string };
  /** From the file, or from the WorkflowExecutionStarted event. */
  readonly workflowType?: { readonly name: string; readonly version: string };
  /** The file it came from. */
  readonly source?: string;
}

/** The parsed JSON; `parsed` when this load parsed it, so no one else holds its objects. */
interface ReadSource {
  readonly json: unknown;
  readonly parsed: boolean;
  readonly path?: string;
}

/**
 * The file's text, read in one call: `readFile` reads in 512 KiB chunks, each a trip through the
 * thread pool and a decoder pass, which for a 5 MB history cost more than parsing it. A file that
 * reports no size (a pipe, /proc) is read to its end as `readFile` does.
 */
async function readText(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return await handle.readFile('utf8');
    const buffer = Buffer.allocUnsafe(size);
    let length = 0;
    while (length < size) {
      const { bytesRead } = await handle.read(buffer, length, size - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

async function readSource(source: HistorySource): Promise<ReadSource> {
  if (typeof source !== 'string' && !(source instanceof URL)) return { json: source, parsed: false };
  const trimmed = typeof source === 'string' ? source.trimStart() : '';
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return { json: parseJson(trimmed, undefined), parsed: true };
  const path = source instanceof URL ? fileURLToPath(source) : source;
  let text: string;
  try {
    text = await readText(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new HistoryLoadError(`Cannot read history file: ${reason}`, path, { cause: error });
  }
  return { json: parseJson(text, path), parsed: true, path };
}

function parseJson(text: string, path: string | undefined): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HistoryLoadError(`Not valid JSON: ${(error as Error).message}`, path, { cause: error });
  }
}

/**
 * SDK events from the raw ones, oldest first, each id once and none missing. Events this load
 * parsed itself are converted in place; a value the caller passed is copied, never changed.
 */
function normalizeEvents(detected: DetectedHistory, parsed: boolean, path: string | undefined): HistoryEvent[] {
  const normalize = parsed ? normalizeParsedHistoryEvent : normalizeHistoryEvent;
  const raw = detected.rawEvents;
  const events = new Array<HistoryEvent>(raw.length);
  let ascending = true;
  for (let index = 0; index < raw.length; index += 1) {
    try {
      events[index] = normalize(raw[index]);
    } catch (error) {
      throw new HistoryLoadError(
        `Event at position ${index} is not a valid HistoryEvent: ${(error as Error).message}`,
        path,
        { cause: error },
      );
    }
    if (index > 0 && (events[index]!.eventId as number) <= (events[index - 1]!.eventId as number)) ascending = false;
  }
  // Files come oldest first (the default) or newest first (reverseOrder); replay needs oldest first.
  if (!ascending) events.sort((a, b) => (a.eventId as number) - (b.eventId as number));
  for (let index = 1; index < events.length; index += 1) {
    const previousId = events[index - 1]!.eventId as number;
    const eventId = events[index]!.eventId as number;
    if (eventId === previousId) throw new HistoryLoadError(`Event id ${eventId} appears twice; a history has each event once`, path);
    if (eventId !== previousId + 1) {
      throw new HistoryLoadError(`Events ${previousId + 1}..${eventId - 1} are missing; was every page of the history saved?`, path);
    }
  }
  return events;
}

/** Loads a recorded history in any shape `detectHistoryFormat` recognises. Throws `HistoryLoadError`. */
export async function loadHistory(source: HistorySource, options: LoadHistoryOptions = {}): Promise<LoadedHistory> {
  const { json, parsed, path } = await readSource(source);
  const detected = detectHistoryFormat(json, path);
  if (detected.rawEvents.length === 0) throw new HistoryLoadError('The history has no events', path);
  const events = normalizeEvents(detected, parsed, path);
  let history: History;
  try {
    history = new History(events);
  } catch (error) {
    throw new HistoryLoadError(`The events do not link: ${(error as Error).message}`, path, { cause: error });
  }
  const started = events[0]?.workflowExecutionStartedEventAttributes?.workflowType;
  const startedType = started?.name && started.version ? { name: started.name, version: started.version } : undefined;
  const workflowType = detected.workflowType ?? startedType;
  const execution = detected.execution ?? options.execution;
  return {
    format: detected.format,
    events,
    history,
    ...(detected.domain !== undefined && { domain: detected.domain }),
    ...(execution && { execution }),
    ...(workflowType && { workflowType }),
    ...(path !== undefined && { source: path }),
  };
}
