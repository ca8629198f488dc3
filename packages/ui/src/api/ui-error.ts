/** Errors the UI's API answers with, and how any error becomes `{ error: { type, message } }`. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A request the API refuses before calling SWF: bad filters, a missing field, a cross-site POST. */
export class UiRequestError extends Error {
  override readonly name = 'UiRequestError';
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 415 = 400,
    readonly type = 'BadRequest',
  ) {
    super(message);
  }
}

/** The JSON body of every failed API call; the page shows `type` and `message` as they are. */
export interface UiErrorBody {
  readonly error: { readonly type: string; readonly message: string; readonly status: number };
}

interface SdkFault {
  readonly name: string;
  readonly message: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $fault?: 'client' | 'server';
}

function isSdkFault(error: unknown): error is SdkFault {
  return error instanceof Error && typeof (error as { $metadata?: unknown }).$metadata === 'object';
}

/** The SWF fault (its SDK name and message) or the UI's own refusal, plainly; anything else is a 500 the log explains. */
export function errorBody(error: unknown): { status: ContentfulStatusCode; body: UiErrorBody } {
  if (error instanceof UiRequestError) return { status: error.status, body: { error: { type: error.type, message: error.message, status: error.status } } };
  if (isSdkFault(error)) {
    const given = error.$metadata?.httpStatusCode;
    const status = (given !== undefined && given >= 400 && given <= 599 ? given : error.$fault === 'client' ? 400 : 502) as ContentfulStatusCode;
    return { status, body: { error: { type: error.name, message: error.message, status } } };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { status: 500, body: { error: { type: 'InternalError', message: `The UI server failed: ${message}; see its log`, status: 500 } } };
}

export function answerError(c: Context, error: unknown): Response {
  const { status, body } = errorBody(error);
  return c.json(body, status);
}
