import type { Decision, HistoryEvent } from '@aws-sdk/client-swf';
import { describe, expect, it } from 'vitest';
import { ApplicationFailure, PayloadPipeline, PayloadTooLargeError, SWF_LIMITS, type PayloadCodec } from '../../src/index.js';

/** Marks what it encodes, so a test can see where the codecs ran. */
const bracketCodec: PayloadCodec = {
  encode: async (payload) => `[${payload}]`,
  decode: async (payload) => payload.slice(1, -1),
};

/** Doubles every payload: a codec whose output can outgrow SWF's limit. */
const doublingCodec: PayloadCodec = {
  encode: async (payload) => payload + payload,
  decode: async (payload) => payload.slice(0, payload.length / 2),
};

describe('PayloadPipeline', () => {
  it('converts, then encodes, and reads the same way back', async () => {
    const pipeline = new PayloadPipeline({ codecs: [bracketCodec] });
    const encoded = await pipeline.encode({ order: 42 });
    expect(encoded).toBe('[{"order":42}]');
    expect(await pipeline.decode(encoded)).toEqual({ order: 42 });
  });

  it('keeps an absent value absent, through the codecs and back', async () => {
    const pipeline = new PayloadPipeline({ codecs: [bracketCodec] });
    expect(await pipeline.encode(undefined)).toBeUndefined();
    expect(await pipeline.decode(undefined)).toBeUndefined();
  });

  it('without codecs, passes the converter strings through unchanged', async () => {
    const pipeline = new PayloadPipeline();
    expect(await pipeline.encode('hi')).toBe('"hi"');
    expect(await pipeline.encodeString('plain')).toBe('plain');
    expect(await pipeline.decodeString('plain')).toBe('plain');
  });

  it('checks the encoded size when told the field, naming the field', async () => {
    const pipeline = new PayloadPipeline({ codecs: [doublingCodec] });
    const value = 'x'.repeat(10);
    await expect(pipeline.encode(value, { field: 'result', limit: 20 })).rejects.toThrow(PayloadTooLargeError);
    await expect(pipeline.encode(value, { field: 'result', limit: 20 })).rejects.toMatchObject({ field: 'result', size: 24, limit: 20 });
    expect(await pipeline.encode(value, { field: 'result', limit: 24 })).toHaveLength(24);
  });

  it('reads uncoded text (published state) with the converter only', () => {
    const pipeline = new PayloadPipeline({ codecs: [bracketCodec] });
    expect(pipeline.fromUncoded('{"step":"waiting"}')).toEqual({ step: 'waiting' });
  });

  it('decodes the payload fields of an event and leaves the rest', async () => {
    const pipeline = new PayloadPipeline({ codecs: [bracketCodec] });
    const event: HistoryEvent = {
      eventId: 5,
      eventType: 'ActivityTaskCompleted',
      eventTimestamp: new Date(0),
      activityTaskCompletedEventAttributes: { result: '["done"]', scheduledEventId: 3, startedEventId: 4 },
    };
    const decoded = await pipeline.decodeEvent(event);
    expect(decoded.activityTaskCompletedEventAttributes).toEqual({ result: '"done"', scheduledEventId: 3, startedEventId: 4 });
  });

  it('encodes the payload fields of a decision, refusing one over the limit by decision type and field', async () => {
    const pipeline = new PayloadPipeline({ codecs: [doublingCodec] });
    const fits: Decision = { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: 'ab' } };
    expect((await pipeline.encodeDecision(fits)).completeWorkflowExecutionDecisionAttributes).toEqual({ result: 'abab' });
    const tooBig: Decision = {
      decisionType: 'CompleteWorkflowExecution',
      completeWorkflowExecutionDecisionAttributes: { result: 'x'.repeat(SWF_LIMITS.payload / 2 + 1) },
    };
    await expect(pipeline.encodeDecision(tooBig)).rejects.toMatchObject({ name: 'PayloadTooLargeError', field: 'CompleteWorkflowExecution.result' });
  });

  it('shrinks a failure until its encoded details fit SWF, keeping the type as reason', async () => {
    const pipeline = new PayloadPipeline({ codecs: [doublingCodec] });
    const failure = ApplicationFailure.nonRetryable('y'.repeat(SWF_LIMITS.payload), 'Oversized');
    const { reason, details } = await pipeline.encodeFailure(failure);
    expect(reason).toBe('Oversized');
    expect(details.length).toBeLessThanOrEqual(SWF_LIMITS.payload);
    expect(JSON.parse(await pipeline.decodeString(details))).toMatchObject({ type: 'Oversized', truncated: true });
  });
});
