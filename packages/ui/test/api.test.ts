import { RegisterDomainCommand, RegisterWorkflowTypeCommand, StartWorkflowExecutionCommand, SWFClient } from '@aws-sdk/client-swf';
import { startServer, type SwirlServer } from '@swirl/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUiRequestListener, UI_BASE_PATH } from '../src/index.js';

const DOMAIN = 'ui-api';

describe('the UI JSON API against a real local server', () => {
  let server: SwirlServer;
  let api: string;
  let swf: SWFClient;

  beforeAll(async () => {
    server = await startServer();
    swf = new SWFClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    server.mount(UI_BASE_PATH, createUiRequestListener({ swf }));
    api = `${server.endpoint}${UI_BASE_PATH}/api`;
    await swf.send(new RegisterDomainCommand({ name: DOMAIN, workflowExecutionRetentionPeriodInDays: '3' }));
    await swf.send(
      new RegisterWorkflowTypeCommand({
        domain: DOMAIN,
        name: 'Waits',
        version: '1',
        defaultTaskList: { name: 'nobody-polls' },
        defaultChildPolicy: 'TERMINATE',
        defaultExecutionStartToCloseTimeout: '3600',
        defaultTaskStartToCloseTimeout: '30',
      }),
    );
    for (let i = 0; i < 5; i += 1) {
      await swf.send(new StartWorkflowExecutionCommand({ domain: DOMAIN, workflowId: `w-${i}`, workflowType: { name: 'Waits', version: '1' }, tagList: [i % 2 === 0 ? 'even' : 'odd'] }));
    }
  });
  afterAll(async () => {
    swf?.destroy();
    await server?.close();
  });

  const get = async (path: string) => {
    const response = await fetch(`${api}${path}`);
    return { status: response.status, body: (await response.json()) as any };
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('lists domains with their status and retention', async () => {
    const { body } = await get('/domains');
    expect(body.domains).toEqual([{ name: DOMAIN, status: 'REGISTERED', retentionDays: '3' }]);
  });

  it('filters open executions by tag and counts them', async () => {
    const { body } = await get(`/domains/${DOMAIN}/executions?state=open&tag=even`);
    expect(body.count).toBe(3);
    expect(body.executions.map((info: any) => info.execution.workflowId).sort()).toEqual(['w-0', 'w-2', 'w-4']);
  });

  it('pages with nextPageToken', async () => {
    const first = await get(`/domains/${DOMAIN}/executions?state=open&pageSize=2`);
    expect(first.body.executions).toHaveLength(2);
    expect(first.body.count).toBe(5);
    const second = await get(`/domains/${DOMAIN}/executions?state=open&pageSize=2&pageToken=${encodeURIComponent(first.body.nextPageToken)}`);
    expect(second.body.executions).toHaveLength(2);
    expect(second.body.executions[0].execution.workflowId).not.toBe(first.body.executions[0].execution.workflowId);
  });

  it('refuses two filters at once with SWF\u2019s one-filter rule, naming both', async () => {
    const { status, body } = await get(`/domains/${DOMAIN}/executions?state=closed&tag=even&closeStatus=FAILED`);
    expect(status).toBe(400);
    expect(body.error.type).toBe('FilterConflict');
    expect(body.error.message).toContain('got tag and close status');
  });

  it('shows the SWF fault plainly when a call fails', async () => {
    const { status, body } = await get(`/domains/no-such-domain/executions?state=open`);
    expect(status).toBe(400);
    expect(body.error.type).toBe('UnknownResourceFault');
    expect(body.error.message).toMatch(/no-such-domain/);
  });

  it('refuses an action posted from another site, and one that is not JSON', async () => {
    const crossSite = await post(`/domains/${DOMAIN}/executions/w-1/x/terminate`, {}, { Origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(((await crossSite.json()) as any).error.type).toBe('CrossOriginRequest');
    const fetchSite = await post(`/domains/${DOMAIN}/executions/w-1/x/terminate`, {}, { 'Sec-Fetch-Site': 'cross-site' });
    expect(fetchSite.status).toBe(403);
    const form = await fetch(`${api}/domains/${DOMAIN}/executions/w-1/x/terminate`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'reason=x' });
    expect(form.status).toBe(415);
  });

  it('signals and terminates from a same-origin POST, and reports a bad body field by name', async () => {
    const { body } = await get(`/domains/${DOMAIN}/executions?state=open&workflowId=w-3`);
    const runId = encodeURIComponent(body.executions[0].execution.runId);
    const origin = { Origin: server.endpoint };
    expect((await post(`/domains/${DOMAIN}/executions/w-3/${runId}/signal`, { signalName: 'go', input: '{"a":1}' }, origin)).status).toBe(200);
    const bad = await post(`/domains/${DOMAIN}/executions/w-3/${runId}/signal`, { input: 'x' }, origin);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.message).toMatch(/signalName/);
    expect((await post(`/domains/${DOMAIN}/executions/w-3/${runId}/terminate`, { reason: 'done here' }, origin)).status).toBe(200);
    const history = await get(`/domains/${DOMAIN}/executions/w-3/${runId}/history`);
    const types = history.body.events.map((event: any) => event.eventType);
    expect(types).toContain('WorkflowExecutionSignaled');
    expect(types.at(-1)).toBe('WorkflowExecutionTerminated');
    const after = await get(`/domains/${DOMAIN}/executions/w-3/${runId}/history?after=${history.body.events.length - 1}`);
    expect(after.body.events.map((event: any) => event.eventType)).toEqual(['WorkflowExecutionTerminated']);
  });

  it('starts an execution of a registered type', async () => {
    const response = await post(`/domains/${DOMAIN}/executions`, { workflowId: 'started-from-ui', typeName: 'Waits', typeVersion: '1', input: '{}' }, { Origin: server.endpoint });
    expect(response.status).toBe(201);
    expect(((await response.json()) as any).runId).toMatch(/.+/);
    const again = await post(`/domains/${DOMAIN}/executions`, { workflowId: 'started-from-ui', typeName: 'Waits', typeVersion: '1' }, { Origin: server.endpoint });
    expect(again.status).toBe(400);
    expect(((await again.json()) as any).error.type).toBe('WorkflowExecutionAlreadyStartedFault');
  });

  it('serves the page at /ui/ with a policy that runs only its own scripts', async () => {
    const response = await fetch(`${server.endpoint}/ui/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js">/);
    expect((await fetch(`${server.endpoint}/ui`, { redirect: 'manual' })).headers.get('location')).toBe('/ui/');
  });
});
