export { SWF_LIMITS } from './limits.js';
export type { SwfLimit } from './limits.js';
export type { Equal } from './type-equality.js';
export { expectTypes } from './type-equality.js';
export {
  SWF_NAME_RULE,
  isValidSwfName,
  swfNameSchema,
  swfVersionSchema,
  nameReferenceSchema,
  versionReferenceSchema,
  runIdSchema,
  optionalRunIdSchema,
  taskTokenSchema,
  arnSchema,
  pageTokenSchema,
  identitySchema,
  descriptionSchema,
  reasonSchema,
  payloadSchema,
  heartbeatDetailsSchema,
  durationSchema,
  secondsSchema,
  taskPrioritySchema,
  timestampSchema,
  maximumPageSizeSchema,
  taskListSchema,
  workflowTypeSchema,
  activityTypeSchema,
  workflowExecutionSchema,
  tagListSchema,
  CHILD_POLICIES,
  REGISTRATION_STATUSES,
  CLOSE_STATUSES,
  childPolicySchema,
  registrationStatusSchema,
  closeStatusSchema,
} from './primitives.js';
export { retentionPeriodSchema, resourceTagSchema, resourceTagKeySchema } from './domains.js';
export {
  executionTimeFilterSchema,
  workflowExecutionFilterSchema,
  workflowTypeFilterSchema,
  tagFilterSchema,
  closeStatusFilterSchema,
  OPEN_FILTER_RULE,
  CLOSED_FILTER_RULE,
  TIME_FILTER_RULE,
} from './visibility.js';
export {
  DECISION_TYPES,
  CLOSE_DECISION_TYPES,
  CLOSE_MUST_BE_LAST,
  DECISION_ATTRIBUTE_SCHEMAS,
  decisionAttributesKey,
  decisionSchema,
  decisionListSchema,
} from './decisions.js';
export type { CloseDecisionType, DecisionAttributes, DecisionAttributesKey, WireDecision } from './decisions.js';
export { EVENT_TYPES, eventAttributesKey } from './event-types.js';
export type { EventAttributesKey } from './event-types.js';
export { OPERATION_NAMES, operationInputSchemas, isOperationName } from './operations.js';
export type { OperationName, OperationInput } from './operations.js';
export { formatValidationError, formatValidationPath } from './validation-error.js';
export { parseOperationInput } from './parse-operation-input.js';
