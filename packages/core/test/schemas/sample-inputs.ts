/** Valid wire inputs shared by the schema tests. */
import type { OperationName } from '../../src/index.js';

export const domain = 'payments';
export const workflowType = { name: 'OrderWorkflow', version: '1' };
export const execution = { workflowId: 'order-1', runId: '22Yp/9Vr+abc=' };

/** One minimal valid wire input per operation: the required fields and nothing else. */
export const minimalInputs = {
  RegisterDomain: { name: domain, workflowExecutionRetentionPeriodInDays: '7' },
  DescribeDomain: { name: domain },
  ListDomains: { registrationStatus: 'REGISTERED' },
  DeprecateDomain: { name: domain },
  UndeprecateDomain: { name: domain },
  TagResource: { resourceArn: 'arn:aws:swf:us-east-1:123456789012:/domain/payments', tags: [{ key: 'team' }] },
  UntagResource: { resourceArn: 'arn:aws:swf:us-east-1:123456789012:/domain/payments', tagKeys: ['team'] },
  ListTagsForResource: { resourceArn: 'arn:aws:swf:us-east-1:123456789012:/domain/payments' },
  RegisterWorkflowType: { domain, ...workflowType },
  DescribeWorkflowType: { domain, workflowType },
  ListWorkflowTypes: { domain, registrationStatus: 'DEPRECATED' },
  DeprecateWorkflowType: { domain, workflowType },
  UndeprecateWorkflowType: { domain, workflowType },
  DeleteWorkflowType: { domain, workflowType },
  RegisterActivityType: { domain, name: 'Payments.charge', version: '1' },
  DescribeActivityType: { domain, activityType: { name: 'Payments.charge', version: '1' } },
  ListActivityTypes: { domain, registrationStatus: 'REGISTERED' },
  DeprecateActivityType: { domain, activityType: { name: 'Payments.charge', version: '1' } },
  UndeprecateActivityType: { domain, activityType: { name: 'Payments.charge', version: '1' } },
  DeleteActivityType: { domain, activityType: { name: 'Payments.charge', version: '1' } },
  StartWorkflowExecution: { domain, workflowId: 'order-1', workflowType },
  SignalWorkflowExecution: { domain, workflowId: 'order-1', signalName: 'approve' },
  RequestCancelWorkflowExecution: { domain, workflowId: 'order-1' },
  TerminateWorkflowExecution: { domain, workflowId: 'order-1' },
  DescribeWorkflowExecution: { domain, execution },
  GetWorkflowExecutionHistory: { domain, execution },
  ListOpenWorkflowExecutions: { domain, startTimeFilter: { oldestDate: 1484676354.156 } },
  ListClosedWorkflowExecutions: { domain, closeTimeFilter: { oldestDate: 0 } },
  CountOpenWorkflowExecutions: { domain, startTimeFilter: { oldestDate: 1484676354 } },
  CountClosedWorkflowExecutions: { domain, startTimeFilter: { oldestDate: 1484676354 } },
  CountPendingActivityTasks: { domain, taskList: { name: 'default' } },
  CountPendingDecisionTasks: { domain, taskList: { name: 'default' } },
  PollForDecisionTask: { domain, taskList: { name: 'default' } },
  RespondDecisionTaskCompleted: { taskToken: 'token' },
  PollForActivityTask: { domain, taskList: { name: 'default' } },
  RecordActivityTaskHeartbeat: { taskToken: 'token' },
  RespondActivityTaskCompleted: { taskToken: 'token' },
  RespondActivityTaskFailed: { taskToken: 'token' },
  RespondActivityTaskCanceled: { taskToken: 'token' },
} satisfies Record<OperationName, Record<string, unknown>>;

const taskList = { name: 'orders' };
const newRun = { executionStartToCloseTimeout: '3600', taskList, taskPriority: '-5', taskStartToCloseTimeout: 'NONE', childPolicy: 'ABANDON', tagList: ['eu', ''] };

