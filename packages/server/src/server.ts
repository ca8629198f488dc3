import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { Logger } from 'pino';
import { createAdminRequestHandler } from './admin/admin-routes.js';
import { chainAdminHandlers, createMetricsRequestHandler } from './admin/metrics-route.js';
import { ServerMetrics } from './admin/server-metrics.js';
import { createSigV4Authenticator, type SigV4AuthOptions } from './auth/sigv4-authenticator.js';
import { SwfEngine } from './engine/swf-engine.js';
import { answerClientError } from './http/client-error.js';
import type { SwfEngineOptions } from './engine/swf-engine.js';
import { FaultInjector } from './http/fault-injection.js';
import type { FaultInjectionOptions } from './http/fault-injection.js';
import { Mounts, type MountedHandler } from './http/mounts.js';
import { createRequestListener } from './http/request-listener.js';
import { createSwfRequestHandler } from './http/swf-request-handler.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';

/**
 * Options of {@link startServer}; everything has a default. Every `SwfEngine` option passes
 * through unchanged (`store`, `clock`, `throttling`, `decisionRateLimits`, `historyEventLimit`, ...).
 */
export interface StartServerOptions extends Readonly<Omit<SwfEngineOptions, 'logger'>> {
  /**
   * TCP port; 0 picks a free one (read it back from `server.port`).
   * @default 0
   */
  readonly port?: number;
  /**
   * Interface to bind. Without `auth` the server accepts any caller, so it stays on loopback unless asked.
   * @default '127.0.0.1'
   */
  readonly host?: string;
  /**
   * Verify each SWF call's SigV4 signature against these access keys, answering a bad one with the
   * fault the service gives (`InvalidSignatureException`, `UnrecognizedClientException`, ...).
   * Admin endpoints stay open.
   * @default undefined (signatures are not checked, as on a loopback emulator)
   */
  readonly auth?: SigV4AuthOptions;
  /**
   * A SQLite file the server opens as its durable store (created when missing) and closes after
   * the engine on `close()`. Exclusive with `store`, whose owner closes it.
   * @default undefined (the engine's default `MemoryStore`)
   */
  readonly databasePath?: string;
  /**
   * Root logger: one line per request at debug, client faults at info, internal errors at error.
   * @default pino at level `warn`
   */
  readonly logger?: Logger;
  /** Answer a fraction of calls with ThrottlingException or HTTP 503, for resilience tests. */
  readonly faultInjection?: FaultInjectionOptions;
}

/** A running server. */
export interface SwirlServer {
  /** `http://127.0.0.1:PORT`: pass it as `endpoint` (SDK v3), `--endpoint-url` (CLI) or `endpoint_url` (boto3). */
  readonly endpoint: string;
  readonly port: number;
  /** The engine behind the HTTP front end, for in-process inspection and control. */
  readonly engine: SwfEngine;
  /**
   * Serves `handler` for every request under `prefix` on this server's port (the CLI mounts the web
   * UI at `/ui`). Throws `InvalidMountError` for a malformed or taken prefix, or one that would hide the admin routes.
   */
  mount(prefix: string, handler: MountedHandler): void;
  /** Answers held long polls, closes every socket and stops listening. Idempotent. */
  close(): Promise<void>;
}

/** Thrown by {@link startServer} when its port is already taken. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly host: string,
    readonly port: number,
    options?: ErrorOptions,
  ) {
    super(`Port ${port} on ${host} is already in use: stop the process holding it, or choose another port with --port (0 picks a free one)`, options);
  }
}

/** How long an idle keep-alive connection stays open; sent to clients as `Keep-Alive: timeout=65`. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

// Held polls are answered by engine.close(); anything still running after this is cut off.
const SHUTDOWN_GRACE_MS = 2_000;

/**
 * Starts the SWF-compatible server: an `SwfEngine` behind the AWS JSON 1.0 front end and the
 * admin endpoints (`POST /_swirl/reset`, `POST /moto-api/reset`, `GET /_swirl/health`) and
 * Prometheus metrics at `GET /metrics`.
 */
export async function startServer(options: StartServerOptions = {}): Promise<SwirlServer> {
  // What is left after the server's own options is the engine's, passed through as given.
  const { port: requestedPort = 0, host = '127.0.0.1', databasePath, logger: givenLogger, faultInjection, auth, ...engineOptions } = options;
  const logger = givenLogger ?? pino({ name: 'swirl-server', level: 'warn' });
  if (databasePath !== undefined && engineOptions.store !== undefined) {
    throw new TypeError('startServer: pass either `store` (yours to close) or `databasePath` (a SQLite file the server opens and closes), not both');
  }
  const faultInjector = faultInjection === undefined ? undefined : new FaultInjector(faultInjection);
  const authenticate = auth === undefined ? undefined : createSigV4Authenticator(auth);
  // A store the server opened is the server's to close, after the engine that writes to it.
  const ownedStore = databasePath === undefined ? undefined : new SqliteStore({ path: databasePath });
  let engine: SwfEngine;
  try {
    engine = new SwfEngine({ ...engineOptions, logger, ...(ownedStore && { store: ownedStore }) });
  } catch (error) {
    ownedStore?.close();
    throw error;
  }
  const stopEngine = (): void => {
    engine.close();
    ownedStore?.close();
  };

  const metrics = new ServerMetrics(engine);
  const mounts = new Mounts();
  const listener = createRequestListener({
    mounts,
    swf: metrics.meter(createSwfRequestHandler({ executor: engine, logger, faultInjector, authenticate })),
    admin: chainAdminHandlers(createAdminRequestHandler({ engine, logger, startedAt: Date.now() }), createMetricsRequestHandler(metrics, logger)),
    logger,
  });
  const server = createServer(listener);
  // Node closes a keep-alive connection after 5 s idle; an SDK client can pick that socket for its
  // next call just as the close arrives and fail with "socket hang up". Keep idle connections longer
  // than any client's own idle timeout (the SDK's agent keeps them indefinitely) and than a long poll.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  server.on('clientError', answerClientError(logger));

  try {
    await listen(server, requestedPort, host);
  } catch (error) {
    stopEngine();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://${urlHost(host)}:${port}`;
  logger.info({ endpoint, auth: auth?.type ?? 'none' }, 'swirl server listening');

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      listener.stopAccepting();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      stopEngine();
      await settleOrTimeout(listener.idle(), SHUTDOWN_GRACE_MS);
      server.closeAllConnections();
      await stopped;
      logger.info({ endpoint }, 'swirl server stopped');
    })();
    return closing;
  };

  return { endpoint, port, engine, mount: (prefix, handler) => mounts.add(prefix, handler), close };
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port, { cause: error }) : error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

// An endpoint clients can dial: wildcard binds are reached through loopback; IPv6 literals need brackets.
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

async function settleOrTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  await Promise.race([promise, timeout]);
  clearTimeout(timer);
}
