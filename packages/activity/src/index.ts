/**
 * @swirl/activity: the `Activities` base class and the activity context. Each public method of an
 * `Activities` subclass is an activity; inside it, `this.context` (or `ActivityContext.current()` in
 * helper functions) gives heartbeats, a cancellation `AbortSignal`, task info and manual completion.
 *
 * @example
 * ```ts
 * import { Activities } from '@swirl/activity';
 *
 * export class FileActivities extends Activities {
 *   static readonly type = { version: '1', defaults: { startToCloseTimeout: '10m', heartbeatTimeout: '30s' } };
 *
 *   async copy(input: { files: string[] }): Promise<number> {
 *     for (const [index, file] of input.files.entries()) {
 *       this.context.signal.throwIfAborted(); // cancelled, timed out or shutting down
 *       await copyOne(file);
 *       this.context.heartbeat({ done: index + 1 }); // throttled; newest details win
 *     }
 *     return input.files.length;
 *   }
 * }
 * ```
 */
export { Activities } from './activities.js';
export {
  ActivityContext,
  ActivityTaskControl,
  NoActivityContextError,
  createActivityContext,
  runInActivityContext,
  type ActivityContextOptions,
  type HeartbeatOutcome,
  type HeartbeatRecorder,
} from './context.js';
export { ActivityCancelledError, isCancellation, type ActivityCancellationReason } from './cancellation.js';
export { HeartbeatThrottle, type HeartbeatThrottleOptions } from './heartbeat-throttle.js';
export type { ActivityInfo } from './info.js';
