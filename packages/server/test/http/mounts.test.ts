import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidMountError, startServer, type SwirlServer } from '../../src/index.js';

describe('handlers mounted beside the SWF API', () => {
  let server: SwirlServer;
  beforeEach(async () => {
    server = await startServer();
    server.mount('/ui', (request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end(`ui saw ${request.method} ${request.url}`);
    });
  });
  afterEach(async () => {
    await server.close();
  });

  it('sends the prefix and every path under it to the mounted handler, with the full URL', async () => {
    expect(await (await fetch(`${server.endpoint}/ui`)).text()).toBe('ui saw GET /ui');
    expect(await (await fetch(`${server.endpoint}/ui/api/domains?x=1`)).text()).toBe('ui saw GET /ui/api/domains?x=1');
  });

  it('leaves paths that only start with the same letters, the admin routes and the SWF endpoint alone', async () => {
    expect((await fetch(`${server.endpoint}/uix`)).status).toBe(404);
    expect((await fetch(`${server.endpoint}/_swirl/health`)).status).toBe(200);
    const swf = await fetch(`${server.endpoint}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'SimpleWorkflowService.ListDomains' },
      body: JSON.stringify({ registrationStatus: 'REGISTERED' }),
    });
    expect(swf.status).toBe(200);
    expect(await swf.json()).toEqual({ domainInfos: [] });
  });

  it('refuses prefixes that are malformed, taken, or would hide the admin routes', () => {
    expect(() => server.mount('ui', () => undefined)).toThrow(InvalidMountError);
    expect(() => server.mount('/ui/', () => undefined)).toThrow(/without a trailing slash/);
    expect(() => server.mount('/_swirl/ui', () => undefined)).toThrow(/admin endpoints/);
    expect(() => server.mount('/ui', () => undefined)).toThrow(/already mounted at \/ui/);
  });
});
