/**
 * Every action is a POST that must come from the UI's own page: a cross-site form or fetch could
 * otherwise terminate executions through a browser that can reach this loopback server.
 */
import type { MiddlewareHandler } from 'hono';
import { UiRequestError } from './ui-error.js';

/**
 * Refuses a state-changing request unless its `Origin` names this server (the `Host` it was sent to),
 * or, with no `Origin`, the browser says `Sec-Fetch-Site: same-origin`. A request with neither header
 * is not from a browser (curl, scripts) and holds no ambient authority to abuse, so it passes.
 * The body must be JSON, which a cross-site HTML form cannot send.
 */
export function sameOriginActions(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const origin = c.req.header('origin');
    const host = c.req.header('host');
    if (origin !== undefined) {
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        throw new UiRequestError(`Refused: the Origin header ${JSON.stringify(origin)} is not a URL`, 403, 'CrossOriginRequest');
      }
      if (host === undefined || originHost !== host) {
        throw new UiRequestError(`Refused a ${c.req.method} from ${origin}: actions are accepted only from the UI's own page at ${host ?? 'this server'}`, 403, 'CrossOriginRequest');
      }
    } else {
      const site = c.req.header('sec-fetch-site');
      if (site !== undefined && site !== 'same-origin' && site !== 'none') {
        throw new UiRequestError(`Refused a ${c.req.method} sent from a ${site} page: actions are accepted only from the UI's own page`, 403, 'CrossOriginRequest');
      }
    }
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw new UiRequestError(`Actions take a JSON body (Content-Type: application/json), got ${type === '' ? 'no Content-Type' : type}`, 415, 'UnsupportedMediaType');
    }
    return next();
  };
}
