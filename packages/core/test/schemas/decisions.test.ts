import { describe, expect, it } from 'vitest';
import type { DecisionType } from '@aws-sdk/client-swf';
import {
  CLOSE_DECISION_TYPES,
  DECISION_TYPES,
  decisionAttributesKey,
  decisionListSchema,
  decisionSchema,
  formatValidationError,
} from '../../src/index.js';

/** The attributes each decision type must carry, with valid values. */
const requiredAttributes: Record<DecisionType, Record<string, unknown>> = {
  ScheduleActivityTask: { activityType: { name: 'Payments.charge', version: '1' }, activityId: 'a1' },
  RequestCancelActivityTask: { activityId: 'a1' },
  CompleteWorkflowExecution: {},
  FailWorkflowExecution: {},
  CancelWorkflowExecution: {},
  ContinueAsNewWorkflowExecution: {},
  RecordMarker: { markerName: 'Version' },
  StartTimer: { timerId: 't1', startToFireTimeout: '0' },
  CancelTimer: { timerId: 't1' },
  SignalExternalWorkflowExecution: { workflowId: 'other', signalName: 'go' },
  RequestCancelExternalWorkflowExecution: { workflowId: 'other' },
  StartChildWorkflowExecution: { workflowType: { name: 'Child', version: '1' }, workflowId: 'child-1' },
  ScheduleLambdaFunction: { id: 'l1', name: 'resize' },
};

function decision(type: DecisionType, attributes: Record<string, unknown> = requiredAttributes[type]) {
  return { decisionType: type, [decisionAttributesKey(type)]: attributes };
}

function messageFor(input: unknown): string {
  const result = decisionListSchema.safeParse(input);
  if (result.success) throw new Error(`accepted ${JSON.stringify(input)}`);
  return formatValidationError(result.error, input);
}

describe('decisions', () => {
  it('are the 13 SWF decision types, four of which close the execution', () => {
    expect(DECISION_TYPES).toHaveLength(13);
    expect([...CLOSE_DECISION_TYPES].sort()).toEqual([
      'CancelWorkflowExecution',
      'CompleteWorkflowExecution',
      'ContinueAsNewWorkflowExecution',
      'FailWorkflowExecution',
    ]);
  });

  it('name their attributes after the type: StartTimer -> startTimerDecisionAttributes', () => {
    expect(decisionAttributesKey('StartTimer')).toBe('startTimerDecisionAttributes');
    expect(decisionAttributesKey('ScheduleLambdaFunction')).toBe('scheduleLambdaFunctionDecisionAttributes');
  });

  describe.each(DECISION_TYPES)('%s', (type) => {
    it('accepts its required attributes', () => {
      expect(decisionSchema.parse(decision(type))).toEqual(decision(type));
    });

    it('rejects each missing required attribute by its path', () => {
      for (const field of Object.keys(requiredAttributes[type])) {
        const attributes = { ...requiredAttributes[type] };
        delete attributes[field];
        expect(messageFor([decision(type, attributes)])).toBe(
          `1 validation error detected: Value null at '1.member.${decisionAttributesKey(type)}.${field}' failed to satisfy constraint: Member must not be null`,
        );
      }
    });
  });

  it('require the attributes object when the type has required attributes', () => {
    expect(messageFor([{ decisionType: 'StartTimer' }])).toContain(
      "Value null at '1.member.startTimerDecisionAttributes' failed to satisfy constraint: Member must not be null",
    );
  });

  it('accept close decisions without any attributes object', () => {
    for (const type of CLOSE_DECISION_TYPES) expect(decisionSchema.safeParse({ decisionType: type }).success).toBe(true);
  });

  it('reject an unknown decision type with the list of valid ones', () => {
    expect(messageFor([{ decisionType: 'Sleep' }])).toMatch(
      /^1 validation error detected: Value 'Sleep' at '1\.member\.decisionType' failed to satisfy constraint: Member must satisfy enum value set: \[ScheduleActivityTask, .*ScheduleLambdaFunction\]$/,
    );
  });

  it('require a finite startToFireTimeout on StartTimer: "0" is valid, NONE is not', () => {
    expect(messageFor([decision('StartTimer', { timerId: 't', startToFireTimeout: 'NONE' })])).toContain(
      "at '1.member.startTimerDecisionAttributes.startToFireTimeout'",
    );
  });

  it('limit a lambda startToCloseTimeout to 1-900 seconds', () => {
    const lambda = (startToCloseTimeout: string) => decision('ScheduleLambdaFunction', { id: 'l', name: 'f', startToCloseTimeout });
    expect(decisionListSchema.safeParse([lambda('900')]).success).toBe(true);
    expect(messageFor([lambda('901')])).toContain('Member must be between 1 and 900 seconds');
    expect(messageFor([lambda('0')])).toContain('Member must be between 1 and 900 seconds');
  });

  it('limit reasons to 256 and payloads (input, control, details, result) to 32768 characters', () => {
    expect(messageFor([decision('FailWorkflowExecution', { reason: 'r'.repeat(257) })])).toContain(
      'failWorkflowExecutionDecisionAttributes.reason',
    );
    for (const [type, field] of [
      ['ScheduleActivityTask', 'input'],
      ['ScheduleActivityTask', 'control'],
      ['RecordMarker', 'details'],
      ['CompleteWorkflowExecution', 'result'],
      ['StartTimer', 'control'],
      ['ScheduleLambdaFunction', 'input'],
    ] as const) {
      const attributes = { ...requiredAttributes[type], [field]: 'x'.repeat(32_769) };
      expect(messageFor([decision(type, attributes)])).toContain(
        `${decisionAttributesKey(type)}.${field}' failed to satisfy constraint: Member must have length less than or equal to 32768`,
      );
    }
  });

  it('apply the naming rule to activity, timer and child ids', () => {
    expect(messageFor([decision('ScheduleActivityTask', { ...requiredAttributes.ScheduleActivityTask, activityId: 'a:1' })])).toContain(
      'scheduleActivityTaskDecisionAttributes.activityId',
    );
    expect(messageFor([decision('StartTimer', { timerId: ' t', startToFireTimeout: '1' })])).toContain('startTimerDecisionAttributes.timerId');
    expect(messageFor([decision('StartChildWorkflowExecution', { ...requiredAttributes.StartChildWorkflowExecution, workflowId: 'arn' })])).toContain(
      'startChildWorkflowExecutionDecisionAttributes.workflowId',
    );
  });
});

describe('decision lists', () => {
  it('accept an empty list', () => {
    expect(decisionListSchema.parse([])).toEqual([]);
  });

  it('accept a close decision as the last one', () => {
    const list = [decision('RecordMarker'), decision('CancelTimer'), decision('CompleteWorkflowExecution', { result: '"done"' })];
    expect(decisionListSchema.parse(list)).toEqual(list);
  });

  it('reject a close decision followed by anything: "Close must be last decision in list"', () => {
    expect(messageFor([decision('CompleteWorkflowExecution'), decision('StartTimer')])).toBe('Close must be last decision in list');
  });

  it('reject two close decisions', () => {
    expect(messageFor([decision('FailWorkflowExecution'), decision('CancelWorkflowExecution')])).toBe(
      'Close must be last decision in list',
    );
  });
});
