/** Wire inputs of the operations that start, signal, cancel, terminate, describe and read executions. */
import { z } from 'zod';
import {
  arnSchema,
  childPolicySchema,
  durationSchema,
  nameReferenceSchema,
  optionalRunIdSchema,
  pagingFields,
  payloadSchema,
  reasonSchema,
  swfNameSchema,
  tagListSchema,
  taskListSchema,
  taskPrioritySchema,
  workflowExecutionSchema,
  workflowTypeSchema,
} from './primitives.js';

export const startWorkflowExecutionInputSchema = z.object({
  domain: nameReferenceSchema,
  workflowId: swfNameSchema,
  workflowType: workflowTypeSchema,
  taskList: taskListSchema.optional(),
  taskPriority: taskPrioritySchema.optional(),
  input: payloadSchema.optional(),
  executionStartToCloseTimeout: durationSchema.optional(),
  tagList: tagListSchema.optional(),
  taskStartToCloseTimeout: durationSchema.optional(),
  childPolicy: childPolicySchema.optional(),
  lambdaRole: arnSchema.optional(),
});

export const signalWorkflowExecutionInputSchema = z.object({
  domain: nameReferenceSchema,
  workflowId: nameReferenceSchema,
  runId: optionalRunIdSchema.optional(),
  signalName: nameReferenceSchema,
  input: payloadSchema.optional(),
});

export const requestCancelWorkflowExecutionInputSchema = z.object({
  domain: nameReferenceSchema,
  workflowId: nameReferenceSchema,
  runId: optionalRunIdSchema.optional(),
});

export const terminateWorkflowExecutionInputSchema = z.object({
  domain: nameReferenceSchema,
  workflowId: nameReferenceSchema,
  runId: optionalRunIdSchema.optional(),
  reason: reasonSchema.optional(),
  details: payloadSchema.optional(),
  childPolicy: childPolicySchema.optional(),
});

export const describeWorkflowExecutionInputSchema = z.object({
  domain: nameReferenceSchema,
  execution: workflowExecutionSchema,
});

export const getWorkflowExecutionHistoryInputSchema = z.object({
  domain: nameReferenceSchema,
  execution: workflowExecutionSchema,
  ...pagingFields,
});
