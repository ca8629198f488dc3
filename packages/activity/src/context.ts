/**
 * The activity context: what a running activity can see and do. It is bound to the async call chain
 * of the activity (AsyncLocalStorage), so one `Activities` instance serves many concurrent tasks and
 * `this.context` / `ActivityContext.current()` always return the context of the calling task.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ActivityCancelledError, type ActivityCancellationReason } from './cancellation.js';
import { HeartbeatThrottle } from './heartbeat-throttle.js';
import type { ActivityInfo } from './info.js';

/** What SWF answered to a heartbeat. */
export type HeartbeatOutcome = 'OK' | 'CANCEL_REQUESTED' | 'TASK_GONE';

/** Sends one heartbeat (RecordActivityTaskHeartbeat); throws on transport errors. */
export type HeartbeatRecorder = (details: unknown) => Promise<HeartbeatOutcome>;

export interface ActivityContextOptions {
  readonly info: ActivityInfo;
  /** Sends heartbeats; the worker converts and encodes the details. */
  readonly recordHeartbeat: HeartbeatRecorder;
  /** Minimum time between two heartbeats sent to SWF, in milliseconds. */
  readonly heartbeatThrottleMs: number;
  /** Called when a heartbeat could not be sent (it is retried with the next one). @default none */
  readonly onHeartbeatError?: (error: unknown) => void;
  /** Called with the details of every `heartbeat()` call, before throttling (a test double records each one). @default none */
  readonly onHeartbeat?: (details: unknown) => void;
  /**
   * Called once, the first time the throttle holds a heartbeat back because calls come faster than
   * `heartbeatThrottleMs` (the worker then checks the interval against the task's real timeout). @default none
   */
  readonly onThrottled?: () => void;
}

const storage = new AsyncLocalStorage<ActivityContext>();

export class NoActivityContextError extends Error {
  override readonly name = 'NoActivityContextError';
  constructor() {
    super(
      'No activity context: ActivityContext.current() and this.context work only while a worker (or a test harness) runs an activity method',
    );
  }
}

export class ActivityContext {
  /** Identity, task token and timing of this task. */
  readonly info: ActivityInfo;
  /** Aborted when the workflow cancels the activity, SWF forgets the task, or the worker shuts down. */
  readonly signal: AbortSignal;
  readonly #abortController: AbortController;
  readonly #throttle: HeartbeatThrottle;
  readonly #onHeartbeat: ((details: unknown) => void) | undefined;
  #lastHeartbeatDetails: unknown;
  #manualCompletion = false;

  /** Use `createActivityContext`: the executor keeps the control half. */
  private constructor(options: ActivityContextOptions, abortController: AbortController) {
    this.info = options.info;
    this.#abortController = abortController;
    this.signal = abortController.signal;
    const { recordHeartbeat, onHeartbeatError } = options;
    this.#onHeartbeat = options.onHeartbeat;
    this.#throttle = new HeartbeatThrottle(
      async (details) => {
        try {
          const outcome = await recordHeartbeat(details);
          if (outcome !== 'OK') this.#abort(outcome);
        } catch (error) {
          onHeartbeatError?.(error);
        }
      },
      { intervalMs: options.heartbeatThrottleMs, ...(options.onThrottled && { onFirstHold: options.onThrottled }) },
    );
  }

  /** The context of the activity running on this call chain. Throws `NoActivityContextError` outside one. */
  static current(): ActivityContext {
    const context = storage.getStore();
    if (!context) throw new NoActivityContextError();
    return context;
  }

  /** The context of the activity running on this call chain, or `undefined`. */
  static currentOrUndefined(): ActivityContext | undefined {
    return storage.getStore();
  }

  /**
   * Reports progress to SWF, resetting the heartbeat timeout. Calls are throttled below the timeout:
   * call it as often as you like; the newest details are sent. Cancellation shows on `signal`.
   */
  heartbeat(details?: unknown): void {
    this.#lastHeartbeatDetails = details;
    this.#onHeartbeat?.(details);
    this.#throttle.record(details);
  }

  /** The details of the latest `heartbeat()` call of this task. */
  get lastHeartbeatDetails(): unknown {
    return this.#lastHeartbeatDetails;
  }

  /**
   * Marks the task as completed elsewhere: when the method returns (or throws), the worker sends
   * nothing to SWF. Finish it later with an ActivityCompletionClient and `info.taskToken`.
   */
  doNotComplete(): void {
    this.#manualCompletion = true;
  }

  /** @internal read by the task control */
  get completesManually(): boolean {
    return this.#manualCompletion;
  }

  #abort(reason: ActivityCancellationReason): void {
    if (!this.signal.aborted) this.#abortController.abort(new ActivityCancelledError(reason));
  }

  /** @internal builds a context and its control; see `createActivityContext`. */
  static create(options: ActivityContextOptions): ActivityTaskControl {
    const context = new ActivityContext(options, new AbortController());
    return new ActivityTaskControl(context, (reason) => context.#abort(reason), context.#throttle);
  }
}

