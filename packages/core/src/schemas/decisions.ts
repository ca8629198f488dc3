/**
 * The 13 SWF decisions: each is `{ decisionType, <lowerFirst(type)>DecisionAttributes }`, and a
 * list of them may hold at most one close decision, which must come last.
 */
import { z } from 'zod';
import type { DecisionType } from '@aws-sdk/client-swf';
import {
  activityTypeSchema,
  arnSchema,
  boundedString,
  childPolicySchema,
  durationSchema,
  nameReferenceSchema,
  optionalRunIdSchema,
  payloadSchema,
  reasonSchema,
  secondsSchema,
  swfNameSchema,
  swfVersionSchema,
  tagListSchema,
  taskListSchema,
  taskPrioritySchema,
  workflowTypeSchema,
} from './primitives.js';
import { SWF_LIMITS } from './limits.js';
import { attributesKeyLookup } from './attributes-key.js';
import { expectTypes, type Equal } from './type-equality.js';

export const DECISION_TYPES = [
  'ScheduleActivityTask',
  'RequestCancelActivityTask',
  'CompleteWorkflowExecution',
  'FailWorkflowExecution',
  'CancelWorkflowExecution',
  'ContinueAsNewWorkflowExecution',
  'RecordMarker',
  'StartTimer',
  'CancelTimer',
  'SignalExternalWorkflowExecution',
  'RequestCancelExternalWorkflowExecution',
  'StartChildWorkflowExecution',
  'ScheduleLambdaFunction',
] as const;
expectTypes<Equal<(typeof DECISION_TYPES)[number], DecisionType>>();

/** Decisions that close the execution; at most one per list, and it must be last. */
export const CLOSE_DECISION_TYPES = [
  'CompleteWorkflowExecution',
  'FailWorkflowExecution',
  'CancelWorkflowExecution',
  'ContinueAsNewWorkflowExecution',
] as const satisfies readonly DecisionType[];
export type CloseDecisionType = (typeof CLOSE_DECISION_TYPES)[number];

export const CLOSE_MUST_BE_LAST = 'Close must be last decision in list';

/** The attributes key of a decision type: `StartTimer` -> `startTimerDecisionAttributes`. */
export type DecisionAttributesKey<T extends DecisionType> = `${Uncapitalize<T>}DecisionAttributes`;
export function decisionAttributesKey<T extends DecisionType>(type: T): DecisionAttributesKey<T> {
  return decisionKeyOf(type) as DecisionAttributesKey<T>;
}

const decisionKeyOf = attributesKeyLookup(DECISION_TYPES, 'DecisionAttributes');

/** How the run a decision starts is driven: shared by StartChildWorkflowExecution and ContinueAsNewWorkflowExecution. */
const newRunFields = {
  executionStartToCloseTimeout: durationSchema.optional(),
  taskList: taskListSchema.optional(),
  taskPriority: taskPrioritySchema.optional(),
  taskStartToCloseTimeout: durationSchema.optional(),
  childPolicy: childPolicySchema.optional(),
  tagList: tagListSchema.optional(),
};

