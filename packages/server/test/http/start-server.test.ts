import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SWF } from '@aws-sdk/client-swf';
import { describe, expect, it } from 'vitest';
import { PortInUseError, startServer } from '../../src/server.js';

const client = (endpoint: string): SWF =>
  new SWF({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });

describe('startServer', () => {
  it('binds 127.0.0.1 on a free port and reports the endpoint', async () => {
    const server = await startServer({ port: 0 });
    try {
      expect(server.port).toBeGreaterThan(0);
      expect(server.endpoint).toBe(`http://127.0.0.1:${server.port}`);
      const health = await fetch(`${server.endpoint}/_swirl/health`);
      expect(health.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('keeps idle keep-alive connections longer than a long poll, so clients never reuse a socket as it closes', async () => {
    const server = await startServer({ port: 0 });
    try {
      const response = await new Promise<IncomingMessage>((resolve, reject) => {
        const agent = new Agent({ keepAlive: true });
        httpRequest(`${server.endpoint}/_swirl/health`, { agent }, (answer) => {
          answer.resume();
          answer.on('end', () => agent.destroy());
          resolve(answer);
        })
          .on('error', reject)
          .end();
      });
      // Node's default is 5 s, which let an SDK client hit "socket hang up" between calls.
      expect(response.headers['keep-alive']).toBe('timeout=65');
    } finally {
      await server.close();
    }
  });

  it('fails with a clear error naming the port when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const attempt = startServer({ port });
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
      await expect(attempt).rejects.toThrow('--port');
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('refuses fault-injection rates outside 0..1 before binding', async () => {
    await expect(startServer({ faultInjection: { throttleRate: 2 } })).rejects.toThrow('faultInjection.throttleRate must be a number from 0 to 1');
  });

  it('answers a held long poll and closes its socket on close()', async () => {
    const server = await startServer({ port: 0, longPollTimeoutMs: 600_000 });
    const swf = client(server.endpoint);
    try {
      await swf.registerDomain({ name: 'd', workflowExecutionRetentionPeriodInDays: '1' });
      const poll = swf.pollForActivityTask({ domain: 'd', taskList: { name: 'idle' } });
      // Give the poll time to reach the server and be held before shutting down.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await server.close();
      const answer = await poll.then(
        (output) => ({ taskToken: output.taskToken }),
        (error: unknown) => ({ error }),
      );
      expect(answer).toEqual({ taskToken: undefined });
    } finally {
      swf.destroy();
      await server.close();
    }
  });

  it('stops listening after close(), and close() is idempotent', async () => {
    const server = await startServer({ port: 0 });
    await server.close();
    await server.close();
    await expect(fetch(`${server.endpoint}/_swirl/health`)).rejects.toThrow();
  });

  it('answers a throttled call with the SDK’s ThrottlingException', async () => {
    const server = await startServer({ port: 0, faultInjection: { throttleRate: 1, operations: ['ListDomains'] } });
    const swf = client(server.endpoint);
    try {
      const error = await swf.listDomains({ registrationStatus: 'REGISTERED' }).catch((caught: unknown) => caught as Error);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('ThrottlingException');
      expect((error as Error).message).toBe('Rate exceeded');
      await swf.registerDomain({ name: 'untouched', workflowExecutionRetentionPeriodInDays: '1' });
    } finally {
      swf.destroy();
      await server.close();
    }
  });
});
