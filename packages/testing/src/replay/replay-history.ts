/**
 * `replayHistory`: runs today's workflow code over a recorded history with the real
 * `WorkflowRuntime`, exactly as a worker replays it, and fails with `NonDeterminismError` when the
 * code no longer makes the decisions the history recorded.
 */
import type { Decision } from '@aws-sdk/client-swf';
import { History, type PayloadCodec, type PayloadConverter } from '@swirl/core';
import { createWorkflowRegistry, WorkflowRuntime, type WorkflowClass, type WorkflowLogger } from '@swirl/workflow';
import { loadHistory, type HistorySource, type LoadedHistory } from '../history/load-history.js';
import { decodeHistoryPayloads } from './decode-history.js';
import { withPendingDecisionTask } from './pending-decision-task.js';
import { ReplayWorkflowNotFoundError, UnreplayableHistoryError } from './replay-errors.js';

export interface ReplayOptions {
  /** The workflow classes to replay with; the history's workflow type picks one. */
  readonly workflows: readonly WorkflowClass[];
  /** Must match the workers' converter. @default jsonPayloadConverter */
  readonly converter?: PayloadConverter;
  /** Must match the workers' codecs, in the same order; payloads are decoded before replay. @default [] */
  readonly codecs?: readonly PayloadCodec[];
  /** Error classes that fail the execution instead of the decision task, as on the worker. @default [] */
  readonly failWorkflowOn?: ReadonlyArray<new (...args: any[]) => Error>;
  /** Where workflow code logs while it decides the open task at the end (silent while replaying). @default silentLogger */
  readonly logger?: WorkflowLogger;
}

/** A history as `loadHistory` accepts it (file, URL, JSON text, parsed JSON), or one it loaded. */
export type ReplayableHistory = HistorySource | LoadedHistory;

/** Execution ids used when the history file does not name its run (only Swirl's export always does). */
export const UNNAMED_EXECUTION = { workflowId: 'replay', runId: 'replay' } as const;

export interface ReplayResult {
  /** The replayed run; `UNNAMED_EXECUTION` when the history did not say. */
  readonly execution: { readonly workflowId: string; readonly runId: string };
  readonly workflowType: { readonly name: string; readonly version: string };
  /** Recorded events replayed. */
  readonly events: number;
  /** Recorded decision tasks whose decisions were checked. */
  readonly decisionTasks: number;
  /**
   * What the code decides for the open decision task the history ends with (or for the events still
   * waiting for one when the run is open): nothing recorded them yet, so they are returned, not checked.
   */
  readonly nextDecisions: Decision[];
}

/** True for a `LoadedHistory` rather than a raw source. */
export function isLoadedHistory(value: ReplayableHistory): value is LoadedHistory {
  return typeof value === 'object' && !(value instanceof URL) && !Array.isArray(value) && (value as Partial<LoadedHistory>).history instanceof History;
}

/** Loads `history` unless it is loaded already. */
export async function toLoadedHistory(history: ReplayableHistory): Promise<LoadedHistory> {
  return isLoadedHistory(history) ? history : loadHistory(history);
}

/**
 * Replays `history` against the workflow class its type names. Resolves with what was checked;
 * throws `NonDeterminismError` (naming the event) when the code's decisions differ from the
 * recorded ones, `ReplayWorkflowNotFoundError` when no class has the history's type, and any error
 * with which the code would fail a decision task.
 */
export async function replayHistory(options: ReplayOptions, history: ReplayableHistory): Promise<ReplayResult> {
  const loaded = await toLoadedHistory(history);
  const workflowType = loaded.workflowType;
  if (!workflowType) {
    throw new UnreplayableHistoryError(
      `The history${loaded.source ? ` ${loaded.source}` : ''} has no workflow type: its first event must be WorkflowExecutionStarted (was every page saved?)`,
    );
  }
  const registry = createWorkflowRegistry(options.workflows);
  const workflow = registry.get(workflowType);
  if (!workflow) throw new ReplayWorkflowNotFoundError(workflowType, registry.types);

  const execution = loaded.execution ?? UNNAMED_EXECUTION;
  const runtime = new WorkflowRuntime({
    workflow,
    execution,
    ...(options.converter && { converter: options.converter }),
    ...(options.logger && { logger: options.logger }),
    ...(options.failWorkflowOn && { failWorkflowOn: options.failWorkflowOn }),
  });
  const decoded = await decodeHistoryPayloads(loaded.events, options.codecs ?? []);
  const events = withPendingDecisionTask(decoded);
  const { decisions } = await runtime.activate(events);
  const decisionTasks = loaded.events.filter((event) => event.eventType === 'DecisionTaskCompleted').length;
  return { execution, workflowType, events: loaded.events.length, decisionTasks, nextDecisions: decisions };
}
