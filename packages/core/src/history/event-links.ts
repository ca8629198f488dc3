/**
 * Which earlier event each linking id of an SWF history event must point at. Ids naming events
 * of another execution (`parentInitiatedEventId`, `externalInitiatedEventId`) are not links here.
 */
import type { EventType } from '@aws-sdk/client-swf';

export const LINK_FIELDS = [
  'scheduledEventId',
  'startedEventId',
  'initiatedEventId',
  'decisionTaskCompletedEventId',
  'latestCancelRequestedEventId',
] as const;
export type LinkField = (typeof LINK_FIELDS)[number];

type Family = 'ActivityTask' | 'DecisionTask' | 'LambdaFunction' | 'Timer' | 'ChildWorkflow' | 'SignalExternal' | 'CancelExternal';

function familyOf(type: EventType): Family | undefined {
  if (type.startsWith('ActivityTask') || type === 'ScheduleActivityTaskFailed' || type === 'RequestCancelActivityTaskFailed') return 'ActivityTask';
  if (type.startsWith('DecisionTask')) return 'DecisionTask';
  if (type.startsWith('LambdaFunction') || type.endsWith('LambdaFunctionFailed')) return 'LambdaFunction';
  if (type.startsWith('Timer') || type === 'StartTimerFailed' || type === 'CancelTimerFailed') return 'Timer';
  if (type.startsWith('ChildWorkflowExecution') || type.startsWith('StartChildWorkflowExecution')) return 'ChildWorkflow';
  if (type.startsWith('SignalExternal') || type === 'ExternalWorkflowExecutionSignaled') return 'SignalExternal';
  if (type.startsWith('RequestCancelExternal') || type === 'ExternalWorkflowExecutionCancelRequested') return 'CancelExternal';
  return undefined;
}

const SCHEDULED: Partial<Record<Family, EventType>> = {
  ActivityTask: 'ActivityTaskScheduled',
  DecisionTask: 'DecisionTaskScheduled',
  LambdaFunction: 'LambdaFunctionScheduled',
};
const STARTED: Partial<Record<Family, EventType>> = {
  ActivityTask: 'ActivityTaskStarted',
  DecisionTask: 'DecisionTaskStarted',
  LambdaFunction: 'LambdaFunctionStarted',
  Timer: 'TimerStarted',
  ChildWorkflow: 'ChildWorkflowExecutionStarted',
};
const INITIATED: Partial<Record<Family, EventType>> = {
  ChildWorkflow: 'StartChildWorkflowExecutionInitiated',
  SignalExternal: 'SignalExternalWorkflowExecutionInitiated',
  CancelExternal: 'RequestCancelExternalWorkflowExecutionInitiated',
};

/** The event type a link field of an event of `type` must point at, or undefined when it is no link. */
export function linkTargetType(type: EventType, field: LinkField): EventType | undefined {
  if (field === 'decisionTaskCompletedEventId') return 'DecisionTaskCompleted';
  if (field === 'latestCancelRequestedEventId') return 'ActivityTaskCancelRequested';
  const family = familyOf(type);
  if (!family) return undefined;
  const table = field === 'scheduledEventId' ? SCHEDULED : field === 'startedEventId' ? STARTED : INITIATED;
  return table[family];
}

/** One link an event type carries: the field and the type of event it must name. */
export interface LinkRule {
  readonly field: LinkField;
  readonly target: EventType;
}

const RULES_BY_TYPE = new Map<string, readonly LinkRule[]>();

/** The link fields of events of `type` with their target types, worked out once per type. */
export function linkRulesOf(type: EventType): readonly LinkRule[] {
  let rules = RULES_BY_TYPE.get(type);
  if (!rules) {
    rules = LINK_FIELDS.flatMap((field) => {
      const target = linkTargetType(type, field);
      return target ? [{ field, target }] : [];
    });
    RULES_BY_TYPE.set(type, rules);
  }
  return rules;
}
