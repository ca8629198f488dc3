/**
 * RespondDecisionTaskCompleted: apply each decision in order. The list arrives validated by
 * @swirl/core's decision schemas (the one statement of the decision rules and their wording).
 */
import type { ExecutionRecord } from '../../store/records.js';
import { clearDecisionTask } from '../tasks/decision-tasks.js';
import { decisionAttributesKey } from '@swirl/core';
import { DECISIONS, type DecisionType } from './index.js';
import { recordEvent } from '../runs/history-writer.js';
import type { OperationInput } from '../operations.js';
import type { EngineState } from '../engine-state.js';
import { resolveTaskToken } from '../tasks/task-tokens.js';

type WireDecision = Record<string, any>;

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
      const type = decision['decisionType'] as DecisionType;
      DECISIONS[type](context, decision[decisionAttributesKey(type)] ?? {});
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
