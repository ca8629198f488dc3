/** Wire inputs of the domain and resource-tag operations. */
import { z } from 'zod';
import { SWF_LIMITS } from './limits.js';
import {
  arnSchema,
  boundedString,
  descriptionSchema,
  nameReferenceSchema,
  pagingFields,
  registrationStatusSchema,
  swfNameSchema,
} from './primitives.js';

/** Retention in days: `NONE` or 0-90. */
export const retentionPeriodSchema = z
  .string()
  .min(1)
  .max(SWF_LIMITS.duration)
  .refine((value) => value === 'NONE' || (/^\d+$/.test(value) && Number(value) <= SWF_LIMITS.retentionDays), {
    message: `Member must be NONE or a whole number of days from 0 to ${SWF_LIMITS.retentionDays}`,
  });

export const resourceTagKeySchema = boundedString(1, SWF_LIMITS.domainTagKey);
export const resourceTagSchema = z.object({
  key: resourceTagKeySchema,
  value: boundedString(0, SWF_LIMITS.domainTagValue).optional(),
});

export const registerDomainInputSchema = z.object({
  name: swfNameSchema,
  description: descriptionSchema.optional(),
  workflowExecutionRetentionPeriodInDays: retentionPeriodSchema,
  tags: z.array(resourceTagSchema).optional(),
});
export const describeDomainInputSchema = z.object({ name: nameReferenceSchema });
export const deprecateDomainInputSchema = z.object({ name: nameReferenceSchema });
export const undeprecateDomainInputSchema = z.object({ name: nameReferenceSchema });
export const listDomainsInputSchema = z.object({ registrationStatus: registrationStatusSchema, ...pagingFields });

export const tagResourceInputSchema = z.object({ resourceArn: arnSchema, tags: z.array(resourceTagSchema) });
export const untagResourceInputSchema = z.object({ resourceArn: arnSchema, tagKeys: z.array(resourceTagKeySchema) });
export const listTagsForResourceInputSchema = z.object({ resourceArn: arnSchema });
