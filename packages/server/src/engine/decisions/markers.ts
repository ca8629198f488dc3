/** RecordMarker: one MarkerRecorded event, nothing else. */
import { recordEvent } from '../runs/history-writer.js';
import type { DecisionAttributes, DecisionContext } from './context.js';

/** RecordMarker always succeeds here; RecordMarkerFailed's only cause is an IAM denial. */
export function recordMarker(context: DecisionContext, attributes: DecisionAttributes): void {
  recordEvent(context.state, context.execution, 'MarkerRecorded', {
    markerName: attributes['markerName'],
    details: attributes['details'],
    decisionTaskCompletedEventId: context.completedEventId,
  });
}
