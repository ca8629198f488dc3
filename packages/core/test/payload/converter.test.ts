import { describe, expect, it } from 'vitest';
import { assertPayloadSize, jsonPayloadConverter, PayloadConversionError, PayloadTooLargeError, SWF_LIMITS } from '../../src/index.js';

describe('jsonPayloadConverter', () => {
  it('round-trips JSON values', () => {
    for (const value of [{ order: 1, items: ['a'] }, 'text', 0, false, null, [1, [2]]]) {
      expect(jsonPayloadConverter.fromPayload(jsonPayloadConverter.toPayload(value))).toEqual(value);
    }
  });

  it('turns undefined into an absent payload and back', () => {
    expect(jsonPayloadConverter.toPayload(undefined)).toBeUndefined();
    expect(jsonPayloadConverter.fromPayload(undefined)).toBeUndefined();
    expect(jsonPayloadConverter.fromPayload('')).toBeUndefined();
  });

  it('refuses values JSON cannot carry, saying why', () => {
    expect(() => jsonPayloadConverter.toPayload(10n)).toThrow(PayloadConversionError);
    expect(() => jsonPayloadConverter.toPayload(() => 1)).toThrow('Cannot convert a function to JSON');
  });

  it('names a payload that is not JSON and quotes only its start', () => {
    const error = (() => {
      try {
        jsonPayloadConverter.fromPayload(`swirl-gzip:${'A'.repeat(1_000)}`);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('accepted a non-JSON payload');
    })();
    expect(error).toBeInstanceOf(PayloadConversionError);
    expect(error.message).toContain('Payload is not JSON');
    expect(error.message).toContain('is a codec missing?');
    expect(error.message.length).toBeLessThan(300);
  });
});

describe('assertPayloadSize', () => {
  it('accepts payloads up to the limit and absent ones', () => {
    expect(() => assertPayloadSize('input', 'x'.repeat(SWF_LIMITS.payload))).not.toThrow();
    expect(() => assertPayloadSize('input', undefined)).not.toThrow();
  });

  it('names the field, its size and the limit when a payload is too large', () => {
    try {
      assertPayloadSize('ScheduleActivityTask.input', 'x'.repeat(40_000));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PayloadTooLargeError);
      expect(error).toMatchObject({ field: 'ScheduleActivityTask.input', size: 40_000, limit: 32_768 });
      expect((error as Error).message).toContain('Payload "ScheduleActivityTask.input" is 40000 characters, over the SWF limit of 32768');
    }
  });

  it('takes a smaller limit for heartbeat details', () => {
    expect(() => assertPayloadSize('details', 'x'.repeat(2_049), SWF_LIMITS.heartbeatDetails)).toThrow('over the SWF limit of 2048');
  });
});
