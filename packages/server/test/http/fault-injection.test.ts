import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../../src/http/fault-injection.js';
import { FrontEndHarness } from './front-end-harness.js';

const LIST = ['SimpleWorkflowService.ListDomains', '{"registrationStatus":"REGISTERED"}'] as const;

describe('fault injection', () => {
  it('answers every call with ThrottlingException when throttleRate is 1', async () => {
    const harness = await FrontEndHarness.start({ faultInjection: { throttleRate: 1 } });
    try {
      const response = await harness.call(...LIST);
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('ThrottlingException');
      expect(await response.json()).toEqual({ __type: 'com.amazon.coral.availability#ThrottlingException', message: 'Rate exceeded' });
      expect(harness.calls).toHaveLength(0);
    } finally {
      await harness.stop();
    }
  });

  it('answers every call with HTTP 503 when unavailableRate is 1', async () => {
    const harness = await FrontEndHarness.start({ faultInjection: { unavailableRate: 1 } });
    try {
      const response = await harness.call(...LIST);
      expect(response.status).toBe(503);
      expect(harness.calls).toHaveLength(0);
    } finally {
      await harness.stop();
    }
  });

  it('leaves operations outside the chosen list alone', async () => {
    const harness = await FrontEndHarness.start({ faultInjection: { throttleRate: 1, operations: ['PollForActivityTask'] } });
    try {
      expect((await harness.call(...LIST)).status).toBe(200);
      const poll = await harness.call('SimpleWorkflowService.PollForActivityTask', '{"domain":"d","taskList":{"name":"t"}}');
      expect(poll.status).toBe(400);
    } finally {
      await harness.stop();
    }
  });

  it('injects about the chosen fraction, identically for the same seed', () => {
    const draw = (seed: number): string[] => {
      const injector = new FaultInjector({ throttleRate: 0.2, unavailableRate: 0.1, seed });
      return Array.from({ length: 2000 }, () => String(injector.decide('StartWorkflowExecution')));
    };
    const first = draw(42);
    expect(draw(42)).toEqual(first);
    expect(draw(43)).not.toEqual(first);
    const throttled = first.filter((outcome) => outcome === 'throttle').length / first.length;
    const unavailable = first.filter((outcome) => outcome === 'unavailable').length / first.length;
    expect(throttled).toBeGreaterThan(0.15);
    expect(throttled).toBeLessThan(0.25);
    expect(unavailable).toBeGreaterThan(0.06);
    expect(unavailable).toBeLessThan(0.14);
  });

  it('refuses rates outside 0..1 or summing above 1', () => {
    expect(() => new FaultInjector({ throttleRate: 1.5 })).toThrow('faultInjection.throttleRate must be a number from 0 to 1, got 1.5');
    expect(() => new FaultInjector({ throttleRate: 0.6, unavailableRate: 0.6 })).toThrow('must be at most 1');
  });
});
