import type { EventType, HistoryEvent } from '@aws-sdk/client-swf';
import { describe, expect, it } from 'vitest';
import { isCloseEvent } from '../../src/index.js';

const event = (eventType: EventType): HistoryEvent => ({ eventId: 1, eventType, eventTimestamp: new Date(0) });

describe('isCloseEvent', () => {
  it('is true for the six ways a run closes', () => {
    const closes: EventType[] = [
      'WorkflowExecutionCompleted',
      'WorkflowExecutionFailed',
      'WorkflowExecutionCanceled',
      'WorkflowExecutionTerminated',
      'WorkflowExecutionTimedOut',
      'WorkflowExecutionContinuedAsNew',
    ];
    expect(closes.map((type) => isCloseEvent(event(type)))).toEqual(closes.map(() => true));
  });

  it('is false for other events, a refused close decision and an event without a type', () => {
    expect(isCloseEvent(event('WorkflowExecutionStarted'))).toBe(false);
    expect(isCloseEvent(event('CompleteWorkflowExecutionFailed'))).toBe(false);
    expect(isCloseEvent({ eventId: 1, eventTimestamp: new Date(0) } as HistoryEvent)).toBe(false);
  });
});