/** One decision of each of the 13 types with every attribute set. */
export const fullDecisions = [
  {
    decisionType: 'ScheduleActivityTask',
    scheduleActivityTaskDecisionAttributes: {
      activityType: { name: 'Payments.charge', version: '2' },
      activityId: 'charge-1',
      control: '{"attempt":1}',
      input: '{"amount":42}',
      scheduleToCloseTimeout: '600',
      taskList,
      taskPriority: '10',
      scheduleToStartTimeout: '300',
      startToCloseTimeout: '300',
      heartbeatTimeout: 'NONE',
    },
  },
  { decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'charge-1' } },
  { decisionType: 'RecordMarker', recordMarkerDecisionAttributes: { markerName: 'Version', details: '3' } },
  { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 'wait', control: 'c', startToFireTimeout: '30' } },
  { decisionType: 'CancelTimer', cancelTimerDecisionAttributes: { timerId: 'wait' } },
  {
    decisionType: 'SignalExternalWorkflowExecution',
    signalExternalWorkflowExecutionDecisionAttributes: { workflowId: 'other', runId: '', signalName: 'go', input: '{}', control: 'c' },
  },
  { decisionType: 'RequestCancelExternalWorkflowExecution', requestCancelExternalWorkflowExecutionDecisionAttributes: { workflowId: 'other', runId: 'r', control: 'c' } },
  {
    decisionType: 'StartChildWorkflowExecution',
    startChildWorkflowExecutionDecisionAttributes: { workflowType, workflowId: 'child-1', control: 'c', input: '{}', ...newRun, lambdaRole: 'arn:aws:iam::123456789012:role/lambda' },
  },
  { decisionType: 'ScheduleLambdaFunction', scheduleLambdaFunctionDecisionAttributes: { id: 'l1', name: 'resize', control: 'c', input: '{}', startToCloseTimeout: '300' } },
  {
    decisionType: 'ContinueAsNewWorkflowExecution',
    continueAsNewWorkflowExecutionDecisionAttributes: { input: '{}', ...newRun, workflowTypeVersion: '2', lambdaRole: 'arn:aws:iam::123456789012:role/lambda' },
  },
];

/** The close decisions not in `fullDecisions` (a list holds one close decision, last). */
export const otherCloseDecisions = [
  { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: '"done"' } },
  { decisionType: 'FailWorkflowExecution', failWorkflowExecutionDecisionAttributes: { reason: 'boom', details: 'stack' } },
  { decisionType: 'CancelWorkflowExecution', cancelWorkflowExecutionDecisionAttributes: { details: 'asked to' } },
  { decisionType: 'CompleteWorkflowExecution' },
];

/** Inputs with every optional field set, for the calls workers and starters make most. */
export const fullInputs: ReadonlyArray<readonly [OperationName, Record<string, unknown>]> = [
  [
    'StartWorkflowExecution',
    {
      domain,
      workflowId: 'order-1',
      workflowType,
      taskList,
      taskPriority: '0',
      input: '{"order":1}',
      executionStartToCloseTimeout: '3600',
      tagList: ['eu', 'vip', 'a', 'b', 'c'],
      taskStartToCloseTimeout: '60',
      childPolicy: 'TERMINATE',
      lambdaRole: 'arn:aws:iam::123456789012:role/lambda',
    },
  ],
  ['PollForDecisionTask', { domain, taskList, identity: 'host-1:42', maximumPageSize: 1000, nextPageToken: 'abc', reverseOrder: false, startAtPreviousStartedEvent: true }],
  ['RespondDecisionTaskCompleted', { taskToken: 'token', decisions: fullDecisions, executionContext: 'ctx', taskList, taskListScheduleToStartTimeout: '60' }],
  ...otherCloseDecisions.map((close) => ['RespondDecisionTaskCompleted', { taskToken: 'token', decisions: [fullDecisions[0], close] }] as const),
  ['PollForActivityTask', { domain, taskList, identity: 'host-1:42' }],
  ['RecordActivityTaskHeartbeat', { taskToken: 'token', details: '50%' }],
  ['RespondActivityTaskCompleted', { taskToken: 'token', result: '{"ok":true}' }],
  ['RespondActivityTaskFailed', { taskToken: 'token', reason: 'Error', details: 'stack' }],
  ['RespondActivityTaskCanceled', { taskToken: 'token', details: 'stopped' }],
  ['SignalWorkflowExecution', { domain, workflowId: 'order-1', runId: execution.runId, signalName: 'approve', input: '{}' }],
  ['TerminateWorkflowExecution', { domain, workflowId: 'order-1', runId: execution.runId, reason: 'r', details: 'd', childPolicy: 'REQUEST_CANCEL' }],
  ['GetWorkflowExecutionHistory', { domain, execution, maximumPageSize: 10, nextPageToken: 'abc', reverseOrder: true }],
  ['ListOpenWorkflowExecutions', { domain, startTimeFilter: { oldestDate: 1, latestDate: 2.5 }, tagFilter: { tag: 'eu' }, maximumPageSize: 5, reverseOrder: true }],
  ['ListClosedWorkflowExecutions', { domain, closeTimeFilter: { oldestDate: 0 }, closeStatusFilter: { status: 'TIMED_OUT' } }],
  ['CountClosedWorkflowExecutions', { domain, startTimeFilter: { oldestDate: 0 }, typeFilter: { name: 'OrderWorkflow', version: '1' } }],
  ['RegisterActivityType', { domain, name: 'Payments.charge', version: '1', description: 'd', defaultTaskStartToCloseTimeout: '60', defaultTaskHeartbeatTimeout: 'NONE', defaultTaskList: taskList, defaultTaskPriority: '1', defaultTaskScheduleToStartTimeout: '10', defaultTaskScheduleToCloseTimeout: '70' }],
  ['TagResource', { resourceArn: 'arn:aws:swf:us-east-1:123456789012:/domain/payments', tags: [{ key: 'team', value: 'core' }] }],
];
