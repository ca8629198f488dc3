import { RegisterWorkflowTypeCommand } from '@aws-sdk/client-swf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliFixture, type CliFixture } from './support/cli-fixture.js';
import { decideOnce } from '../../client/test/support/local-swf.js';

const DOMAIN = 'cli-workflows';
let cli: CliFixture;

beforeAll(async () => {
  cli = await startCliFixture(DOMAIN);
  await cli.local.swf.send(
    new RegisterWorkflowTypeCommand({
      domain: DOMAIN,
      name: 'Checkout',
      version: '1',
      defaultTaskList: { name: 'checkout' },
      defaultExecutionStartToCloseTimeout: '3600',
      defaultTaskStartToCloseTimeout: '30',
      defaultChildPolicy: 'TERMINATE',
    }),
  );
});
afterAll(async () => {
  await cli?.close();
});

async function start(workflowId: string, ...extra: string[]): Promise<string> {
  const run = await cli.run(['--output', 'json', 'workflow', 'start', 'Checkout@1', '--id', workflowId, ...extra]);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { runId: string }).runId;
}

describe('swirl workflow start', () => {
  it('starts a registered type with JSON input and start options', async () => {
    const run = await cli.run([
      'workflow', 'start', 'Checkout', '--version', '1', '--id', 'order-1', '--input', '{"sku":"A1"}',
      '--task-list', 'fast', '--execution-timeout', '2h', '--task-timeout', '45s', '--child-policy', 'abandon', '--tag', 'vip', '--priority', '5',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Started order-1 run \S+\n$/);
    const described = await cli.run(['--output', 'json', 'workflow', 'describe', 'order-1']);
    expect(JSON.parse(described.stdout)).toMatchObject({
      execution: { workflowId: 'order-1' },
      status: 'OPEN',
      tags: ['vip'],
      configuration: {
        taskList: { name: 'fast' },
        executionStartToCloseTimeout: '7200',
        taskStartToCloseTimeout: '45',
        childPolicy: 'ABANDON',
        taskPriority: '5',
      },
    });
  });

  it('refuses bad input, a missing version and a duplicate id', async () => {
    expect((await cli.run(['workflow', 'start', 'Checkout@1', '--id', 'x', '--input', '{oops'])).stderr).toBe(
      "error: --input must be JSON (quote strings: '\"text\"'), got {oops\n",
    );
    expect((await cli.run(['workflow', 'start', 'Checkout', '--id', 'x'])).stderr).toBe(
      'error: no version for type Checkout: write Checkout@<version> or pass --version\n',
    );
    expect((await cli.run(['workflow', 'start', 'Checkout@1'])).stderr).toMatch(/^error: required option '--id <workflowId>' not specified/);
    expect((await cli.run(['workflow', 'start', 'Checkout@1', '--id', 'x', '--child-policy', 'keep'])).stderr).toBe(
      'error: --child-policy must be one of TERMINATE, REQUEST_CANCEL, ABANDON, got "keep"\n',
    );
    await start('dup');
    const duplicate = await cli.run(['workflow', 'start', 'Checkout@1', '--id', 'dup']);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/^error: WorkflowExecutionAlreadyStartedFault: StartWorkflowExecution \(domain=cli-workflows, workflowId=dup, type=Checkout@1\): /);
  });
});

