/**
 * `swirl history show`: one line per event with its id, time since the execution started, type,
 * key attributes, and how long it took since the events it links to (scheduled, started, initiated).
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { formatDuration } from '@swirl/core';
import pc from 'picocolors';
import { colourEventType } from './event-colour.js';

export interface TimelineHeader {
  readonly domain?: string;
  readonly execution?: { readonly workflowId: string; readonly runId: string };
  readonly workflowType?: { readonly name: string; readonly version: string };
  readonly source?: string;
}

/** Attributes worth a glance, in the order they are shown. Payloads are shortened. */
const KEY_ATTRIBUTES = [
  'workflowType',
  'activityType',
  'activityId',
  'timerId',
  'signalName',
  'markerName',
  'name',
  'id',
  'workflowId',
  'workflowExecution',
  'externalWorkflowExecution',
  'taskList',
  'startToFireTimeout',
  'timeoutType',
  'cause',
  'reason',
  'newExecutionRunId',
  'input',
  'result',
  'details',
] as const;

/** Links to earlier events, with the word that says what the linked event was. */
const LINKS = [
  ['scheduledEventId', 'scheduled'],
  ['startedEventId', 'started'],
  ['initiatedEventId', 'initiated'],
] as const;

const PAYLOAD_WIDTH = 60;

function attributesOf(event: HistoryEvent): Record<string, unknown> {
  const eventType = event.eventType ?? '';
  const key = `${eventType.charAt(0).toLowerCase()}${eventType.slice(1)}EventAttributes`;
  const attributes = (event as unknown as Record<string, unknown>)[key];
  return attributes !== null && typeof attributes === 'object' ? (attributes as Record<string, unknown>) : {};
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > PAYLOAD_WIDTH ? `${oneLine.slice(0, PAYLOAD_WIDTH - 1)}…` : oneLine;
}

function formatValue(value: unknown): string {
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['name'] === 'string' && typeof record['version'] === 'string') return `${record['name']}@${record['version']}`;
    if (typeof record['name'] === 'string') return record['name'];
    if (typeof record['workflowId'] === 'string') return String(record['workflowId']);
    return shorten(JSON.stringify(value));
  }
  return shorten(String(value));
}

function describeAttributes(attributes: Record<string, unknown>): string[] {
  return KEY_ATTRIBUTES.filter((key) => attributes[key] !== undefined && attributes[key] !== '').map(
    (key) => `${key}=${formatValue(attributes[key])}`,
  );
}

function describeLinks(event: HistoryEvent, attributes: Record<string, unknown>, byId: ReadonlyMap<number, HistoryEvent>): string[] {
  const at = event.eventTimestamp?.getTime();
  return LINKS.flatMap(([key, word]) => {
    const id = attributes[key];
    if (typeof id !== 'number' || id <= 0) return [];
    const linked = byId.get(id)?.eventTimestamp?.getTime();
    const elapsed = at !== undefined && linked !== undefined ? ` +${formatDuration(at - linked)}` : '';
    return [`${word} #${id}${elapsed}`];
  });
}

function headerLines(header: TimelineHeader, events: readonly HistoryEvent[], colors: ReturnType<typeof pc.createColors>): string[] {
  const lines: string[] = [];
  const title = [
    header.execution && `${header.execution.workflowId} / ${header.execution.runId}`,
    header.workflowType && `${header.workflowType.name}@${header.workflowType.version}`,
    header.domain && `domain ${header.domain}`,
    header.source,
  ].filter(Boolean);
  if (title.length > 0) lines.push(colors.bold(title.join('  ·  ')));
  const first = events[0]?.eventTimestamp;
  const last = events.at(-1)?.eventTimestamp;
  if (first && last) {
    lines.push(colors.dim(`${events.length} events from ${first.toISOString()} over ${formatDuration(last.getTime() - first.getTime())}`));
  }
  return lines;
}

/** The timeline as text; `color` false gives plain text for pipes, files and NO_COLOR. */
export function renderHistoryTimeline(events: readonly HistoryEvent[], header: TimelineHeader, color: boolean): string {
  const colors = pc.createColors(color);
  const byId = new Map(events.map((event) => [event.eventId ?? 0, event]));
  const start = events[0]?.eventTimestamp?.getTime();
  const idWidth = String(events.at(-1)?.eventId ?? 0).length;
  const rows = events.map((event) => {
    const attributes = attributesOf(event);
    const since = start !== undefined && event.eventTimestamp ? `+${formatDuration(event.eventTimestamp.getTime() - start)}` : '';
    return { event, since, details: describeAttributes(attributes), links: describeLinks(event, attributes, byId) };
  });
  const sinceWidth = Math.max(0, ...rows.map((row) => row.since.length));
  const typeWidth = Math.max(0, ...events.map((event) => (event.eventType ?? '').length));
  const lines = rows.map(({ event, since, details, links }) => {
    const eventType = event.eventType ?? '(unknown)';
    const columns = [
      colors.dim(String(event.eventId).padStart(idWidth)),
      colors.gray(since.padEnd(sinceWidth)),
      `${colourEventType(colors, eventType)}${' '.repeat(typeWidth - eventType.length)}`,
      details.join(' '),
      links.length > 0 ? colors.dim(`(${links.join(', ')})`) : '',
    ];
    return columns.filter((column) => column !== '').join('  ').trimEnd();
  });
  return `${[...headerLines(header, events, colors), ...lines].join('\n')}\n`;
}
