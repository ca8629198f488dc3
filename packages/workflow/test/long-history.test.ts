/**
 * A history at SWF's 25,000-event limit replays in one activation, and gives the decisions the
 * incrementally fed runtime gave. (Speed is measured by the benchmarks, never asserted here.)
 */
import { SWF_LIMITS } from '@swirl/core';
import { describe, expect, it } from 'vitest';
import { Workflow, WorkflowRuntime } from '../src/index.js';
import { Greetings } from './helpers/fixtures.js';
import { WorkflowDriver } from './helpers/history-builder.js';

class LongRunning extends Workflow<void, never> {
  static readonly type = { name: 'LongRunning', version: '1' };
  async execute(): Promise<never> {
    const greetings = this.activities(Greetings);
    for (;;) {
      await Promise.all([greetings.greet('a'), greetings.shout('b')]);
      await this.sleep('1s');
    }
  }
}

describe('a 25,000-event history', () => {
  it('replays from scratch to the same decisions the sticky runtime made', async () => {
    const driver = new WorkflowDriver(LongRunning);
    driver.verifyReplay = false; // checked once below, on the whole history
    let decisions = await driver.decide();
    const deliverOutcomes = () => {
      for (const decision of decisions) {
        const activityId = decision.scheduleActivityTaskDecisionAttributes?.activityId;
        if (activityId) driver.history.completeActivity(activityId, '"ok"');
        const timerId = decision.startTimerDecisionAttributes?.timerId;
        if (timerId) driver.history.fireTimer(timerId);
      }
    };
    while (driver.history.events.length < SWF_LIMITS.historyEvents - 20) {
      deliverOutcomes();
      decisions = await driver.decide();
    }
    deliverOutcomes();
    driver.history.startDecisionTask();
    const { events } = driver.history;
    expect(events.length).toBeGreaterThan(SWF_LIMITS.historyEvents - 20);
    expect(events.length).toBeLessThanOrEqual(SWF_LIMITS.historyEvents);

    const sticky = await driver.runtime.activate(events.slice(driver.runtime.lastEventId));
    const fresh = await new WorkflowRuntime(driver.options).activate(events);
    expect(fresh.decisions).toEqual(sticky.decisions);
    expect(fresh.decisions.length).toBeGreaterThan(0);
  }, 60_000);
});
