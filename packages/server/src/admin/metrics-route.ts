import type { Logger } from 'pino';
import { sendJson } from '../http/responses.js';
import type { AdminRequestHandler } from './admin-routes.js';
import type { ServerMetrics } from './server-metrics.js';

export const METRICS_PATH = '/metrics';

/**
 * `GET /metrics`: the server's metrics in the Prometheus text format, for a Prometheus scrape
 * job or `curl`. Returns false for every other path, so it chains after the admin routes.
 */
export function createMetricsRequestHandler(metrics: ServerMetrics, logger: Logger): AdminRequestHandler {
  return async (request, response, path, requestId) => {
    if (path !== METRICS_PATH) return false;
    request.resume();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, requestId, 405, { __type: 'MethodNotAllowed', message: `${request.method ?? '?'} is not allowed on ${METRICS_PATH}; use GET` }, [
        'Allow',
        'GET, HEAD',
      ]);
      return true;
    }
    let text: string;
    try {
      text = await metrics.registry.metrics();
    } catch (error) {
      logger.error({ err: error }, 'collecting the metrics failed');
      sendJson(response, requestId, 500, { __type: 'InternalFailure', message: 'Collecting the metrics failed; see the server log' });
      return true;
    }
    response.writeHead(200, {
      'Content-Type': metrics.registry.contentType,
      'Content-Length': Buffer.byteLength(text),
      'x-amzn-RequestId': requestId,
    });
    response.end(request.method === 'HEAD' ? undefined : text);
    return true;
  };
}

/** Runs admin handlers in turn until one answers. */
export function chainAdminHandlers(...handlers: readonly AdminRequestHandler[]): AdminRequestHandler {
  return async (request, response, path, requestId) => {
    for (const handler of handlers) {
      if (await handler(request, response, path, requestId)) return true;
    }
    return false;
  };
}
