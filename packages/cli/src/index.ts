/**
 * @swirl/cli: the `swirl` command — a local SWF server, domains, types, executions, history
 * timelines and exports, and replay of recorded histories.
 *
 * @example
 * ```ts
 * import { runCli } from '@swirl/cli';
 *
 * // Same as `swirl --endpoint http://127.0.0.1:8233 domain list` on a shell.
 * const exitCode = await runCli(['--endpoint', 'http://127.0.0.1:8233', 'domain', 'list']);
 * ```
 */
export { createProgram, runCli } from './program.js';
export { processIo, type CliIo } from './cli-io.js';
export { CliUsageError, formatErrorLine } from './cli-error.js';
export { resolveGlobals, isLoopbackEndpoint, type GlobalFlags, type ResolvedGlobals, type OutputFormat } from './global-options.js';
export { renderHistoryTimeline, type TimelineHeader } from './render/history-timeline.js';
