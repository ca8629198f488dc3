/**
 * Every fault message in the server README's table, provoked over HTTP with the real SDK and
 * compared word for word. The table is read from the README, so a row that changes there and not
 * here (or the other way round) fails.
 */
import { readFileSync } from 'node:fs';
import { SWF, type ServiceInputTypes, type ServiceOutputTypes } from '@aws-sdk/client-swf';
import type { FinalizeRequestMiddleware, HttpRequest } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { startServer, type SwirlServer } from '../../src/server.js';
import {
  ACTIVITIES,
  completeWorkflow,
  Driver,
  expectSwfError,
  lastOfType,
  registerFixtures,
  scheduleActivity,
  startConformance,
  WORKFLOW,
  type Conformance,
} from './harness.js';

const DOMAIN = 'fault-messages';

interface Row {
  readonly fault: string;
  readonly message: string;
  readonly when: string;
}

/** The rows between the README's fault-messages markers. */
function readmeTable(): Row[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const table = /<!-- fault-messages:start -->\n([\s\S]*?)<!-- fault-messages:end -->/.exec(readme)?.[1];
  if (table === undefined) throw new Error('packages/server/README.md has no fault-messages table');
  return table
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => {
      const [fault = '', message = '', when = ''] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      return { fault, message: message.replace(/^`|`$/g, ''), when };
    });
}

/** A fault provoked: what the call answered, and the values that fill the row's placeholders. */
interface Provoked {
  readonly call: Promise<unknown>;
  readonly values: Readonly<Record<string, string | number>>;
}

type Case = (swf: SWF, driver: Driver) => Promise<Provoked>;

let c: Conformance;
let driver: Driver;
// The authentication rows need a server that checks signatures (`--auth sigv4`).
const ACCESS_KEY = { accessKeyId: 'AKIDFAULTMESSAGES', secretAccessKey: 'fault-messages-secret' };
let signedServer: SwirlServer;
const signedClients: SWF[] = [];

