/**
 * What operators read: every line the worker logs through a run with a failing, retried activity
 * is JSON with no key twice (pino writes a child's bindings and a call's fields side by side), and
 * errors appear with their type, message, stack and cause, not as `{"type":"Object","stack":""}`.
 */
import { Writable } from 'node:stream';
import { Activities } from '@swirl/activity';
import { Workflow } from '@swirl/workflow';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { outcome, runWorker, startSwf, startWorkflow, waitForClose, type Swf } from './harness.js';

class FlakyError extends Error {
  override readonly name = 'FlakyError';
}

let attempts = 0;

class Flaky extends Activities {
  static readonly type = {
    version: '1',
    defaults: { heartbeatTimeout: 'NONE', startToCloseTimeout: '30s', scheduleToStartTimeout: '30s', scheduleToCloseTimeout: '60s', taskList: 'e2e-logs' },
  };

  async charge(amount: number): Promise<string> {
    attempts += 1;
    if (attempts === 1) throw new FlakyError('card network timed out', { cause: new Error('socket hang up') });
    return `charged ${amount}`;
  }
}

class ChargeOnce extends Workflow<number, string> {
  static readonly type = { name: 'ChargeOnce', version: '1', taskList: 'e2e-logs', executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  async execute(amount: number): Promise<string> {
    return this.activities(Flaky, { retry: { initialInterval: '1s', maximumAttempts: 3 } }).charge(amount);
  }
}

/** The keys of every object in a JSON text that appear more than once in that object. */
function repeatedKeys(json: string): string[] {
  const repeated: string[] = [];
  const stack: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let index = 0; index < json.length; index++) {
    const char = json[index];
    if (char === '"') {
      let end = index + 1;
      while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      const text = json.slice(index + 1, end);
      const keys = stack.at(-1);
      if (expectKey && keys) {
        if (keys.has(text)) repeated.push(text);
        keys.add(text);
      }
      expectKey = false;
      index = end;
    } else if (char === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (char === '[') {
      stack.push(null);
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      expectKey = stack.at(-1) !== null;
    }
  }
  return repeated;
}

describe('end to end over HTTP: the lines a worker logs', () => {
  let swf: Swf | undefined;
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await swf?.close();
  });

  it('repeats no key and logs errors with type, stack and cause', async () => {
    expect(repeatedKeys('{"a":1,"b":{"a":2},"a":3}')).toEqual(['a']); // the check itself can fail
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter((line) => line !== ''));
        done();
      },
    });
    swf = await startSwf();
    const worker = await runWorker({ client: swf.newClient(), domain: 'e2e-logs', taskList: 'e2e-logs', workflows: [ChargeOnce], activities: [new Flaky()], logger: pino({ level: 'trace' }, stream) });
    stops.push(worker.stop);
    const execution = await startWorkflow(swf.client, 'e2e-logs', ChargeOnce, { workflowId: 'charge-1', input: 1999 });
    expect(outcome(await waitForClose(swf.client, 'e2e-logs', execution, 20_000))).toBe('charged 1999');
    await worker.stop();
    stops.length = 0;

    expect(lines.length).toBeGreaterThan(10);
    expect(lines.flatMap((line) => repeatedKeys(line).map((key) => `${key} in ${line}`))).toEqual([]);
    const failed = lines.map((line) => JSON.parse(line) as Record<string, any>).find((entry) => entry['msg'] === 'activity failed');
    expect(failed?.['err']).toMatchObject({ type: 'FlakyError', message: 'card network timed out', cause: { type: 'Error', message: 'socket hang up' } });
    expect(failed?.['err'].stack).toMatch(/^FlakyError: card network timed out\n\s+at /);
  }, 40_000);
});
