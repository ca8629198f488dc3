/** RespondDecisionTaskCompleted: validate the whole list, then apply each decision in order. */
import type { ExecutionRecord } from '../../store/records.js';
import { clearDecisionTask } from '../tasks/decision-tasks.js';
import { CLOSE_DECISIONS, DECISIONS, decisionAttributesKey, isDecisionType } from './index.js';
import { fault } from '../faults.js';
import { recordEvent } from '../runs/history-writer.js';
import type { OperationInput } from '../operations.js';
import type { EngineState } from '../engine-state.js';
import { resolveTaskToken } from '../tasks/task-tokens.js';

type WireDecision = Record<string, any>;

/**
 * Rejects a structurally invalid decision list as a whole, before anything is recorded, so the
 * decision task stays open (and later times out) exactly as with the real service.
 */
function validateDecisionList(decisions: readonly WireDecision[]): void {
  decisions.forEach((decision, index) => {
    const at = `decisions.${index + 1}.member`;
    if (!isDecisionType(decision['decisionType'])) {
      throw fault('ValidationException', `1 validation error detected: Value '${String(decision['decisionType'])}' at '${at}.decisionType' failed to satisfy constraint: Member must satisfy enum value set: [${Object.keys(DECISIONS).join(', ')}]`);
    }
    const key = decisionAttributesKey(decision['decisionType']);
    const attributes = decision[key] as Record<string, unknown> | undefined;
    for (const field of DECISIONS[decision['decisionType']].required) {
      if (attributes?.[field] === undefined) {
        throw fault('ValidationException', `1 validation error detected: Value null at '${at}.${key}.${field}' failed to satisfy constraint: Member must not be null`);
      }
    }
  });
  // The service's input validation (types, required members) runs over the whole list before
  // its own rule on where a close may stand.
  if (decisions.some((decision, index) => CLOSE_DECISIONS.has(decision['decisionType']) && index !== decisions.length - 1)) throw fault('ValidationException', 'Close must be last decision in list');
}

function resolveDecisionToken(state: EngineState, taskToken: string): ExecutionRecord {
  return resolveTaskToken(state, taskToken, 'decision', (run, record) => run.decision?.startedEventId === record.startedEventId).execution;
}

/**
 * RespondDecisionTaskCompleted: records DecisionTaskCompleted, then one event per decision in
 * list order; the end of the step schedules the next decision task if any ★ event is waiting.
 */
export function respondDecisionTaskCompleted(state: EngineState, input: OperationInput<'RespondDecisionTaskCompleted'>): undefined {
  const execution = resolveDecisionToken(state, input.taskToken);
  const decisions: WireDecision[] = input.decisions ?? [];
  validateDecisionList(decisions);
  state.atomically(() => {
    const task = execution.decision!;
    const completedEventId = recordEvent(state, execution, 'DecisionTaskCompleted', {
      executionContext: input.executionContext,
      scheduledEventId: task.scheduledEventId,
      startedEventId: task.startedEventId,
      taskList: input.taskList ? { name: input.taskList.name } : undefined,
      taskListScheduleToStartTimeout: input.taskListScheduleToStartTimeout,
    });
    execution.previousStartedEventId = task.startedEventId;
    clearDecisionTask(state, execution);
    if (input.executionContext !== undefined) execution.latestExecutionContext = input.executionContext;
    updateTaskListOverride(execution, input);
    const context = { state, execution, completedEventId, decisionPending: execution.decisionNeeded };
    for (const decision of decisions) {
      const type = decision['decisionType'] as keyof typeof DECISIONS;
      DECISIONS[type].handler(context, decision[decisionAttributesKey(type)] ?? {});
    }
  });
  return undefined;
}

/**
 * A task list given on the response redirects the next decision tasks there. With
 * `taskListScheduleToStartTimeout` the redirect is temporary (it reverts on a timeout) and a
 * response without a task list ends it; without one it stays until another response changes it.
 */
function updateTaskListOverride(execution: ExecutionRecord, input: OperationInput<'RespondDecisionTaskCompleted'>): void {
  if (input.taskList) {
    execution.taskListOverride = {
      taskList: { name: input.taskList.name },
      ...(input.taskListScheduleToStartTimeout !== undefined ? { scheduleToStartTimeout: input.taskListScheduleToStartTimeout } : {}),
    };
  } else if (execution.taskListOverride?.scheduleToStartTimeout !== undefined) {
    delete execution.taskListOverride;
  }
}
