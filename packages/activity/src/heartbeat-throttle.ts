/**
 * Sends at most one heartbeat per interval and always the newest details: a call inside the interval
 * is held and sent when the interval ends, so the last details recorded are never lost.
 */

export interface HeartbeatThrottleOptions {
  /** Minimum time between two heartbeats sent, in milliseconds. */
  readonly intervalMs: number;
  /** Clock in epoch milliseconds; injectable for tests. @default Date.now */
  readonly now?: () => number;
  /** Called once, the first time a call is held back because it came inside the interval. @default none */
  readonly onFirstHold?: () => void;
}

export class HeartbeatThrottle {
  readonly #send: (details: unknown) => Promise<void>;
  readonly #now: () => number;
  #onFirstHold: (() => void) | undefined;
  #intervalMs: number;
  #pending: { details: unknown } | undefined;
  #inFlight: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #lastSentAt = Number.NEGATIVE_INFINITY;
  #closed = false;

  constructor(send: (details: unknown) => Promise<void>, options: HeartbeatThrottleOptions) {
    this.#send = send;
    this.#intervalMs = options.intervalMs;
    this.#now = options.now ?? Date.now;
    this.#onFirstHold = options.onFirstHold;
  }

  get intervalMs(): number {
    return this.#intervalMs;
  }

  /** Records details to send; sends now when the interval allows it, otherwise at the end of it. */
  record(details: unknown): void {
    if (this.#closed) return;
    this.#pending = { details };
    this.#schedule();
  }

  /** Changes the interval; a heartbeat held right now is sent by the new interval's end (at once if that has passed). */
  setInterval(intervalMs: number): void {
    this.#intervalMs = intervalMs;
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#schedule();
    }
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
    if (this.#closed || this.#timer || !this.#pending) return;
    if (this.#inFlight) return this.#held();
    const wait = this.#lastSentAt + this.#intervalMs - this.#now();
    if (wait <= 0) {
      this.#flush();
      return;
    }
    this.#held();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flush();
    }, wait);
    // A held heartbeat must not keep the process alive on its own.
    this.#timer.unref();
  }

  #held(): void {
    const onFirstHold = this.#onFirstHold;
    this.#onFirstHold = undefined;
    onFirstHold?.();
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
