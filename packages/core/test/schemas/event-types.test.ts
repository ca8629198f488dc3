import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, eventAttributesKey, SWF_LIMITS } from '../../src/index.js';

describe('EVENT_TYPES', () => {
  it('lists the 54 SWF history event types once each', () => {
    expect(EVENT_TYPES).toHaveLength(54);
    expect(new Set(EVENT_TYPES).size).toBe(54);
  });

  it('name their attributes after the type', () => {
    expect(eventAttributesKey('WorkflowExecutionStarted')).toBe('workflowExecutionStartedEventAttributes');
    expect(eventAttributesKey('LambdaFunctionTimedOut')).toBe('lambdaFunctionTimedOutEventAttributes');
  });
});

describe('SWF_LIMITS', () => {
  it('holds the documented sizes and quotas', () => {
    expect(SWF_LIMITS).toMatchObject({
      payload: 32_768,
      reason: 256,
      heartbeatDetails: 2_048,
      identity: 256,
      description: 1_024,
      tagsPerExecution: 5,
      historyEvents: 25_000,
      maximumPageSize: 1_000,
      openActivities: 1_000,
      openTimers: 1_000,
      openChildren: 1_000,
      domainTags: 50,
    });
  });
});
