import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from './harness.js';

let harness: Harness;
afterEach(() => harness?.close());

const startTimer = (timerId: string, seconds: number) => ({
  decisionType: 'StartTimer',
  startTimerDecisionAttributes: { timerId, startToFireTimeout: String(seconds) },
});

describe('PollForDecisionTask with startAtPreviousStartedEvent', () => {
  it('returns the events at or after the previous DecisionTaskStarted timestamp', async () => {
    harness = await Harness.create();
    const run = await harness.start(); // 1 WorkflowExecutionStarted, 2 DecisionTaskScheduled at t0
    await harness.clock.advance(1_000);
    const first = await harness.pollDecision(); // 3 DecisionTaskStarted at t0+1s
    await harness.clock.advance(1_000);
    await harness.decide(first.taskToken, [startTimer('t', 5)]); // 4, 5 at t0+2s
    await harness.clock.advance(5_000); // 6 TimerFired, 7 DecisionTaskScheduled

    const second = await harness.pollDecision(undefined, { startAtPreviousStartedEvent: true });
    expect(second.previousStartedEventId).toBe(3);
    expect(second.events.map((e: { eventId: number }) => e.eventId)).toEqual([3, 4, 5, 6, 7, 8]);
    expect((await harness.history(run))).toHaveLength(8);
  });

  it('includes earlier events recorded in the same millisecond as that DecisionTaskStarted', async () => {
    harness = await Harness.create();
    await harness.start(); // 1, 2 at t0
    const first = await harness.pollDecision(); // 3 at t0 as well
    await harness.clock.advance(1_000);
    await harness.decide(first.taskToken, [startTimer('t', 5)]);
    await harness.clock.advance(5_000);

    const second = await harness.pollDecision(undefined, { startAtPreviousStartedEvent: true });
    expect(second.events.map((e: { eventId: number }) => e.eventId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('returns the whole history for the first decision task', async () => {
    harness = await Harness.create();
    await harness.start();
    await harness.clock.advance(1_000);
    const first = await harness.pollDecision(undefined, { startAtPreviousStartedEvent: true });
    expect(first.previousStartedEventId).toBe(0);
    expect(first.events.map((e: { eventId: number }) => e.eventId)).toEqual([1, 2, 3]);
  });

  it('pages the filtered events with nextPageToken', async () => {
    harness = await Harness.create();
    await harness.start();
    await harness.clock.advance(1_000);
    const first = await harness.pollDecision();
    await harness.clock.advance(1_000);
    await harness.decide(first.taskToken, [startTimer('t', 5)]);
    await harness.clock.advance(5_000);

    const options = { startAtPreviousStartedEvent: true, maximumPageSize: 4 };
    const page1 = await harness.pollDecision(undefined, options);
    const page2 = await harness.pollDecision(undefined, { ...options, nextPageToken: page1.nextPageToken });
    expect(page1.events.map((e: { eventId: number }) => e.eventId)).toEqual([3, 4, 5, 6]);
    expect(page2.events.map((e: { eventId: number }) => e.eventId)).toEqual([7, 8]);
    expect(page2.nextPageToken).toBeUndefined();
  });
});
