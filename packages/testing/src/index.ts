/**
 * @swirl/testing: test Swirl workflows and activities. Replay recorded histories against today's
 * code (`replayHistory`, `replayHistories`, `loadHistory`), run everything in process with virtual
 * time (`TestEnvironment`), unit-test deciders (`WorkflowHarness`, `HistoryBuilder`,
 * `runDecisionTask`) and activities (`runActivity`, `MockActivityContext`).
 *
 * @example
 * ```ts
 * import { TestEnvironment, replayHistory } from '@swirl/testing';
 * import { ReminderWorkflow, Mailer } from './reminder.js';
 *
 * const env = await TestEnvironment.create();
 * await env.createWorker({ taskList: 'reminders', workflows: [ReminderWorkflow], activities: [new Mailer()] });
 * const handle = await env.client.start(ReminderWorkflow, { workflowId: 'r-1', input: { to: 'ana' } });
 * await env.sleep('7d'); // a week of timers, in milliseconds
 * console.log(await handle.result());
 * await replayHistory({ workflows: [ReminderWorkflow] }, await env.exportHistory('r-1')); // throws NonDeterminismError on drift
 * await env.teardown();
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
export { TaskDeliveryLedger, type TaskDelivery } from './delivery/task-delivery-ledger.js';
