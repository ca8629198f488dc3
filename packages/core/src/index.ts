/**
 * @swirl/core: SWF shapes and limits, durations, errors, payloads and the History model.
 * Everything else in Swirl builds on these; nothing here does IO.
 *
 * @example
 * ```ts
 * import { toSwfDuration, resolveWorkflowType } from '@swirl/core';
 * toSwfDuration('5m'); // "300"
 * ```
 */
export { DurationError, formatDuration, fromSwfDuration, parseDuration, toOptionalSwfDuration, toSwfDuration } from './duration.js';
export type { DurationInput } from './duration.js';
export * from './definitions/index.js';
export * from './schemas/index.js';
export * from './errors/index.js';
export * from './payload/index.js';
export * from './history/index.js';
export * from './failure/index.js';
export { intercept } from './interceptors/intercept.js';
export type { InterceptorHook } from './interceptors/intercept.js';
