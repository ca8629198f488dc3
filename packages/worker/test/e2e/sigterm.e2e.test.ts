/**
 * SIGTERM to a worker process with activities in flight, on a server holding empty polls for the
 * service's full 60 s: the activities finish and are answered, and the process exits within its
 * shutdown grace time rather than after the polls it still held.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { childOutput } from './child-output.js';
import { outcome, runWorker, startSwf, startWorkflow, waitForClose, type Swf } from './harness.js';
import { SlowFanOut } from './workflows.js';

const CHILD = fileURLToPath(new URL('./draining-worker.ts', import.meta.url));
const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GRACE_MS = 10_000;

describe('end to end over HTTP: SIGTERM to a worker with activities in flight', () => {
  let swf: Swf | undefined;
  let child: ChildProcess | undefined;
  const stops: Array<() => Promise<void>> = [];

  afterEach(async () => {
    child?.kill('SIGKILL');
    for (const stop of stops.splice(0)) await stop();
    await swf?.close();
  });

  it('finishes and answers the activities, then exits within the grace time despite 60 s long polls', async () => {
    swf = await startSwf({ longPollTimeoutMs: 60_000 });
    const domain = 'e2e-sigterm';
    child = spawn(process.execPath, ['--conditions=swirl-source', '--import', 'tsx', CHILD, swf.server.endpoint, domain, `${GRACE_MS}ms`], {
      cwd: PACKAGE_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const output = childOutput(child);
    await output.next(/^ready$/);

    const decider = await runWorker({ client: swf.newClient(), domain, taskList: 'e2e', workflows: [SlowFanOut] });
    stops.push(decider.stop);
    const execution = await startWorkflow(swf.client, domain, SlowFanOut, { workflowId: 'drain-1' });
    await output.next(/^started \d$/, 6);

    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    const [exitLine] = await output.next(/^exit \d+$/);
    await exited;
    const exitMs = Number(exitLine!.split(' ')[1]);
    // The activities needed most of their 4 s; the exit did not wait for the polls (60 s).
    expect(exitMs).toBeGreaterThan(2_000);
    expect(exitMs).toBeLessThan(GRACE_MS);

    const events = await waitForClose(swf.client, domain, execution, 20_000);
    expect(outcome(events)).toEqual([0, 1, 2, 3, 4, 5].map((index) => `slow ${index} by ${child!.pid}`));
    expect(events.filter((event) => event.eventType === 'ActivityTaskCompleted')).toHaveLength(6);
    expect(events.filter((event) => event.eventType === 'ActivityTaskTimedOut')).toEqual([]);
  }, 60_000);
});