/** Attribute schemas of every decision type; the decision union and the payload map derive from this. */
export const DECISION_ATTRIBUTE_SCHEMAS = {
  ScheduleActivityTask: z.object({
    activityType: activityTypeSchema,
    activityId: swfNameSchema,
    control: payloadSchema.optional(),
    input: payloadSchema.optional(),
    scheduleToCloseTimeout: durationSchema.optional(),
    taskList: taskListSchema.optional(),
    taskPriority: taskPrioritySchema.optional(),
    scheduleToStartTimeout: durationSchema.optional(),
    startToCloseTimeout: durationSchema.optional(),
    heartbeatTimeout: durationSchema.optional(),
  }),
  RequestCancelActivityTask: z.object({ activityId: nameReferenceSchema }),
  CompleteWorkflowExecution: z.object({ result: payloadSchema.optional() }),
  FailWorkflowExecution: z.object({ reason: reasonSchema.optional(), details: payloadSchema.optional() }),
  CancelWorkflowExecution: z.object({ details: payloadSchema.optional() }),
  ContinueAsNewWorkflowExecution: z.object({
    input: payloadSchema.optional(),
    ...newRunFields,
    workflowTypeVersion: swfVersionSchema.optional(),
    lambdaRole: arnSchema.optional(),
  }),
  RecordMarker: z.object({ markerName: nameReferenceSchema, details: payloadSchema.optional() }),
  StartTimer: z.object({ timerId: swfNameSchema, control: payloadSchema.optional(), startToFireTimeout: secondsSchema }),
  CancelTimer: z.object({ timerId: nameReferenceSchema }),
  SignalExternalWorkflowExecution: z.object({
    workflowId: nameReferenceSchema,
    runId: optionalRunIdSchema.optional(),
    signalName: nameReferenceSchema,
    input: payloadSchema.optional(),
    control: payloadSchema.optional(),
  }),
  RequestCancelExternalWorkflowExecution: z.object({
    workflowId: nameReferenceSchema,
    runId: optionalRunIdSchema.optional(),
    control: payloadSchema.optional(),
  }),
  StartChildWorkflowExecution: z.object({
    workflowType: workflowTypeSchema,
    workflowId: swfNameSchema,
    control: payloadSchema.optional(),
    input: payloadSchema.optional(),
    ...newRunFields,
    lambdaRole: arnSchema.optional(),
  }),
  ScheduleLambdaFunction: z.object({
    id: nameReferenceSchema,
    name: boundedString(1, SWF_LIMITS.version),
    control: payloadSchema.optional(),
    input: payloadSchema.optional(),
    startToCloseTimeout: secondsSchema
      .refine((value) => Number(value) >= 1 && Number(value) <= SWF_LIMITS.lambdaStartToCloseSeconds, {
        message: `Member must be between 1 and ${SWF_LIMITS.lambdaStartToCloseSeconds} seconds`,
      })
      .optional(),
  }),
} as const satisfies { readonly [T in DecisionType]: z.ZodObject };

type AttributeSchemas = typeof DECISION_ATTRIBUTE_SCHEMAS;
/** The wire attributes of one decision type. */
export type DecisionAttributes<T extends DecisionType> = z.infer<AttributeSchemas[T]>;

// Close decisions have no required attribute, so SWF accepts them without an attributes object.
type AttributesOf<T extends DecisionType> = T extends CloseDecisionType
  ? z.ZodOptional<AttributeSchemas[T]>
  : AttributeSchemas[T];
type DecisionVariant<T extends DecisionType> = z.ZodObject<
  { decisionType: z.ZodLiteral<T> } & { [K in DecisionAttributesKey<T>]: AttributesOf<T> }
>;

function isCloseDecisionType(type: string): type is CloseDecisionType {
  return (CLOSE_DECISION_TYPES as readonly string[]).includes(type);
}

function variant<T extends DecisionType>(type: T): DecisionVariant<T> {
  const attributes = DECISION_ATTRIBUTE_SCHEMAS[type];
  return z.object({
    decisionType: z.literal(type),
    [decisionAttributesKey(type)]: isCloseDecisionType(type) ? attributes.optional() : attributes,
  }) as unknown as DecisionVariant<T>;
}

/** One decision: `decisionType` picks which attributes object is required and how it is checked. */
export const decisionSchema = z.discriminatedUnion('decisionType', [
  variant('ScheduleActivityTask'),
  variant('RequestCancelActivityTask'),
  variant('CompleteWorkflowExecution'),
  variant('FailWorkflowExecution'),
  variant('CancelWorkflowExecution'),
  variant('ContinueAsNewWorkflowExecution'),
  variant('RecordMarker'),
  variant('StartTimer'),
  variant('CancelTimer'),
  variant('SignalExternalWorkflowExecution'),
  variant('RequestCancelExternalWorkflowExecution'),
  variant('StartChildWorkflowExecution'),
  variant('ScheduleLambdaFunction'),
]);
export type WireDecision = z.infer<typeof decisionSchema>;

/** A RespondDecisionTaskCompleted decision list: at most one close decision, and it must be last. */
export const decisionListSchema = z.array(decisionSchema).superRefine((decisions, ctx) => {
  const closeIndex = decisions.findIndex((decision) => isCloseDecisionType(decision.decisionType));
  if (closeIndex !== -1 && closeIndex !== decisions.length - 1) {
    ctx.addIssue({ code: 'custom', message: CLOSE_MUST_BE_LAST, path: [], params: { rule: true } });
  }
});
