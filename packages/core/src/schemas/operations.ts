/** The 39 operations of the SWF API and the schema of each one's wire JSON input. */
import type { z } from 'zod';
import * as domains from './domains.js';
import * as types from './types.js';
import * as executions from './executions.js';
import * as visibility from './visibility.js';
import * as tasks from './tasks.js';

export const OPERATION_NAMES = [
  'RegisterDomain',
  'DescribeDomain',
  'ListDomains',
  'DeprecateDomain',
  'UndeprecateDomain',
  'TagResource',
  'UntagResource',
  'ListTagsForResource',
  'RegisterWorkflowType',
  'DescribeWorkflowType',
  'ListWorkflowTypes',
  'DeprecateWorkflowType',
  'UndeprecateWorkflowType',
  'DeleteWorkflowType',
  'RegisterActivityType',
  'DescribeActivityType',
  'ListActivityTypes',
  'DeprecateActivityType',
  'UndeprecateActivityType',
  'DeleteActivityType',
  'StartWorkflowExecution',
  'SignalWorkflowExecution',
  'RequestCancelWorkflowExecution',
  'TerminateWorkflowExecution',
  'DescribeWorkflowExecution',
  'GetWorkflowExecutionHistory',
  'ListOpenWorkflowExecutions',
  'ListClosedWorkflowExecutions',
  'CountOpenWorkflowExecutions',
  'CountClosedWorkflowExecutions',
  'CountPendingActivityTasks',
  'CountPendingDecisionTasks',
  'PollForDecisionTask',
  'RespondDecisionTaskCompleted',
  'PollForActivityTask',
  'RecordActivityTaskHeartbeat',
  'RespondActivityTaskCompleted',
  'RespondActivityTaskFailed',
  'RespondActivityTaskCanceled',
] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

/** Validates the wire JSON input of each operation (timestamps in epoch seconds, durations as strings). */
export const operationInputSchemas = {
  RegisterDomain: domains.registerDomainInputSchema,
  DescribeDomain: domains.describeDomainInputSchema,
  ListDomains: domains.listDomainsInputSchema,
  DeprecateDomain: domains.deprecateDomainInputSchema,
  UndeprecateDomain: domains.undeprecateDomainInputSchema,
  TagResource: domains.tagResourceInputSchema,
  UntagResource: domains.untagResourceInputSchema,
  ListTagsForResource: domains.listTagsForResourceInputSchema,
  RegisterWorkflowType: types.registerWorkflowTypeInputSchema,
  DescribeWorkflowType: types.describeWorkflowTypeInputSchema,
  ListWorkflowTypes: types.listWorkflowTypesInputSchema,
  DeprecateWorkflowType: types.deprecateWorkflowTypeInputSchema,
  UndeprecateWorkflowType: types.undeprecateWorkflowTypeInputSchema,
  DeleteWorkflowType: types.deleteWorkflowTypeInputSchema,
  RegisterActivityType: types.registerActivityTypeInputSchema,
  DescribeActivityType: types.describeActivityTypeInputSchema,
  ListActivityTypes: types.listActivityTypesInputSchema,
  DeprecateActivityType: types.deprecateActivityTypeInputSchema,
  UndeprecateActivityType: types.undeprecateActivityTypeInputSchema,
  DeleteActivityType: types.deleteActivityTypeInputSchema,
  StartWorkflowExecution: executions.startWorkflowExecutionInputSchema,
  SignalWorkflowExecution: executions.signalWorkflowExecutionInputSchema,
  RequestCancelWorkflowExecution: executions.requestCancelWorkflowExecutionInputSchema,
  TerminateWorkflowExecution: executions.terminateWorkflowExecutionInputSchema,
  DescribeWorkflowExecution: executions.describeWorkflowExecutionInputSchema,
  GetWorkflowExecutionHistory: executions.getWorkflowExecutionHistoryInputSchema,
  ListOpenWorkflowExecutions: visibility.listOpenWorkflowExecutionsInputSchema,
  ListClosedWorkflowExecutions: visibility.listClosedWorkflowExecutionsInputSchema,
  CountOpenWorkflowExecutions: visibility.countOpenWorkflowExecutionsInputSchema,
  CountClosedWorkflowExecutions: visibility.countClosedWorkflowExecutionsInputSchema,
  CountPendingActivityTasks: tasks.countPendingActivityTasksInputSchema,
  CountPendingDecisionTasks: tasks.countPendingDecisionTasksInputSchema,
  PollForDecisionTask: tasks.pollForDecisionTaskInputSchema,
  RespondDecisionTaskCompleted: tasks.respondDecisionTaskCompletedInputSchema,
  PollForActivityTask: tasks.pollForActivityTaskInputSchema,
  RecordActivityTaskHeartbeat: tasks.recordActivityTaskHeartbeatInputSchema,
  RespondActivityTaskCompleted: tasks.respondActivityTaskCompletedInputSchema,
  RespondActivityTaskFailed: tasks.respondActivityTaskFailedInputSchema,
  RespondActivityTaskCanceled: tasks.respondActivityTaskCanceledInputSchema,
} as const satisfies { readonly [K in OperationName]: z.ZodType };

/** The validated wire input of one operation (or, without a name, of any operation). */
export type OperationInput<K extends OperationName = OperationName> = z.output<(typeof operationInputSchemas)[K]>;

export function isOperationName(value: string): value is OperationName {
  return Object.prototype.hasOwnProperty.call(operationInputSchemas, value);
}