/** The executor's half of a context: abort it, heartbeat automatically, dispose it when the task ends. */
export class ActivityTaskControl {
  readonly context: ActivityContext;
  readonly #abort: (reason: ActivityCancellationReason) => void;
  readonly #throttle: HeartbeatThrottle;
  #autoHeartbeat: NodeJS.Timeout | undefined;
  #disposed = false;

  /** @internal */
  constructor(context: ActivityContext, abort: (reason: ActivityCancellationReason) => void, throttle: HeartbeatThrottle) {
    this.context = context;
    this.#abort = abort;
    this.#throttle = throttle;
  }

  /** Aborts the context's signal with an `ActivityCancelledError` of this reason (once). */
  abort(reason: ActivityCancellationReason): void {
    this.#abort(reason);
  }

  /** Heartbeats every `intervalMs` with the latest details until disposed. */
  startAutoHeartbeat(intervalMs: number): void {
    if (this.#autoHeartbeat || this.#disposed) return;
    this.#autoHeartbeat = setInterval(() => this.context.heartbeat(this.context.lastHeartbeatDetails), intervalMs);
    this.#autoHeartbeat.unref();
  }

  /** The heartbeat throttle interval in milliseconds. */
  get heartbeatIntervalMs(): number {
    return this.#throttle.intervalMs;
  }

  /**
   * Changes the throttle interval (and the automatic heartbeat's, if running), e.g. once the worker has
   * learned the heartbeat timeout the scheduling decision chose. Ignored after `dispose()`.
   */
  setHeartbeatInterval(intervalMs: number): void {
    if (this.#disposed) return;
    this.#throttle.setInterval(intervalMs);
    if (this.#autoHeartbeat) {
      clearInterval(this.#autoHeartbeat);
      this.#autoHeartbeat = undefined;
      this.startAutoHeartbeat(intervalMs);
    }
  }

  /** True once `dispose()` was called: the task is over. */
  get disposed(): boolean {
    return this.#disposed;
  }

  /** True when the activity called `doNotComplete()`. */
  get completesManually(): boolean {
    return this.context.completesManually;
  }

  /** Runs `fn` with this context as the current activity context. */
  run<T>(fn: () => T): T {
    return runInActivityContext(this.context, fn);
  }

  /** Stops heartbeating; waits for a heartbeat in flight so no call outlives the task. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    if (this.#autoHeartbeat) clearInterval(this.#autoHeartbeat);
    this.#autoHeartbeat = undefined;
    this.#throttle.close();
    await this.#throttle.settled();
  }
}

/** Builds an activity context for a worker or a test harness; returns its control half. */
export function createActivityContext(options: ActivityContextOptions): ActivityTaskControl {
  return ActivityContext.create(options);
}

/** Runs `fn` with `context` as the current activity context (for workers and test harnesses). */
export function runInActivityContext<T>(context: ActivityContext, fn: () => T): T {
  return storage.run(context, fn);
}
