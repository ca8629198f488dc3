/** ScheduleLambdaFunction: runs the registered handler and records its outcome or timeout. */
import type { ExecutionRecord, LambdaState } from '../../store/records.js';
import { invokeLambda } from '../../lambda/invoke-lambda.js';
import { durationMs } from '../time/durations.js';
import { recordEvent } from '../runs/history-writer.js';
import { deadlineKey } from '../runs/run-keys.js';
import { ENGINE_LIMITS } from '../limits.js';
import type { EngineState } from '../engine-state.js';
import type { DecisionAttributes, DecisionContext } from './context.js';

/** Lambda's own ceiling and SWF's default for `startToCloseTimeout`. */
const DEFAULT_LAMBDA_TIMEOUT = '900';

/**
 * ScheduleLambdaFunction runs a handler registered with the engine (`lambdaHandlers[name]`).
 *
 * - No handler under that name: the decision fails with `ScheduleLambdaFunctionFailed` and cause
 *   `LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION`, the documented cause that says "this endpoint cannot
 *   run that function". It is decided at decision time, so the decider learns of it in its next task.
 * - No `lambdaRole` on the execution: `LambdaFunctionScheduled`, then `StartLambdaFunctionFailed`
 *   with `ASSUME_ROLE_FAILED`, exactly as the real service records it.
 * - Otherwise: Scheduled, Started, then Completed, Failed (a thrown error: reason `UnhandledError`)
 *   or TimedOut (START_TO_CLOSE) when the handler outlives `startToCloseTimeout` (default 900 s).
 */
export function scheduleLambdaFunction(context: DecisionContext, attributes: DecisionAttributes): void {
  const { state, execution, completedEventId } = context;
  const id: string = attributes['id'];
  const name: string = attributes['name'];
  const fail = (cause: string): void => {
    recordEvent(state, execution, 'ScheduleLambdaFunctionFailed', { id, name, cause, decisionTaskCompletedEventId: completedEventId });
  };
  if (execution.lambdas[id]) return fail('ID_ALREADY_IN_USE');
  if (Object.keys(execution.lambdas).length >= ENGINE_LIMITS.openLambdaFunctions) return fail('OPEN_LAMBDA_FUNCTIONS_LIMIT_EXCEEDED');
  const handler = state.lambdaHandlers[name];
  if (!handler) return fail('LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION');
  const startToCloseTimeout: string = attributes['startToCloseTimeout'] ?? DEFAULT_LAMBDA_TIMEOUT;
  const input: string | undefined = attributes['input'];
  const scheduledEventId = recordEvent(state, execution, 'LambdaFunctionScheduled', {
    id,
    name,
    control: attributes['control'],
    input,
    startToCloseTimeout,
    decisionTaskCompletedEventId: completedEventId,
  });
  execution.lambdas[id] = {
    id,
    name,
    scheduledEventId,
    startedEventId: 0,
    startToCloseTimeout,
    ...(input !== undefined ? { input } : {}),
    ...(attributes['control'] !== undefined ? { control: attributes['control'] as string } : {}),
  };
  const { domain, workflowId, runId } = execution;
  /** The lambda if its run is still open and it is still the one scheduled here. */
  const current = () => {
    const run = state.store.getExecution(domain, workflowId, runId);
    const lambda = run?.status === 'OPEN' ? run.lambdas[id] : undefined;
    return run && lambda && lambda.scheduledEventId === scheduledEventId ? { run, lambda } : undefined;
  };
  state.afterward(() => {
    const found = current();
    if (!found) return;
    const { run, lambda } = found;
    if (run.config.lambdaRole === undefined) {
      delete run.lambdas[id];
      recordEvent(state, run, 'StartLambdaFunctionFailed', {
        scheduledEventId,
        cause: 'ASSUME_ROLE_FAILED',
        message: 'No IAM role is attached to the current workflow execution.',
      });
      return;
    }
    const startedEventId = recordEvent(state, run, 'LambdaFunctionStarted', { scheduledEventId });
    lambda.startedEventId = startedEventId;
    lambda.startedAt = state.now();
    state.work.started({ kind: 'lambda', domain, workflowId, runId, scheduledEventId, startedEventId, taskList: '' });
    const timeoutKey = armLambdaTimeout(state, run, lambda);
    invokeLambda(handler, input)
      .then((outcome) => {
        // A closed engine may have closed its store too; a restarted engine times this lambda out instead.
        if (state.closed) return;
        state.atomically(() => {
          const open = current();
          if (!open) return; // timed out, or the run closed meanwhile
          state.timeouts.delete(timeoutKey);
          state.work.finished('lambda', runId, scheduledEventId);
          delete open.run.lambdas[id];
          if (outcome.ok) {
            recordEvent(state, open.run, 'LambdaFunctionCompleted', { scheduledEventId, startedEventId, result: outcome.result });
          } else {
            recordEvent(state, open.run, 'LambdaFunctionFailed', { scheduledEventId, startedEventId, reason: outcome.reason, details: outcome.details });
          }
        });
      })
      .catch((error: unknown) => state.logger?.error({ err: error, workflowId, runId, lambdaId: id }, 'recording a lambda outcome failed'));
  });
}

/**
 * Arms a started lambda's START_TO_CLOSE deadline and returns its key. A restarted engine re-arms
 * it too: the invocation died with the old process, so the function times out at its deadline.
 */
export function armLambdaTimeout(state: EngineState, execution: ExecutionRecord, lambda: LambdaState): string {
  const { domain, workflowId, runId } = execution;
  const { id, scheduledEventId, startedEventId } = lambda;
  const timeoutKey = deadlineKey(execution, 'lambda-start-to-close', id);
  state.timeouts.set(timeoutKey, (lambda.startedAt ?? state.now()) + durationMs(lambda.startToCloseTimeout), () => {
    const run = state.store.getExecution(domain, workflowId, runId);
    const open = run?.status === 'OPEN' ? run.lambdas[id] : undefined;
    if (!run || !open || open.scheduledEventId !== scheduledEventId) return;
    state.work.finished('lambda', runId, scheduledEventId);
    delete run.lambdas[id];
    recordEvent(state, run, 'LambdaFunctionTimedOut', { scheduledEventId, startedEventId, timeoutType: 'START_TO_CLOSE' });
  });
  return timeoutKey;
}
