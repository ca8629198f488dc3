import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { childOutput } from './child-output.js';
import { outcome, runWorker, startSwf, startWorkflow, waitForClose, type Swf } from './harness.js';
import { Fragile, Resilient, TASK_LIST } from './workflows.js';

const CHILD = fileURLToPath(new URL('./child-worker.ts', import.meta.url));
const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('end to end over HTTP: a worker process killed mid-activity', () => {
  let swf: Swf | undefined;
  let child: ChildProcess | undefined;
  const stops: Array<() => Promise<void>> = [];

  afterEach(async () => {
    child?.kill('SIGKILL');
    for (const stop of stops.splice(0)) await stop();
    await swf?.close();
  });

  it('completes the workflow through the heartbeat timeout and a retry on another worker', async () => {
    swf = await startSwf();
    const domain = 'e2e-sigkill';
    child = spawn(process.execPath, ['--conditions=swirl-source', '--import', 'tsx', CHILD, swf.server.endpoint, domain], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, SWIRL_E2E_HANG: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const output = childOutput(child);
    await output.next(/^ready$/);

    const decider = await runWorker({ client: swf.newClient(), domain, taskList: TASK_LIST, workflows: [Resilient] });
    stops.push(decider.stop);
    const execution = await startWorkflow(swf.client, domain, Resilient, { workflowId: 'resilient-1', input: 'invoice' });

    await output.next(/^started /);
    // Let its first heartbeat reach the server (it is sent at once, then every 1.6 s) before the kill.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));

    const survivor = await runWorker({ client: swf.newClient(), domain, taskList: TASK_LIST, activities: [new Fragile()], identity: 'survivor' });
    stops.push(survivor.stop);

    const events = await waitForClose(swf.client, domain, execution, 30_000);
    expect(outcome(events)).toBe(`done invoice by ${process.pid}`);
    const timedOut = events.filter((event) => event.eventType === 'ActivityTaskTimedOut');
    expect(timedOut.map((event) => event.activityTaskTimedOutEventAttributes?.timeoutType)).toEqual(['HEARTBEAT']);
    expect(timedOut[0]?.activityTaskTimedOutEventAttributes?.details).toBe('"still working"');
    expect(events.filter((event) => event.eventType === 'ActivityTaskScheduled')).toHaveLength(2);
  }, 60_000);
});
