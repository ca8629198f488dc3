/**
 * Replay produced different decisions from the ones in history: the workflow code changed in a
 * way that is not backwards compatible. It fails the decision task, never the execution.
 */
import { SwirlFailure } from './swirl-failure.js';

export interface NonDeterminismErrorOptions {
  /** The history event where replay and code disagree. */
  readonly eventId: number;
  /** What history recorded there (a decision event or its description); undefined when history has nothing. */
  readonly recorded: unknown;
  /** What the code produced now; undefined when it produced nothing. */
  readonly produced: unknown;
  /** @default "Non-deterministic workflow at event <id>: history recorded <recorded> but the code produced <produced>. ..." */
  readonly message?: string | undefined;
}

// Keep messages readable even when a decision carries a large input.
const MAX_DESCRIPTION_CHARS = 500;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_DESCRIPTION_CHARS ? `${text.slice(0, MAX_DESCRIPTION_CHARS)}...` : text;
}

export class NonDeterminismError extends SwirlFailure {
  readonly eventId: number;
  readonly recorded: unknown;
  readonly produced: unknown;

  constructor(options: NonDeterminismErrorOptions) {
    super(
      options.message ??
        `Non-deterministic workflow at event ${options.eventId}: history recorded ${describe(options.recorded)} but the code produced ${describe(options.produced)}. ` +
          'Use patched()/deprecatePatch() to change workflow code that has running executions.',
    );
    this.eventId = options.eventId;
    this.recorded = options.recorded;
    this.produced = options.produced;
  }
}
