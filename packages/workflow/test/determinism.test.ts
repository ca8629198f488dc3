/**
 * Non-determinism detection and the deterministic helpers: a replay must produce exactly the
 * recorded decisions, and now(), random(), uuid4(), sideEffect() and patched() must replay
 * identically.
 */
import { NonDeterminismError } from '@swirl/core';
import { describe, expect, it } from 'vitest';
import { SIDE_EFFECT_MARKER, Workflow, WorkflowRuntime, type WorkflowLogger } from '../src/index.js';
import { Greetings } from './helpers/fixtures.js';
import { decisionTypes, summarize, WorkflowDriver } from './helpers/history-builder.js';
import { completedWith } from './helpers/probe-workflow.js';

class Original extends Workflow<void, string> {
  static readonly type = { name: 'Changing', version: '1' };
  async execute(): Promise<string> {
    const greeting = await this.activities(Greetings).greet('ada');
    await this.sleep('1m');
    return greeting;
  }
}

class TimerFirst extends Workflow<void, string> {
  static readonly type = { name: 'Changing', version: '1' };
  async execute(): Promise<string> {
    await this.sleep('1m');
    return this.activities(Greetings).greet('ada');
  }
}

class OtherActivity extends Workflow<void, string> {
  static readonly type = { name: 'Changing', version: '1' };
  async execute(): Promise<string> {
    const shouted = await this.activities(Greetings).shout('ada');
    await this.sleep('1m');
    return shouted;
  }
}

async function recordedOriginal() {
  const driver = new WorkflowDriver(Original);
  await driver.decide();
  driver.history.completeActivity('a1', '"hello ada"');
  await driver.decide();
  driver.history.fireTimer('t1');
  driver.history.startDecisionTask();
  return driver.history.events;
}

describe('non-determinism', () => {
  it('names the event, the recorded decision and the produced one when the code reorders operations', async () => {
    const events = await recordedOriginal();
    const runtime = new WorkflowRuntime({ workflow: TimerFirst, execution: { workflowId: 'wf-1', runId: 'run-1' } });
    const error = await runtime.activate(events).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NonDeterminismError);
    const nd = error as NonDeterminismError;
    expect(nd.eventId).toBe(5);
    expect(nd.recorded).toBe('ActivityTaskScheduled (event 5) activityId="a1" activityType.name="Greetings.greet"');
    expect(nd.produced).toBe('StartTimer timerId="t1"');
  });

  it('catches a changed activity type behind the same activityId', async () => {
    const events = await recordedOriginal();
    const runtime = new WorkflowRuntime({ workflow: OtherActivity, execution: { workflowId: 'wf-1', runId: 'run-1' } });
    await expect(runtime.activate(events)).rejects.toThrow(/activityType\.name="Greetings\.shout"/);
  });

  it('catches a decision that history does not have', async () => {
    class Extra extends Workflow<void, string> {
      static readonly type = { name: 'Changing', version: '1' };
      async execute(): Promise<string> {
        this.recordMarker('new');
        const greeting = await this.activities(Greetings).greet('ada');
        await this.sleep('1m');
        return greeting;
      }
    }
    const events = await recordedOriginal();
    const error = (await new WorkflowRuntime({ workflow: Extra, execution: { workflowId: 'wf-1', runId: 'run-1' } }).activate(events).catch((e: unknown) => e)) as NonDeterminismError;
    expect(error).toBeInstanceOf(NonDeterminismError);
    expect(error.produced).toBe('RecordMarker markerName="new"');
  }, 10_000);

  it('catches a recorded decision the code no longer makes', async () => {
    class Fewer extends Workflow<void, string> {
      static readonly type = { name: 'Changing', version: '1' };
      async execute(): Promise<string> {
        await this.condition(() => false);
        return 'never';
      }
    }
    const events = await recordedOriginal();
    const error = (await new WorkflowRuntime({ workflow: Fewer, execution: { workflowId: 'wf-1', runId: 'run-1' } }).activate(events).catch((e: unknown) => e)) as NonDeterminismError;
    expect(error).toBeInstanceOf(NonDeterminismError);
    expect(error.eventId).toBe(5);
    expect(error.produced).toBeUndefined();
  });

  it('refuses to start a run from the middle of its history', async () => {
    const events = await recordedOriginal();
    const runtime = new WorkflowRuntime({ workflow: Original, execution: { workflowId: 'wf-1', runId: 'run-1' } });
    await expect(runtime.activate(events.slice(3))).rejects.toThrow('A new runtime needs the whole history from event 1, got events from 4');
  });

  it('leaves the runtime unusable after a failed activation', async () => {
    const events = await recordedOriginal();
    const runtime = new WorkflowRuntime({ workflow: TimerFirst, execution: { workflowId: 'wf-1', runId: 'run-1' } });
    await expect(runtime.activate(events)).rejects.toThrow(NonDeterminismError);
    await expect(runtime.activate([])).rejects.toThrow(/failed an earlier activation/);
  });
});

