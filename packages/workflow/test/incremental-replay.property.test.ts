/**
 * The sticky-cache property: for random workflows and random event orders, a runtime fed only the
 * new events of each decision task decides exactly what a fresh runtime decides from the full
 * history. The driver checks that equality on every decision task; cache evictions at random
 * points restart from a full replay mid-run.
 */
import type { Decision } from '@aws-sdk/client-swf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineSignal, Workflow } from '../src/index.js';
import { Greetings } from './helpers/fixtures.js';
import { WorkflowDriver } from './helpers/history-builder.js';

type Step =
  | { readonly kind: 'activities'; readonly count: number }
  | { readonly kind: 'sleep' }
  | { readonly kind: 'signal' }
  | { readonly kind: 'marker' }
  | { readonly kind: 'sideEffect' }
  | { readonly kind: 'raceTimer' }
  | { readonly kind: 'retrying' };

const poke = defineSignal<number>('poke');

/** Interprets a random program of steps; its result depends on the order events arrived in. */
class Interpreter extends Workflow<Step[], unknown> {
  static readonly type = { name: 'Interpreter', version: '1' };

  async execute(steps: Step[]): Promise<unknown> {
    const greetings = this.activities(Greetings);
    const pokes: number[] = [];
    this.setHandler(poke, (value) => void pokes.push(value));
    const trace: unknown[] = [];
    for (const step of steps) {
      switch (step.kind) {
        case 'activities': {
          const order: number[] = [];
          await Promise.all(Array.from({ length: step.count }, (_, i) => greetings.greet(String(i)).then(() => void order.push(i))));
          trace.push(order);
          break;
        }
        case 'sleep':
          await this.sleep('5s');
          break;
        case 'signal': {
          const seen = pokes.length;
          trace.push(await this.condition(() => pokes.length > seen, '1m'));
          break;
        }
        case 'marker':
          this.recordMarker('progress', trace.length);
          break;
        case 'sideEffect':
          trace.push(this.sideEffect(() => trace.length * 7));
          break;
        case 'raceTimer': {
          const scope = this.cancellationScope();
          const winner = await Promise.race([greetings.shout('x').then(() => 'activity'), this.sleep('30s', { scope }).then(() => 'timer')]);
          scope.cancel();
          trace.push(winner);
          break;
        }
        case 'retrying':
          trace.push(await this.activities(Greetings, { retry: { initialInterval: '1s', maximumAttempts: 2 } }).ping().then(() => 'ok', () => 'failed'));
          break;
      }
    }
    return { trace, pokes };
  }
}

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('activities' as const), count: fc.integer({ min: 1, max: 4 }) }),
  fc.constant({ kind: 'sleep' as const }),
  fc.constant({ kind: 'signal' as const }),
  fc.constant({ kind: 'marker' as const }),
  fc.constant({ kind: 'sideEffect' as const }),
  fc.constant({ kind: 'raceTimer' as const }),
  fc.constant({ kind: 'retrying' as const }),
);

/** A tiny deterministic random source for the simulated SWF, seeded by fast-check. */
function randomSource(seed: number): (bound: number) => number {
  let state = seed >>> 0 || 1;
  return (bound) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % bound;
  };
}

type Open = { readonly kind: 'activity' | 'timer'; readonly id: string };

function track(open: Open[], decisions: readonly Decision[]): boolean {
  let closed = false;
  for (const decision of decisions) {
    switch (decision.decisionType) {
      case 'ScheduleActivityTask':
        open.push({ kind: 'activity', id: decision.scheduleActivityTaskDecisionAttributes!.activityId! });
        break;
      case 'StartTimer':
        open.push({ kind: 'timer', id: decision.startTimerDecisionAttributes!.timerId! });
        break;
      case 'CancelTimer': {
        const index = open.findIndex((item) => item.kind === 'timer' && item.id === decision.cancelTimerDecisionAttributes!.timerId);
        if (index >= 0) open.splice(index, 1);
        break;
      }
      case 'CompleteWorkflowExecution':
      case 'FailWorkflowExecution':
        closed = true;
        break;
    }
  }
  return closed;
}

/** Runs one program against a randomly behaving SWF; returns the number of decision tasks. */
async function simulate(steps: Step[], seed: number): Promise<number> {
  const random = randomSource(seed);
  const driver = new WorkflowDriver(Interpreter, steps);
  const open: Open[] = [];
  let closed = track(open, await driver.decide());
  let tasks = 1;
  let pokes = 0;
  while (!closed && tasks < 200) {
    // SWF delivers any subset of the outstanding outcomes, in any order.
    const deliver = open.length === 0 ? 0 : 1 + random(open.length);
    for (let i = 0; i < deliver; i++) {
      const [item] = open.splice(random(open.length), 1);
      if (item!.kind === 'timer') driver.history.fireTimer(item!.id);
      else if (random(5) === 0) driver.history.failActivity(item!.id, 'Flaky');
      else driver.history.completeActivity(item!.id, '"done"');
    }
    if (open.length === 0 || random(4) === 0) driver.history.signal('poke', String(++pokes));
    if (random(6) === 0) driver.evict();
    const lateSignal = random(5) === 0;
    const decisions = await driver.decide(undefined, lateSignal ? (history) => void history.signal('poke', String(++pokes)) : undefined);
    closed = track(open, decisions);
    tasks++;
  }
  expect(closed).toBe(true);
  return tasks;
}

describe('incremental activation equals full replay', () => {
  it('holds for random workflows and random event orders', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (steps, seed) => {
        expect(await simulate(steps, seed)).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
