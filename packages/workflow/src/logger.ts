/**
 * The logger workflow code writes to. The worker injects its real logger (a pino child per task
 * satisfies this interface); the runtime wraps it so nothing is logged while history replays.
 */

/** One log method: pino's calling convention, fields first, then the message. */
export interface LogMethod {
  (fields: Record<string, unknown>, message?: string): void;
  (message: string): void;
}

export interface WorkflowLogger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}

const ignore: LogMethod = () => undefined;

/** Logs nothing: the default when no logger is injected. */
export const silentLogger: WorkflowLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/** A logger that forwards to `target` only while `isReplaying()` is false. */
export function replayAwareLogger(target: WorkflowLogger, isReplaying: () => boolean): WorkflowLogger {
  const wrap = (level: keyof WorkflowLogger): LogMethod =>
    ((fieldsOrMessage: Record<string, unknown> | string, message?: string) => {
      if (isReplaying()) return;
      if (typeof fieldsOrMessage === 'string') target[level](fieldsOrMessage);
      else target[level](fieldsOrMessage, message);
    }) as LogMethod;
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}