describe('versioning with patched() and deprecatePatch()', () => {
  class V1 extends Workflow<void, string> {
    static readonly type = { name: 'Versioned', version: '1' };
    async execute(): Promise<string> {
      await this.sleep('1m');
      return this.activities(Greetings).greet('old');
    }
  }
  class V2 extends Workflow<void, string> {
    static readonly type = { name: 'Versioned', version: '1' };
    async execute(): Promise<string> {
      if (this.patched('use-shout')) {
        await this.sleep('1m');
        return this.activities(Greetings).shout('new');
      }
      await this.sleep('1m');
      return this.activities(Greetings).greet('old');
    }
  }
  class V3 extends Workflow<void, string> {
    static readonly type = { name: 'Versioned', version: '1' };
    async execute(): Promise<string> {
      this.deprecatePatch('use-shout');
      await this.sleep('1m');
      return this.activities(Greetings).shout('new');
    }
  }

  it('replays a run recorded before the patch down the old path', async () => {
    const driver = new WorkflowDriver(V1);
    await driver.decide();
    driver.history.fireTimer('t1');
    driver.history.startDecisionTask();
    const decisions = (await new WorkflowRuntime({ ...driver.options, workflow: V2 }).activate(driver.history.events)).decisions;
    expect(summarize(decisions)[0]?.attrs.activityType).toEqual({ name: 'Greetings.greet', version: '1' });
  });

  it('records a marker and takes the new path in a new run; V3 replays that run without the check', async () => {
    const driver = new WorkflowDriver(V2);
    expect(summarize(await driver.decide())).toEqual([
      { type: 'RecordMarker', attrs: { markerName: 'swirl.patch', details: '{"patchId":"use-shout"}' } },
      { type: 'StartTimer', attrs: { timerId: 't1', startToFireTimeout: '60' } },
    ]);
    driver.history.fireTimer('t1');
    expect(summarize(await driver.decide())[0]?.attrs.activityType).toEqual({ name: 'Greetings.shout', version: '1' });
    driver.history.completeActivity('a1', '"NEW"');
    driver.history.startDecisionTask();
    const replayed = await new WorkflowRuntime({ ...driver.options, workflow: V3 }).activate(driver.history.events);
    expect(completedWith(replayed.decisions)).toBe('NEW');
  });

  it('new runs of V3 record no marker', async () => {
    expect(decisionTypes(await new WorkflowDriver(V3).decide())).toEqual(['StartTimer']);
  });
});

