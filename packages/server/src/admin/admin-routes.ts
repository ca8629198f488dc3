import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { sendJson } from '../http/responses.js';

/** What the admin endpoints need from the engine. */
export interface ResettableEngine {
  /** Wipes every domain, type, execution and task list. */
  reset(): void | Promise<void>;
}

export interface AdminRoutesOptions {
  readonly engine: ResettableEngine;
  readonly logger: Logger;
  /** Server start time (epoch ms), reported by the health endpoint. */
  readonly startedAt: number;
}

/** `/moto-api/reset` is what test suites written for moto's server mode call between tests. */
export const RESET_PATHS: readonly string[] = ['/_swirl/reset', '/moto-api/reset'];
export const HEALTH_PATH = '/_swirl/health';

/** Answers one admin request; returns false when the path is not an admin path. */
export type AdminRequestHandler = (request: IncomingMessage, response: ServerResponse, path: string, requestId: string) => Promise<boolean>;

/**
 * Admin endpoints beside the SWF API: `POST /_swirl/reset` (and `POST /moto-api/reset`) wipe all
 * state; `GET /_swirl/health` answers 200 while the server runs.
 */
export function createAdminRequestHandler(options: AdminRoutesOptions): AdminRequestHandler {
  const { engine, logger, startedAt } = options;
  return async (request, response, path, requestId) => {
    if (RESET_PATHS.includes(path)) {
      if (!allowMethod(request, response, requestId, 'POST')) return true;
      request.resume();
      await engine.reset();
      logger.info({ path }, 'state reset: every domain, type, execution and task list wiped');
      sendJson(response, requestId, 200, { status: 'ok', reset: true });
      return true;
    }
    if (path === HEALTH_PATH) {
      if (!allowMethod(request, response, requestId, 'GET')) return true;
      sendJson(response, requestId, 200, { status: 'ok', service: 'swirl', uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000) });
      return true;
    }
    return false;
  };
}

function allowMethod(request: IncomingMessage, response: ServerResponse, requestId: string, method: 'GET' | 'POST'): boolean {
  if (request.method === method) return true;
  request.resume();
  sendJson(response, requestId, 405, { __type: 'MethodNotAllowed', message: `${request.method ?? '?'} is not allowed here; use ${method}` }, [
    'Allow',
    method,
  ]);
  return false;
}
