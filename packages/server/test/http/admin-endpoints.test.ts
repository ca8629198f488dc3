import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FrontEndHarness } from './front-end-harness.js';

describe('the admin endpoints', () => {
  let harness: FrontEndHarness;
  beforeEach(async () => {
    harness = await FrontEndHarness.start();
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('wipes all state on POST /_swirl/reset', async () => {
    const response = await fetch(`${harness.endpoint}/_swirl/reset`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', reset: true });
    expect(harness.resets).toBe(1);
  });

  it('wipes all state on POST /moto-api/reset, the path moto server-mode suites call', async () => {
    const response = await fetch(`${harness.endpoint}/moto-api/reset`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(harness.resets).toBe(1);
  });

  it('refuses GET on the reset paths with 405 and an Allow header', async () => {
    const response = await fetch(`${harness.endpoint}/_swirl/reset`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(harness.resets).toBe(0);
  });

  it('answers GET /_swirl/health with 200 JSON', async () => {
    const response = await fetch(`${harness.endpoint}/_swirl/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(await response.json()).toMatchObject({ status: 'ok', service: 'swirl' });
  });
});
