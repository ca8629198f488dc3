/** Cancellation reached the awaiting code: of the workflow, an activity, a timer or a child. */
import { SwirlFailure } from './swirl-failure.js';

export class CancelledFailure extends SwirlFailure {
  /** The `details` SWF recorded with the cancellation, decoded. */
  readonly details: unknown;

  constructor(message: string, details?: unknown) {
    super(message);
    this.details = details;
  }
}
