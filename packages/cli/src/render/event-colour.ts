/** The colour of an event type in the timeline: outcomes stand out, bookkeeping fades. */
import type pc from 'picocolors';

type Colors = ReturnType<typeof pc.createColors>;

export function colourEventType(colors: Colors, eventType: string): string {
  if (/(Failed|TimedOut|Terminated)$/.test(eventType)) return colors.red(eventType);
  if (/(Canceled|CancelRequested)$/.test(eventType)) return colors.yellow(eventType);
  if (eventType.startsWith('DecisionTask')) return colors.dim(eventType);
  if (/(Completed|Fired|ContinuedAsNew)$/.test(eventType)) return colors.green(eventType);
  if (/(Signaled|MarkerRecorded)$/.test(eventType)) return colors.magenta(eventType);
  return colors.cyan(eventType);
}
