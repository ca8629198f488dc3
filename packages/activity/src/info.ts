/**
 * What an activity knows about its task. SWF's PollForActivityTask carries no timeouts and no attempt
 * number, so those fields come from the registered type defaults and from the worker's own clock.
 */

/** Identity and timing of the activity task being executed. */
export interface ActivityInfo {
  readonly domain: string;
  /** The task list the task was polled from. */
  readonly taskList: string;
  /** Opaque token that identifies this task to SWF (use it for manual completion). */
  readonly taskToken: string;
  readonly activityId: string;
  readonly activityType: { readonly name: string; readonly version: string };
  readonly workflowExecution: { readonly workflowId: string; readonly runId: string };
  /** Id of the ActivityTaskStarted event recorded when this task was handed out. */
  readonly startedEventId: number;
  /** Retry attempt, starting at 1, when the scheduling side made it known; SWF itself does not carry it. */
  readonly attempt: number | undefined;
  /** When the worker received the task (SWF starts the start-to-close clock at that moment). */
  readonly startedAt: Date;
  /**
   * Heartbeat timeout in milliseconds as registered for the type. The scheduling decision may override
   * it, and the task does not say so; `undefined` when unknown or `NONE`.
   */
  readonly heartbeatTimeoutMs: number | undefined;
  /** Start-to-close timeout in milliseconds as registered for the type; `undefined` when unknown or `NONE`. */
  readonly startToCloseTimeoutMs: number | undefined;
  /** `startedAt + startToCloseTimeoutMs`, the latest moment SWF still accepts a result. */
  readonly deadline: Date | undefined;
}
