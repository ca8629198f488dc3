/**
 * The web UI as one Hono app: the JSON API under `<basePath>/api` (every SWF call made here, on the
 * server, through the SDK client it is given, so the browser never holds credentials) and the built
 * page under `<basePath>/`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { SWFClient } from '@aws-sdk/client-swf';
import { serveStatic } from '@hono/node-server/serve-static';
import type { PayloadCodec } from '@swirl/core';
import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { pino, type Logger } from 'pino';
import { domainRoutes } from './api/domain-routes.js';
import { executionListRoutes } from './api/execution-list-routes.js';
import { executionRoutes } from './api/execution-routes.js';
import { PayloadView } from './api/payload-view.js';
import { sameOriginActions } from './api/same-origin.js';
import { answerError, UiRequestError } from './api/ui-error.js';

/** Where the page is served unless told otherwise; `swirl server` mounts it there. */
export const UI_BASE_PATH = '/ui';

/** The page's built files (index.html and hashed assets), shipped inside the package. */
export const UI_ASSETS_DIR = fileURLToPath(new URL('../assets/', import.meta.url));

export interface UiAppOptions {
  /** Every SWF call the UI makes goes through this client: its region, credentials and endpoint decide where. */
  readonly swf: SWFClient;
  /**
   * Path prefix of the page and its API (`/ui` serves `/ui/` and `/ui/api/...`).
   * @default '/ui'
   */
  readonly basePath?: string;
  /**
   * Decodes payload fields of history events for display (the codecs the workers use, chained with
   * `chainCodecs`). Without one, payloads are shown as SWF stores them.
   * @default undefined (payloads shown raw)
   */
  readonly codec?: PayloadCodec;
  /** Failed API calls at warn (SWF faults at info), with the path. @default pino at `warn` */
  readonly logger?: Logger;
  /** Folder of the built page. @default the package's own `assets/` */
  readonly assetsDir?: string;
}

export function createUiApp(options: UiAppOptions): Hono {
  const basePath = options.basePath ?? UI_BASE_PATH;
  const logger = options.logger ?? pino({ name: 'swirl-ui', level: 'warn' });
  const assetsDir = options.assetsDir ?? UI_ASSETS_DIR;
  const payloads = new PayloadView(options.codec);

  const api = new Hono();
  api.use('*', sameOriginActions());
  api.route('/', domainRoutes(options.swf));
  api.route('/', executionListRoutes(options.swf));
  api.route('/', executionRoutes(options.swf, payloads));
  api.notFound((c) => answerError(c, new UiRequestError(`No API route for ${c.req.method} ${c.req.path}`, 404, 'NotFound')));

  // strict: false lets `/` match both `<basePath>` and `<basePath>/`; the handler redirects the first.
  const app = new Hono({ strict: false }).basePath(basePath);
  app.use(
    '*',
    secureHeaders({
      // Payloads are text, never markup; the policy is the second line of defence should that ever slip.
      contentSecurityPolicy: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
      crossOriginResourcePolicy: 'same-origin',
      // Plain http on loopback: HSTS would only confuse other local services on this host name.
      strictTransportSecurity: false,
    }),
  );
  app.route('/api', api);
  app.onError((error, c) => {
    const isFault = error instanceof UiRequestError || typeof (error as { $metadata?: unknown }).$metadata === 'object';
    if (isFault) logger.info({ path: c.req.path, type: error.name, message: error.message }, 'UI API call refused');
    else logger.warn({ err: error, path: c.req.path }, 'UI API call failed');
    return answerError(c, error);
  });

  // The page itself: `<basePath>` redirects to `<basePath>/` so relative asset URLs resolve.
  app.get('/', (c) => (new URL(c.req.url).pathname.endsWith('/') ? serveIndex(c, assetsDir) : c.redirect(`${basePath}/`, 308)));
  app.use(
    '/assets/*',
    serveStatic({ root: assetsDir, rewriteRequestPath: (path) => path.slice(basePath.length), onFound: (_path, c) => void c.header('Cache-Control', 'public, max-age=31536000, immutable') }),
  );
  app.notFound((c) => c.text(`Not found: ${c.req.path}. The UI is at ${basePath}/`, 404));
  return app;
}

async function serveIndex(c: Context, assetsDir: string): Promise<Response> {
  const index = `${assetsDir}/index.html`;
  if (!existsSync(index)) {
    return c.text(`The UI's page is not built (${index} is missing): run \`pnpm --filter @swirl/ui build:web\``, 503);
  }
  c.header('Cache-Control', 'no-cache');
  return c.html(await readFile(index, 'utf8'));
}
