// A poll whose connection has closed is withdrawn before any task is handed to it, even when the close and the tasks arrive in the same moment.
import { request as httpRequest, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITIES, ACTIVITY, Driver, registerFixtures, startConformance } from './harness.js';
import type { Conformance } from './harness.js';

const DOMAIN = 'closed-polls';
const POLLERS = 50;
const TASKS = 25;

interface HeldPoll {
  readonly request: ClientRequest;
  /** The activity id handed to this poll, or undefined for an empty answer. */
  readonly answer: Promise<string | undefined>;
}

/** One activity poll on its own connection, so closing it is what a vanished worker does. */
function holdPoll(endpoint: string): HeldPoll {
  const body = JSON.stringify({ domain: DOMAIN, taskList: { name: ACTIVITIES } });
  const request = httpRequest(`${endpoint}/`, {
    method: 'POST',
    agent: false,
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': 'SimpleWorkflowService.PollForActivityTask',
      'Content-Length': Buffer.byteLength(body),
    },
  });
  const answer = new Promise<string | undefined>((resolve) => {
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve((JSON.parse(text) as { activityId?: string }).activityId));
    });
    request.on('error', () => resolve(undefined));
  });
  request.end(body);
  return { request, answer };
}

describe('polls closed by their client', () => {
  let c: Conformance;
  beforeAll(async () => {
    // Short long polls so the round ends soon; the closed-poll check does not depend on their length.
    c = await startConformance({ longPollTimeoutMs: 3_000 });
    await registerFixtures(c.swf, DOMAIN);
  });
  afterAll(async () => c.close());

  it.each([1, 2, 3, 4])('hands every task to a live poll when half the polls close as the tasks are scheduled (round %i)', async (round) => {
    const driver = new Driver(c.swf, DOMAIN);
    const workflowId = `wf-${round}`;
    const runId = await driver.start(workflowId);
    const decision = await driver.pollDecision();

    const polls = Array.from({ length: POLLERS }, () => holdPoll(c.server.endpoint));
    // Every poll is held by the server before any closes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const closed = polls.slice(0, POLLERS - TASKS);
    const live = polls.slice(POLLERS - TASKS);
    for (const poll of closed) poll.request.destroy();
    // The same moment: no wait between the closes and the schedule.
    await driver.decide(
      decision.taskToken,
      Array.from({ length: TASKS }, (_, index) => ({
        decisionType: 'ScheduleActivityTask' as const,
        scheduleActivityTaskDecisionAttributes: { activityId: `a${index}`, activityType: ACTIVITY },
      })),
    );

    const handedToLive = (await Promise.all(live.map((poll) => poll.answer))).filter((id) => id !== undefined);
    expect(handedToLive).toHaveLength(TASKS);
    const history = await driver.history(workflowId, runId);
    expect(history.filter((event) => event.eventType === 'ActivityTaskStarted')).toHaveLength(TASKS);
    await c.swf.terminateWorkflowExecution({ domain: DOMAIN, workflowId, runId });
  });
});
