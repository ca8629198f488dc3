/**
 * The building blocks of every SWF wire shape: names under the naming rule, lengths, durations,
 * priorities, timestamps and enums. Operation and decision schemas are assembled from these.
 */
import { z } from 'zod';
import type { ChildPolicy, CloseStatus, RegistrationStatus } from '@aws-sdk/client-swf';
import { SWF_LIMITS } from './limits.js';
import { expectTypes, type Equal } from './type-equality.js';

export const SWF_NAME_RULE =
  "Member must not start or end with whitespace, must not contain ':', '/', '|' or control characters, and must not be the literal 'arn'";

// U+0000-001F and U+007F-009F are the control characters SWF forbids in names.
const FORBIDDEN_IN_NAME = /[:/|\u0000-\u001f\u007f-\u009f]/;

/** True when `value` obeys SWF's naming rule (length is checked separately). */
export function isValidSwfName(value: string): boolean {
  return value.trim() === value && !FORBIDDEN_IN_NAME.test(value) && value !== 'arn';
}

/** A string of `min`..`max` characters. */
export const boundedString = (min: number, max: number) => z.string().min(min).max(max);

/** A name SWF creates or resolves by name (domain, type, task list, workflowId, activityId, timerId): 1-256 chars and the naming rule. */
export const swfNameSchema = boundedString(1, SWF_LIMITS.name).refine(isValidSwfName, { message: SWF_NAME_RULE });
/** A type version: 1-64 chars and the naming rule. */
export const swfVersionSchema = boundedString(1, SWF_LIMITS.version).refine(isValidSwfName, { message: SWF_NAME_RULE });

/** A name that only refers to something (a domain in a call, a signal name): 1-256 chars. */
export const nameReferenceSchema = boundedString(1, SWF_LIMITS.name);
export const versionReferenceSchema = boundedString(1, SWF_LIMITS.version);
export const runIdSchema = boundedString(1, SWF_LIMITS.runId);
export const optionalRunIdSchema = boundedString(0, SWF_LIMITS.runId);
export const taskTokenSchema = boundedString(1, SWF_LIMITS.taskToken);
export const arnSchema = boundedString(1, SWF_LIMITS.arn);
export const pageTokenSchema = boundedString(0, SWF_LIMITS.pageToken);
export const identitySchema = boundedString(0, SWF_LIMITS.identity);
export const descriptionSchema = boundedString(0, SWF_LIMITS.description);
export const reasonSchema = boundedString(0, SWF_LIMITS.reason);
/** input, result, details, control, executionContext. */
export const payloadSchema = boundedString(0, SWF_LIMITS.payload);
export const heartbeatDetailsSchema = boundedString(0, SWF_LIMITS.heartbeatDetails);

/** A duration on the wire: whole seconds or `NONE`, at most 8 characters. */
export const durationSchema = z
  .string()
  .max(SWF_LIMITS.duration)
  .regex(/^(\d+|NONE)$/, { message: 'Member must be a whole number of seconds or NONE' });
/** A duration that must be finite: whole seconds, 1-8 digits (`startToFireTimeout`). */
export const secondsSchema = z
  .string()
  .min(1)
  .max(SWF_LIMITS.duration)
  .regex(/^\d+$/, { message: 'Member must be a whole number of seconds' });

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
/** `taskPriority`: a string holding a signed 32-bit integer. */
export const taskPrioritySchema = z.string().refine(
  (value) => /^[+-]?\d{1,10}$/.test(value) && Number(value) >= INT32_MIN && Number(value) <= INT32_MAX,
  { message: `Member must be an integer between ${INT32_MIN} and ${INT32_MAX}` },
);

/** A timestamp on the wire: epoch seconds, integer or fractional. */
export const timestampSchema = z.number().nonnegative();

export const maximumPageSizeSchema = z.number().int().min(0).max(SWF_LIMITS.maximumPageSize);

export const taskListSchema = z.object({ name: swfNameSchema });
export const workflowTypeSchema = z.object({ name: swfNameSchema, version: swfVersionSchema });
export const activityTypeSchema = z.object({ name: swfNameSchema, version: swfVersionSchema });
export const workflowExecutionSchema = z.object({ workflowId: nameReferenceSchema, runId: runIdSchema });

/** Execution tags: at most 5, each 0-256 characters. */
export const tagListSchema = z.array(boundedString(0, SWF_LIMITS.tag)).max(SWF_LIMITS.tagsPerExecution);

export const CHILD_POLICIES = ['TERMINATE', 'REQUEST_CANCEL', 'ABANDON'] as const;
export const REGISTRATION_STATUSES = ['REGISTERED', 'DEPRECATED'] as const;
export const CLOSE_STATUSES = ['COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT'] as const;
expectTypes<Equal<(typeof CHILD_POLICIES)[number], ChildPolicy>>();
expectTypes<Equal<(typeof REGISTRATION_STATUSES)[number], RegistrationStatus>>();
expectTypes<Equal<(typeof CLOSE_STATUSES)[number], CloseStatus>>();

export const childPolicySchema = z.enum(CHILD_POLICIES);
export const registrationStatusSchema = z.enum(REGISTRATION_STATUSES);
export const closeStatusSchema = z.enum(CLOSE_STATUSES);

/** The paging fields shared by every List call and by history reads. */
export const pagingFields = {
  nextPageToken: pageTokenSchema.optional(),
  maximumPageSize: maximumPageSizeSchema.optional(),
  reverseOrder: z.boolean().optional(),
};