describe('swirl workflow signal, cancel, terminate, describe', () => {
  it('signals with JSON input and requests cancellation', async () => {
    const runId = await start('order-signal');
    expect((await cli.run(['workflow', 'signal', 'order-signal', 'approve', '--input', '{"by":"ana"}'])).stdout).toBe(
      'Signalled order-signal with approve\n',
    );
    expect((await cli.run(['workflow', 'cancel', 'order-signal', '--run-id', runId])).stdout).toBe('Requested cancellation of order-signal\n');
    const described = await cli.run(['workflow', 'describe', 'order-signal', runId]);
    expect(described.stdout).toMatch(/cancel requested:\s+true\n/);
    expect(described.stdout).toMatch(/type:\s+Checkout@1\n/);
  });

  it('shows the published state from the latest execution context', async () => {
    await start('order-state', '--task-list', 'state');
    await decideOnce(cli.local.swf, DOMAIN, 'state', [], JSON.stringify({ stage: 'packing' }));
    const described = await cli.run(['workflow', 'describe', 'order-state']);
    expect(described.stdout).toMatch(/published state:\s+\{"stage":"packing"\}\n/);
  });

  it('terminates, after which result exits 1 with the TerminatedFailure line', async () => {
    await start('order-terminate');
    expect((await cli.run(['workflow', 'terminate', 'order-terminate', '--reason', 'stuck', '--details', 'by ops'])).stdout).toBe(
      'Terminated order-terminate\n',
    );
    const result = await cli.run(['workflow', 'result', 'order-terminate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: TerminatedFailure: Workflow execution workflowId=order-terminate runId=\S+ was terminated: stuck\n$/);
  });

  it('reports an unknown execution', async () => {
    const signal = await cli.run(['workflow', 'signal', 'ghost', 'x']);
    expect(signal.code).toBe(1);
    expect(signal.stderr).toMatch(/^error: UnknownResourceFault: SignalWorkflowExecution \(domain=cli-workflows, workflowId=ghost, signal=x\): /);
    const describe = await cli.run(['workflow', 'describe', 'ghost']);
    expect(describe.stderr).toBe('error: WorkflowNotFoundError: No execution with workflowId "ghost" in domain "cli-workflows", open or closed (within retention)\n');
  });
});

describe('swirl workflow result', () => {
  it('prints the result of a completed execution', async () => {
    await start('order-done', '--task-list', 'done');
    await decideOnce(cli.local.swf, DOMAIN, 'done', [
      { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: '{"total":42}' } },
    ]);
    const result = await cli.run(['workflow', 'result', 'order-done']);
    expect(result).toEqual({ code: 0, stdout: '{\n  "total": 42\n}\n', stderr: '' });
  });
});

describe('swirl workflow list and count', () => {
  it('lists open and closed executions with filters, and counts them', async () => {
    await start('listed-open', '--tag', 'listing');
    await start('listed-closed', '--tag', 'listing');
    await cli.run(['workflow', 'terminate', 'listed-closed']);

    const open = await cli.run(['workflow', 'list', '--tag', 'listing']);
    expect(open.stdout).toMatch(/^WORKFLOW ID\s+RUN ID\s+TYPE\s+STATUS\s+STARTED\s+CLOSED\n/);
    expect(open.stdout).toMatch(/\nlisted-open\s+\S+\s+Checkout@1\s+OPEN\s+\d{4}-/);
    expect(open.stdout).not.toMatch(/listed-closed/);

    const closed = await cli.run(['--output', 'json', 'workflow', 'list', '--closed', '--workflow-id', 'listed-closed']);
    expect(JSON.parse(closed.stdout)).toEqual([expect.objectContaining({ closeStatus: 'TERMINATED' })]);
    const byStatus = await cli.run(['--output', 'json', 'workflow', 'list', '--close-status', 'terminated', '--since', '1h']);
    expect(JSON.parse(byStatus.stdout).map((info: { execution: { workflowId: string } }) => info.execution.workflowId)).toContain('listed-closed');
    const limited = await cli.run(['--output', 'json', 'workflow', 'list', '--limit', '1']);
    expect(JSON.parse(limited.stdout)).toHaveLength(1);

    expect((await cli.run(['workflow', 'count', '--tag', 'listing'])).stdout).toBe('1 open executions\n');
    expect(JSON.parse((await cli.run(['--output', 'json', 'workflow', 'count', '--closed', '--tag', 'listing'])).stdout)).toEqual({
      count: 1,
      truncated: false,
    });
  });

  it('refuses filters SWF cannot combine and malformed times', async () => {
    const combined = await cli.run(['workflow', 'list', '--tag', 'a', '--workflow-id', 'b']);
    expect(combined).toMatchObject({
      code: 1,
      stderr: 'error: ListFilterError: SWF accepts at most one of workflowId, type, tag and closeStatus per list or count; got workflowId and tag\n',
    });
    expect((await cli.run(['workflow', 'list', '--since', 'yesterday'])).stderr).toBe(
      'error: --since takes an ISO date (2026-01-31T12:00:00Z) or a duration back from now (90m, 7d), got "yesterday"\n',
    );
  });
});
