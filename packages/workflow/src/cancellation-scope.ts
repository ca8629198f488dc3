/**
 * Cancellation scopes. Every awaitable workflow operation belongs to one scope (the workflow's root
 * scope unless given another); cancelling a scope cancels its operations and its child scopes. A
 * cancel request for the workflow cancels the root scope. Scopes are explicit objects rather than
 * ambient context because the runtime has no async-local storage.
 */

export class CancellationScope {
  #cancelled = false;
  readonly #listeners = new Set<() => void>();

  /** A scope cancelled with `parent`, or on its own when `parent` is undefined (non-cancellable from outside). */
  constructor(parent?: CancellationScope) {
    parent?.onCancel(() => this.cancel());
  }

  get isCancelled(): boolean {
    return this.#cancelled;
  }

  /** Cancels every operation in this scope and every child scope. Idempotent. */
  cancel(): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    const listeners = [...this.#listeners];
    this.#listeners.clear();
    for (const listener of listeners) listener();
  }

  /** Calls `listener` once when this scope is cancelled (at once if it already is); returns an unsubscribe function. */
  onCancel(listener: () => void): () => void {
    if (this.#cancelled) {
      listener();
      return () => undefined;
    }
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
