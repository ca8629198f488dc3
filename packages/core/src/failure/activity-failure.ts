/** An activity that failed, timed out or was cancelled, as the awaiting workflow code sees it. */
import type { ActivityType } from '@aws-sdk/client-swf';
import { SwirlFailure } from './swirl-failure.js';

export interface ActivityFailureOptions {
  readonly activityType: Required<ActivityType>;
  readonly activityId: string;
  /** The `ActivityTaskScheduled` event id, 0 when scheduling itself failed. */
  readonly scheduledEventId: number;
  /** The `ActivityTaskStarted` event id, 0 when the task never started. @default 0 */
  readonly startedEventId?: number | undefined;
  /** What went wrong: an `ApplicationFailure`, `TimeoutFailure`, `CancelledFailure` or `SwfCauseFailure`. */
  readonly cause: Error;
  /** @default "Activity <name> v<version> (activityId <id>) failed: <cause's message>" */
  readonly message?: string | undefined;
}

export class ActivityFailure extends SwirlFailure {
  readonly activityType: Required<ActivityType>;
  readonly activityId: string;
  readonly scheduledEventId: number;
  readonly startedEventId: number;
  declare readonly cause: Error;

  constructor(options: ActivityFailureOptions) {
    const { name, version } = options.activityType;
    super(options.message ?? `Activity ${name} v${version} (activityId ${options.activityId}) failed: ${options.cause.message}`, {
      cause: options.cause,
    });
    this.activityType = options.activityType;
    this.activityId = options.activityId;
    this.scheduledEventId = options.scheduledEventId;
    this.startedEventId = options.startedEventId ?? 0;
  }
}
