import { RegisterActivityTypeCommand, RegisterWorkflowTypeCommand } from '@aws-sdk/client-swf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliFixture, type CliFixture } from './support/cli-fixture.js';

let cli: CliFixture;
beforeAll(async () => {
  cli = await startCliFixture('cli-types');
  await cli.local.swf.send(
    new RegisterWorkflowTypeCommand({
      domain: 'cli-types',
      name: 'Checkout',
      version: '1',
      defaultTaskList: { name: 'checkout' },
      defaultExecutionStartToCloseTimeout: '3600',
      defaultTaskStartToCloseTimeout: '30',
      defaultChildPolicy: 'TERMINATE',
    }),
  );
  await cli.local.swf.send(
    new RegisterActivityTypeCommand({ domain: 'cli-types', name: 'billing.charge', version: '2', defaultTaskStartToCloseTimeout: '60' }),
  );
});
afterAll(async () => {
  await cli?.close();
});

describe('swirl type', () => {
  it('lists workflow and activity types together, or one kind', async () => {
    const both = await cli.run(['type', 'list']);
    expect(both.code).toBe(0);
    expect(both.stdout).toMatch(/^KIND\s+NAME\s+VERSION\s+STATUS\s+CREATED\n/);
    expect(both.stdout).toMatch(/\nworkflow\s+Checkout\s+1\s+REGISTERED\s+\d{4}-/);
    expect(both.stdout).toMatch(/\nactivity\s+billing\.charge\s+2\s+REGISTERED/);
    const activities = await cli.run(['--output', 'json', 'type', 'list', '--kind', 'activity']);
    expect(JSON.parse(activities.stdout)).toEqual([expect.objectContaining({ kind: 'activity', name: 'billing.charge', version: '2' })]);
  });

  it('describes a type with its registered defaults', async () => {
    const described = await cli.run(['type', 'describe', 'workflow', 'Checkout', '1']);
    expect(described.code).toBe(0);
    expect(described.stdout).toMatch(/status:\s+REGISTERED\n/);
    expect(described.stdout).toMatch(/defaultTaskList:\s+checkout\n/);
    expect(described.stdout).toMatch(/defaultExecutionStartToCloseTimeout:\s+3600\n/);
    const activity = await cli.run(['--output', 'json', 'type', 'describe', 'activity', 'billing.charge', '2']);
    expect(JSON.parse(activity.stdout)).toMatchObject({ configuration: { defaultTaskStartToCloseTimeout: '60' } });
  });

  it('deprecates and undeprecates a type', async () => {
    expect((await cli.run(['type', 'deprecate', 'activity', 'billing.charge', '2'])).stdout).toBe('Deprecated activity type billing.charge@2\n');
    const deprecated = await cli.run(['--output', 'json', 'type', 'list', '--deprecated']);
    expect(JSON.parse(deprecated.stdout)).toEqual([expect.objectContaining({ name: 'billing.charge', status: 'DEPRECATED' })]);
    const twice = await cli.run(['type', 'deprecate', 'activity', 'billing.charge', '2']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/^error: TypeDeprecatedFault: DeprecateActivityType \(domain=cli-types, activityType=billing\.charge@2\): /);
    expect((await cli.run(['type', 'undeprecate', 'activity', 'billing.charge', '2'])).code).toBe(0);
  });

  it('refuses an unknown kind and reports an unknown type', async () => {
    const kind = await cli.run(['type', 'describe', 'lambda', 'x', '1']);
    expect(kind).toMatchObject({ code: 1, stderr: 'error: <kind> must be one of workflow, activity, got "lambda"\n' });
    const unknown = await cli.run(['type', 'describe', 'workflow', 'Nope', '9']);
    expect(unknown.stderr).toMatch(/^error: UnknownResourceFault: DescribeWorkflowType \(domain=cli-types, workflowType=Nope@9\): /);
  });
});
