/**
 * SWF holds a long poll for up to 60 s, so the poll's HTTP request must be allowed at least 70 s.
 * Each poll passes `requestTimeout` per request (which overrides the client's); a client-wide socket
 * timeout cannot be overridden per request, so a short one is reported once, loudly.
 */
import type { SWFClient } from '@aws-sdk/client-swf';
import type { Logger } from 'pino';

interface HandlerTimeouts {
  readonly socketTimeout?: number;
  readonly requestTimeout?: number;
}

export const MIN_POLL_TIMEOUT_MS = 70_000;

/** The client's handler timeouts, once the SDK has resolved its handler configuration. */
export function handlerTimeouts(client: SWFClient): HandlerTimeouts {
  const handler = client.config.requestHandler as { httpHandlerConfigs?: () => HandlerTimeouts } | undefined;
  return handler?.httpHandlerConfigs?.() ?? {};
}

export class PollTimeoutCheck {
  readonly #client: SWFClient;
  readonly #logger: Logger;
  #done = false;

  constructor(client: SWFClient, logger: Logger) {
    this.#client = client;
    this.#logger = logger;
  }

  /** Warns (once) when the client's socket timeout would cut long polls short. */
  checkOnce(): void {
    if (this.#done) return;
    const timeouts = handlerTimeouts(this.#client);
    // The handler resolves its configuration on first use; check again after the next call until it has.
    if (Object.keys(timeouts).length === 0) return;
    const { socketTimeout } = timeouts;
    this.#done = true;
    if (socketTimeout !== undefined && socketTimeout > 0 && socketTimeout < MIN_POLL_TIMEOUT_MS) {
      this.#logger.warn(
        { socketTimeout, required: MIN_POLL_TIMEOUT_MS },
        `the SWF client's requestHandler socketTimeout (${socketTimeout} ms) is shorter than a long poll (up to 60 s): idle polls will fail. Configure NodeHttpHandler with socketTimeout >= ${MIN_POLL_TIMEOUT_MS} ms`,
      );
    }
  }
}
