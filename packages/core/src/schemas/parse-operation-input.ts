/** Validates one operation's wire JSON, turning failures into the fault SWF would answer with. */
import { SwfFault } from '../errors/swf-fault.js';
import { operationInputSchemas, type OperationInput, type OperationName } from './operations.js';
import { formatValidationError } from './validation-error.js';

/**
 * Parses `input` for `operation`; throws `SwfFault('ValidationException')` with the AWS-style
 * message naming every bad field and its constraint.
 */
export function parseOperationInput<K extends OperationName>(operation: K, input: unknown): OperationInput<K> {
  const result = operationInputSchemas[operation].safeParse(input);
  if (!result.success) throw new SwfFault('ValidationException', formatValidationError(result.error, input));
  return result.data as OperationInput<K>;
}
