import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WorkflowClient } from '@swirl/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliFixture, type CliFixture } from './support/cli-fixture.js';
import { recordHistory } from './support/record-history.js';
import { runSwirl } from './support/run-swirl.js';
import { ShipWorkflow } from './fixtures/ship-workflow.js';

const DOMAIN = 'cli-replay';
const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const REAL_HISTORIES = resolve(import.meta.dirname, '../../../test/fixtures/real-histories');
let cli: CliFixture;

beforeAll(async () => {
  cli = await startCliFixture(DOMAIN);
  const workflows = new WorkflowClient({ client: cli.local.swf, domain: DOMAIN });
  await workflows.types.registerWorkflowType(ShipWorkflow);
  const handle = await workflows.start(ShipWorkflow, { workflowId: 'ship-1', input: { sku: 'A1' } });
  const events = await recordHistory({
    swf: cli.local.swf,
    clock: cli.local.clock,
    domain: DOMAIN,
    taskList: 'ship',
    workflow: ShipWorkflow,
    execution: { workflowId: 'ship-1', runId: handle.runId ?? '' },
    advanceMs: 61_000,
    maxTasks: 5,
  });
  expect(events.at(-1)?.eventType).toBe('WorkflowExecutionCompleted');
  const exported = await cli.run(['history', 'export', 'ship-1', '-o', 'histories/ship-1.json']);
  expect(exported.stderr).toBe('');
});
afterAll(async () => {
  await cli?.close();
});

describe('swirl replay', () => {
  it('replays an exported history against the unchanged workflow and exits 0', async () => {
    const run = await cli.run(['replay', 'histories', '--workflows', join(FIXTURES, 'ship-workflow.ts')]);
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok {4}histories\/ship-1\.json \(\d+ events\)\n$/) });
  });

  it('exits 1 and names the NonDeterminismError when the workflow code changed', async () => {
    const run = await cli.run(['replay', 'histories/ship-1.json', '--workflows', join(FIXTURES, 'ship-workflow-changed.ts')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAIL {2}histories\/ship-1\.json: NonDeterminismError: /);
    expect(run.stderr).toBe('error: ReplayFailedError: 1 of 1 histories failed to replay\n');
  });

  it('reports every file of a folder as JSON with --output json', async () => {
    const run = await cli.run(['--output', 'json', 'replay', 'histories', '--workflows', join(FIXTURES, 'ship-workflow.ts')]);
    expect(JSON.parse(run.stdout)).toEqual([{ file: 'histories/ship-1.json', ok: true, events: expect.any(Number) }]);
  });

  it('names a history path that does not exist', async () => {
    const run = await runSwirl(['replay', 'no-such-folder', '--workflows', 'workflows.ts']);
    expect(run).toMatchObject({ code: 1, stderr: 'error: cannot read no-such-folder: no such file or folder\n' });
  });

  it('requires --workflows', async () => {
    const run = await runSwirl(['replay', 'histories']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: required option '--workflows <module>' not specified/);
  });

  it('refuses a workflows module that exports no workflow classes', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'swirl-replay-'));
    try {
      await writeFile(join(folder, 'not-workflows.mjs'), 'export const answer = 42;\n');
      const run = await runSwirl(['replay', REAL_HISTORIES, '--workflows', 'not-workflows.mjs'], { cwd: folder });
      expect(run).toMatchObject({
        code: 1,
        stderr: 'error: not-workflows.mjs exports no workflow classes (classes with execute() and a static type)\n',
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
