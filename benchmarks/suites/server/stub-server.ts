/**
 * A do-nothing HTTP server: no parsing, no state, no validation. It answers every call with a body
 * chosen by operation name alone (by default `{}`), so a client driven against it shows what the
 * SDK client can do by itself.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The body to answer for an operation (`X-Amz-Target` without its `SimpleWorkflowService.` prefix). */
export type StubAnswer = (operation: string) => string;

export interface StubServer {
  readonly endpoint: string;
  close(): Promise<void>;
}

export async function startStubServer(answer: StubAnswer = () => '{}'): Promise<StubServer> {
  const server = createServer((request, response) => {
    const target = request.headers['x-amz-target'];
    let body: string;
    let status = 200;
    try {
      body = answer(typeof target === 'string' ? target.slice(target.indexOf('.') + 1) : '');
    } catch (error) {
      status = 500;
      body = JSON.stringify({ __type: 'com.amazon.coral.service#InternalFailure', message: error instanceof Error ? error.message : String(error) });
    }
    request.resume();
    request.on('end', () => {
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(body), 'x-amzn-requestid': 'stub' });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
