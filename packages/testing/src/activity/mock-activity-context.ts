/**
 * Activity unit tests without a worker: a real `ActivityContext` (heartbeat, AbortSignal, info,
 * manual completion) whose heartbeats are recorded instead of sent, and which a test can cancel.
 */
import {
  createActivityContext,
  runInActivityContext,
  type Activities,
  type ActivityCancellationReason,
  type ActivityContext,
  type ActivityInfo,
  type ActivityTaskControl,
  type HeartbeatOutcome,
} from '@swirl/activity';
import { fromSwfDuration, parseDuration, resolveActivityType, type ActivityTypeCarrier, type DurationInput } from '@swirl/core';

export interface MockActivityContextOptions {
  /** Fields of `context.info` to set; the rest get test defaults. */
  readonly info?: Partial<ActivityInfo>;
  /** Sets `info.heartbeatTimeoutMs`. @default the type's registered default, or none */
  readonly heartbeatTimeout?: DurationInput | undefined;
  /** Sets `info.startToCloseTimeoutMs` and `info.deadline`. @default the type's registered default, or none */
  readonly startToCloseTimeout?: DurationInput | undefined;
  /**
   * What SWF answers to each heartbeat: `CANCEL_REQUESTED` or `TASK_GONE` abort the signal, as on a
   * worker. A function gets the details and the heartbeat's index. @default 'OK'
   */
  readonly heartbeatOutcome?: HeartbeatOutcome | ((details: unknown, index: number) => HeartbeatOutcome);
}

const DEFAULT_INFO = {
  domain: 'test-domain',
  taskList: 'test-activities',
  taskToken: 'test-task-token',
  activityId: 'test-activity',
  activityType: { name: 'TestActivity', version: '1' },
  workflowExecution: { workflowId: 'test-workflow', runId: 'test-run' },
  startedEventId: 0,
  attempt: 1,
} as const;

function buildInfo(options: MockActivityContextOptions): ActivityInfo {
  const startedAt = options.info?.startedAt ?? new Date();
  const heartbeatTimeoutMs = options.heartbeatTimeout === undefined ? options.info?.heartbeatTimeoutMs : parseDuration(options.heartbeatTimeout);
  const startToCloseTimeoutMs = options.startToCloseTimeout === undefined ? options.info?.startToCloseTimeoutMs : parseDuration(options.startToCloseTimeout);
  return {
    ...DEFAULT_INFO,
    ...options.info,
    startedAt,
    heartbeatTimeoutMs,
    startToCloseTimeoutMs,
    deadline: options.info?.deadline ?? (startToCloseTimeoutMs === undefined ? undefined : new Date(startedAt.getTime() + startToCloseTimeoutMs)),
  };
}

export class MockActivityContext {
  /** The context the activity sees (`this.context`, `ActivityContext.current()`). */
  readonly context: ActivityContext;
  /** Details of every heartbeat sent, in order (consecutive calls in one tick coalesce to the newest, as on a worker). */
  readonly heartbeats: unknown[] = [];
  readonly #control: ActivityTaskControl;

  constructor(options: MockActivityContextOptions = {}) {
    const outcome = options.heartbeatOutcome ?? 'OK';
    this.#control = createActivityContext({
      info: buildInfo(options),
      // No throttling: a test sees each heartbeat as soon as the activity sends it.
      heartbeatThrottleMs: 0,
      recordHeartbeat: async (details) => {
        this.heartbeats.push(details);
        return typeof outcome === 'function' ? outcome(details, this.heartbeats.length - 1) : outcome;
      },
    });
    this.context = this.#control.context;
  }

  get info(): ActivityInfo {
    return this.context.info;
  }

  get signal(): AbortSignal {
    return this.context.signal;
  }

  /** True once the activity called `doNotComplete()`. */
  get completesManually(): boolean {
    return this.#control.completesManually;
  }

  /** Aborts the activity's signal, as when the workflow cancels it (the default), SWF forgets it, or the worker stops. */
  cancel(reason: ActivityCancellationReason = 'CANCEL_REQUESTED'): void {
    this.#control.abort(reason);
  }

  /** Runs `fn` with this context as the current activity context. */
  run<T>(fn: () => T): T {
    return runInActivityContext(this.context, fn);
  }

  /** Stops heartbeating and waits for a heartbeat in flight, as a worker does when the task ends. */
  async dispose(): Promise<void> {
    await this.#control.dispose();
  }
}

type Method = (input?: any) => unknown;

/** The activity method names of an `Activities` instance. */
export type ActivityMethodName<A> = { [K in keyof A]: A[K] extends Method ? K : never }[keyof A] & string;

type ActivityInput<A, M extends ActivityMethodName<A>> = A[M] extends (...args: infer P) => unknown ? P[0] : never;
type ActivityResult<A, M extends ActivityMethodName<A>> = A[M] extends (...args: any[]) => infer R ? Awaited<R> : never;

export interface RunActivityOptions extends MockActivityContextOptions {
  /** Run with this context (to cancel it or read its heartbeats while the activity runs). @default a new one */
  readonly context?: MockActivityContext;
}

/**
 * Runs one activity method of `activities` inside a mock context and returns its result (or throws
 * its error). `info.activityType` and the timeouts default to what the class declares for the method.
 *
 * @example
 * ```ts
 * const mock = new MockActivityContext();
 * const copying = runActivity(new FileActivities(), 'copy', { files: ['a', 'b'] }, { context: mock });
 * mock.cancel();
 * await expect(copying).rejects.toThrow(ActivityCancelledError);
 * ```
 */
export async function runActivity<A extends Activities, M extends ActivityMethodName<A>>(
  activities: A,
  method: M,
  input: ActivityInput<A, M>,
  options: RunActivityOptions = {},
): Promise<ActivityResult<A, M>> {
  const type = resolveActivityType(activities.constructor as unknown as ActivityTypeCarrier, method);
  const mock =
    options.context ??
    new MockActivityContext({
      ...options,
      heartbeatTimeout: options.heartbeatTimeout ?? durationOf(type.defaultTaskHeartbeatTimeout),
      startToCloseTimeout: options.startToCloseTimeout ?? durationOf(type.defaultTaskStartToCloseTimeout),
      info: { activityType: { name: type.name, version: type.version }, ...options.info },
    });
  const fn = activities[method] as unknown as (input: unknown) => unknown;
  try {
    return (await mock.run(() => fn.call(activities, input))) as ActivityResult<A, M>;
  } finally {
    if (!options.context) await mock.dispose();
  }
}

/** A registered SWF duration (`"300"`, `"NONE"`) as milliseconds, or undefined when absent or NONE. */
function durationOf(wire: string | undefined): number | undefined {
  if (wire === undefined || wire === 'NONE') return undefined;
  return fromSwfDuration(wire) * 1_000;
}
