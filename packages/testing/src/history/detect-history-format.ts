/**
 * Recognises which shape a parsed history file has and pulls out its raw events and whatever it
 * says about the execution. Per-event normalisation (timestamps, types) is core's job.
 */
import { HistoryLoadError } from './history-load-error.js';
import { SWIRL_HISTORY_FORMAT, swirlHistoryEnvelopeSchema } from './swirl-history-format.js';

/**
 * - `swirl-history`: Swirl's own export.
 * - `events-object`: `{ events: [...] }` — `aws swf get-workflow-execution-history` (CLI v1 or v2), or an
 *   SDK GetWorkflowExecutionHistory / PollForDecisionTask response.
 * - `boto3-pages`: a list of pages, each `{ events: [...] }`, as a boto3 paginator yields them.
 * - `event-array`: a bare array of HistoryEvents.
 */
export type HistoryFormat = 'swirl-history' | 'events-object' | 'boto3-pages' | 'event-array';

export interface DetectedHistory {
  readonly format: HistoryFormat;
  readonly rawEvents: readonly unknown[];
  readonly domain?: string;
  readonly execution?: { readonly workflowId: string; readonly runId: string };
  readonly workflowType?: { readonly name: string; readonly version: string };
}

const EXPECTED =
  `expected Swirl's export ({ "format": "${SWIRL_HISTORY_FORMAT}", "version": 1, ... }), ` +
  'the output of `aws swf get-workflow-execution-history` ({ "events": [...] }), ' +
  'boto3 paginator pages ([{ "events": [...] }, ...]) or an array of HistoryEvents ([{ "eventId": 1, "eventType": ... }])';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (isRecord(value)) {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', ...' : ''}`;
  }
  return value === null ? 'null' : `a ${typeof value}`;
}

function looksLikeEvent(value: unknown): boolean {
  return isRecord(value) && 'eventType' in value && 'eventId' in value;
}

function isPage(value: unknown): value is Record<string, unknown> & { events: unknown[] } {
  return isRecord(value) && Array.isArray(value['events']);
}

function executionOf(value: unknown): DetectedHistory['execution'] {
  if (!isRecord(value)) return undefined;
  const { workflowId, runId } = value;
  return typeof workflowId === 'string' && typeof runId === 'string' ? { workflowId, runId } : undefined;
}

function typeOf(value: unknown): DetectedHistory['workflowType'] {
  if (!isRecord(value)) return undefined;
  const { name, version } = value;
  return typeof name === 'string' && typeof version === 'string' ? { name, version } : undefined;
}

function detectObject(json: Record<string, unknown>, source: string | undefined): DetectedHistory {
  if ('format' in json) {
    if (json['format'] !== SWIRL_HISTORY_FORMAT) {
      throw new HistoryLoadError(
        `Unknown history format ${JSON.stringify(json['format'])}: the only "format" Swirl writes is "${SWIRL_HISTORY_FORMAT}"`,
        source,
      );
    }
    const parsed = swirlHistoryEnvelopeSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : '(root)';
      throw new HistoryLoadError(
        `Invalid ${SWIRL_HISTORY_FORMAT} file at ${where}: ${issue?.message ?? 'does not match the format'} ` +
          `(expected { format: "${SWIRL_HISTORY_FORMAT}", version: 1, domain, execution: { workflowId, runId }, workflowType: { name, version }, events: [...] })`,
        source,
      );
    }
    const { domain, execution, workflowType, events } = parsed.data;
    return { format: 'swirl-history', rawEvents: events, domain, execution, workflowType };
  }
  if (isPage(json)) {
    const execution = executionOf(json['workflowExecution']);
    const workflowType = typeOf(json['workflowType']);
    return {
      format: 'events-object',
      rawEvents: json.events,
      ...(execution && { execution }),
      ...(workflowType && { workflowType }),
    };
  }
  throw new HistoryLoadError(`Unrecognised history: ${EXPECTED}; got ${describeValue(json)}`, source);
}

function detectArray(json: readonly unknown[], source: string | undefined): DetectedHistory {
  if (json.length === 0) throw new HistoryLoadError('The history is an empty array: it has no events', source);
  if (json.every(isPage)) return { format: 'boto3-pages', rawEvents: json.flatMap((page) => page.events) };
  if (json.every(looksLikeEvent)) return { format: 'event-array', rawEvents: json };
  const index = json.findIndex((item) => !looksLikeEvent(item) && !isPage(item));
  const at = index === -1 ? 'it mixes pages and events' : `item ${index} is ${describeValue(json[index])}`;
  throw new HistoryLoadError(
    `Unrecognised history array: expected every item to be a boto3 page ({ "events": [...] }) or every item a HistoryEvent ({ "eventId", "eventType", ... }); ${at}`,
    source,
  );
}

/** Which history shape a parsed JSON value has, with its raw events in file order. */
export function detectHistoryFormat(json: unknown, source?: string): DetectedHistory {
  if (Array.isArray(json)) return detectArray(json, source);
  if (isRecord(json)) return detectObject(json, source);
  throw new HistoryLoadError(`Unrecognised history: ${EXPECTED}; got ${describeValue(json)}`, source);
}
