import { describe, expect, it } from 'vitest';
import { isLoopbackEndpoint, resolveGlobals } from '../src/index.js';

describe('global options', () => {
  it('takes the endpoint from the flag, then AWS_ENDPOINT_URL_SWF, then AWS_ENDPOINT_URL', () => {
    const env = { AWS_ENDPOINT_URL_SWF: 'http://127.0.0.1:1', AWS_ENDPOINT_URL: 'http://127.0.0.1:2' };
    expect(resolveGlobals({ endpoint: 'http://127.0.0.1:3' }, env).endpoint).toBe('http://127.0.0.1:3');
    expect(resolveGlobals({}, env).endpoint).toBe('http://127.0.0.1:1');
    expect(resolveGlobals({}, { AWS_ENDPOINT_URL: 'http://127.0.0.1:2' }).endpoint).toBe('http://127.0.0.1:2');
    expect(resolveGlobals({}, {}).endpoint).toBeUndefined();
  });

  it('defaults the region to AWS_REGION, then us-east-1, and the domain to SWIRL_DOMAIN', () => {
    expect(resolveGlobals({}, {})).toMatchObject({ region: 'us-east-1', domain: undefined, output: 'table', debug: false });
    expect(resolveGlobals({}, { AWS_REGION: 'eu-west-1', SWIRL_DOMAIN: 'shop' })).toMatchObject({ region: 'eu-west-1', domain: 'shop' });
    expect(resolveGlobals({ region: 'ap-south-1', domain: 'ops' }, { AWS_REGION: 'eu-west-1', SWIRL_DOMAIN: 'shop' })).toMatchObject({
      region: 'ap-south-1',
      domain: 'ops',
    });
  });

  it('treats only loopback endpoints as local', () => {
    expect(isLoopbackEndpoint('http://127.0.0.1:8233')).toBe(true);
    expect(isLoopbackEndpoint('http://127.1.2.3:8233')).toBe(true);
    expect(isLoopbackEndpoint('http://localhost:8233')).toBe(true);
    expect(isLoopbackEndpoint('http://[::1]:8233')).toBe(true);
    expect(isLoopbackEndpoint('https://swf.us-east-1.amazonaws.com')).toBe(false);
  });
});
