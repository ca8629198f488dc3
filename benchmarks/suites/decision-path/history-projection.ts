/**
 * What must be identical between two runs of the same workflow: the sequence of event types, and
 * the attributes of every event a decision produced (minus run ids, which are random).
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { anyAttributesOf } from '@swirl/core';

export interface ProjectedEvent {
  readonly type: string;
  readonly decision?: Readonly<Record<string, unknown>>;
}

export function projectHistory(events: readonly HistoryEvent[]): ProjectedEvent[] {
  return events.map((event) => {
    const attributes = anyAttributesOf(event);
    if (!('decisionTaskCompletedEventId' in attributes)) return { type: event.eventType ?? 'unknown' };
    const { newExecutionRunId: _random, ...decision } = attributes as Record<string, unknown>;
    return { type: event.eventType ?? 'unknown', decision };
  });
}

/** Undefined when equal, else where the first difference is. */
export function firstDifference(a: readonly ProjectedEvent[], b: readonly ProjectedEvent[]): string | undefined {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const left = JSON.stringify(a[index]);
    const right = JSON.stringify(b[index]);
    if (left !== right) return `event ${index + 1}: ${left ?? '(none)'} vs ${right ?? '(none)'}`;
  }
  return undefined;
}
