import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Backoff } from '../src/backoff.js';
import { DeprecatedRegistrationError, Registrar, compareDefaults } from '../src/registrar.js';
import { fakeSwfClient, memoryLogger, swfError } from './fake-swf-client.js';

function setup() {
  const fake = fakeSwfClient();
  const log = memoryLogger();
  const registrar = new Registrar({ client: fake.client, domain: 'shop', retentionDays: 7, logger: pino({}, log.stream) });
  return { fake, log, registrar };
}

const workflowType = {
  name: 'Order',
  version: '1',
  defaultTaskStartToCloseTimeout: '30',
  defaultChildPolicy: 'TERMINATE' as const,
  defaultTaskList: { name: 'orders' },
};
const activityType = { method: 'charge', name: 'Payments.charge', version: '1', defaultTaskStartToCloseTimeout: '60' };

describe('Registrar', () => {
  it('sends a registration call again through throttling and 503s, found by the throttling fault test', async () => {
    const fake = fakeSwfClient();
    const log = memoryLogger();
    const registrar = new Registrar({
      client: fake.client,
      domain: 'shop',
      retentionDays: 7,
      logger: pino({}, log.stream),
      backoff: () => new Backoff({ baseMs: 1, capMs: 1 }),
    });
    const unavailable = Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } });
    const failures = [swfError('ThrottlingException', 'Rate exceeded'), unavailable];
    fake.on('RegisterDomain', () => (failures.length > 0 ? Promise.reject(failures.shift()) : {})).on('RegisterWorkflowType', () => ({}));
    await registrar.registerAll([workflowType], []);
    expect(fake.callsTo('RegisterDomain')).toHaveLength(3);
    expect(fake.callsTo('RegisterWorkflowType')).toHaveLength(1);
    expect(log.entries.filter((entry) => entry.level === 40).map((entry) => [entry.operation, entry.attempt])).toEqual([
      ['RegisterDomain', 1],
      ['RegisterDomain', 2],
    ]);
  });

  it('gives up on a transient failure once its retry time is over, and never retries a fault that will not pass', async () => {
    const fake = fakeSwfClient();
    const logger = pino({ level: 'silent' });
    const throttled = new Registrar({ client: fake.client, domain: 'shop', retentionDays: 7, logger, retryForMs: 30, backoff: () => new Backoff({ baseMs: 5, capMs: 5 }) });
    fake.on('RegisterDomain', () => Promise.reject(swfError('ThrottlingException', 'Rate exceeded')));
    await expect(throttled.registerDomain()).rejects.toThrow('Rate exceeded');
    expect(fake.callsTo('RegisterDomain').length).toBeGreaterThan(1);

    const refused = fakeSwfClient();
    refused.on('RegisterDomain', () => Promise.reject(swfError('OperationNotPermittedFault', 'not allowed')));
    await expect(new Registrar({ client: refused.client, domain: 'shop', retentionDays: 7, logger }).registerDomain()).rejects.toThrow('not allowed');
    expect(refused.callsTo('RegisterDomain')).toHaveLength(1);
  });

  it('registers the domain and every type', async () => {
    const { fake, registrar } = setup();
    fake.on('RegisterDomain', () => ({})).on('RegisterWorkflowType', () => ({})).on('RegisterActivityType', () => ({}));
    await registrar.registerAll([workflowType], [activityType]);
    expect(fake.callsTo('RegisterDomain')).toEqual([{ name: 'shop', workflowExecutionRetentionPeriodInDays: '7' }]);
    expect(fake.callsTo('RegisterWorkflowType')).toEqual([{ domain: 'shop', ...workflowType }]);
    const { method: _method, ...wire } = activityType;
    expect(fake.callsTo('RegisterActivityType')).toEqual([{ domain: 'shop', ...wire }]);
  });

  it('accepts types that already exist with the same defaults, silently', async () => {
    const { fake, log, registrar } = setup();
    fake
      .on('RegisterDomain', () => Promise.reject(swfError('DomainAlreadyExistsFault')))
      .on('DescribeDomain', () => ({ domainInfo: { name: 'shop', status: 'REGISTERED' } }))
      .on('RegisterWorkflowType', () => Promise.reject(swfError('TypeAlreadyExistsFault')))
      .on('DescribeWorkflowType', () => ({
        typeInfo: { status: 'REGISTERED' },
        configuration: { defaultTaskStartToCloseTimeout: '30', defaultChildPolicy: 'TERMINATE', defaultTaskList: { name: 'orders' } },
      }));
    await registrar.registerAll([workflowType], []);
    expect(log.entries.filter((entry) => entry.level >= 40)).toEqual([]);
  });

  it('warns, naming each field, when an existing type has other defaults', async () => {
    const { fake, log, registrar } = setup();
    fake
      .on('RegisterDomain', () => ({}))
      .on('RegisterActivityType', () => Promise.reject(swfError('TypeAlreadyExistsFault')))
      .on('DescribeActivityType', () => ({
        typeInfo: { status: 'REGISTERED' },
        configuration: { defaultTaskStartToCloseTimeout: '300', defaultTaskHeartbeatTimeout: '20' },
      }));
    await registrar.registerAll([], [activityType]);
    const warning = log.entries.find((entry) => entry.level === 40);
    expect(warning?.msg).toMatch(/Payments.charge version 1 is registered with other defaults/);
    expect(warning?.differences).toEqual([
      { field: 'defaultTaskHeartbeatTimeout', registered: '20' },
      { field: 'defaultTaskStartToCloseTimeout', registered: '300', code: '60' },
    ]);
  });

  it('fails clearly when a type is deprecated', async () => {
    const { fake, registrar } = setup();
    fake
      .on('RegisterDomain', () => ({}))
      .on('RegisterWorkflowType', () => Promise.reject(swfError('TypeAlreadyExistsFault')))
      .on('DescribeWorkflowType', () => ({ typeInfo: { status: 'DEPRECATED' }, configuration: {} }));
    await expect(registrar.registerAll([workflowType], [])).rejects.toThrow(
      new DeprecatedRegistrationError(
        'Workflow type Order version 1 is deprecated in domain shop: SWF refuses to start it. Give the workflow class a new version, or undeprecate the type',
      ),
    );
  });

  it('fails clearly when the domain is deprecated', async () => {
    const { fake, registrar } = setup();
    fake
      .on('RegisterDomain', () => Promise.reject(swfError('DomainAlreadyExistsFault')))
      .on('DescribeDomain', () => ({ domainInfo: { name: 'shop', status: 'DEPRECATED' } }));
    await expect(registrar.registerAll([], [])).rejects.toBeInstanceOf(DeprecatedRegistrationError);
  });

  it('passes other registration errors through', async () => {
    const { fake, registrar } = setup();
    fake.on('RegisterDomain', () => Promise.reject(swfError('LimitExceededFault')));
    await expect(registrar.registerAll([], [])).rejects.toMatchObject({ name: 'LimitExceededFault' });
  });
});

describe('compareDefaults', () => {
  it('compares task lists by name and treats a missing priority as "0"', () => {
    expect(compareDefaults({ defaultTaskList: { name: 'a' } }, { defaultTaskList: { name: 'a' }, defaultTaskPriority: '0' })).toEqual([]);
    expect(compareDefaults({ defaultTaskList: { name: 'a' } }, { defaultTaskList: { name: 'b' } })).toEqual([
      { field: 'defaultTaskList', registered: 'b', code: 'a' },
    ]);
  });
});
