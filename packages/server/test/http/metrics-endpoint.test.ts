import { SWF } from '@aws-sdk/client-swf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type SwirlServer } from '../../src/server.js';

const DOMAIN = 'metrics-domain';

/** The value of one sample in a Prometheus text exposition, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (match === null || match[1] !== name) continue;
    const present = match[2]!.split(',');
    if (wanted.every((pair) => present.includes(pair)) && present.length === wanted.length) return Number(match[3]);
  }
  return undefined;
}

async function scrape(server: SwirlServer): Promise<string> {
  const response = await fetch(`${server.endpoint}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

describe('GET /metrics', () => {
  let server: SwirlServer;
  let swf: SWF;
  beforeEach(async () => {
    server = await startServer({ port: 0 });
    swf = new SWF({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  });
  afterEach(async () => {
    swf.destroy();
    await server.close();
  });

  it('counts requests by operation and HTTP status as they are answered', async () => {
    await swf.registerDomain({ name: DOMAIN, workflowExecutionRetentionPeriodInDays: '1' });
    const before = await scrape(server);
    expect(sample(before, 'swirl_server_requests_total', { operation: 'RegisterDomain', status: '200' })).toBe(1);
    expect(sample(before, 'swirl_server_requests_total', { operation: 'DescribeDomain', status: '400' })).toBeUndefined();

    await expect(swf.describeDomain({ name: 'no-such-domain' })).rejects.toMatchObject({ name: 'UnknownResourceFault' });
    await expect(swf.describeDomain({ name: 'no-such-domain' })).rejects.toMatchObject({ name: 'UnknownResourceFault' });
    await swf.describeDomain({ name: DOMAIN });
    const after = await scrape(server);
    expect(sample(after, 'swirl_server_requests_total', { operation: 'DescribeDomain', status: '400' })).toBe(2);
    expect(sample(after, 'swirl_server_requests_total', { operation: 'DescribeDomain', status: '200' })).toBe(1);
    expect(sample(after, 'swirl_server_request_duration_seconds_count', { operation: 'DescribeDomain' })).toBe(3);
  });

  it('counts a target that names no SWF operation under one unknown label', async () => {
    for (const target of ['SimpleWorkflowService.NoSuchCall', 'Nonsense']) {
      const response = await fetch(server.endpoint, { method: 'POST', headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.0' }, body: '{}' });
      expect(response.status).toBe(400);
    }
    expect(sample(await scrape(server), 'swirl_server_requests_total', { operation: 'unknown', status: '400' })).toBe(2);
  });

  it('reports open executions per domain and pending decision tasks per task list', async () => {
    await swf.registerDomain({ name: DOMAIN, workflowExecutionRetentionPeriodInDays: '1' });
    await swf.registerWorkflowType({
      domain: DOMAIN,
      name: 'Metered',
      version: '1',
      defaultTaskList: { name: 'metered-list' },
      defaultExecutionStartToCloseTimeout: '600',
      defaultTaskStartToCloseTimeout: '30',
      defaultChildPolicy: 'TERMINATE',
    });
    for (const workflowId of ['w1', 'w2']) await swf.startWorkflowExecution({ domain: DOMAIN, workflowId, workflowType: { name: 'Metered', version: '1' } });

    const started = await scrape(server);
    expect(sample(started, 'swirl_server_open_executions', { domain: DOMAIN })).toBe(2);
    expect(sample(started, 'swirl_server_pending_tasks', { domain: DOMAIN, kind: 'decision', task_list: 'metered-list' })).toBe(2);

    await swf.terminateWorkflowExecution({ domain: DOMAIN, workflowId: 'w1' });
    const task = await swf.pollForDecisionTask({ domain: DOMAIN, taskList: { name: 'metered-list' } });
    expect(task.workflowExecution?.workflowId).toBe('w2');
    const later = await scrape(server);
    expect(sample(later, 'swirl_server_open_executions', { domain: DOMAIN })).toBe(1);
    // The list is empty now, so its series is gone rather than stuck at its last value.
    expect(sample(later, 'swirl_server_pending_tasks', { domain: DOMAIN, kind: 'decision', task_list: 'metered-list' })).toBeUndefined();
  });

  it('reports long polls while they are held, and a poll whose caller left as client_closed', async () => {
    await swf.registerDomain({ name: DOMAIN, workflowExecutionRetentionPeriodInDays: '1' });
    const abort = new AbortController();
    const poll = swf.pollForActivityTask({ domain: DOMAIN, taskList: { name: 'idle-list' } }, { abortSignal: abort.signal });
    const heldLabels = { domain: DOMAIN, kind: 'activity', task_list: 'idle-list' };
    let held: number | undefined;
    for (let tries = 0; tries < 200 && held === undefined; tries += 1) {
      held = sample(await scrape(server), 'swirl_server_long_polls_held', heldLabels);
      if (held === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(held).toBe(1);

    abort.abort();
    await expect(poll).rejects.toThrow();
    let closed: number | undefined;
    for (let tries = 0; tries < 200 && closed === undefined; tries += 1) {
      closed = sample(await scrape(server), 'swirl_server_requests_total', { operation: 'PollForActivityTask', status: 'client_closed' });
      if (closed === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(closed).toBe(1);
    expect(sample(await scrape(server), 'swirl_server_long_polls_held', heldLabels)).toBeUndefined();
  });

  it('refuses POST /metrics with 405', async () => {
    const response = await fetch(`${server.endpoint}/metrics`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
