/**
 * A stand-in SWF endpoint over real HTTP that hands a worker decision tasks made of whatever
 * events the test gives it (damaged histories a real server would never send) and records the
 * answers. Polls with nothing to hand out are held briefly and answered empty, as long polls are.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubTask {
  readonly taskToken: string;
  readonly workflowExecution: { readonly workflowId: string; readonly runId: string };
  readonly workflowType: { readonly name: string; readonly version: string };
  readonly events: readonly unknown[];
}

export interface StubSwf {
  readonly endpoint: string;
  /** Queues a decision task; the next decision poll on the workflow's list takes it. */
  offer(task: StubTask): void;
  /** Task tokens answered with RespondDecisionTaskCompleted, in order. */
  readonly answered: string[];
  close(): Promise<void>;
}

const EMPTY_POLL_HOLD_MS = 50;

export async function startStubSwf(options: { readonly taskList: string }): Promise<StubSwf> {
  const queue: StubTask[] = [];
  const answered: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const operation = String(request.headers['x-amz-target'] ?? '').replace('SimpleWorkflowService.', '');
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { taskList?: { name?: string }; taskToken?: string };
      const reply = (body: unknown): void => {
        const text = JSON.stringify(body);
        response.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.0', 'Content-Length': Buffer.byteLength(text) });
        response.end(text);
      };
      if (operation === 'PollForDecisionTask' && input.taskList?.name === options.taskList && queue.length > 0) {
        const task = queue.shift()!;
        const ids = task.events.map((event) => (event as { eventId?: unknown }).eventId).filter((id): id is number => typeof id === 'number');
        reply({
          taskToken: task.taskToken,
          startedEventId: ids.length > 0 ? Math.max(...ids) : 0,
          previousStartedEventId: 0,
          workflowExecution: task.workflowExecution,
          workflowType: task.workflowType,
          events: task.events,
        });
        return;
      }
      if (operation === 'RespondDecisionTaskCompleted' && input.taskToken !== undefined) answered.push(input.taskToken);
      if (operation.startsWith('PollFor')) setTimeout(() => reply({}), EMPTY_POLL_HOLD_MS);
      else reply({});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    offer: (task) => void queue.push(task),
    answered,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
