/**
 * Wire inputs of the List/Count Open/Closed execution calls, with SWF's filter rules:
 * open calls take a startTimeFilter and at most one other filter; closed calls take exactly one
 * of startTimeFilter/closeTimeFilter and at most one other filter.
 */
import { z } from 'zod';
import {
  closeStatusSchema,
  nameReferenceSchema,
  pagingFields,
  boundedString,
  timestampSchema,
  versionReferenceSchema,
} from './primitives.js';
import { SWF_LIMITS } from './limits.js';

export const executionTimeFilterSchema = z.object({
  oldestDate: timestampSchema,
  latestDate: timestampSchema.optional(),
});
export const workflowExecutionFilterSchema = z.object({ workflowId: nameReferenceSchema });
export const workflowTypeFilterSchema = z.object({ name: nameReferenceSchema, version: versionReferenceSchema.optional() });
export const tagFilterSchema = z.object({ tag: boundedString(0, SWF_LIMITS.tag) });
export const closeStatusFilterSchema = z.object({ status: closeStatusSchema });

export const OPEN_FILTER_RULE =
  'executionFilter, typeFilter and tagFilter are mutually exclusive. You can specify at most one of these in a request.';
export const CLOSED_FILTER_RULE =
  'closeStatusFilter, executionFilter, typeFilter and tagFilter are mutually exclusive. You can specify at most one of these in a request.';
export const TIME_FILTER_RULE =
  'startTimeFilter and closeTimeFilter are mutually exclusive. You must specify one of these in a request but not both.';

function atMostOne(keys: readonly string[], message: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const present = keys.filter((key) => value[key] !== undefined);
    if (present.length > 1) ctx.addIssue({ code: 'custom', message, path: [], params: { rule: true } });
  };
}

const openFilters = {
  domain: nameReferenceSchema,
  startTimeFilter: executionTimeFilterSchema,
  executionFilter: workflowExecutionFilterSchema.optional(),
  typeFilter: workflowTypeFilterSchema.optional(),
  tagFilter: tagFilterSchema.optional(),
};
const OPEN_EXCLUSIVE = ['executionFilter', 'typeFilter', 'tagFilter'] as const;

const closedFilters = {
  domain: nameReferenceSchema,
  startTimeFilter: executionTimeFilterSchema.optional(),
  closeTimeFilter: executionTimeFilterSchema.optional(),
  executionFilter: workflowExecutionFilterSchema.optional(),
  typeFilter: workflowTypeFilterSchema.optional(),
  tagFilter: tagFilterSchema.optional(),
  closeStatusFilter: closeStatusFilterSchema.optional(),
};
const CLOSED_EXCLUSIVE = ['closeStatusFilter', 'executionFilter', 'typeFilter', 'tagFilter'] as const;

function exactlyOneTimeFilter(value: { startTimeFilter?: unknown; closeTimeFilter?: unknown }, ctx: z.RefinementCtx): void {
  if ((value.startTimeFilter === undefined) === (value.closeTimeFilter === undefined)) {
    ctx.addIssue({ code: 'custom', message: TIME_FILTER_RULE, path: [], params: { rule: true } });
  }
}

export const listOpenWorkflowExecutionsInputSchema = z
  .object({ ...openFilters, ...pagingFields })
  .superRefine(atMostOne(OPEN_EXCLUSIVE, OPEN_FILTER_RULE));
export const countOpenWorkflowExecutionsInputSchema = z
  .object(openFilters)
  .superRefine(atMostOne(OPEN_EXCLUSIVE, OPEN_FILTER_RULE));
export const listClosedWorkflowExecutionsInputSchema = z
  .object({ ...closedFilters, ...pagingFields })
  .superRefine(exactlyOneTimeFilter)
  .superRefine(atMostOne(CLOSED_EXCLUSIVE, CLOSED_FILTER_RULE));
export const countClosedWorkflowExecutionsInputSchema = z
  .object(closedFilters)
  .superRefine(exactlyOneTimeFilter)
  .superRefine(atMostOne(CLOSED_EXCLUSIVE, CLOSED_FILTER_RULE));
