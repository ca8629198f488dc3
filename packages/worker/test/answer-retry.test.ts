import { describe, expect, it } from 'vitest';
import { isTransientFailure, sendAnswer } from '../src/answer-retry.js';
import { Backoff } from '../src/backoff.js';

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8233'), { code: 'ECONNREFUSED' });
const fault = (name: string, httpStatusCode: number) => Object.assign(new Error(name), { name, $fault: httpStatusCode >= 500 ? 'server' : 'client', $metadata: { httpStatusCode } });
const noWait = () => new Backoff({ baseMs: 1, capMs: 1, random: () => 0 });

describe('isTransientFailure', () => {
  it('retries what may pass later: no connection, 5xx, throttling', () => {
    expect(isTransientFailure(refused)).toBe(true);
    expect(isTransientFailure(new AggregateError([refused], ''))).toBe(true);
    expect(isTransientFailure(fault('ServiceUnavailable', 503))).toBe(true);
    expect(isTransientFailure(fault('ThrottlingException', 400))).toBe(true);
  });

  it('does not retry what says the answer is wrong or the task is gone', () => {
    expect(isTransientFailure(fault('UnknownResourceFault', 400))).toBe(false);
    expect(isTransientFailure(fault('ValidationException', 400))).toBe(false);
    expect(isTransientFailure(new TypeError('bad'))).toBe(false);
  });
});

describe('sendAnswer', () => {
  it('sends again until the service takes the answer, reporting each retry', async () => {
    let calls = 0;
    const retries: number[] = [];
    await sendAnswer(
      async () => {
        calls += 1;
        if (calls < 4) throw refused;
      },
      { deadline: undefined, giveUp: new AbortController().signal, onRetry: ({ attempt }) => retries.push(attempt), backoff: noWait() },
    );
    expect(calls).toBe(4);
    expect(retries).toEqual([1, 2, 3]);
  });

  it('gives up at the task deadline, rethrowing the last failure', async () => {
    let clock = 0;
    const backoff = new Backoff({ baseMs: 1_000, capMs: 1_000, random: () => 0.999 });
    const attempt = sendAnswer(
      async () => {
        clock += 1_000;
        throw refused;
      },
      { deadline: 2_500, giveUp: new AbortController().signal, onRetry: () => undefined, backoff, now: () => clock },
    );
    await expect(attempt).rejects.toBe(refused);
  });

  it('gives up at once when the grace time is over, and never retries a fault', async () => {
    const giveUp = new AbortController();
    giveUp.abort();
    await expect(sendAnswer(async () => Promise.reject(refused), { deadline: undefined, giveUp: giveUp.signal, onRetry: () => undefined })).rejects.toBe(refused);
    const gone = fault('UnknownResourceFault', 400);
    let calls = 0;
    const once = sendAnswer(
      async () => {
        calls += 1;
        throw gone;
      },
      { deadline: undefined, giveUp: new AbortController().signal, onRetry: () => undefined, backoff: noWait() },
    );
    await expect(once).rejects.toBe(gone);
    expect(calls).toBe(1);
  });
});
