import type { SWFClient } from '@aws-sdk/client-swf';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { PollTimeoutCheck } from '../src/poll-timeout-check.js';
import { memoryLogger } from './fake-swf-client.js';

const clientWith = (configs: () => Record<string, unknown>) => ({ config: { requestHandler: { httpHandlerConfigs: configs } } }) as unknown as SWFClient;

describe('PollTimeoutCheck', () => {
  it('warns once when the client socket timeout would cut a long poll short', () => {
    const log = memoryLogger();
    const check = new PollTimeoutCheck(clientWith(() => ({ socketTimeout: 10_000 })), pino({}, log.stream));
    check.checkOnce();
    check.checkOnce();
    const warnings = log.entries.filter((entry) => entry.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toMatch(/socketTimeout \(10000 ms\) is shorter than a long poll/);
  });

  it('stays quiet for a long enough or unset socket timeout', () => {
    const log = memoryLogger();
    new PollTimeoutCheck(clientWith(() => ({ socketTimeout: 80_000 })), pino({}, log.stream)).checkOnce();
    new PollTimeoutCheck(clientWith(() => ({ requestTimeout: 0 })), pino({}, log.stream)).checkOnce();
    expect(log.entries).toEqual([]);
  });

  it('checks again later while the SDK has not resolved its handler configuration', () => {
    const log = memoryLogger();
    let configs: Record<string, unknown> = {};
    const check = new PollTimeoutCheck(clientWith(() => configs), pino({}, log.stream));
    check.checkOnce();
    configs = { socketTimeout: 5_000 };
    check.checkOnce();
    expect(log.entries).toHaveLength(1);
  });
});
