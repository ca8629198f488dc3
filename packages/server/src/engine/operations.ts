/** The operation names and validated input types the engine dispatches on come from @swirl/core's schemas. */
export { OPERATION_NAMES } from '@swirl/core';
export type { OperationName, OperationInput } from '@swirl/core';
