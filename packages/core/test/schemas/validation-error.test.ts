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
