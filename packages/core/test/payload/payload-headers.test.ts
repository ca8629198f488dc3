import type { HistoryEvent } from '@aws-sdk/client-swf';
import { describe, expect, it } from 'vitest';
import { HEADERS_PREFIX, PayloadCodecError, PayloadPipeline, attachHeaders, detachHeaders, readHeaders, type PayloadCodec } from '../../src/index.js';

const bracketCodec: PayloadCodec = {
  encode: async (payload) => `[${payload}]`,
  decode: async (payload) => payload.slice(1, -1),
};

const TRACE = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' };

describe('payload headers', () => {
  it('travel in front of the encoded payload and come off unchanged', () => {
    const field = attachHeaders('[{"order":42}]', TRACE);
    expect(field).toBe(`${HEADERS_PREFIX}${JSON.stringify(TRACE)}\n[{"order":42}]`);
    expect(detachHeaders(field)).toEqual({ headers: TRACE, payload: '[{"order":42}]' });
  });

  it('leave the payload as it is when there are none', () => {
    expect(attachHeaders('{"a":1}', {})).toBe('{"a":1}');
    expect(detachHeaders('{"a":1}')).toEqual({ headers: {}, payload: '{"a":1}' });
    expect(readHeaders(undefined)).toEqual({});
  });

  it('can ride on an absent payload, which stays absent', () => {
    const field = attachHeaders(undefined, TRACE);
    expect(detachHeaders(field)).toEqual({ headers: TRACE, payload: undefined });
  });

  it('keep a payload that itself holds newlines intact', () => {
    const field = attachHeaders('line one\nline two', TRACE);
    expect(detachHeaders(field).payload).toBe('line one\nline two');
  });

  it('refuse a value that is not a string, naming the header', () => {
    expect(() => attachHeaders('x', { count: 1 as unknown as string })).toThrow('Payload header "count" must be a string, got number');
  });

  it('refuse a field that starts like headers but holds no JSON object of strings', () => {
    expect(() => readHeaders(`${HEADERS_PREFIX}{oops\n1`)).toThrow(PayloadCodecError);
    expect(() => readHeaders(`${HEADERS_PREFIX}{"a":1}\n1`)).toThrow('must be a JSON object of strings');
  });

  it('are stripped by the pipeline before the codecs and the converter read the payload', async () => {
    const pipeline = new PayloadPipeline({ codecs: [bracketCodec] });
    const field = attachHeaders(await pipeline.encode({ order: 42 }), TRACE);
    expect(await pipeline.decode(field)).toEqual({ order: 42 });
    expect(await pipeline.decodeString(field!)).toBe('{"order":42}');
  });

  it('are stripped from history events, with and without codecs, so replay never sees them', async () => {
    const event: HistoryEvent = {
      eventId: 5,
      eventType: 'ActivityTaskScheduled',
      eventTimestamp: new Date(0),
      activityTaskScheduledEventAttributes: {
        activityId: 'a1',
        activityType: { name: 'charge', version: '1' },
        decisionTaskCompletedEventId: 4,
        taskList: { name: 'list' },
        input: attachHeaders('{"amount":3}', TRACE),
        control: attachHeaders(undefined, TRACE),
      },
    };
    const plain = await new PayloadPipeline().decodeEvent(event);
    expect(plain.activityTaskScheduledEventAttributes?.input).toBe('{"amount":3}');
    expect(plain.activityTaskScheduledEventAttributes).not.toHaveProperty('control');
    // The event read from SWF is not changed in place.
    expect(readHeaders(event.activityTaskScheduledEventAttributes?.input)).toEqual(TRACE);

    const coded = { ...event, activityTaskScheduledEventAttributes: { ...event.activityTaskScheduledEventAttributes!, input: attachHeaders('[{"amount":3}]', TRACE) } };
    const decoded = await new PayloadPipeline({ codecs: [bracketCodec] }).decodeEvent(coded);
    expect(decoded.activityTaskScheduledEventAttributes?.input).toBe('{"amount":3}');
  });

  it('leave an event without headers as the very same object when there are no codecs', async () => {
    const event: HistoryEvent = { eventId: 1, eventType: 'WorkflowExecutionSignaled', eventTimestamp: new Date(0), workflowExecutionSignaledEventAttributes: { signalName: 's', input: '1' } };
    expect(await new PayloadPipeline().decodeEvent(event)).toBe(event);
  });
});

describe('a payload field that is not a string (a damaged history)', () => {
  it('has no headers and is left for the converter to refuse, found by the history fuzz', () => {
    for (const field of [42, null, { input: 'x' }, ['x']]) {
      expect(readHeaders(field as unknown as string)).toEqual({});
      expect(detachHeaders(field as unknown as string).payload).toBe(field);
    }
  });
});
