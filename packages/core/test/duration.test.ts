import { describe, expect, it } from 'vitest';
import { DurationError, formatDuration, fromSwfDuration, parseDuration, toOptionalSwfDuration, toSwfDuration } from '../src/index.js';

describe('parseDuration', () => {
  it('reads milliseconds, unit strings, bare SWF seconds and NONE', () => {
    expect(parseDuration(1_500)).toBe(1_500);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1.5m')).toBe(90_000);
    expect(parseDuration('2w')).toBe(1_209_600_000);
    expect(parseDuration('300')).toBe(300_000);
    expect(parseDuration('NONE')).toBe(Infinity);
  });

  it('names the bad value and the accepted forms', () => {
    expect(() => parseDuration('5 minutes')).toThrow(DurationError);
    expect(() => parseDuration('5 minutes')).toThrow('Invalid duration "5 minutes"');
    expect(() => parseDuration('')).toThrow(DurationError);
    expect(() => parseDuration(-1)).toThrow('got -1');
    expect(() => parseDuration(Number.NaN)).toThrow(DurationError);
  });
});

describe('toSwfDuration / fromSwfDuration', () => {
  it('write whole seconds, rounding up so a timeout is never shorter than asked', () => {
    expect(toSwfDuration('5m')).toBe('300');
    expect(toSwfDuration(1_001)).toBe('2');
    expect(toSwfDuration(0)).toBe('0');
    expect(toSwfDuration('NONE')).toBe('NONE');
  });

  it('read the wire form back to seconds', () => {
    expect(fromSwfDuration('300')).toBe(300);
    expect(fromSwfDuration('NONE')).toBe(Infinity);
    expect(() => fromSwfDuration('5m')).toThrow('Invalid SWF duration "5m"');
  });
});

describe('toOptionalSwfDuration', () => {
  it('leaves an unset field unset, so SWF takes its default, and converts a set one', () => {
    expect(toOptionalSwfDuration(undefined)).toBeUndefined();
    expect(toOptionalSwfDuration('5m')).toBe('300');
    expect(toOptionalSwfDuration('NONE')).toBe('NONE');
  });
});

describe('formatDuration', () => {
  it('formats for people at every scale', () => {
    expect(formatDuration(850)).toBe('850ms');
    expect(formatDuration(12_400)).toBe('12.4s');
    expect(formatDuration(185_000)).toBe('3m05s');
    expect(formatDuration(7_800_000)).toBe('2h10m');
    expect(formatDuration(273_600_000)).toBe('3d4h');
    expect(formatDuration(Infinity)).toBe('never');
  });
});
