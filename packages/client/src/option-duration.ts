/**
 * Durations in client options compile once to SWF seconds; a bad one fails with the option's name
 * in front of core's message (which lists the accepted forms).
 */
import { DurationError, toOptionalSwfDuration, type DurationInput } from '@swirl/core';

/** `toOptionalSwfDuration`, with a `DurationError` that names `option`. */
export function optionalSwfDurationOption(option: string, value: DurationInput | undefined): string | undefined {
  try {
    return toOptionalSwfDuration(value);
  } catch (error) {
    if (error instanceof DurationError) throw new DurationError(`${option}: ${error.message}`, { cause: error });
    throw error;
  }
}
