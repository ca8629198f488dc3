import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a TypeScript entry point the way the root package.json scripts do. */
function runScript(script: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--conditions=swirl-source', '--import', 'tsx', script, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('pnpm demo', () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['AWS_ENDPOINT_URL_SWF'];

  it('runs the order saga live on an in-process server, exits 0 and prints commands that work afterwards', async () => {
    const demo = await runScript('examples/demo.ts', [], env);
    expect(demo.stderr).not.toContain('swirl demo failed');
    expect(demo.code).toBe(0);

    const lines = demo.stdout.split('\n');
    const narrated = (pattern: RegExp) => lines.filter((line) => /^\s+\+\d+\.\d{3}s\s+#\d+/.test(line) && pattern.test(line));
    expect(narrated(/ActivityTaskScheduled\s+Inventory\.reserve \(a1\)$/)).toHaveLength(1);
    expect(narrated(/TimerStarted\s+r1, fires in 1s \[retry backoff\]/)).toHaveLength(1);
    expect(narrated(/ActivityTaskScheduled\s+Payments\.charge \(a2\) \[retry, attempt 2\]/)).toHaveLength(1);
    expect(narrated(/ActivityTaskFailed\s+Shipping\.ship: AddressUnserved/)).toHaveLength(1);
    expect(narrated(/\[compensation\]/)).toHaveLength(2);
    expect(narrated(/WorkflowExecutionCompleted/)).toHaveLength(1);
    expect(demo.stdout).toContain('"status": "COMPENSATED"');

    const file = /pnpm swirl history show (\S+\.json)/.exec(demo.stdout)?.[1];
    expect(file).toBeDefined();
    const show = await runScript('packages/cli/src/bin.ts', ['history', 'show', file!], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('OrderSaga@1');
    expect(show.stdout).toContain('WorkflowExecutionCompleted');

    expect(demo.stdout).toContain(`pnpm swirl replay ${file} --workflows examples/order-saga/workflow.ts`);
    const replay = await runScript('packages/cli/src/bin.ts', ['replay', file!, '--workflows', 'examples/order-saga/workflow.ts'], env);
    expect(replay.stdout).toMatch(/^ok\s/);
    expect(replay.code).toBe(0);
  }, 60_000);

  it('exits 1 with a one-line reason when the SWF endpoint it is given cannot be reached', async () => {
    const demo = await runScript('examples/demo.ts', [], { ...env, AWS_ENDPOINT_URL_SWF: 'http://127.0.0.1:9' });
    expect(demo.code).toBe(1);
    expect(demo.stderr).toContain('swirl demo failed (SWF endpoint http://127.0.0.1:9 from AWS_ENDPOINT_URL_SWF)');
  }, 60_000);
});
