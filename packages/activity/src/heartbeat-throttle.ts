/**
 * Sends at most one heartbeat per interval and always the newest details: a call inside the interval
 * is held and sent when the interval ends, so the last details recorded are never lost.
 */

export class HeartbeatThrottle {
  readonly #send: (details: unknown) => Promise<void>;
  readonly #intervalMs: number;
  readonly #now: () => number;
  #pending: { details: unknown } | undefined;
  #inFlight: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #lastSentAt = Number.NEGATIVE_INFINITY;
  #closed = false;

  constructor(send: (details: unknown) => Promise<void>, intervalMs: number, now: () => number = Date.now) {
    this.#send = send;
    this.#intervalMs = intervalMs;
    this.#now = now;
  }

  /** Records details to send; sends now when the interval allows it, otherwise at the end of it. */
  record(details: unknown): void {
    if (this.#closed) return;
    this.#pending = { details };
    this.#schedule();
  }

  /** Waits for a heartbeat being sent right now, if any. */
  async settled(): Promise<void> {
    await this.#inFlight;
  }

  /** Stops sending; details still held are dropped (the task is over). */
  close(): void {
    this.#closed = true;
    this.#pending = undefined;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    if (this.#closed || this.#inFlight || this.#timer || !this.#pending) return;
    const wait = this.#lastSentAt + this.#intervalMs - this.#now();
    if (wait <= 0) {
      this.#flush();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flush();
    }, wait);
    // A held heartbeat must not keep the process alive on its own.
    this.#timer.unref();
  }

  #flush(): void {
    const pending = this.#pending;
    if (!pending || this.#closed) return;
    this.#pending = undefined;
    this.#lastSentAt = this.#now();
    this.#inFlight = this.#send(pending.details).finally(() => {
      this.#inFlight = undefined;
      this.#schedule();
    });
  }
}
