import type { IncomingMessage, ServerResponse } from 'node:http';

/** A node:http handler that answers every request under its prefix (the web UI is one). */
export type MountedHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** Thrown by {@link Mounts.add} for a prefix that is malformed or would hide the SWF or admin routes. */
export class InvalidMountError extends Error {
  override readonly name = 'InvalidMountError';
}

// `/` is the SWF endpoint and `/_swirl`, `/moto-api` the admin endpoints: a mount may not shadow them.
const RESERVED = ['/_swirl', '/moto-api'];

/**
 * Handlers mounted beside the SWF API under path prefixes, e.g. `/ui` for the web UI. The server
 * stays free of what it mounts: the handler arrives from outside (the CLI wires the UI in).
 */
export class Mounts {
  readonly #entries: Array<{ readonly prefix: string; readonly handler: MountedHandler }> = [];

  /** Mounts `handler` at `prefix` (`/name`, no trailing slash): it gets `prefix` and `prefix/...`. */
  add(prefix: string, handler: MountedHandler): void {
    if (!/^\/[\w.-]+(\/[\w.-]+)*$/.test(prefix)) {
      throw new InvalidMountError(`Mount prefix ${JSON.stringify(prefix)} is not allowed: use a path like "/ui" (letters, digits, . _ -), without a trailing slash`);
    }
    if (RESERVED.some((reserved) => prefix === reserved || prefix.startsWith(`${reserved}/`))) {
      throw new InvalidMountError(`Mount prefix ${prefix} would hide the admin endpoints (${RESERVED.join(', ')}); choose another`);
    }
    if (this.#entries.some((entry) => entry.prefix === prefix)) throw new InvalidMountError(`Something is already mounted at ${prefix}`);
    this.#entries.push({ prefix, handler });
  }

  /** The handler whose prefix covers `path`, if any. */
  find(path: string): MountedHandler | undefined {
    return this.#entries.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`))?.handler;
  }
}
