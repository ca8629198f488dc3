import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { AdminRequestHandler } from '../admin/admin-routes.js';
import type { Mounts } from './mounts.js';
import { sendError } from './responses.js';
import type { SwfRequestHandler } from './swf-request-handler.js';

export interface RequestListenerOptions {
  readonly swf: SwfRequestHandler;
  readonly admin: AdminRequestHandler;
  /** Handlers under path prefixes (the web UI at `/ui`); looked up before the admin routes. */
  readonly mounts?: Mounts;
  readonly logger: Logger;
}

/** The node:http listener plus what shutdown needs to know about requests still running. */
export interface RequestListener {
  (request: IncomingMessage, response: ServerResponse): void;
  /** Resolves when no request is being answered. */
  idle(): Promise<void>;
  /** From now on every request is answered 503 and its connection closed. */
  stopAccepting(): void;
}

/**
 * Routes each request (`POST /` for SWF, then mounted prefixes, then admin paths), gives each an `x-amzn-RequestId` (the
 * send functions in responses.ts write it on every response), and keeps the count of requests in
 * flight for a clean shutdown.
 */
export function createRequestListener(options: RequestListenerOptions): RequestListener {
  const { swf, admin, mounts, logger } = options;
  let inFlight = 0;
  let accepting = true;
  let idleWaiters: Array<() => void> = [];

  const settle = (): void => {
    inFlight -= 1;
    if (inFlight === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const wake of waiters) wake();
    }
  };

  const route = (request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> => {
    const path = pathOf(request.url);
    if (!accepting) {
      request.resume();
      sendError(
        response,
        requestId,
        { status: 503, wireType: 'com.amazon.coral.availability#ServiceUnavailable', message: 'The local SWF server is shutting down' },
        ['Connection', 'close'],
      );
      return Promise.resolve();
    }
    // SWF calls first and without an extra await: they are nearly every request.
    if (path === '/' && request.method === 'POST') return swf(request, response, requestId);
    const mounted = mounts?.find(path);
    if (mounted !== undefined) return Promise.resolve(mounted(request, response));
    return admin(request, response, path, requestId).then((handled) => {
      if (handled) return;
      request.resume();
      sendError(response, requestId, {
        status: 404,
        wireType: 'com.amazon.coral.service#UnknownOperationException',
        message: `No route for ${request.method ?? '?'} ${path}; SWF calls are POST / with X-Amz-Target: SimpleWorkflowService.<Operation>`,
      });
    });
  };

  const routingFailed = (request: IncomingMessage, response: ServerResponse, requestId: string, error: unknown): void => {
    // Only a bug in routing or the admin handlers lands here; the SWF handler answers its own errors.
    logger.error({ err: error, requestId, url: request.url }, 'internal error while routing a request');
    if (!response.headersSent && !response.destroyed) {
      sendError(response, requestId, { status: 500, wireType: 'com.amazon.coral.service#InternalFailure', message: 'Internal server error; see the server log' });
    }
  };

  const listener = ((request: IncomingMessage, response: ServerResponse) => {
    const requestId = randomUUID();
    inFlight += 1;
    let answering: Promise<void>;
    try {
      answering = route(request, response, requestId);
    } catch (error) {
      answering = Promise.reject(error);
    }
    answering.then(settle, (error: unknown) => {
      routingFailed(request, response, requestId, error);
      settle();
    });
  }) as RequestListener;

  listener.idle = () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)));
  listener.stopAccepting = () => {
    accepting = false;
  };
  return listener;
}

// SWF calls are all `POST /`: skip the URL parser for them. The path is cut by hand because
// `new URL('//', base)` throws (it reads `//` as a host to come): repeated slashes collapse, so
// `POST //` is the SWF endpoint and `//[` an unknown route, both answered, never a 500.
function pathOf(url: string | undefined): string {
  if (url === undefined || url === '/') return '/';
  if (/^[a-z][\w+.-]*:\/\//i.test(url)) {
    // Absolute form (`POST http://host/ HTTP/1.1`), which proxies send.
    try {
      return new URL(url).pathname;
    } catch {
      return url;
    }
  }
  const end = url.search(/[?#]/);
  return (end === -1 ? url : url.slice(0, end)).replace(/\/{2,}/g, '/') || '/';
}