function signedClient(credentials: { accessKeyId: string; secretAccessKey: string }): SWF {
  const client = new SWF({ endpoint: signedServer.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
  signedClients.push(client);
  return client;
}

/** A client whose calls leave without their Authorization header: it is dropped right after signing. */
function unsignedClient(): SWF {
  const client = signedClient(ACCESS_KEY);
  const dropAuthorization: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => async (args) => {
    delete (args.request as HttpRequest).headers.authorization;
    return next(args);
  };
  client.middlewareStack.addRelativeTo(
    dropAuthorization,
    { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'dropAuthorization' },
  );
  return client;
}

const clock = new VirtualClock(Date.UTC(2026, 0, 1));

/** Starts a run on a decision list of its own and hands its first decision task out. */
async function startedRun(workflowId: string) {
  const runId = await driver.start(workflowId, { taskList: { name: workflowId } });
  return { runId, task: await driver.pollDecision(workflowId) };
}

/** A run whose activity task a worker has taken; returns the run, the activity task and its scheduled event id. */
async function runWithActivity(workflowId: string) {
  const { runId, task } = await startedRun(workflowId);
  await driver.decide(task.taskToken, [scheduleActivity('a1')]);
  const activity = await driver.pollActivity(ACTIVITIES);
  const scheduled = lastOfType(await driver.history(workflowId, runId), 'ActivityTaskScheduled');
  return { runId, activity, scheduledEventId: scheduled.eventId ?? 0 };
}

const workflowTypeValues = { name: WORKFLOW.name ?? '', version: WORKFLOW.version ?? '' };

/** One way to provoke each row, keyed by the row's message and "when", in the table's order. */
const CASES: ReadonlyArray<Case> = [
  async (swf) => ({ call: swf.describeDomain({ name: 'no-such-domain' }), values: { domain: 'no-such-domain' } }),
  async (swf) => ({
    call: swf.describeWorkflowType({ domain: DOMAIN, workflowType: { name: 'Missing', version: '9' } }),
    values: { name: 'Missing', version: '9' },
  }),
  async (swf) => ({
    call: swf.describeActivityType({ domain: DOMAIN, activityType: { name: 'Missing', version: '9' } }),
    values: { name: 'Missing', version: '9' },
  }),
  async (swf) => ({
    call: swf.describeWorkflowExecution({ domain: DOMAIN, execution: { workflowId: 'ghost', runId: 'R1' } }),
    values: { workflowId: 'ghost', runId: 'R1' },
  }),
  async (swf) => ({ call: swf.terminateWorkflowExecution({ domain: DOMAIN, workflowId: 'never-started' }), values: { workflowId: 'never-started' } }),
  async (swf) => {
    const { runId, activity } = await runWithActivity('closed-under-worker');
    await swf.terminateWorkflowExecution({ domain: DOMAIN, workflowId: 'closed-under-worker' });
    return { call: swf.respondActivityTaskCompleted({ taskToken: activity.taskToken }), values: { workflowId: 'closed-under-worker', runId } };
  },
  async (swf) => {
    const { activity, scheduledEventId } = await runWithActivity('answered-twice');
    await swf.respondActivityTaskCompleted({ taskToken: activity.taskToken, result: 'first' });
    return { call: swf.respondActivityTaskCompleted({ taskToken: activity.taskToken, result: 'again' }), values: { scheduledEventId } };
  },
  async () => {
    const { task } = await startedRun('decided-twice');
    await driver.decide(task.taskToken, []);
    return { call: driver.decide(task.taskToken, [completeWorkflow()]), values: { scheduledEventId: 2 } };
  },
  async (swf) => ({ call: swf.recordActivityTaskHeartbeat({ taskToken: 'bm90IGEgdG9rZW4=' }), values: {} }),
  async (swf) => {
    await swf.registerDomain({ name: 'second-domain', workflowExecutionRetentionPeriodInDays: '1' });
    const { nextPageToken } = await swf.listDomains({ registrationStatus: 'REGISTERED', maximumPageSize: 1 });
    await clock.advance(25 * 60 * 60 * 1_000);
    return { call: swf.listDomains({ registrationStatus: 'REGISTERED', maximumPageSize: 1, nextPageToken }), values: {} };
  },
  async (swf) => ({ call: swf.registerWorkflowType({ domain: DOMAIN, ...WORKFLOW }), values: workflowTypeValues }),
  async (swf) => {
    const type = { name: 'Retired', version: '1' };
    await swf.registerWorkflowType({ domain: DOMAIN, ...type });
    await swf.deprecateWorkflowType({ domain: DOMAIN, workflowType: type });
    return { call: swf.deprecateWorkflowType({ domain: DOMAIN, workflowType: type }), values: type };
  },
  async (swf) => ({ call: swf.registerDomain({ name: DOMAIN, workflowExecutionRetentionPeriodInDays: '1' }), values: { domain: DOMAIN } }),
  async (swf) => {
    await swf.registerDomain({ name: 'retired-domain', workflowExecutionRetentionPeriodInDays: '1' });
    await swf.deprecateDomain({ name: 'retired-domain' });
    return { call: swf.deprecateDomain({ name: 'retired-domain' }), values: { domain: 'retired-domain' } };
  },
  async () => ({ call: signedClient({ ...ACCESS_KEY, secretAccessKey: 'not-the-secret' }).listDomains({ registrationStatus: 'REGISTERED' }), values: {} }),
  async () => ({ call: signedClient({ accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' }).listDomains({ registrationStatus: 'REGISTERED' }), values: {} }),
  async () => ({ call: unsignedClient().listDomains({ registrationStatus: 'REGISTERED' }), values: {} }),
];

function fill(template: string, values: Provoked['values']): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for ${placeholder} in "${template}"`);
    return String(value);
  });
}

beforeAll(async () => {
  c = await startConformance({ clock });
  await registerFixtures(c.swf, DOMAIN);
  driver = new Driver(c.swf, DOMAIN);
  signedServer = await startServer({ auth: { type: 'sigv4', accessKeys: [ACCESS_KEY] } });
});
afterAll(async () => {
  for (const client of signedClients) client.destroy();
  await Promise.all([c.close(), signedServer.close()]);
});

describe('fault messages, word for word as the server README lists them', () => {
  const rows = readmeTable();

  it('has one provoking case per row of the table', () => {
    expect(rows).toHaveLength(CASES.length);
    expect(rows.every((row) => row.fault !== '' && row.message !== '')).toBe(true);
  });

  it.each(rows.map((row, index) => [row.fault, row.message, row.when, index] as const))('%s %s (%s)', async (fault, message, _when, index) => {
    const provoked = await CASES[index]!(c.swf, driver);
    const error = await expectSwfError(provoked.call, fault);
    expect(error.message).toBe(fill(message, provoked.values));
  });

  it('records a terminate call as WorkflowExecutionTerminated with cause OPERATOR_INITIATED', async () => {
    const runId = await driver.start('terminated-by-call');
    await c.swf.terminateWorkflowExecution({ domain: DOMAIN, workflowId: 'terminated-by-call', reason: 'operator' });
    const terminated = lastOfType(await driver.history('terminated-by-call', runId), 'WorkflowExecutionTerminated');
    expect(terminated.workflowExecutionTerminatedEventAttributes).toMatchObject({ reason: 'operator', cause: 'OPERATOR_INITIATED' });
  });

  it('checks every decision type before the place of a close decision', async () => {
    const { task } = await startedRun('bad-type-after-close');
    const decisions = [completeWorkflow(), { decisionType: 'Nope' }] as never;
    const error = await expectSwfError(driver.decide(task.taskToken, decisions), 'ValidationException');
    expect(error.message).toMatch(/^1 validation error detected: Value 'Nope' at 'decisions\.2\.member\.decisionType'/);
  });
});
