import type { LambdaHandler } from '../engine/engine-state.js';

export type LambdaOutcome =
  | { ok: true; result: string | undefined }
  | { ok: false; reason: string; details: string };

const MAX_RESULT = 32_768;
const MAX_REASON = 256;

/**
 * Runs a user's lambda handler and turns whatever happens into an outcome; it never rejects.
 * A thrown error is reported the way AWS Lambda reports an unhandled error: reason
 * `UnhandledError`, details `{"errorType","errorMessage"}`.
 */
export async function invokeLambda(handler: LambdaHandler, input: string | undefined): Promise<LambdaOutcome> {
  try {
    // Deferred so user code never runs inside the engine step that scheduled it.
    const result = await Promise.resolve().then(() => handler(input));
    if (result !== undefined && typeof result !== 'string') {
      return failure('InvalidResult', `Lambda handlers must resolve to a string or undefined, got ${typeof result}`);
    }
    if (result !== undefined && result.length > MAX_RESULT) {
      return failure('ResultTooLarge', `Lambda result has ${result.length} characters; the limit is ${MAX_RESULT}`);
    }
    return { ok: true, result };
  } catch (error) {
    const errorType = error instanceof Error ? error.name : typeof error;
    const errorMessage = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'UnhandledError', details: truncate(JSON.stringify({ errorType, errorMessage }), MAX_RESULT) };
  }
}

function failure(errorType: string, errorMessage: string): LambdaOutcome {
  return { ok: false, reason: truncate(errorType, MAX_REASON), details: JSON.stringify({ errorType, errorMessage }) };
}

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : text.slice(0, limit);
}
