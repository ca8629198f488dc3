import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PollForActivityTaskCommand, PollForDecisionTaskCommand, RespondActivityTaskCompletedCommand, RespondDecisionTaskCompletedCommand, SWFClient } from '@aws-sdk/client-swf';
import { afterEach, describe, expect, it } from 'vitest';
import { TaskDeliveryLedger, type TaskDelivery } from '../src/index.js';

/** A fake SWF endpoint that answers each operation with the next canned body for it. */
async function fakeSwf(answers: Record<string, object[]>): Promise<{ server: Server; endpoint: string }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const operation = String(request.headers['x-amz-target']).split('.')[1] ?? '';
      const body = answers[operation]?.shift() ?? {};
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const execution = { workflowId: 'w', runId: 'run-1' };
const decisionTask = (token: string, startedEventId: number) => ({ taskToken: token, startedEventId, previousStartedEventId: 0, workflowExecution: execution, workflowType: { name: 'W', version: '1' }, events: [] });

describe('TaskDeliveryLedger', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('keys deliveries by task attempt, reports a second delivery of one as a duplicate, and lists accepted answers', async () => {
    const fake = await fakeSwf({
      PollForDecisionTask: [decisionTask('t1', 3), decisionTask('t2', 3), {}, decisionTask('t3', 7)],
      PollForActivityTask: [{ taskToken: 'a1', activityId: 'greet', startedEventId: 6, workflowExecution: execution, activityType: { name: 'A', version: '1' } }],
    });
    server = fake.server;
    const ledger = new TaskDeliveryLedger();
    const seen: TaskDelivery[] = [];
    ledger.onDelivery((delivery) => seen.push(delivery));
    const client = ledger.attach(new SWFClient({ endpoint: fake.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 }));
    const poll = { domain: 'd', taskList: { name: 'l' } };

    await client.send(new PollForDecisionTaskCommand(poll));
    await client.send(new PollForDecisionTaskCommand(poll));
    await client.send(new PollForDecisionTaskCommand(poll)); // empty: no delivery
    await client.send(new PollForDecisionTaskCommand({ ...poll, nextPageToken: 'page-2' })); // a later page of t3's task: no delivery
    await client.send(new PollForActivityTaskCommand(poll));
    await client.send(new RespondActivityTaskCompletedCommand({ taskToken: 'a1', result: '"hi"' }));
    await client.send(new RespondDecisionTaskCompletedCommand({ taskToken: 't2', decisions: [{ decisionType: 'CompleteWorkflowExecution' }] }));
    client.destroy();

    expect(seen).toEqual([
      { key: 'decision run-1 3', kind: 'decision', runId: 'run-1', startedEventId: 3, duplicate: false },
      { key: 'decision run-1 3', kind: 'decision', runId: 'run-1', startedEventId: 3, duplicate: true },
      { key: 'activity run-1 greet 6', kind: 'activity', runId: 'run-1', startedEventId: 6, duplicate: false },
    ]);
    expect(ledger.duplicates).toBe(1);
    expect(ledger.duplicateDeliveries()).toEqual(['decision run-1 3']);
    expect(ledger.deliveries()).toEqual(['decision run-1 3', 'activity run-1 greet 6']);
    expect(ledger.answered()).toEqual(['activity run-1 greet 6', 'decision run-1 3']);
    expect([ledger.closed, ledger.completed]).toEqual([1, 1]);
  });
});
