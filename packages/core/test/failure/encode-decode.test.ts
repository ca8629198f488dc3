import { describe, expect, it } from 'vitest';
import { ApplicationFailure, decodeFailure, encodeFailure, SWF_LIMITS, type EncodedError } from '../../src/index.js';

class PaymentDeclined extends Error {
  override name = 'PaymentDeclined';
}

function roundTrip(error: unknown): ApplicationFailure {
  const { reason, details } = encodeFailure(error);
  return decodeFailure(reason, details);
}

describe('encodeFailure / decodeFailure', () => {
  it('use the error type as reason and JSON with message and stack as details', () => {
    const error = new PaymentDeclined('card 4242 declined');
    const { reason, details } = encodeFailure(error);
    expect(reason).toBe('PaymentDeclined');
    const parsed = JSON.parse(details) as EncodedError;
    expect(parsed).toMatchObject({ type: 'PaymentDeclined', message: 'card 4242 declined' });
    expect(parsed.stack).toBe(error.stack);
  });

  it('round-trip type, message, stack, nonRetryable and details of an ApplicationFailure', () => {
    const original = ApplicationFailure.create({ message: 'declined', type: 'CardDeclined', nonRetryable: true, details: [{ code: 51 }, 'x'] });
    const decoded = roundTrip(original);
    expect(decoded).toBeInstanceOf(ApplicationFailure);
    expect(decoded).toMatchObject({ message: 'declined', type: 'CardDeclined', nonRetryable: true, details: [{ code: 51 }, 'x'] });
    expect(decoded.stack).toBe(original.stack);
  });

  it('round-trip a cause chain', () => {
    const root = new RangeError('amount out of range');
    const middle = new Error('validation failed', { cause: root });
    const decoded = roundTrip(ApplicationFailure.create({ message: 'charge failed', type: 'ChargeFailed', cause: middle }));
    const cause = decoded.cause as ApplicationFailure;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause).toMatchObject({ type: 'Error', message: 'validation failed' });
    expect(cause.cause).toMatchObject({ type: 'RangeError', message: 'amount out of range' });
    expect((cause.cause as ApplicationFailure).stack).toBe(root.stack);
  });

  it('survive cyclic causes and details that JSON cannot hold', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.defineProperty(a, 'cause', { value: b });
    const circular: Record<string, unknown> = { big: 10n };
    circular['self'] = circular;
    const { details } = encodeFailure(ApplicationFailure.create({ message: 'x', cause: a, details: [circular] }));
    const parsed = JSON.parse(details) as EncodedError;
    expect(parsed.cause?.cause?.message).toBe('b');
    expect(parsed.cause?.cause?.cause).toBeUndefined();
    expect(parsed.details).toEqual([{ big: '10', self: '[Circular]' }]);
  });

  it('encode thrown non-errors', () => {
    expect(roundTrip('plain string')).toMatchObject({ type: 'Error', message: 'plain string' });
    expect(roundTrip({ code: 7 })).toMatchObject({ type: 'Error', message: '{"code":7}' });
  });

  it('cut the reason to 256 characters', () => {
    const error = new Error('x');
    error.name = 'N'.repeat(300);
    expect(encodeFailure(error).reason).toHaveLength(SWF_LIMITS.reason);
  });

  it('keep details valid JSON within 32768 characters: stacks go first, the message last', () => {
    const error = new Error('short message');
    error.stack = `Error: short message\n${'    at frame (file.ts:1:1)\n'.repeat(5_000)}`;
    const { details } = encodeFailure(error);
    expect(details.length).toBeLessThanOrEqual(SWF_LIMITS.payload);
    const parsed = JSON.parse(details) as EncodedError;
    expect(parsed.message).toBe('short message');
    expect(parsed.truncated).toBe(true);
    expect(parsed.stack?.startsWith('Error: short message')).toBe(true);
  });

  it('cut a huge message, escapes and surrogate pairs included, and still produce valid JSON', () => {
    const message = `${'"\\\n'.repeat(20_000)}${'😀'.repeat(20_000)}`;
    for (const limit of [SWF_LIMITS.payload, 2_048, 200]) {
      const { details } = encodeFailure(new Error(message, { cause: new Error('inner') }), { limit });
      expect(details.length).toBeLessThanOrEqual(limit);
      const parsed = JSON.parse(details) as EncodedError;
      expect(message.startsWith(parsed.message)).toBe(true);
      expect(parsed.message.length).toBeGreaterThan(0);
      expect(parsed.truncated).toBe(true);
      expect(parsed.message).not.toMatch(/[\ud800-\udbff]$/);
    }
  });

  it('drop deep causes before touching the top message', () => {
    let chain: Error = new Error('root');
    for (let i = 0; i < 15; i += 1) chain = new Error(`level ${i} ${'x'.repeat(3_000)}`, { cause: chain });
    const { details } = encodeFailure(chain);
    const parsed = JSON.parse(details) as EncodedError;
    expect(details.length).toBeLessThanOrEqual(SWF_LIMITS.payload);
    expect(parsed.message).toBe(chain.message);
  });

  it('decode failures written by other frameworks: reason as type, details text as message', () => {
    expect(decodeFailure('UnhandledError', 'Traceback: boom')).toMatchObject({
      type: 'UnhandledError',
      message: 'Traceback: boom',
      details: [],
    });
    expect(decodeFailure('ValueError', '{"error":"bad"}')).toMatchObject({
      type: 'ValueError',
      message: '{"error":"bad"}',
      details: [{ error: 'bad' }],
    });
    expect(decodeFailure(undefined, undefined)).toMatchObject({ type: 'Error', message: 'Failed without a reason or details' });
    expect(decodeFailure('Timeout')).toMatchObject({ type: 'Timeout', message: 'Timeout' });
  });
});
