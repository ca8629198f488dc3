/** Wire inputs of the task operations: polls, responses, heartbeats and pending-task counts. */
import { z } from 'zod';
import { decisionListSchema } from './decisions.js';
import {
  durationSchema,
  heartbeatDetailsSchema,
  identitySchema,
  nameReferenceSchema,
  pagingFields,
  payloadSchema,
  reasonSchema,
  taskListSchema,
  taskTokenSchema,
} from './primitives.js';

export const pollForDecisionTaskInputSchema = z.object({
  domain: nameReferenceSchema,
  taskList: taskListSchema,
  identity: identitySchema.optional(),
  ...pagingFields,
  startAtPreviousStartedEvent: z.boolean().optional(),
});

export const respondDecisionTaskCompletedInputSchema = z.object({
  taskToken: taskTokenSchema,
  decisions: decisionListSchema.optional(),
  executionContext: payloadSchema.optional(),
  taskList: taskListSchema.optional(),
  taskListScheduleToStartTimeout: durationSchema.optional(),
});

export const pollForActivityTaskInputSchema = z.object({
  domain: nameReferenceSchema,
  taskList: taskListSchema,
  identity: identitySchema.optional(),
});

export const recordActivityTaskHeartbeatInputSchema = z.object({
  taskToken: taskTokenSchema,
  details: heartbeatDetailsSchema.optional(),
});

export const respondActivityTaskCompletedInputSchema = z.object({
  taskToken: taskTokenSchema,
  result: payloadSchema.optional(),
});

export const respondActivityTaskFailedInputSchema = z.object({
  taskToken: taskTokenSchema,
  reason: reasonSchema.optional(),
  details: payloadSchema.optional(),
});

export const respondActivityTaskCanceledInputSchema = z.object({
  taskToken: taskTokenSchema,
  details: payloadSchema.optional(),
});

const pendingTaskCount = z.object({ domain: nameReferenceSchema, taskList: taskListSchema });
export const countPendingActivityTasksInputSchema = pendingTaskCount;
export const countPendingDecisionTasksInputSchema = pendingTaskCount;
