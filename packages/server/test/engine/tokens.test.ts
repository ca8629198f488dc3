import { describe, expect, it } from 'vitest';
import { randomBase64 } from '../../src/engine/random-pool.js';
import { newTaskToken } from '../../src/engine/tasks/task-tokens.js';
import { newRunId } from '../../src/engine/runs/run-ids.js';
import type { ExecutionRecord } from '../../src/store/records.js';

const run = (workflowId: string): ExecutionRecord => ({ domain: 'd', workflowId, runId: newRunId() }) as ExecutionRecord;

describe('identifiers handed to clients', () => {
  it('makes task tokens that a command line never mistakes for an option', () => {
    for (let i = 0; i < 2_000; i += 1) {
      const token = newTaskToken('activity', run(`w${i}`), i + 1);
      expect(token).toMatch(/^[A-Za-z0-9+/]/);
    }
  });

  it('keeps task tokens within SWF\'s 1,024 characters for the longest ids (256 four-byte characters)', () => {
    const token = newTaskToken('decision', { ...run('\u{1F600}'.repeat(256)), domain: '\u{1F600}'.repeat(256) }, 2);
    expect(token.length).toBeLessThanOrEqual(1_024);
  });

  it('makes run ids of at most 64 characters in standard base64', () => {
    const runId = newRunId();
    expect(runId).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(runId.length).toBeLessThanOrEqual(64);
  });
});

describe('randomBase64 (the pooled random source behind ids and tokens)', () => {
  it('never repeats a token across many pool refills', () => {
    const seen = new Set<string>();
    // 48 bytes at a time: 85 per 4 KiB pool, so this crosses the refill about 235 times.
    for (let i = 0; i < 20_000; i += 1) seen.add(randomBase64(48));
    expect(seen.size).toBe(20_000);
  });

  it('returns exactly the bytes asked for', () => {
    for (const bytes of [1, 32, 48, 4096]) expect(Buffer.from(randomBase64(bytes), 'base64')).toHaveLength(bytes);
  });

  it('refuses a size it cannot serve, naming the allowed range', () => {
    expect(() => randomBase64(0)).toThrow('bytes must be an integer from 1 to 4096, got 0');
    expect(() => randomBase64(4097)).toThrow(RangeError);
  });
});
