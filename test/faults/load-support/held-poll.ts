/** A long poll on a connection of its own, which the test cuts by destroying the client socket. */
import { request, type ClientRequest } from 'node:http';

export interface HeldPoll {
  /** Destroys the socket: what a worker that crashed or lost its network does to its poll. */
  cut(): void;
  /** Resolves with the task the server handed this poll (its activityId or startedEventId), or undefined. */
  readonly answer: Promise<string | undefined>;
}

export function holdPoll(endpoint: string, operation: 'PollForDecisionTask' | 'PollForActivityTask', body: object): HeldPoll {
  const text = JSON.stringify(body);
  const call: ClientRequest = request(`${endpoint}/`, {
    method: 'POST',
    agent: false,
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `SimpleWorkflowService.${operation}`, 'Content-Length': Buffer.byteLength(text) },
  });
  const answer = new Promise<string | undefined>((resolve) => {
    call.on('response', (response) => {
      let received = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (received += chunk));
      response.on('end', () => {
        const task = JSON.parse(received || '{}') as { taskToken?: string; activityId?: string; startedEventId?: number };
        resolve(task.taskToken === undefined ? undefined : (task.activityId ?? String(task.startedEventId)));
      });
      response.on('error', () => resolve(undefined));
    });
    call.on('error', () => resolve(undefined));
  });
  call.end(text);
  return { cut: () => call.destroy(), answer };
}
