/**
 * Compile-time proof that our schemas cover exactly the fields of the AWS SDK's shapes: every
 * operation input and every decision's attributes. A field added to or missing from either side
 * fails the typecheck here. Nothing in this file runs.
 */
import type * as sdk from '@aws-sdk/client-swf';
import type { DecisionAttributes, WireDecision } from './decisions.js';
import type { OperationInput, OperationName } from './operations.js';
import { expectTypes, type Equal } from './type-equality.js';

interface SdkInputs {
  RegisterDomain: sdk.RegisterDomainInput;
  DescribeDomain: sdk.DescribeDomainInput;
  ListDomains: sdk.ListDomainsInput;
  DeprecateDomain: sdk.DeprecateDomainInput;
  UndeprecateDomain: sdk.UndeprecateDomainInput;
  TagResource: sdk.TagResourceInput;
  UntagResource: sdk.UntagResourceInput;
  ListTagsForResource: sdk.ListTagsForResourceInput;
  RegisterWorkflowType: sdk.RegisterWorkflowTypeInput;
  DescribeWorkflowType: sdk.DescribeWorkflowTypeInput;
  ListWorkflowTypes: sdk.ListWorkflowTypesInput;
  DeprecateWorkflowType: sdk.DeprecateWorkflowTypeInput;
  UndeprecateWorkflowType: sdk.UndeprecateWorkflowTypeInput;
  DeleteWorkflowType: sdk.DeleteWorkflowTypeInput;
  RegisterActivityType: sdk.RegisterActivityTypeInput;
  DescribeActivityType: sdk.DescribeActivityTypeInput;
  ListActivityTypes: sdk.ListActivityTypesInput;
  DeprecateActivityType: sdk.DeprecateActivityTypeInput;
  UndeprecateActivityType: sdk.UndeprecateActivityTypeInput;
  DeleteActivityType: sdk.DeleteActivityTypeInput;
  StartWorkflowExecution: sdk.StartWorkflowExecutionInput;
  SignalWorkflowExecution: sdk.SignalWorkflowExecutionInput;
  RequestCancelWorkflowExecution: sdk.RequestCancelWorkflowExecutionInput;
  TerminateWorkflowExecution: sdk.TerminateWorkflowExecutionInput;
  DescribeWorkflowExecution: sdk.DescribeWorkflowExecutionInput;
  GetWorkflowExecutionHistory: sdk.GetWorkflowExecutionHistoryInput;
  ListOpenWorkflowExecutions: sdk.ListOpenWorkflowExecutionsInput;
  ListClosedWorkflowExecutions: sdk.ListClosedWorkflowExecutionsInput;
  CountOpenWorkflowExecutions: sdk.CountOpenWorkflowExecutionsInput;
  CountClosedWorkflowExecutions: sdk.CountClosedWorkflowExecutionsInput;
  CountPendingActivityTasks: sdk.CountPendingActivityTasksInput;
  CountPendingDecisionTasks: sdk.CountPendingDecisionTasksInput;
  PollForDecisionTask: sdk.PollForDecisionTaskInput;
  RespondDecisionTaskCompleted: sdk.RespondDecisionTaskCompletedInput;
  PollForActivityTask: sdk.PollForActivityTaskInput;
  RecordActivityTaskHeartbeat: sdk.RecordActivityTaskHeartbeatInput;
  RespondActivityTaskCompleted: sdk.RespondActivityTaskCompletedInput;
  RespondActivityTaskFailed: sdk.RespondActivityTaskFailedInput;
  RespondActivityTaskCanceled: sdk.RespondActivityTaskCanceledInput;
}

// Our 39 names are exactly the SDK's operations: one input type per name, none left over.
expectTypes<Equal<keyof SdkInputs, OperationName>>();
expectTypes<Equal<SdkInputs[OperationName], sdk.ServiceInputTypes>>();

type SameKeys<K extends OperationName> = Equal<keyof OperationInput<K>, keyof SdkInputs[K]>;
type AllSameKeys = { [K in OperationName]: SameKeys<K> }[OperationName];
expectTypes<Equal<AllSameKeys, true>>();

interface SdkDecisionAttributes {
  ScheduleActivityTask: sdk.ScheduleActivityTaskDecisionAttributes;
  RequestCancelActivityTask: sdk.RequestCancelActivityTaskDecisionAttributes;
  CompleteWorkflowExecution: sdk.CompleteWorkflowExecutionDecisionAttributes;
  FailWorkflowExecution: sdk.FailWorkflowExecutionDecisionAttributes;
  CancelWorkflowExecution: sdk.CancelWorkflowExecutionDecisionAttributes;
  ContinueAsNewWorkflowExecution: sdk.ContinueAsNewWorkflowExecutionDecisionAttributes;
  RecordMarker: sdk.RecordMarkerDecisionAttributes;
  StartTimer: sdk.StartTimerDecisionAttributes;
  CancelTimer: sdk.CancelTimerDecisionAttributes;
  SignalExternalWorkflowExecution: sdk.SignalExternalWorkflowExecutionDecisionAttributes;
  RequestCancelExternalWorkflowExecution: sdk.RequestCancelExternalWorkflowExecutionDecisionAttributes;
  StartChildWorkflowExecution: sdk.StartChildWorkflowExecutionDecisionAttributes;
  ScheduleLambdaFunction: sdk.ScheduleLambdaFunctionDecisionAttributes;
}
type SameAttributeKeys = {
  [T in sdk.DecisionType]: Equal<keyof DecisionAttributes<T>, keyof SdkDecisionAttributes[T]>;
}[sdk.DecisionType];
expectTypes<Equal<SameAttributeKeys, true>>();

// A decision that passes our schema can be handed to the SDK as is.
type WireDecisionIsSdkDecision = WireDecision extends sdk.Decision ? true : false;
expectTypes<WireDecisionIsSdkDecision>();
