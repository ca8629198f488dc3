/** The JSON bodies of the actions, checked before SWF is called; SWF's own limits are left to SWF, whose fault the page shows. */
import { ChildPolicy } from '@aws-sdk/client-swf';
import { z } from 'zod';
import { UiRequestError } from './ui-error.js';

const text = (name: string) => z.string({ error: `${name} must be a string` });
const required = (name: string) => text(name).trim().min(1, `${name} is required`);

export const signalBodySchema = z.strictObject({ signalName: required('signalName'), input: text('input').optional() });
export const cancelBodySchema = z.strictObject({});
export const terminateBodySchema = z.strictObject({ reason: text('reason').optional(), details: text('details').optional() });
export const startBodySchema = z.strictObject({
  workflowId: required('workflowId'),
  typeName: required('typeName'),
  typeVersion: required('typeVersion'),
  input: text('input').optional(),
  taskList: required('taskList').optional(),
  tags: z.array(required('each tag'), { error: 'tags must be a list of strings' }).max(5, 'SWF takes at most 5 tags').optional(),
  executionStartToCloseTimeout: required('executionStartToCloseTimeout').optional(),
  taskStartToCloseTimeout: required('taskStartToCloseTimeout').optional(),
  childPolicy: z.enum(Object.values(ChildPolicy) as [ChildPolicy, ...ChildPolicy[]]).optional(),
});

/** Parses and checks a body; every problem is listed in one UiRequestError. */
export function parseJsonBody<T>(schema: z.ZodType<T>, raw: string): T {
  let value: unknown;
  try {
    value = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch (error) {
    throw new UiRequestError(`The request body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new UiRequestError(parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; '));
  }
  return parsed.data;
}
