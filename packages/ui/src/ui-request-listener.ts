/** The UI app as a node:http listener, for mounting on the local server's port (`SwirlServer.mount`). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createUiApp, type UiAppOptions } from './ui-app.js';

export type UiRequestListener = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * @example
 * ```ts
 * const server = await startServer({ port: 8233 });
 * server.mount('/ui', createUiRequestListener({ swf: createSwfClient({ endpoint: server.endpoint }) }));
 * ```
 */
export function createUiRequestListener(options: UiAppOptions): UiRequestListener {
  return getRequestListener(createUiApp(options).fetch);
}
