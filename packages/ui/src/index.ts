/**
 * @swirl/ui: a web page to watch and steer SWF executions, with the JSON API behind it. The API
 * calls SWF on the server side through the `SWFClient` it is given; the browser holds no credentials.
 *
 * @example
 * ```ts
 * import { createSwfClient } from '@swirl/client';
 * import { startUiServer } from '@swirl/ui';
 *
 * const ui = await startUiServer({ swf: createSwfClient(), port: 8234 });
 * console.log(`open ${ui.url}`);
 * ```
 */
export { createUiApp, UI_BASE_PATH, UI_ASSETS_DIR, type UiAppOptions } from './ui-app.js';
export { createUiRequestListener, type UiRequestListener } from './ui-request-listener.js';
export { startUiServer, UiPortInUseError, type StartUiServerOptions, type UiServer } from './ui-server.js';
export { UiRequestError, type UiErrorBody } from './api/ui-error.js';
