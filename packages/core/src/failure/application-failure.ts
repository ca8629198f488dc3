/**
 * A failure raised by user code. Thrown from a workflow it fails the execution; thrown from an
 * activity it travels to the workflow as the `cause` of an `ActivityFailure`.
 */
import { SwirlFailure } from './swirl-failure.js';

export interface ApplicationFailureOptions {
  readonly message: string;
  /** What kind of failure this is; becomes SWF's `reason`. @default 'Error' */
  readonly type?: string | undefined;
  /** When true, retry policies give up at once. @default false */
  readonly nonRetryable?: boolean | undefined;
  /** JSON-serializable values that travel with the failure. @default [] */
  readonly details?: readonly unknown[] | undefined;
  /** The error that led to this one; encoded with it as a cause chain. @default none */
  readonly cause?: unknown;
}

export class ApplicationFailure extends SwirlFailure {
  readonly type: string;
  readonly nonRetryable: boolean;
  readonly details: readonly unknown[];

  constructor(options: ApplicationFailureOptions) {
    super(options.message, { cause: options.cause });
    this.type = options.type ?? 'Error';
    this.nonRetryable = options.nonRetryable ?? false;
    this.details = options.details ?? [];
  }

  static create(options: ApplicationFailureOptions): ApplicationFailure {
    return new ApplicationFailure(options);
  }

  /** A failure that retry policies may retry. */
  static retryable(message: string, type?: string): ApplicationFailure {
    return new ApplicationFailure({ message, type, nonRetryable: false });
  }

  /** A failure that no retry policy retries. */
  static nonRetryable(message: string, type?: string): ApplicationFailure {
    return new ApplicationFailure({ message, type, nonRetryable: true });
  }
}
