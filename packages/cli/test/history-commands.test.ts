import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { RegisterWorkflowTypeCommand } from '@aws-sdk/client-swf';
import { loadHistory } from '@swirl/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliFixture, type CliFixture } from './support/cli-fixture.js';
import { decideOnce } from '../../client/test/support/local-swf.js';

const DOMAIN = 'cli-history';
const REAL_HISTORY = resolve(import.meta.dirname, '../../../test/fixtures/real-histories/simpleflow-basic.json');
const ANSI = /\u001b\[/;
let cli: CliFixture;
let runId: string;

beforeAll(async () => {
  cli = await startCliFixture(DOMAIN);
  await cli.local.swf.send(
    new RegisterWorkflowTypeCommand({
      domain: DOMAIN,
      name: 'Checkout',
      version: '1',
      defaultTaskList: { name: 'history' },
      defaultExecutionStartToCloseTimeout: '3600',
      defaultTaskStartToCloseTimeout: '30',
      defaultChildPolicy: 'TERMINATE',
    }),
  );
  const started = await cli.run(['--output', 'json', 'workflow', 'start', 'Checkout@1', '--id', 'order-7', '--input', '{"sku":"A1"}']);
  runId = (JSON.parse(started.stdout) as { runId: string }).runId;
  await decideOnce(cli.local.swf, DOMAIN, 'history', [
    { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 'wait', startToFireTimeout: '60' } },
  ]);
  await cli.local.clock.advance(61_000);
  await decideOnce(cli.local.swf, DOMAIN, 'history', [
    { decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: '"shipped"' } },
  ]);
});
afterAll(async () => {
  await cli?.close();
});

describe('swirl history show', () => {
  it('renders a live execution as a timeline with ids, offsets, attributes and linked durations', async () => {
    const shown = await cli.run(['history', 'show', 'order-7']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).not.toMatch(ANSI);
    const lines = shown.stdout.split('\n');
    expect(lines[0]).toBe(`order-7 / ${runId}  ·  Checkout@1  ·  domain ${DOMAIN}`);
    // The server runs on a virtual clock, so every offset is exact.
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^10 events from \d{4}-\d\d-\d\dT\S+ over 1m01s$/),
      ' 1  +0ms    WorkflowExecutionStarted    workflowType=Checkout@1 taskList=history input={"sku":"A1"}',
      ' 2  +0ms    DecisionTaskScheduled       taskList=history',
      ' 3  +0ms    DecisionTaskStarted         (scheduled #2 +0ms)',
      ' 4  +0ms    DecisionTaskCompleted       (scheduled #2 +0ms, started #3 +0ms)',
      ' 5  +0ms    TimerStarted                timerId=wait startToFireTimeout=60',
      ' 6  +1m00s  TimerFired                  timerId=wait  (started #5 +1m00s)',
      ' 7  +1m00s  DecisionTaskScheduled       taskList=history',
      ' 8  +1m01s  DecisionTaskStarted         (scheduled #7 +1.0s)',
      ' 9  +1m01s  DecisionTaskCompleted       (scheduled #7 +1.0s, started #8 +0ms)',
      '10  +1m01s  WorkflowExecutionCompleted  result="shipped"',
      '',
    ]);
  });

  it('renders any history file loadHistory reads, such as a real SWF recording', async () => {
    const shown = await cli.run(['history', 'show', REAL_HISTORY]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/simpleflow-basic\.json/);
    expect(shown.stdout).toMatch(/\n\s*5 {2}\+\S+ +ActivityTaskScheduled +activityType=examples\.basic\.increment@example activityId=activity-examples\.basic\.increment-1/);
    expect(shown.stdout).toMatch(/ActivityTaskCompleted .*\(scheduled #\d+ \+\S+, started #\d+ \+\S+\)/);
  });

  it('colours the timeline for a terminal, and not with NO_COLOR or JSON output', async () => {
    expect((await cli.run(['history', 'show', REAL_HISTORY], { tty: true })).stdout).toMatch(ANSI);
    expect((await cli.run(['history', 'show', REAL_HISTORY], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    const json = await cli.run(['--output', 'json', 'history', 'show', REAL_HISTORY], { tty: true });
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ eventId: 1, eventType: 'WorkflowExecutionStarted', eventTimestamp: 1484676354.156 });
  });

  it('names the problem with a file that is not a history', async () => {
    const missing = await cli.run(['history', 'show', 'missing.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`error: HistoryLoadError: ${join(cli.home, 'missing.json')}: Cannot read history file: no such file\n`);
    const unknown = await cli.run(['history', 'show', 'ghost']);
    expect(unknown.stderr).toMatch(/^error: WorkflowNotFoundError: No execution with workflowId "ghost"/);
  });
});

describe('swirl history export', () => {
  it("writes Swirl's export format, which loadHistory and history show read back", async () => {
    const exported = await cli.run(['history', 'export', 'order-7', runId, '-o', 'order-7.json']);
    expect(exported).toEqual({ code: 0, stdout: `Wrote 10 events of order-7 run ${runId} to order-7.json\n`, stderr: '' });
    const file = join(cli.home, 'order-7.json');
    const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({ format: 'swirl-history', version: 1, domain: DOMAIN, execution: { workflowId: 'order-7', runId } });
    const loaded = await loadHistory(file);
    expect(loaded).toMatchObject({ format: 'swirl-history', workflowType: { name: 'Checkout', version: '1' } });
    expect(loaded.events).toHaveLength(10);
    const shown = await cli.run(['history', 'show', 'order-7.json']);
    expect(shown.stdout).toMatch(new RegExp(`^order-7 / ${runId.replace(/[+/=]/g, '\\$&')}`));
  });

  it('requires an output file', async () => {
    const run = await cli.run(['history', 'export', 'order-7']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: required option '-o, --out <file>' not specified/);
  });
});
