/**
 * @swirl/testing: load recorded SWF histories in any common shape and test workflows against them.
 *
 * @example
 * ```ts
 * import { loadHistory } from '@swirl/testing';
 *
 * const { events, history, format } = await loadHistory('histories/order-42.json');
 * console.log(format, events.length, history);
 * ```
 */
export {
  loadHistory,
  type LoadedHistory,
  type LoadHistoryOptions,
  type HistorySource,
} from './history/load-history.js';
export { detectHistoryFormat, type HistoryFormat, type DetectedHistory } from './history/detect-history-format.js';
export { HistoryLoadError } from './history/history-load-error.js';
export {
  toSwirlHistoryExport,
  serializeHistoryEvent,
  swirlHistoryExportSchema,
  SWIRL_HISTORY_FORMAT,
  SWIRL_HISTORY_VERSION,
  type SwirlHistoryExport,
  type HistoryExportInput,
} from './history/swirl-history-format.js';
export {
  replayHistory,
  isLoadedHistory,
  UNNAMED_EXECUTION,
  type ReplayOptions,
  type ReplayableHistory,
  type ReplayResult,
} from './replay/replay-history.js';
export { replayHistories, historyFilesIn, type ReplayOutcome, type ReplayHistoriesInput } from './replay/replay-histories.js';
export { ReplayWorkflowNotFoundError, UnreplayableHistoryError } from './replay/replay-errors.js';
export { decodeHistoryPayloads } from './replay/decode-history.js';
export { TestEnvironment, type TestEnvironmentOptions, type TestWorkerOptions } from './environment/test-environment.js';
export {
  HistoryBuilder,
  DEFAULT_HISTORY_START,
  type HistoryBuilderOptions,
  type WorkflowTypeRef,
  type FailureInput,
  type WorkflowStartedOptions,
  type ActivityScheduledOptions,
  type ChildInitiatedOptions,
} from './harness/history-builder.js';
export {
  WorkflowHarness,
  runDecisionTask,
  DEFAULT_TEST_EXECUTION,
  type DecisionTaskOptions,
  type WorkflowHarnessOptions,
  type DecisionTaskResult,
} from './harness/workflow-harness.js';
export {
  MockActivityContext,
  runActivity,
  type MockActivityContextOptions,
  type RunActivityOptions,
  type ActivityMethodName,
} from './activity/mock-activity-context.js';
