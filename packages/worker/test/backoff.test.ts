import { describe, expect, it } from 'vitest';
import { Backoff } from '../src/backoff.js';

describe('Backoff', () => {
  it('draws each wait uniformly below a ceiling that doubles from the base up to the cap', () => {
    const backoff = new Backoff({ baseMs: 100, capMs: 1_000, random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6].map(() => backoff.next())).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('uses full jitter: a random draw of 0 waits nothing', () => {
    const backoff = new Backoff({ baseMs: 100, capMs: 1_000, random: () => 0 });
    expect(backoff.next()).toBe(0);
    expect(backoff.next()).toBe(0);
  });

  it('starts from the base again after reset', () => {
    const backoff = new Backoff({ baseMs: 100, capMs: 10_000, random: () => 0.5 });
    backoff.next();
    backoff.next();
    expect(backoff.attempt).toBe(2);
    backoff.reset();
    expect(backoff.next()).toBe(50);
  });

  it('never exceeds the cap however many failures', () => {
    const backoff = new Backoff({ baseMs: 100, capMs: 30_000 });
    for (let i = 0; i < 200; i += 1) expect(backoff.next()).toBeLessThan(30_000);
  });
});
