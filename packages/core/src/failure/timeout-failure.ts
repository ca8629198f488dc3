/** A timeout recorded by SWF: activity, lambda, child or workflow execution. */
import type { ActivityTaskTimeoutType, LambdaFunctionTimeoutType, WorkflowExecutionTimeoutType } from '@aws-sdk/client-swf';
import { SwirlFailure } from './swirl-failure.js';

export type TimeoutType = ActivityTaskTimeoutType | LambdaFunctionTimeoutType | WorkflowExecutionTimeoutType;

export class TimeoutFailure extends SwirlFailure {
  readonly timeoutType: TimeoutType;
  /** The details of the last heartbeat before an activity timed out, if it sent any. */
  readonly lastHeartbeatDetails: unknown;

  constructor(message: string, timeoutType: TimeoutType, lastHeartbeatDetails?: unknown) {
    super(message);
    this.timeoutType = timeoutType;
    this.lastHeartbeatDetails = lastHeartbeatDetails;
  }
}
