/** Wire inputs of the workflow-type and activity-type operations. */
import { z } from 'zod';
import {
  activityTypeSchema,
  arnSchema,
  childPolicySchema,
  descriptionSchema,
  durationSchema,
  nameReferenceSchema,
  pagingFields,
  registrationStatusSchema,
  swfNameSchema,
  swfVersionSchema,
  taskListSchema,
  taskPrioritySchema,
  workflowTypeSchema,
} from './primitives.js';

export const registerWorkflowTypeInputSchema = z.object({
  domain: nameReferenceSchema,
  name: swfNameSchema,
  version: swfVersionSchema,
  description: descriptionSchema.optional(),
  defaultTaskStartToCloseTimeout: durationSchema.optional(),
  defaultExecutionStartToCloseTimeout: durationSchema.optional(),
  defaultTaskList: taskListSchema.optional(),
  defaultTaskPriority: taskPrioritySchema.optional(),
  defaultChildPolicy: childPolicySchema.optional(),
  defaultLambdaRole: arnSchema.optional(),
});

export const registerActivityTypeInputSchema = z.object({
  domain: nameReferenceSchema,
  name: swfNameSchema,
  version: swfVersionSchema,
  description: descriptionSchema.optional(),
  defaultTaskStartToCloseTimeout: durationSchema.optional(),
  defaultTaskHeartbeatTimeout: durationSchema.optional(),
  defaultTaskList: taskListSchema.optional(),
  defaultTaskPriority: taskPrioritySchema.optional(),
  defaultTaskScheduleToStartTimeout: durationSchema.optional(),
  defaultTaskScheduleToCloseTimeout: durationSchema.optional(),
});

const workflowTypeCall = z.object({ domain: nameReferenceSchema, workflowType: workflowTypeSchema });
const activityTypeCall = z.object({ domain: nameReferenceSchema, activityType: activityTypeSchema });

export const describeWorkflowTypeInputSchema = workflowTypeCall;
export const deprecateWorkflowTypeInputSchema = workflowTypeCall;
export const undeprecateWorkflowTypeInputSchema = workflowTypeCall;
export const deleteWorkflowTypeInputSchema = workflowTypeCall;
export const describeActivityTypeInputSchema = activityTypeCall;
export const deprecateActivityTypeInputSchema = activityTypeCall;
export const undeprecateActivityTypeInputSchema = activityTypeCall;
export const deleteActivityTypeInputSchema = activityTypeCall;

const listTypes = z.object({
  domain: nameReferenceSchema,
  name: nameReferenceSchema.optional(),
  registrationStatus: registrationStatusSchema,
  ...pagingFields,
});
export const listWorkflowTypesInputSchema = listTypes;
export const listActivityTypesInputSchema = listTypes;
