/** Validates one operation's wire JSON, turning failures into the fault SWF would answer with. */
import { SwfFault } from '../errors/swf-fault.js';
import { compileExactCheck, type ExactCheck } from './exact-check.js';
import { operationInputSchemas, type OperationInput, type OperationName } from './operations.js';
import { formatValidationError } from './validation-error.js';

// Compiled on an operation's first call: a process using a few operations compiles a few.
const exactChecks = new Map<OperationName, ExactCheck>();

function exactCheckFor(operation: OperationName): ExactCheck {
  let check = exactChecks.get(operation);
  if (check === undefined) {
    check = compileExactCheck(operationInputSchemas[operation]).check;
    exactChecks.set(operation, check);
  }
  return check;
}

/**
 * Parses `input` for `operation`; throws `SwfFault('ValidationException')` with the AWS-style
 * message naming every bad field and its constraint.
 *
 * Input that already is exactly the schema's output (no field to strip) is returned as it is,
 * without zod's copy (see `compileExactCheck`): pass a value nobody mutates afterwards, such as
 * freshly parsed request JSON.
 */
export function parseOperationInput<K extends OperationName>(operation: K, input: unknown): OperationInput<K> {
  if (exactCheckFor(operation)(input)) return input as OperationInput<K>;
  const result = operationInputSchemas[operation].safeParse(input);
  if (!result.success) throw new SwfFault('ValidationException', formatValidationError(result.error, input));
  return result.data as OperationInput<K>;
}
