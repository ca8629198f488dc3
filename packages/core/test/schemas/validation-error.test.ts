import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatValidationError, formatValidationPath, operationInputSchemas } from '../../src/index.js';

describe('formatValidationError', () => {
  it('speaks like AWS for a missing member', () => {
    const input = {};
    const error = operationInputSchemas.DescribeDomain.safeParse(input).error!;
    expect(formatValidationError(error, input)).toBe(
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );
  });

  it('counts and joins several errors with "; "', () => {
    const input = { name: 'n'.repeat(300) };
    const error = operationInputSchemas.RegisterDomain.safeParse(input).error!;
    expect(formatValidationError(error, input)).toBe(
      `2 validation errors detected: Value '${'n'.repeat(128)}...' at 'name' failed to satisfy constraint: Member must have length less than or equal to 256; ` +
        "Value null at 'workflowExecutionRetentionPeriodInDays' failed to satisfy constraint: Member must not be null",
    );
  });

  it('quotes the value zod kept when the input is not passed', () => {
    const error = z.object({ size: z.number().max(3) }).safeParse({ size: 4 }, { reportInput: true }).error!;
    expect(formatValidationError(error)).toBe(
      "1 validation error detected: Value '4' at 'size' failed to satisfy constraint: Member must have value less than or equal to 3",
    );
  });

  it('names list members one-based, as AWS does', () => {
    expect(formatValidationPath(['decisions', 0, 'startTimerDecisionAttributes', 'timerId'])).toBe(
      'decisions.1.member.startTimerDecisionAttributes.timerId',
    );
  });

  it('renders a whole-request rule as its own sentence after the field errors', () => {
    const input = { taskToken: '', decisions: [{ decisionType: 'CompleteWorkflowExecution' }, { decisionType: 'CancelTimer', cancelTimerDecisionAttributes: { timerId: 't' } }] };
    const error = operationInputSchemas.RespondDecisionTaskCompleted.safeParse(input).error!;
    expect(formatValidationError(error, input)).toBe(
      "1 validation error detected: Value '' at 'taskToken' failed to satisfy constraint: Member must have length greater than or equal to 1; Close must be last decision in list",
    );
  });
});

describe('formatValidationError on hostile nesting', () => {
  /** `depth` levels around `1`: all arrays (`[[[...1]]]`), or arrays and objects alternating, an array outermost. */
  const nested = (depth: number, mixed = false): unknown => {
    let value: unknown = 1;
    for (let level = 0; level < depth; level += 1) value = mixed && (depth - level) % 2 === 0 ? { k: value } : [value];
    return value;
  };
  const schemas = {
    registrationStatus: operationInputSchemas.ListWorkflowTypes,
    workflowType: operationInputSchemas.StartWorkflowExecution,
    startTimeFilter: operationInputSchemas.ListOpenWorkflowExecutions,
    decisions: operationInputSchemas.RespondDecisionTaskCompleted,
  };

  // Mixed nesting in `decisions` makes each member an object zod reads as a decision (its fields are
  // missing), so the deep value is never quoted; arrays reach the renderer in every field.
  for (const mixed of [false, true]) {
    it.each(Object.keys(schemas).filter((field) => !mixed || field !== 'decisions'))(
      `renders a value nested 10,000 deep (${mixed ? 'arrays and objects' : 'arrays'}) in %s without overflowing the stack, and says it was cut`,
      (field) => {
        const input = { domain: 'd', [field]: nested(10_000, mixed) };
        const error = schemas[field as keyof typeof schemas].safeParse(input).error!;
        const message = formatValidationError(error, input);
        expect(message).toMatch(/validation errors? detected/);
        expect(message).toContain('(nested deeper than 16 levels, not shown past that depth)');
      },
    );
  }

  it('renders shallow values exactly as JSON, without the depth note', () => {
    const input = { name: 'n', workflowExecutionRetentionPeriodInDays: [{ a: [1, 'x'] }] };
    const error = operationInputSchemas.RegisterDomain.safeParse(input).error!;
    expect(formatValidationError(error, input)).toContain(`Value '[{"a":[1,"x"]}]' at 'workflowExecutionRetentionPeriodInDays'`);
    expect(formatValidationError(error, input)).not.toContain('nested deeper');
  });

  it('cuts a wide value at 128 characters without walking all of it', () => {
    const input = { name: 'n', workflowExecutionRetentionPeriodInDays: Array.from({ length: 100_000 }, () => 12345) };
    const error = operationInputSchemas.RegisterDomain.safeParse(input).error!;
    const message = formatValidationError(error, input);
    expect(message).toContain(`Value '[${'12345,'.repeat(21)}1...' at`);
  });
});
