/**
 * Markers: `recordMarker`, and the two the runtime records itself. `sideEffect` values and
 * `patched` decisions are read back from their markers on replay, so both replay identically.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import type { EventAttributes } from '@swirl/core';
import { buildDecision } from '../decisions.js';
import type { ExecutionKernel } from './execution-kernel.js';
import { MarkerOperation } from './operations.js';

/** Marker names the runtime records for `sideEffect` and `patched`. */
export const SIDE_EFFECT_MARKER = 'swirl.sideEffect';
export const PATCH_MARKER = 'swirl.patch';

export class Markers {
  readonly #kernel: ExecutionKernel;
  readonly #recorded = new Map<string, HistoryEvent>();
  readonly #patches = new Map<string, boolean>();

  constructor(kernel: ExecutionKernel) {
    this.#kernel = kernel;
  }

  /** Remembers the runtime's own markers as events arrive, before any batch runs. */
  index(event: HistoryEvent): void {
    if (event.eventType !== 'MarkerRecorded') return;
    const { markerName, details } = event.markerRecordedEventAttributes ?? {};
    if (markerName !== SIDE_EFFECT_MARKER && markerName !== PATCH_MARKER) return;
    const recorded = this.#kernel.converter.fromPayload<{ id?: string; patchId?: string } | undefined>(details);
    const id = markerName === SIDE_EFFECT_MARKER ? recorded?.id : recorded?.patchId;
    if (typeof id === 'string') this.#recorded.set(`${markerName}|${id}`, event);
  }

  record(markerName: string, details: unknown): void {
    this.#push(markerName, this.#kernel.converter.toPayload(details));
  }

  sideEffect<T>(fn: () => T): T {
    const kernel = this.#kernel;
    kernel.touch();
    const id = `se${kernel.nextId('sideEffect')}`;
    const recorded = this.#recorded.get(`${SIDE_EFFECT_MARKER}|${id}`)?.markerRecordedEventAttributes?.details;
    if (recorded !== undefined) {
      this.#push(SIDE_EFFECT_MARKER, recorded);
      return kernel.converter.fromPayload<{ value: T }>(recorded).value;
    }
    const value = fn();
    this.#push(SIDE_EFFECT_MARKER, kernel.converter.toPayload({ id, value }));
    return value;
  }

  patched(patchId: string): boolean {
    this.#kernel.touch();
    const known = this.#patches.get(patchId);
    if (known !== undefined) return known;
    // New code paths run in new runs; a replay takes them only if history recorded the patch marker.
    const value = this.#recorded.has(`${PATCH_MARKER}|${patchId}`) || !this.#kernel.replaying;
    this.#patches.set(patchId, value);
    if (value) this.#push(PATCH_MARKER, this.#kernel.converter.toPayload({ patchId }));
    return value;
  }

  deprecatePatch(patchId: string): void {
    this.#kernel.touch();
    if (this.#patches.has(patchId)) return;
    this.#patches.set(patchId, true);
    // Runs from before the deprecation recorded the marker here; replay it so they still match.
    if (this.#kernel.replaying && this.#recorded.has(`${PATCH_MARKER}|${patchId}`)) {
      this.#push(PATCH_MARKER, this.#kernel.converter.toPayload({ patchId }));
    }
  }

  #push(markerName: string, details: string | undefined): void {
    this.#kernel.push(buildDecision('RecordMarker', { markerName, details }), new MarkerOperation(markerName));
  }

  recordedEvent(event: HistoryEvent): boolean {
    this.#kernel.owner<MarkerOperation>(event.eventId, 'marker', event);
    return false;
  }

  failed(event: HistoryEvent, attributes: EventAttributes<'RecordMarkerFailed'>): boolean {
    this.#kernel.owner<MarkerOperation>(event.eventId, 'marker', event);
    this.#kernel.log.warn({ markerName: attributes.markerName, cause: attributes.cause, eventId: event.eventId }, 'SWF refused to record a marker');
    return false;
  }
}
