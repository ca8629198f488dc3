import { describe, expect, it } from 'vitest';
import { newRunId, newTaskToken } from '../../src/engine/tokens.js';

describe('identifiers handed to clients', () => {
  it('makes task tokens that a command line never mistakes for an option', () => {
    for (let i = 0; i < 2_000; i += 1) {
      const token = newTaskToken();
      expect(token).toMatch(/^[A-Za-z0-9+/]/);
      expect(token.length).toBeLessThanOrEqual(1_024);
    }
  });

  it('makes run ids of at most 64 characters in standard base64', () => {
    const runId = newRunId();
    expect(runId).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(runId.length).toBeLessThanOrEqual(64);
  });
});
