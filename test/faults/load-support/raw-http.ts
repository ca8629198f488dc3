/**
 * HTTP exchanges the SDK would never send, for the fuzz: any target header, any body bytes, bodies
 * sent slowly, and bodies cut off mid-way by destroying the socket.
 */
import type { Agent} from 'node:http';
import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawAnswer {
  readonly status: number;
  readonly text: string;
}

const JSON_TYPE = 'application/x-amz-json-1.0';

function headers(target: string | undefined, length: number): Record<string, string | number> {
  return { 'Content-Type': JSON_TYPE, 'Content-Length': length, ...(target !== undefined && { 'X-Amz-Target': target }) };
}

/** POSTs `body` (sent in `chunks` pieces `chunkDelayMs` apart when slow) and reads the whole answer. */
export function post(
  endpoint: string,
  agent: Agent,
  target: string | undefined,
  body: Buffer,
  slow?: { readonly chunks: number; readonly chunkDelayMs: number },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const call = request(`${endpoint}/`, { method: 'POST', agent, headers: headers(target, body.length) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    call.on('error', reject);
    if (slow === undefined) {
      call.end(body);
      return;
    }
    const size = Math.ceil(body.length / slow.chunks);
    let offset = 0;
    const next = (): void => {
      const piece = body.subarray(offset, offset + size);
      offset += size;
      if (offset >= body.length) call.end(piece);
      else {
        call.write(piece);
        setTimeout(next, slow.chunkDelayMs);
      }
    };
    next();
  });
}

/**
 * Announces `body`'s full length, sends only its first `sendBytes`, then destroys the socket, as a
 * client that crashed mid-request would. Resolves with whatever the server answered before that
 * (normally nothing) once the socket is closed.
 */
export function truncatedPost(port: number, target: string, body: Buffer, sendBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answered = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answered += chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
    socket.on('close', () => resolve(answered));
    socket.on('connect', () => {
      const head = Object.entries({ Host: '127.0.0.1', ...headers(target, body.length) })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.write(`POST / HTTP/1.1\r\n${head}\r\n`);
      socket.write(body.subarray(0, sendBytes), () => setTimeout(() => socket.destroy(), 5));
    });
  });
}