describe('deterministic helpers', () => {
  let sideEffectCalls = 0;
  class Dice extends Workflow<void, unknown> {
    static readonly type = { name: 'Dice', version: '1' };
    async execute(): Promise<unknown> {
      const rolled = [this.random(), this.random()];
      const id = this.uuid4();
      const effect = this.sideEffect(() => {
        sideEffectCalls++;
        return 1000;
      });
      const started = this.now().toISOString();
      await this.sleep('1m');
      const later = this.now().toISOString();
      return { rolled, id, effect, started, later };
    }
  }

  it('replays random(), uuid4(), sideEffect() and now() identically, running the side effect once per run', async () => {
    const driver = new WorkflowDriver(Dice);
    const first = await driver.decide();
    expect(summarize(first)[0]).toEqual({ type: 'RecordMarker', attrs: { markerName: SIDE_EFFECT_MARKER, details: '{"id":"se1","value":1000}' } });
    driver.history.advance(60_000).fireTimer('t1');
    // Decided live twice (the sticky runtime and the driver's fresh check): the side effect ran twice.
    expect(sideEffectCalls).toBe(2);
    const result = completedWith(await driver.decide()) as { rolled: number[]; id: string; effect: number; started: string; later: string };
    expect(result.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(result.rolled[0]).not.toBe(result.rolled[1]);
    expect(result.effect).toBe(1000);
    // Later tasks replay the first one from its marker: the side effect never runs again.
    expect(sideEffectCalls).toBe(2);
    expect(Date.parse(result.later) - Date.parse(result.started)).toBe(60_000);
  });

  it('seeds randomness from the run id', async () => {
    class Roll extends Workflow<void, number> {
      static readonly type = { name: 'Roll', version: '1' };
      async execute(): Promise<number> {
        return this.random();
      }
    }
    const a = completedWith(await new WorkflowDriver(Roll, undefined, { execution: { workflowId: 'w', runId: 'run-a' } }).decide());
    const a2 = completedWith(await new WorkflowDriver(Roll, undefined, { execution: { workflowId: 'w', runId: 'run-a' } }).decide());
    const b = completedWith(await new WorkflowDriver(Roll, undefined, { execution: { workflowId: 'w', runId: 'run-b' } }).decide());
    expect(a).toBe(a2);
    expect(a).not.toBe(b);
  });

  it('logs only when not replaying, and isReplaying tells code which it is', async () => {
    const lines: string[] = [];
    const logger: WorkflowLogger = {
      debug: () => undefined,
      warn: () => undefined,
      error: () => undefined,
      info: (fieldsOrMessage: unknown, message?: string) => void lines.push(typeof fieldsOrMessage === 'string' ? fieldsOrMessage : String(message)),
    };
    class Chatty extends Workflow<void, boolean[]> {
      static readonly type = { name: 'Chatty', version: '1' };
      async execute(): Promise<boolean[]> {
        const seen = [this.isReplaying];
        this.log.info('before sleep');
        await this.sleep('1s');
        seen.push(this.isReplaying);
        this.log.info({ step: 2 }, 'after sleep');
        return seen;
      }
    }
    const driver = new WorkflowDriver(Chatty, undefined, { logger });
    await driver.decide(); // live here, and live again in the driver's fresh check
    expect(lines).toEqual(['before sleep', 'before sleep']);
    lines.length = 0;
    driver.history.fireTimer('t1');
    const runtime = new WorkflowRuntime({ ...driver.options });
    driver.history.startDecisionTask();
    const { decisions } = await runtime.activate(driver.history.events);
    expect(lines).toEqual(['after sleep']);
    expect(completedWith(decisions)).toEqual([true, false]);
  });

  it('publishes state as executionContext with every decision', async () => {
    class Progress extends Workflow<void, void> {
      static readonly type = { name: 'Progress', version: '1' };
      async execute(): Promise<void> {
        this.publishState({ step: 'waiting' });
        await this.sleep('1s');
        this.publishState({ step: 'done' });
      }
    }
    const driver = new WorkflowDriver(Progress);
    await driver.decide();
    expect(driver.lastExecutionContext).toBe('{"step":"waiting"}');
    driver.history.fireTimer('t1');
    await driver.decide();
    expect(driver.lastExecutionContext).toBe('{"step":"done"}');
  });
});
