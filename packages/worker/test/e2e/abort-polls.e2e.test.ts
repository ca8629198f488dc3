/** shutdown({ abortPolls: true }) against a server that holds empty polls SWF's full 60 s. */
import { afterEach, describe, expect, it } from 'vitest';
import { Worker } from '../../src/index.js';
import { silent, startSwf, type Swf } from './harness.js';
import { Echo, Kitchen, TASK_LIST } from './workflows.js';

describe('end to end over HTTP: shutdown({ abortPolls: true })', () => {
  let swf: Swf | undefined;
  afterEach(async () => swf?.close());

  it('returns within a second while every poll is held for 60 s', async () => {
    swf = await startSwf({ longPollTimeoutMs: 60_000 });
    const worker = await Worker.create({
      client: swf.newClient(),
      domain: 'e2e-abort-polls',
      taskList: TASK_LIST,
      workflows: [Echo],
      activities: [new Kitchen()],
      logger: silent,
      handleSignals: false,
    });
    // Decision, sticky and activity polls: wait until one of each kind has been sent.
    const kinds = new Set<string>();
    worker.events.on('pollStarted', ({ kind }) => kinds.add(kind));
    const running = worker.run();
    for (let tries = 0; kinds.size < 3; tries++) {
      if (tries > 500) throw new Error(`only ${[...kinds].join(', ')} polls started`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Let the requests reach the server, which holds them (empty lists) for 60 s.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reasons: string[] = [];
    worker.events.on('pollsEnded', ({ reason }) => reasons.push(reason));
    const started = performance.now();
    await worker.shutdown({ abortPolls: true });
    await running;
    const tookMs = performance.now() - started;
    // Nothing ran, so the polls end at once whichever way they were asked to ('idle' is checked first).
    expect(reasons).toHaveLength(1);
    expect(worker.state).toBe('STOPPED');
    // The polls had up to 60 s left; "within a second", with room for a loaded machine.
    expect(tookMs).toBeLessThan(3_000);
    console.log(`shutdown({ abortPolls: true }) returned after ${Math.round(tookMs)} ms`);
  }, 30_000);
});
