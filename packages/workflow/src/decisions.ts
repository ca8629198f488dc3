/**
 * Typed builders of the 13 SWF decisions. `decisions.*` validate each decision against core's
 * schema (names, lengths, durations) and throw `InvalidDecisionError` naming the problem; the
 * runtime builds with `buildDecision` and validates each response as a whole.
 */
import type { Decision, DecisionType } from '@aws-sdk/client-swf';
import { DECISION_PAYLOAD_FIELDS, decisionAttributesKey, decisionListSchema, decisionSchema, formatValidationError } from '@swirl/core';

/** The SDK attributes type of one decision type. */
export type DecisionAttributesOf<T extends DecisionType> = NonNullable<Decision[`${Uncapitalize<T>}DecisionAttributes` & keyof Decision]>;

export class InvalidDecisionError extends Error {
  override readonly name = 'InvalidDecisionError';
}

/** Copies `value` without its undefined fields (SDK shapes are optional-property objects). */
export function withoutUndefined<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  // for...in over own keys: Object.entries would allocate a pair per field, on every decision.
  for (const key in source) {
    if (Object.hasOwn(source, key) && source[key] !== undefined) copy[key] = source[key];
  }
  return copy as T;
}

/** A decision of type `type` with `attributes`, unvalidated. */
export function buildDecision<T extends DecisionType>(type: T, attributes: DecisionAttributesOf<T>): Decision {
  return { decisionType: type, [decisionAttributesKey(type)]: withoutUndefined(attributes) } as Decision;
}

/** Throws `InvalidDecisionError` unless `decision` satisfies SWF's constraints. */
export function validateDecision(decision: Decision): Decision {
  const parsed = decisionSchema.safeParse(decision);
  if (!parsed.success) throw new InvalidDecisionError(`Invalid ${decision.decisionType} decision: ${formatValidationError(parsed.error, decision)}`);
  return decision;
}

/** Throws `InvalidDecisionError` unless the list is one SWF accepts (each decision valid, a close decision only last). */
export function validateDecisionList(decisions: readonly Decision[]): void {
  const parsed = decisionListSchema.safeParse(decisions);
  if (!parsed.success) throw new InvalidDecisionError(`Invalid decision list: ${formatValidationError(parsed.error, decisions)}`);
}

/** A copy of `decision` without its payload fields (input, result, details, control). */
function withoutPayloads(decision: Decision): Decision {
  const type = decision.decisionType as DecisionType;
  const key = decisionAttributesKey(type);
  const attributes = (decision as unknown as Record<string, Record<string, unknown> | undefined>)[key];
  if (!attributes) return decision;
  const stripped = { ...attributes };
  for (const field of DECISION_PAYLOAD_FIELDS[type]) delete stripped[field];
  return { ...decision, [key]: stripped } as Decision;
}

/**
 * Validates everything but payload sizes: payloads are still plain here, and the worker checks
 * their size after its codecs (compression may shrink them below the limit).
 */
export function validateDecisionShapes(decisions: readonly Decision[]): void {
  validateDecisionList(decisions.map(withoutPayloads));
}

const build =
  <T extends DecisionType>(type: T) =>
  (attributes: DecisionAttributesOf<T>): Decision =>
    validateDecision(buildDecision(type, attributes));

/** Validated builders, one per decision type: `decisions.startTimer({ timerId: 't1', startToFireTimeout: '60' })`. */
export const decisions = {
  scheduleActivityTask: build('ScheduleActivityTask'),
  requestCancelActivityTask: build('RequestCancelActivityTask'),
  completeWorkflowExecution: (attributes: DecisionAttributesOf<'CompleteWorkflowExecution'> = {}) =>
    validateDecision(buildDecision('CompleteWorkflowExecution', attributes)),
  failWorkflowExecution: (attributes: DecisionAttributesOf<'FailWorkflowExecution'> = {}) =>
    validateDecision(buildDecision('FailWorkflowExecution', attributes)),
  cancelWorkflowExecution: (attributes: DecisionAttributesOf<'CancelWorkflowExecution'> = {}) =>
    validateDecision(buildDecision('CancelWorkflowExecution', attributes)),
  continueAsNewWorkflowExecution: (attributes: DecisionAttributesOf<'ContinueAsNewWorkflowExecution'> = {}) =>
    validateDecision(buildDecision('ContinueAsNewWorkflowExecution', attributes)),
  recordMarker: build('RecordMarker'),
  startTimer: build('StartTimer'),
  cancelTimer: build('CancelTimer'),
  signalExternalWorkflowExecution: build('SignalExternalWorkflowExecution'),
  requestCancelExternalWorkflowExecution: build('RequestCancelExternalWorkflowExecution'),
  startChildWorkflowExecution: build('StartChildWorkflowExecution'),
  scheduleLambdaFunction: build('ScheduleLambdaFunction'),
} satisfies Record<Uncapitalize<DecisionType>, (attributes: never) => Decision>;
