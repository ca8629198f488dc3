/**
 * Markers: MarkerRecorded and RecordMarkerFailed, both the record of a RecordMarker decision.
 */
import { ActivityEvents } from './activity-events.js';
import type { Cause } from './history-recorder.js';

export class MarkerEvents extends ActivityEvents {
  markerRecorded(markerName: string, details?: unknown): this {
    return this.add('MarkerRecorded', { markerName, details: this.payload(details), decisionTaskCompletedEventId: this.lastCompletedId('markerRecorded') });
  }

  recordMarkerFailed(markerName: string, cause: Cause<'RecordMarkerFailed'>): this {
    return this.add('RecordMarkerFailed', { markerName, cause, decisionTaskCompletedEventId: this.lastCompletedId('recordMarkerFailed') });
  }
}
