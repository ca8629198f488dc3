/**
 * The like-for-like client ceiling: one serial one-activity workflow is run through a recording
 * proxy in front of the server under test, and a stub then answers every call with the body the
 * server gave for that call. The SDK client then sends the same requests and parses the same
 * responses as against the server, and only the server's work is missing.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SWFClient } from '@aws-sdk/client-swf';
import type { StubAnswer } from './stub-server.js';
import { DriverError, runSerial, type TaskLists } from './workflow-drivers.js';

/** Response bodies per operation, in the order one workflow's calls received them. */
export type RecordedResponses = ReadonlyMap<string, readonly string[]>;

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Runs one workflow with `makeClient(proxyEndpoint)` through a proxy that forwards every call to
 * `endpoint` unchanged and keeps each answer's body.
 */
export async function recordOneWorkflow(
  endpoint: string,
  makeClient: (endpoint: string) => SWFClient,
  lists: TaskLists,
  workflowId: string,
): Promise<RecordedResponses> {
  const recorded = new Map<string, string[]>();
  const proxy = createServer((request, response) => {
    void (async () => {
      const operation = String(request.headers['x-amz-target'] ?? '').replace(/^SimpleWorkflowService\./, '');
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
      const answer = await fetch(endpoint, { method: 'POST', headers, body: await readBody(request) });
      const body = await answer.text();
      if (answer.status !== 200) throw new DriverError(`recording the ceiling's responses: ${operation} answered HTTP ${answer.status}: ${body}`);
      recorded.set(operation, [...(recorded.get(operation) ?? []), body]);
      response.writeHead(200, { 'content-type': answer.headers.get('content-type') ?? 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const client = makeClient(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
  try {
    await runSerial(client, 1, lists, workflowId);
  } finally {
    client.destroy();
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  }
  return recorded;
}

/** A stub answer that replays each operation's recorded bodies in order, round and round. */
export function replayRecorded(recorded: RecordedResponses): StubAnswer {
  const next = new Map<string, number>();
  return (operation) => {
    const bodies = recorded.get(operation);
    if (!bodies || bodies.length === 0) throw new DriverError(`the ceiling stub has no recorded response for ${operation}`);
    const index = next.get(operation) ?? 0;
    next.set(operation, (index + 1) % bodies.length);
    return bodies[index]!;
  };
}
