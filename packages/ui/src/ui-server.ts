/** `swirl ui`: the UI on its own port, in front of any SWF endpoint (the local server or Amazon SWF). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createUiRequestListener } from './ui-request-listener.js';
import { UI_BASE_PATH, type UiAppOptions } from './ui-app.js';

export interface StartUiServerOptions extends UiAppOptions {
  /** TCP port; 0 picks a free one. @default 8234 */
  readonly port?: number;
  /**
   * Interface to bind. The UI acts with the credentials of this process, so it stays on loopback unless asked.
   * @default '127.0.0.1'
   */
  readonly host?: string;
}

export interface UiServer {
  /** The page's address, e.g. `http://127.0.0.1:8234/ui/`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Thrown by {@link startUiServer} when the port is taken. */
export class UiPortInUseError extends Error {
  override readonly name = 'UiPortInUseError';
  constructor(host: string, port: number, options?: ErrorOptions) {
    super(`Port ${port} on ${host} is already in use: stop the process holding it, or choose another with --port (0 picks a free one)`, options);
  }
}

export async function startUiServer(options: StartUiServerOptions): Promise<UiServer> {
  const { port: requested = 8234, host = '127.0.0.1', ...appOptions } = options;
  const basePath = appOptions.basePath ?? UI_BASE_PATH;
  const listener = createUiRequestListener(appOptions);
  const server = createServer((request, response) => {
    // Only the UI lives here: send the root to it.
    if (request.url === '/' || request.url === '') {
      response.writeHead(302, { Location: `${basePath}/` }).end();
      return;
    }
    void listener(request, response);
  });
  await listen(server, requested, host);
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}${basePath}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new UiPortInUseError(host, port, { cause: error }) : error));
    server.listen(port, host, () => resolve());
  });
}
